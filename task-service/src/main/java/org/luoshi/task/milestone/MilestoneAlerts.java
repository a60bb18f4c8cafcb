package org.luoshi.task.milestone;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.luoshi.events.model.Actor;
import org.luoshi.events.model.MilestoneEvent;
import org.luoshi.events.model.MilestoneSnapshot;
import org.luoshi.task.api.model.MilestoneStatus;
import org.luoshi.task.tracking.TaskEvents;
import org.luoshi.task.tracking.TaskMapper;
import org.luoshi.task.tracking.TaskView;

/**
 * Milestone events: achieved, missed (a supervisor's verdict), rescheduled, due soon, overdue; the latter two once per
 * milestone and due date (milestone_alert).
 */
@ApplicationScoped
public class MilestoneAlerts {

    private final TaskEvents events;
    private final TaskMapper tasks;
    private final Clock clock;

    public MilestoneAlerts(TaskEvents events, TaskMapper tasks, Clock clock) {
        this.events = events;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** MilestoneAchieved for each, inside the caller's transaction. */
    public Uni<Void> achieved(List<Milestone> reached, TaskView task) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Milestone milestone : reached) {
            chain = chain.flatMap(x -> events.publish("MilestoneAchieved", task.task().id,
                    event(milestone, task).actor(events.actor())));
        }
        return chain;
    }

    /**
     * MilestoneAchieved or MilestoneMissed for a supervisor's verdict, keyed by the task, or by the document for one of
     * its goals; inside the caller's transaction.
     */
    public Uni<Void> assessed(Milestone milestone, TaskView task) {
        String type = milestone.status == MilestoneStatus.MISSED ? "MilestoneMissed" : "MilestoneAchieved";
        return events.publish(type, key(milestone), event(milestone, task).actor(events.actor()));
    }

    /** MilestoneRescheduled, with the due date before and the reason; inside the caller's transaction. */
    public Uni<Void> rescheduled(Milestone milestone, TaskView task, LocalDate previous, String reason) {
        return events.publish("MilestoneRescheduled", key(milestone), event(milestone, task).previousDueDate(previous)
                .reason(reason).actor(events.actor()));
    }

    /** Who is acting, as stored with a verdict: the user name, or the subject of a token without one. */
    String actorName() {
        Actor actor = events.actor();
        return actor.getUsername() != null ? actor.getUsername() : actor.getSubject();
    }

    /**
     * Records the alert and publishes it, inside the caller's transaction; a second raise of the same alert
     * fails on the key, so concurrent sweeps cannot announce a threshold twice.
     */
    public Uni<Void> raise(Milestone milestone, String threshold, TaskView task) {
        MilestoneAlert alert = new MilestoneAlert();
        alert.key = new MilestoneAlert.Key(milestone.id, threshold);
        alert.raisedAt = OffsetDateTime.now(clock);
        String type = MilestoneAlert.OVERDUE.equals(threshold) ? "MilestoneOverdue" : "MilestoneDueSoon";
        return alert.persist().flatMap(saved -> events.publish(type, key(milestone), event(milestone, task).actor(events.actor())));
    }

    /** Milestone events are keyed by their task, a document goal's by its document. */
    private static UUID key(Milestone milestone) {
        return milestone.taskId != null ? milestone.taskId : milestone.documentId;
    }

    private MilestoneEvent event(Milestone milestone, TaskView task) {
        MilestoneEvent event = new MilestoneEvent(snapshot(milestone))
                .daysLeft((int) ChronoUnit.DAYS.between(LocalDate.now(clock), milestone.dueDate));
        return task == null ? event : event.task(tasks.toSnapshot(task));
    }

    private static MilestoneSnapshot snapshot(Milestone m) {
        return new MilestoneSnapshot(m.id, m.documentId, m.title, m.dueDate, MilestoneSnapshot.StatusEnum.fromValue(m.status.toString()))
                .taskId(m.taskId).targetQuantity(m.targetQuantity).targetUnit(m.targetUnit).achieved(m.achieved)
                .assessmentNote(m.assessmentNote);
    }
}
