package org.luoshi.task.tracking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.luoshi.common.model.MemberRule;
import org.luoshi.task.api.model.TaskStatus;
import org.luoshi.task.directory.AgencyDirectory;

/**
 * Keeps the members of GROUP assignments that carry their rule (各市州人民政府 within 430000: the prefecture governments)
 * in step with the directory. A unit that comes to meet a rule (founded, on its founding day when it was announced
 * before that: {@link org.luoshi.task.directory.FoundedUnits}; or moved or reclassified into it) joins the
 * groups of open tasks that follow the rule; one that met it and no longer does (moved or reclassified out) leaves
 * them. Only such changes count: a member named outside the rule (a successor of a merged member, a unit a supervisor
 * added) stays. Each task changed gets one TaskUpdated of its assignments. Units that ended are followed by
 * {@link Reassignments}; closed tasks keep the members they had. A task stored with such a group takes in the units
 * that meet the rule then ({@link MemberRules#complete}); both take the same locks, so a unit applied meanwhile is
 * seen by one of the two.
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
     * @param placed the units new to the replica or placed anew in the run just applied, with where they stood before
     * @return how many tasks changed. Call inside the consumer's transaction, after the replica took the snapshots; a
     *     repeat finds the units where they stand and changes nothing.
     */
    public Uni<Integer> follow(List<AgencyDirectory.Placed> placed) {
        if (placed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Set<String> jurisdictions = new TreeSet<>();
        Set<Integer> locks = new TreeSet<>(List.of(0));
        for (AgencyDirectory.Placed unit : placed) {
            jurisdictions.addAll(MemberRules.jurisdictionsAround(unit.now().divisionCode()));
            locks.add(MemberRules.lockKey(unit.now().divisionCode()));
            if (unit.before() != null) {
                jurisdictions.addAll(MemberRules.jurisdictionsAround(unit.before().divisionCode()));
                locks.add(MemberRules.lockKey(unit.before().divisionCode()));
            }
        }
        List<UUID> units = placed.stream().map(AgencyDirectory.Placed::id).toList();
        return MemberRules.lock(locks)
                .flatMap(x -> Assignment.<Assignment>list("memberJurisdiction in ?1 and key.taskId in (select t.id from Task t"
                        + " where t.status in ?2)", jurisdictions, OPEN))
                .flatMap(groups -> {
                    Map<Assignment, MemberRule> rules = new LinkedHashMap<>();
                    for (Assignment group : groups) {
                        MemberRule rule = MemberRules.read(group.memberRule);
                        if (MemberRules.followable(rule)) {
                            rules.put(group, rule);
                        }
                    }
                    if (rules.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // the units' memberships, found by unit (indexed), then kept for these groups
                    return AssignmentMember.<AssignmentMember>list("key.agencyId in ?1", units)
                            .flatMap(members -> change(rules, placed, members));
                });
    }

    private Uni<Integer> change(Map<Assignment, MemberRule> rules, List<AgencyDirectory.Placed> placed,
            List<AssignmentMember> members) {
        Map<AssignmentMember.Key, AssignmentMember> present = members.stream()
                .collect(Collectors.toMap(m -> m.key, Function.identity()));
        List<AssignmentMember> joining = new ArrayList<>();
        List<AssignmentMember> leaving = new ArrayList<>();
        Set<UUID> changed = new TreeSet<>(); // announced in a fixed order, as the tasks' rows are locked
        rules.forEach((group, rule) -> {
            for (AgencyDirectory.Placed unit : placed) {
                AssignmentMember.Key key = new AssignmentMember.Key(group.key.taskId(), group.key.position(), unit.id());
                MemberRules.Placement now = unit.now();
                boolean metBefore = MemberRules.meets(rule, unit.before());
                boolean meetsNow = MemberRules.meets(rule, now);
                if (meetsNow && !metBefore && !present.containsKey(key)) {
                    joining.add(AssignmentMember.of(key.taskId(), key.position(), key.agencyId()));
                    changed.add(key.taskId());
                } else if (metBefore && !meetsNow && unit.before().active() && now.active() && present.containsKey(key)) {
                    leaving.add(present.get(key)); // moved or reclassified out; a unit that ended is Reassignments'
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
