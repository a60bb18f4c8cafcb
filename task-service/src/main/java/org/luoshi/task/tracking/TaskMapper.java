package org.luoshi.task.tracking;

import jakarta.enterprise.context.ApplicationScoped;
import org.luoshi.events.model.TaskAssignmentSnapshot;
import org.luoshi.events.model.TaskSnapshot;
import org.luoshi.task.api.model.Assignment;
import org.luoshi.task.directory.DirectoryAgency;
import org.luoshi.task.milestone.HealthRules;
import org.luoshi.task.milestone.MilestoneMapper;

/** Task views to the REST model and to the event snapshot. */
@ApplicationScoped
public class TaskMapper {

    private final MilestoneMapper milestones;
    private final HealthRules health;

    public TaskMapper(MilestoneMapper milestones, HealthRules health) {
        this.milestones = milestones;
        this.health = health;
    }

    public org.luoshi.task.api.model.Task toApi(TaskView view) {
        Task t = view.task();
        return new org.luoshi.task.api.model.Task(t.id, t.documentId, t.seq, t.title,
                view.assignments().stream().map(a -> toApi(a, view)).toList(),
                view.milestones().stream().map(milestones::toApi).toList(),
                t.status, health.health(t.status, view.milestones()), t.version)
                .parentId(t.parentId)
                .category(t.category)
                .content(t.content)
                .sourceText(t.sourceText)
                .keyTask(t.keyTask)
                .dueDate(health.nextDue(view.milestones()).orElse(null))
                .reviewRequired(t.reviewRequired)
                // stale means open and silent: a closed task is neither, whatever the flag the last sweep left
                .stale(t.stale && !HealthRules.CLOSED.contains(t.status))
                .lastProgressAt(t.lastProgressAt);
    }

    public TaskSnapshot toSnapshot(TaskView view) {
        Task t = view.task();
        return new TaskSnapshot(t.id, t.documentId, t.seq, t.title, TaskSnapshot.StatusEnum.fromValue(t.status.toString()),
                view.assignments().stream().map(a -> new TaskAssignmentSnapshot(
                                TaskAssignmentSnapshot.KindEnum.fromValue(a.kind.toString()),
                                TaskAssignmentSnapshot.RoleEnum.fromValue(a.role.toString()), a.key.position() + 1)
                        .agencyId(a.agencyId).rawName(a.rawName)
                        .memberIds(a.memberIds.isEmpty() ? null : a.memberIds)).toList(),
                t.version)
                .parentId(t.parentId)
                .category(t.category)
                .keyTask(t.keyTask)
                // as the API tells it: a closed task is not stale, whatever flag the last sweep left
                .stale(t.stale && !HealthRules.CLOSED.contains(t.status))
                .reviewRequired(t.reviewRequired)
                .dueDate(health.nextDue(view.milestones()).orElse(null))
                .missed(HealthRules.missed(view.milestones()));
    }

    private static Assignment toApi(org.luoshi.task.tracking.Assignment a, TaskView view) {
        DirectoryAgency agency = a.agencyId == null ? null : view.agencies().get(a.agencyId);
        // stored from 0, told from 1 as in the import report
        return new Assignment(a.kind, a.role, a.key.position() + 1)
                .agencyId(a.agencyId)
                .agencyName(agency == null ? null : agency.name)
                .rawName(a.rawName)
                .formerAgencyId(a.formerAgencyId)
                .memberIds(a.memberIds.isEmpty() ? null : a.memberIds)
                .memberRule(MemberRules.read(a.memberRule));
    }
}
