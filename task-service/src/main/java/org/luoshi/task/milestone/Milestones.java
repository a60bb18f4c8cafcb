package org.luoshi.task.milestone;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.luoshi.platform.problem.ProblemException;
import org.luoshi.task.api.model.MilestoneCreate;
import org.luoshi.task.api.model.MilestoneStatus;
import org.luoshi.task.api.model.Target;

/** Milestones of documents and tasks. */
@ApplicationScoped
public class Milestones implements PanacheRepositoryBase<Milestone, UUID> {

    public Uni<List<Milestone>> addToDocument(UUID documentId, List<MilestoneCreate> goals) {
        return add(documentId, null, goals);
    }

    public Uni<List<Milestone>> add(UUID documentId, UUID taskId, List<MilestoneCreate> requested) {
        if (requested == null || requested.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Milestone> milestones = requested.stream().map(r -> create(documentId, taskId, r)).toList();
        return persist(milestones).replaceWith(milestones);
    }

    public Uni<List<Milestone>> ofDocument(UUID documentId) {
        return list("documentId = ?1 and taskId is null order by dueDate, title", documentId);
    }

    public Uni<List<Milestone>> ofTasks(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // one task: an equality, whose SQL Hibernate translates once and caches (an IN list is translated per size)
        return taskIds.size() == 1 ? list("taskId = ?1 order by dueDate, title", taskIds.iterator().next())
                : list("taskId in ?1 order by dueDate, title", taskIds);
    }

    /** A new open milestone, not yet stored. */
    public static Milestone create(UUID documentId, UUID taskId, MilestoneCreate request) {
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.documentId = documentId;
        milestone.taskId = taskId;
        milestone.title = ProblemException.requireText("title", request.getTitle());
        milestone.dueDate = request.getDueDate();
        milestone.status = MilestoneStatus.OPEN;
        Target target = request.getTarget();
        if (target != null) {
            milestone.targetQuantity = target.getQuantity();
            milestone.targetUnit = target.getUnit();
            milestone.targetComparator = target.getComparator();
            milestone.targetMax = target.getMax();
        }
        return milestone;
    }
}
