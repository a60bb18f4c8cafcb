package org.luoshi.task.tracking;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.luoshi.task.api.model.TaskStatus;

/** One member agency of a GROUP assignment. */
@Entity
@Table(name = "task_assignment_member")
public class AssignmentMember extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Embeddable
    public record Key(@Column(name = "task_id") UUID taskId, @Column(name = "position") int position,
            @Column(name = "agency_id") UUID agencyId) implements Serializable {
    }

    static AssignmentMember of(UUID taskId, int position, UUID agencyId) {
        AssignmentMember member = new AssignmentMember();
        member.key = new Key(taskId, position, agencyId);
        return member;
    }

    /** Stores the members of the GROUP assignments among these (after the assignments themselves are flushed). */
    public static Uni<Void> persistOf(List<Assignment> assignments) {
        List<AssignmentMember> members = new ArrayList<>();
        assignments.forEach(a -> a.memberIds.forEach(m -> members.add(of(a.key.taskId(), a.key.position(), m))));
        return members.isEmpty() ? Uni.createFrom().voidItem() : AssignmentMember.persist(members);
    }

    /**
     * Members that ended in a reorganization are replaced by its successors in the groups of tasks in one of these
     * statuses, within the caller's transaction; a repeat finds nothing left to move.
     *
     * @return the tasks whose group members changed
     */
    static Uni<Set<UUID>> follow(List<UUID> originals, List<UUID> successors, List<TaskStatus> statuses) {
        return AssignmentMember.<AssignmentMember>list("key.agencyId in ?1 and key.taskId in (select t.id from Task t"
                + " where t.status in ?2)", originals, statuses).flatMap(ended -> {
            if (ended.isEmpty()) {
                return Uni.createFrom().item(Set.<UUID>of());
            }
            Set<Key> wanted = new HashSet<>();
            ended.forEach(m -> successors.forEach(s -> wanted.add(new Key(m.key.taskId(), m.key.position(), s))));
            List<UUID> tasks = ended.stream().map(m -> m.key.taskId()).distinct().toList();
            return AssignmentMember.<AssignmentMember>list("key.taskId in ?1 and key.agencyId in ?2", tasks, successors)
                    .flatMap(present -> {
                        present.forEach(m -> wanted.remove(m.key));
                        List<AssignmentMember> added = new ArrayList<>();
                        wanted.forEach(k -> added.add(of(k.taskId(), k.position(), k.agencyId())));
                        Uni<Void> deletes = Uni.createFrom().voidItem();
                        for (AssignmentMember gone : ended) {
                            deletes = deletes.flatMap(x -> gone.delete());
                        }
                        return deletes.flatMap(x -> added.isEmpty() ? Uni.createFrom().voidItem()
                                : AssignmentMember.persist(added)).replaceWith(Set.copyOf(tasks));
                    });
        });
    }
}
