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
import org.luoshi.task.api.model.MilestoneStatus;
import org.luoshi.task.api.model.TaskStatus;
import org.luoshi.task.document.PolicyDocument;
import org.luoshi.task.tracking.TaskService;
import org.luoshi.task.tracking.TaskView;

/**
 * 督查评定: a supervisor settles an open milestone as ACHIEVED or MISSED, with the reason. Reports settle what they
 * measure; this settles the rest, above all a document's goals (到2025年…), on which no task reports.
 */
@ApplicationScoped
public class MilestoneAssessments {

    private static final int NOTE_MAX = 2000;

    private final TaskService tasks;
    private final MilestoneAlerts alerts;
    private final Clock clock;

    public MilestoneAssessments(TaskService tasks, MilestoneAlerts alerts, Clock clock) {
        this.tasks = tasks;
        this.alerts = alerts;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Milestone> assess(UUID milestoneId, MilestoneAssessmentCreate request) {
        String note = ProblemException.requireText("note", request.getNote());
        if (note.length() > NOTE_MAX) {
            throw ProblemException.badRequest("note has " + note.length() + " characters; at most " + NOTE_MAX);
        }
        MilestoneStatus verdict = MilestoneStatus.fromValue(request.getStatus().toString());
        return Milestone.<Milestone>findById(milestoneId).flatMap(milestone -> {
            if (milestone == null) {
                throw ProblemException.notFound("milestone", milestoneId);
            }
            if (milestone.status != MilestoneStatus.OPEN) {
                throw ProblemException.conflict("milestone '" + milestone.title + "' is already " + milestone.status);
            }
            LocalDate today = LocalDate.now(clock);
            if (verdict == MilestoneStatus.MISSED && !milestone.dueDate.isBefore(today)) {
                throw ProblemException.unprocessable("milestone '" + milestone.title + "' is due " + milestone.dueDate
                        + ": it can be assessed MISSED from the day after");
            }
            return PolicyDocument.<PolicyDocument>findById(milestone.documentId).flatMap(document -> {
                if (document.supersededBy != null) {
                    throw ProblemException.conflict("its document was superseded by a newer text; assess the milestones of that one");
                }
                // FOR SHARE: the task cannot be cancelled while its milestone is being settled
                Uni<TaskView> task = milestone.taskId == null ? Uni.createFrom().nullItem()
                        : tasks.findForShare(milestone.taskId).flatMap(tasks::load);
                return task.flatMap(view -> {
                    if (view != null && view.task().status == TaskStatus.CANCELLED) {
                        throw ProblemException.conflict("task " + view.task().seq + " was cancelled; its milestones are not assessed");
                    }
                    milestone.status = verdict;
                    milestone.assessmentNote = note;
                    milestone.assessedBy = alerts.actorName();
                    milestone.assessedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
                    // flushed first: a report that changed the milestone meanwhile fails this on its version (409)
                    return Panache.flush().flatMap(x -> alerts.assessed(milestone, view)).replaceWith(milestone);
                });
            });
        });
    }
}
