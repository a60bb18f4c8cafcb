package org.luoshi.agency.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.luoshi.agency.curation.CurationService;
import org.luoshi.events.model.TaskEvent;
import org.luoshi.events.model.UnresolvedReference;
import org.luoshi.platform.inbox.IdempotentConsumer;
import org.luoshi.platform.inbox.PoisonEventException;
import org.luoshi.platform.inbox.ReceivedEvent;

/**
 * Follows task.events: task snapshots keep the workload counts, AgencyReferenceUnresolved fills the curation
 * queue. Each event is applied once (inbox); an unreadable one goes to the dead-letter topic.
 */
@ApplicationScoped
public class TaskEventsConsumer {

    static final String CONSUMER = "agency-service-workload";
    private static final Set<String> TASK_SNAPSHOTS = Set.of("TaskCreated", "TaskUpdated", "TaskStatusChanged",
            "TaskReassigned", "TaskAssigned", "TaskUnassigned", "ProgressReported", "MilestoneAchieved");

    private final IdempotentConsumer idempotent;
    private final WorkloadService workload;
    private final CurationService curation;
    private final ObjectMapper events;

    public TaskEventsConsumer(IdempotentConsumer idempotent, WorkloadService workload, CurationService curation,
            ObjectMapper json) {
        this.idempotent = idempotent;
        this.workload = workload;
        this.curation = curation;
        // newer producers may add fields: the reader tolerates what it does not know
        this.events = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Incoming("task-events")
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public Uni<Void> onTaskEvent(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> idempotent.apply(CONSUMER, record, this::apply))
                .onFailure().invoke(e -> Log.warnf(e, "task event at %s-%d@%d failed; retried, then dead-lettered",
                        record.topic(), record.partition(), record.offset()));
    }

    private Uni<Void> apply(ReceivedEvent event) {
        if (TASK_SNAPSHOTS.contains(event.type())) {
            TaskEvent data = read(event, TaskEvent.class);
            if (data.getTask() == null || data.getTask().getId() == null) {
                throw new PoisonEventException("event " + event.id() + " carries no task snapshot");
            }
            return workload.apply(data.getTask());
        }
        if ("AgencyReferenceUnresolved".equals(event.type())) {
            UnresolvedReference data = read(event, UnresolvedReference.class);
            if (data.getRawName() == null || data.getJurisdiction() == null) {
                throw new PoisonEventException("event " + event.id() + " names no unit or jurisdiction");
            }
            return curation.note(data);
        }
        // document and milestone-alert events carry nothing the registry keeps
        return Uni.createFrom().voidItem();
    }

    private <T> T read(ReceivedEvent event, Class<T> type) {
        try {
            return events.readValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event " + event.id() + " is not a readable " + event.type(), e);
        }
    }
}
