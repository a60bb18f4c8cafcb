package org.luoshi.agency.registry;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.luoshi.events.model.AgencyEvent;
import org.luoshi.events.model.Reorganization;
import org.luoshi.platform.outbox.Outbox;
import org.luoshi.platform.security.CurrentActor;

/** Writes agency events to the outbox, each with the agency's full snapshot as it now stands. */
@ApplicationScoped
public class AgencyEvents {

    static final String TOPIC = "agency.events";
    static final String AGGREGATE = "agency";

    private final AgencyRepository agencies;
    private final AgencyMapper mapper;
    private final Outbox outbox;
    private final CurrentActor actor;

    public AgencyEvents(AgencyRepository agencies, AgencyMapper mapper, Outbox outbox, CurrentActor actor) {
        this.agencies = agencies;
        this.mapper = mapper;
        this.outbox = outbox;
        this.actor = actor;
    }

    /** Call inside the transaction of the change; flushes first so the snapshot carries the stored version. */
    public Uni<Agency> publish(String type, Agency agency, List<String> changedFields, Reorganization reorganization) {
        return agencies.flush().flatMap(flushed -> {
            AgencyEvent event = new AgencyEvent(mapper.toSnapshot(agency)).actor(actor.get()).reorganization(reorganization);
            if (changedFields != null && !changedFields.isEmpty()) {
                event.changedFields(changedFields);
            }
            return outbox.append(TOPIC, AGGREGATE, agency.id, type, event).replaceWith(agency);
        });
    }
}
