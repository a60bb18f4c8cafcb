package org.luoshi.agency.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.luoshi.agency.curation.CurationService;
import org.luoshi.events.model.MilestoneEvent;
import org.luoshi.events.model.TaskEvent;
import org.luoshi.events.model.TaskSnapshot;
import org.luoshi.events.model.UnresolvedReference;
import org.luoshi.platform.inbox.IdempotentConsumer;
import org.luoshi.platform.inbox.PoisonEventException;
import org.luoshi.platform.inbox.ReceivedEvent;

/**
 * Follows task.events: task snapshots keep the workload counts, AgencyReferenceUnresolved fills the curation
 * queue. Each poll is applied in one transaction, each event once (inbox); an unreadable event goes to the
 * dead-letter topic alone. An import publishes an event per task: applied one by one, they kept this service busy
 * for seconds after the import answered.
 */
@ApplicationScoped
public class TaskEventsConsumer {

    static final String CONSUMER = "agency-service-workload";
    private static final Set<String> TASK_SNAPSHOTS = Set.of("TaskCreated", "TaskUpdated", "TaskStatusChanged",
            "TaskReassigned", "TaskAssigned", "TaskUnassigned", "ProgressReported", "MilestoneAchieved", "MilestoneMissed",
            "MilestoneRescheduled");
    /** Milestone events (MilestoneEvent) carry a task, or none when the milestone is a document's goal. */
    private static final Set<String> MILESTONE_EVENTS = Set.of("MilestoneAchieved", "MilestoneMissed", "MilestoneRescheduled");

    private static final Pattern DIVISION_CODE = Pattern.compile("[0-9]{6}");

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
    public Uni<Void> onTaskEvents(KafkaRecordBatch<String, String> batch) {
        return idempotent.applyBatch(CONSUMER, batch, this::read, this::apply);
    }

    /** What one event changes here: a task's snapshot, a citation of an unresolved name, or nothing. */
    record Change(TaskSnapshot task, UnresolvedReference citation) {
        static final Change NONE = new Change(null, null);
    }

    private Change read(ReceivedEvent event) {
        if (TASK_SNAPSHOTS.contains(event.type())) {
            boolean milestoneEvent = MILESTONE_EVENTS.contains(event.type());
            TaskSnapshot task = milestoneEvent ? read(event, MilestoneEvent.class).getTask() : read(event, TaskEvent.class).getTask();
            if (task == null && milestoneEvent) {
                return Change.NONE; // a document goal's: no task to count
            }
            if (task == null || task.getId() == null || task.getVersion() == null || task.getStatus() == null
                    || task.getAssignments() == null
                    || task.getAssignments().stream().anyMatch(a -> a == null || a.getRole() == null)) {
                throw new PoisonEventException("event " + event.id() + " carries no complete task snapshot");
            }
            return new Change(task, null);
        }
        if ("AgencyReferenceUnresolved".equals(event.type())) {
            UnresolvedReference data = read(event, UnresolvedReference.class);
            if (data.getRawName() == null || data.getRawName().isBlank() || data.getJurisdiction() == null
                    || !DIVISION_CODE.matcher(data.getJurisdiction()).matches()) {
                throw new PoisonEventException("event " + event.id() + " names no unit or no six-digit jurisdiction");
            }
            return new Change(null, data);
        }
        // document and milestone-alert events carry nothing the registry keeps
        return Change.NONE;
    }

    private Uni<Void> apply(List<Change> changes) {
        List<TaskSnapshot> tasks = changes.stream().map(Change::task).filter(Objects::nonNull).toList();
        List<UnresolvedReference> citations = changes.stream().map(Change::citation).filter(Objects::nonNull).toList();
        return workload.apply(tasks).flatMap(done -> curation.note(citations));
    }

    private <T> T read(ReceivedEvent event, Class<T> type) {
        try {
            return events.readValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event " + event.id() + " is not a readable " + event.type(), e);
        }
    }
}
