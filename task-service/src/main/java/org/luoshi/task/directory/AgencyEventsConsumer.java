package org.luoshi.task.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.luoshi.events.model.AgencyEvent;
import org.luoshi.events.model.AgencySnapshot;
import org.luoshi.events.model.Reorganization;
import org.luoshi.platform.inbox.IdempotentConsumer;
import org.luoshi.platform.inbox.PoisonEventException;
import org.luoshi.platform.inbox.ReceivedEvent;
import org.luoshi.task.tracking.GroupMembers;
import org.luoshi.task.tracking.Reassignments;
import org.luoshi.task.tracking.WaitingAssignments;

/**
 * Follows agency.events into the local directory. Each poll is applied in one transaction, its events in the order
 * they came, each once (inbox); an unreadable event or one the database refuses is dead-lettered to agency.events.dlq
 * alone and consumption goes on, while a database outage stops the consumer rather than dead-letter good events
 * ({@link IdempotentConsumer#applyBatch}). A reorganization or a republished registry arrives as a burst of events.
 */
@ApplicationScoped
public class AgencyEventsConsumer {

    static final String CONSUMER = "task-service-directory";
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}");

    private final IdempotentConsumer idempotent;
    private final AgencyDirectory directory;
    private final Reassignments reassignments;
    private final WaitingAssignments waiting;
    private final GroupMembers groups;
    private final ObjectMapper events;

    public AgencyEventsConsumer(IdempotentConsumer idempotent, AgencyDirectory directory, Reassignments reassignments,
            WaitingAssignments waiting, GroupMembers groups, ObjectMapper json) {
        this.waiting = waiting;
        this.groups = groups;
        this.idempotent = idempotent;
        this.directory = directory;
        this.reassignments = reassignments;
        // newer producers may add fields: the reader tolerates what it does not know
        this.events = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Incoming("agency-events")
    public Uni<Void> onAgencyEvents(KafkaRecordBatch<String, String> batch) {
        return idempotent.applyBatch(CONSUMER, batch, this::read, this::applyInOrder);
    }

    /**
     * In the order the events came: a later snapshot of the same agency, or the next event of a reorganization, sees
     * the earlier one's changes. The snapshots between reorganizations are applied together (a republished registry
     * or a fresh replica is a burst of hundreds: a few queries for all of them instead of a few for each); each
     * reorganization on its own, after the snapshots before it.
     */
    private Uni<Void> applyInOrder(List<AgencyEvent> events) {
        List<List<AgencyEvent>> runs = new ArrayList<>();
        List<AgencyEvent> snapshots = new ArrayList<>();
        for (AgencyEvent event : events) {
            if (event.getReorganization() == null) {
                snapshots.add(event);
                continue;
            }
            if (!snapshots.isEmpty()) {
                runs.add(snapshots);
                snapshots = new ArrayList<>();
            }
            runs.add(List.of(event));
        }
        if (!snapshots.isEmpty()) {
            runs.add(snapshots);
        }
        return Multi.createFrom().iterable(runs).onItem().<Void>transformToUniAndConcatenate(this::apply)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> apply(List<AgencyEvent> run) {
        List<AgencySnapshot> agencies = run.stream().map(AgencyEvent::getAgency).toList();
        // written before the tasks are read: a task being assigned one of these agencies (read FOR SHARE) commits
        // first and is followed too, or sees the agency ended
        Uni<AgencyDirectory.Applied> replicated = directory.applyAll(agencies, agency -> write(
                agency.getSuccessorIds() == null ? List.of() : agency.getSuccessorIds())).call(Panache::flush);
        Reorganization reorganization = run.get(0).getReorganization();
        if (reorganization == null) {
            // only what the replica took: an older snapshot arriving late (an alias since dropped, a unit since merged
            // away) must not assign waiting names to what the agency no longer is
            return replicated.call(applied -> waiting.resolve(applied.current()))
                    .call(applied -> reassignments.followEnded(applied.current().stream()
                            .filter(a -> a.getStatus() == AgencySnapshot.StatusEnum.DISSOLVED).toList()))
                    .call(applied -> groups.follow(applied.placed()))
                    .replaceWithVoid();
        }
        // the first event of a reorganization moves every affected assignment; the others find nothing left. A moved
        // unit may then meet other groups' rules, or no longer meet its own
        return replicated.call(applied -> reassignments.follow(reorganization))
                .call(applied -> groups.follow(applied.placed()))
                .replaceWithVoid();
    }

    private AgencyEvent read(ReceivedEvent event) {
        try {
            AgencyEvent data = events.readValue(event.data(), AgencyEvent.class);
            if (data.getAgency() == null || data.getAgency().getId() == null) {
                throw new PoisonEventException("event " + event.id() + " carries no agency snapshot");
            }
            // what the replica and the name matching rely on: refused here, it is dead-lettered instead of failing
            // the channel at every delivery
            AgencySnapshot agency = data.getAgency();
            if (agency.getName() == null || agency.getStatus() == null || agency.getVersion() == null
                    || agency.getDivisionCode() != null && !DIVISION_CODE.matcher(agency.getDivisionCode()).matches()) {
                throw new PoisonEventException("event " + event.id() + " carries an agency snapshot without name, status"
                        + " or version, or with a division code that is not six digits");
            }
            if (hasNull(agency.getOtherNames()) || hasNull(agency.getSuccessorIds()) || hasNull(agency.getIdentifiers())
                    || agency.getIdentifiers() != null && agency.getIdentifiers().stream()
                            .anyMatch(i -> i.getScheme() == null || i.getIdentifier() == null)) {
                throw new PoisonEventException("event " + event.id() + " carries an agency snapshot with an empty entry"
                        + " among its other names, successors or identifiers");
            }
            Reorganization reorganization = data.getReorganization();
            if (reorganization != null && (reorganization.getType() == null || reorganization.getOriginalIds() == null
                    || hasNull(reorganization.getOriginalIds()) || hasNull(reorganization.getResultingIds()))) {
                throw new PoisonEventException("event " + event.id() + " carries a reorganization without type or"
                        + " originals, or with an empty entry among its originals or results");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event " + event.id() + " is not a readable agency event", e);
        }
    }

    private static boolean hasNull(List<?> values) {
        return values != null && values.stream().anyMatch(Objects::isNull);
    }

    private String write(List<?> values) {
        try {
            return events.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
