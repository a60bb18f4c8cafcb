package org.luoshi.task.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.luoshi.events.model.Actor;
import org.luoshi.events.model.ReminderEvent;
import org.luoshi.platform.problem.ProblemException;
import org.luoshi.task.api.model.AssignmentRole;
import org.luoshi.task.api.model.ReminderCreate;
import org.luoshi.task.api.model.TaskStatus;
import org.luoshi.task.tracking.TaskEvents;
import org.luoshi.task.tracking.TaskMapper;
import org.luoshi.task.tracking.TaskService;

/** 催办: a supervisor reminds the units responsible for an open task; published as TaskReminderIssued. */
@ApplicationScoped
public class ReminderService {

    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {
    };

    private final TaskService tasks;
    private final TaskMapper mapper;
    private final TaskEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    public ReminderService(TaskService tasks, TaskMapper mapper, TaskEvents events, ObjectMapper json, Clock clock) {
        this.tasks = tasks;
        this.mapper = mapper;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Reminder> issue(UUID taskId, ReminderCreate request) {
        // FOR SHARE: a reminder issued while the task is being completed would announce a closed task
        return tasks.findForShare(taskId).flatMap(tasks::load).flatMap(view -> {
            if (view.task().status == TaskStatus.COMPLETED || view.task().status == TaskStatus.CANCELLED) {
                throw ProblemException.conflict("task " + view.task().seq + " is " + view.task().status + "; there is nothing to remind of");
            }
            if (request.getRespondBy() != null && request.getRespondBy().isBefore(LocalDate.now(clock))) {
                throw ProblemException.unprocessable("respondBy " + request.getRespondBy() + " is in the past");
            }
            Set<UUID> assigned = new LinkedHashSet<>();
            Set<UUID> accountable = new LinkedHashSet<>();
            // a group's members (各市州人民政府) are reminded as the group's role would have them
            view.assignments().forEach(a -> a.agencies().forEach(agencyId -> {
                assigned.add(agencyId);
                if (a.role != AssignmentRole.PARTICIPANT) {
                    accountable.add(agencyId);
                }
            }));
            List<UUID> recipients = request.getAgencyIds() == null || request.getAgencyIds().isEmpty()
                    ? List.copyOf(accountable)
                    : request.getAgencyIds().stream().distinct().toList();
            recipients.stream().filter(id -> !assigned.contains(id)).findFirst().ifPresent(id -> {
                throw ProblemException.unprocessable("agency " + id + " is not assigned to this task");
            });
            if (recipients.isEmpty()) {
                throw ProblemException.unprocessable("the task has no resolved lead or responsible agency to remind");
            }
            Actor actor = events.actor();
            Reminder reminder = new Reminder();
            reminder.id = UUID.randomUUID();
            reminder.taskId = taskId;
            reminder.agencyIds = write(recipients);
            reminder.message = ProblemException.requireText("message", request.getMessage());
            reminder.respondBy = request.getRespondBy();
            reminder.issuedBy = Objects.requireNonNullElse(actor.getUsername(), actor.getSubject());
            reminder.issuedAt = OffsetDateTime.now(clock);
            return reminder.persist()
                    .flatMap(saved -> events.publish("TaskReminderIssued", taskId,
                            new ReminderEvent(mapper.toSnapshot(view), reminder.id, recipients, reminder.message)
                                    .respondBy(reminder.respondBy).actor(actor)))
                    .replaceWith(reminder);
        });
    }

    @WithSession
    public Uni<List<Reminder>> of(UUID taskId) {
        return tasks.find(taskId).flatMap(task -> Reminder.<Reminder>list("taskId = ?1 order by issuedAt desc, id", taskId));
    }

    public List<UUID> recipients(Reminder reminder) {
        try {
            return json.readValue(reminder.agencyIds, IDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored recipients of reminder " + reminder.id + " are not readable", e);
        }
    }

    private String write(List<UUID> ids) {
        try {
            return json.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
