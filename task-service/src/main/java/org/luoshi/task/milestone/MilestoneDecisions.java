package org.luoshi.task.milestone;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.luoshi.platform.problem.ProblemException;
import org.luoshi.task.api.model.MilestoneAssessmentCreate;
import org.luoshi.task.api.model.MilestoneReschedule;
import org.luoshi.task.api.model.MilestoneStatus;
import org.luoshi.task.api.model.TaskStatus;
import org.luoshi.task.document.PolicyDocument;
import org.luoshi.task.tracking.TaskService;
import org.luoshi.task.tracking.TaskView;

/**
 * A supervisor's decisions on an open milestone or document goal. 督查评定: settle it as ACHIEVED or MISSED, with the
 * reason; reports settle what they measure, this settles the rest, above all a document's goals (到2025年…), on which
 * no task reports. 延期: move its due date, with the reason.
 */
@ApplicationScoped
public class MilestoneDecisions {

    private final TaskService tasks;
    private final MilestoneAlerts alerts;
    private final Clock clock;

    public MilestoneDecisions(TaskService tasks, MilestoneAlerts alerts, Clock clock) {
        this.tasks = tasks;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** An open milestone of a current document, with its task (read FOR UPDATE) or null for a document goal. */
    private record Open(Milestone milestone, TaskView task) {
    }

    @WithTransaction
    public Uni<Milestone> assess(UUID milestoneId, MilestoneAssessmentCreate request) {
        // the contract bounds the texts (1–2,000 characters): what is left is one made of spaces
        String note = ProblemException.requireText("note", request.getNote());
        MilestoneStatus verdict = MilestoneStatus.fromValue(request.getStatus().toString());
        return open(milestoneId).flatMap(open -> {
            Milestone milestone = open.milestone();
            if (open.task() != null && open.task().task().status == TaskStatus.CANCELLED) {
                throw ProblemException.conflict("task " + open.task().task().seq + " was cancelled; its milestones are not assessed");
            }
            if (verdict == MilestoneStatus.MISSED && !milestone.dueDate.isBefore(LocalDate.now(clock))) {
                throw ProblemException.unprocessable("milestone '" + milestone.title + "' is due " + milestone.dueDate
                        + ": it can be assessed MISSED from the day after");
            }
            milestone.status = verdict;
            milestone.assessmentNote = note;
            milestone.assessedBy = alerts.actorName();
            milestone.assessedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            // flushed first: a report that changed the milestone meanwhile fails this on its version (409)
            return Panache.flush().flatMap(x -> alerts.assessed(milestone, open.task())).replaceWith(milestone);
        });
    }

    @WithTransaction
    public Uni<Milestone> reschedule(UUID milestoneId, MilestoneReschedule request) {
        String reason = ProblemException.requireText("reason", request.getReason());
        LocalDate dueDate = request.getDueDate();
        return open(milestoneId).flatMap(open -> {
            Milestone milestone = open.milestone();
            if (open.task() != null && HealthRules.CLOSED.contains(open.task().task().status)) {
                throw ProblemException.conflict("task " + open.task().task().seq + " is " + open.task().task().status
                        + "; nothing is due from it");
            }
            if (dueDate.isBefore(LocalDate.now(clock))) {
                throw ProblemException.unprocessable("dueDate " + dueDate + " is in the past");
            }
            if (dueDate.equals(milestone.dueDate)) {
                throw ProblemException.unprocessable("milestone '" + milestone.title + "' is already due " + dueDate);
            }
            LocalDate previous = milestone.dueDate;
            milestone.dueDate = dueDate;
            // the alerts of the old date go: due soon and overdue are announced again for the new one
            return Panache.flush()
                    .flatMap(x -> MilestoneAlert.delete("key.milestoneId = ?1", milestone.id))
                    .flatMap(x -> alerts.rescheduled(milestone, open.task(), previous, reason))
                    .replaceWith(milestone);
        });
    }

    private Uni<Open> open(UUID milestoneId) {
        return Milestone.<Milestone>findById(milestoneId).flatMap(milestone -> {
            if (milestone == null) {
                throw ProblemException.notFound("milestone", milestoneId);
            }
            if (milestone.status != MilestoneStatus.OPEN) {
                throw ProblemException.conflict("milestone '" + milestone.title + "' is already " + milestone.status);
            }
            return PolicyDocument.<PolicyDocument>findById(milestone.documentId).flatMap(document -> {
                if (document.supersededBy != null) {
                    throw ProblemException.conflict("its document was superseded by a newer text; decide on the milestones of that one");
                }
                // FOR UPDATE: the task cannot be closed while its milestone is being decided on, and two decisions on
                // its milestones take turns, so that the second's snapshot (missed, dueDate) includes the first
                Uni<TaskView> task = milestone.taskId == null ? Uni.createFrom().nullItem()
                        : tasks.findForUpdate(milestone.taskId).flatMap(tasks::load);
                return task.map(view -> new Open(milestone, view));
            });
        });
    }
}
