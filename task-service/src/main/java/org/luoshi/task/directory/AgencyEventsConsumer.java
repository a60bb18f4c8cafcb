package org.luoshi.task.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.luoshi.events.model.AgencyEvent;
import org.luoshi.platform.inbox.IdempotentConsumer;
import org.luoshi.platform.inbox.PoisonEventException;
import org.luoshi.platform.inbox.ReceivedEvent;
import org.luoshi.task.tracking.Reassignments;
import org.luoshi.task.tracking.WaitingAssignments;

/**
 * Follows agency.events into the local directory. Each event is applied once (inbox); an unreadable one is
 * dead-lettered to agency.events.dlq without retries, a failing one after retries, and consumption goes on.
 */
@ApplicationScoped
public class AgencyEventsConsumer {

    static final String CONSUMER = "task-service-directory";

    private final IdempotentConsumer idempotent;
    private final AgencyDirectory directory;
    private final Reassignments reassignments;
    private final WaitingAssignments waiting;
    private final ObjectMapper events;

    public AgencyEventsConsumer(IdempotentConsumer idempotent, AgencyDirectory directory, Reassignments reassignments,
            WaitingAssignments waiting, ObjectMapper json) {
        this.waiting = waiting;
        this.idempotent = idempotent;
        this.directory = directory;
        this.reassignments = reassignments;
        // newer producers may add fields: the reader tolerates what it does not know
        this.events = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Incoming("agency-events")
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public Uni<Void> onAgencyEvent(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> idempotent.apply(CONSUMER, record, this::apply))
                .onFailure().invoke(e -> Log.warnf(e, "agency event at %s-%d@%d failed; retried, then dead-lettered",
                        record.topic(), record.partition(), record.offset()));
    }

    private Uni<Void> apply(ReceivedEvent event) {
        AgencyEvent data = read(event);
        List<?> successors = data.getAgency().getSuccessorIds() == null ? List.of() : data.getAgency().getSuccessorIds();
        Uni<Void> replicated = directory.apply(data.getAgency(), write(successors));
        if (data.getReorganization() == null) {
            return replicated.flatMap(done -> waiting.resolve(data.getAgency())).replaceWithVoid();
        }
        // the first event of a reorganization moves every affected assignment; the others find nothing left
        return replicated.flatMap(done -> reassignments.follow(data.getReorganization())).replaceWithVoid();
    }

    private AgencyEvent read(ReceivedEvent event) {
        try {
            AgencyEvent data = events.readValue(event.data(), AgencyEvent.class);
            if (data.getAgency() == null || data.getAgency().getId() == null) {
                throw new PoisonEventException("event " + event.id() + " carries no agency snapshot");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event " + event.id() + " is not a readable agency event", e);
        }
    }

    private String write(List<?> values) {
        try {
            return events.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
