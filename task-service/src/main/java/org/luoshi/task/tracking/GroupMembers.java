package org.luoshi.task.tracking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.luoshi.common.model.MemberRule;
import org.luoshi.events.model.AgencySnapshot;
import org.luoshi.task.api.model.TaskStatus;

/**
 * Keeps the members of GROUP assignments that carry their rule (各市州人民政府 within 430000: the prefecture governments)
 * in step with the directory: a unit founded, or moved or reclassified into a rule, joins the groups of open tasks
 * that name it; one moved or reclassified out of it leaves them. Each task changed gets one TaskUpdated of its
 * assignments. Units that ended are followed by {@link Reassignments}; closed tasks keep the members they had.
 */
@ApplicationScoped
public class GroupMembers {

    private static final List<TaskStatus> OPEN = List.of(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS,
            TaskStatus.SUSPENDED);

    private final Reassignments reassignments;

    public GroupMembers(Reassignments reassignments) {
        this.reassignments = reassignments;
    }

    /**
     * @param placed the agencies new to the replica or placed anew (parent, division, level, classification, status)
     * @return how many tasks changed. Call inside the consumer's transaction, after the replica took the snapshots; a
     *     repeat finds nothing to change.
     */
    public Uni<Integer> follow(List<AgencySnapshot> placed) {
        if (placed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Assignment.<Assignment>list("memberRule is not null and key.taskId in (select t.id from Task t"
                + " where t.status in ?1)", OPEN).flatMap(groups -> {
            Map<Assignment, MemberRule> rules = groups.stream().filter(g -> MemberRules.followable(MemberRules.read(g.memberRule)))
                    .collect(Collectors.toMap(Function.identity(), g -> MemberRules.read(g.memberRule)));
            if (rules.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<UUID> agencies = placed.stream().map(AgencySnapshot::getId).toList();
            List<UUID> tasks = rules.keySet().stream().map(g -> g.key.taskId()).distinct().toList();
            return AssignmentMember.<AssignmentMember>list("key.agencyId in ?1 and key.taskId in ?2", agencies, tasks)
                    .flatMap(members -> change(rules, placed, members));
        });
    }

    private Uni<Integer> change(Map<Assignment, MemberRule> rules, List<AgencySnapshot> placed, List<AssignmentMember> members) {
        Map<AssignmentMember.Key, AssignmentMember> present = members.stream()
                .collect(Collectors.toMap(m -> m.key, Function.identity()));
        List<AssignmentMember> joining = new ArrayList<>();
        List<AssignmentMember> leaving = new ArrayList<>();
        Set<UUID> changed = new TreeSet<>(); // in a fixed order: consumers of the same events write the same versions
        rules.forEach((group, rule) -> {
            for (AgencySnapshot agency : placed) {
                AssignmentMember.Key key = new AssignmentMember.Key(group.key.taskId(), group.key.position(), agency.getId());
                boolean member = present.containsKey(key);
                if (MemberRules.meets(rule, agency) && !member) {
                    joining.add(AssignmentMember.of(key.taskId(), key.position(), key.agencyId()));
                    changed.add(key.taskId());
                } else if (member && agency.getStatus() == AgencySnapshot.StatusEnum.ACTIVE && !MemberRules.meets(rule, agency)) {
                    leaving.add(present.get(key)); // moved or reclassified out; an ended unit is Reassignments'
                    changed.add(key.taskId());
                }
            }
        });
        if (changed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Uni<Void> writes = Uni.createFrom().voidItem();
        for (AssignmentMember gone : leaving) {
            writes = writes.flatMap(x -> gone.delete());
        }
        Uni<Integer> chain = writes.flatMap(x -> joining.isEmpty() ? Uni.createFrom().voidItem() : AssignmentMember.persist(joining))
                .flatMap(x -> Panache.flush()).replaceWith(0);
        for (UUID task : changed) {
            chain = chain.flatMap(count -> reassignments.membersFollowed(task).replaceWith(count + 1));
        }
        return chain;
    }
}
