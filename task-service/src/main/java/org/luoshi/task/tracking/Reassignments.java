package org.luoshi.task.tracking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.luoshi.events.model.AgencySnapshot;
import org.luoshi.events.model.Reassignment;
import org.luoshi.task.api.model.AssignmentRole;
import org.luoshi.task.api.model.TaskStatus;
import org.luoshi.events.model.Reorganization;
import org.luoshi.events.model.TaskEvent;
import org.luoshi.task.directory.DirectoryAgency;

/**
 * Makes open tasks follow reorganizations: assignments to units that ended move to their successors, the first unit
 * is kept as formerAgencyId and in the assignment history, a split (several successors) assigns them all and flags
 * the task for review, and each task gets one TaskReassigned per reorganization. A task that only had an ended unit
 * among a group's members (各市州人民政府) gets a TaskUpdated of its assignments instead. Closed tasks (COMPLETED,
 * CANCELLED) keep the units they had: their record says who did the work.
 */
@ApplicationScoped
public class Reassignments {

    private static final List<TaskStatus> OPEN = List.of(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS,
            TaskStatus.SUSPENDED);
    private static final List<AssignmentRole> RANK = List.of(AssignmentRole.LEAD, AssignmentRole.RESPONSIBLE,
            AssignmentRole.PARTICIPANT);

    private final TaskService tasks;
    private final TaskMapper mapper;
    private final TaskEvents events;

    public Reassignments(TaskService tasks, TaskMapper mapper, TaskEvents events) {
        this.tasks = tasks;
        this.mapper = mapper;
        this.events = events;
    }

    /** Call inside the consumer's transaction; a repeat finds nothing left to move and changes nothing. */
    public Uni<Integer> follow(Reorganization reorganization) {
        if (reorganization.getType() == Reorganization.TypeEnum.MOVE) {
            return Uni.createFrom().item(0);
        }
        List<UUID> results = reorganization.getResultingIds();
        if (results == null || results.isEmpty()) {
            return orphaned(reorganization.getOriginalIds());
        }
        return standing(results, new HashSet<>()).flatMap(successors -> follow(reorganization, successors));
    }

    /**
     * Follows agencies a snapshot shows ended, when tasks still name them: the reorganization that ended them was not
     * read (compacted away from agency.events before a restored replica caught up, or a registry republished), so the
     * snapshot's successors stand for it. Call inside the consumer's transaction.
     */
    public Uni<Integer> followEnded(List<AgencySnapshot> snapshots) {
        return follow(snapshots.stream().map(a -> new Ended(a.getId(),
                a.getSuccessorIds() == null ? List.of() : a.getSuccessorIds(), a.getDissolutionDate())).toList());
    }

    /**
     * Follows agencies the replica shows ended, when tasks name them: an import stored a moment after agency-service
     * answered for them, by which time a reorganization had ended them. Call inside the caller's transaction.
     */
    public Uni<Integer> followEndedInDirectory(List<DirectoryAgency> agencies) {
        return follow(agencies.stream().filter(DirectoryAgency::ended)
                .map(a -> new Ended(a.id, a.successors(), null)).toList());
    }

    /** An agency that ended, with its successors (none for a dissolution) and the day, when known. */
    private record Ended(UUID id, List<UUID> successors, LocalDate on) {
    }

    private Uni<Integer> follow(List<Ended> ended) {
        List<UUID> ids = ended.stream().map(Ended::id).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // one query for the whole run (a republished registry holds every dissolved unit): which still have open tasks
        // (closed ones keep their ended units for good)
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "select a.agencyId from Assignment a where a.agencyId in :ids"
                                + " and a.key.taskId in (select t.id from Task t where t.status in :open) union"
                                + " select m.key.agencyId from AssignmentMember m where m.key.agencyId in :ids"
                                + " and m.key.taskId in (select t.id from Task t where t.status in :open)", UUID.class)
                        .setParameter("ids", ids).setParameter("open", OPEN).getResultList())
                .flatMap(named -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Ended agency : ended) {
                        if (!named.contains(agency.id())) {
                            continue;
                        }
                        List<UUID> successors = agency.successors();
                        Reorganization inferred = new Reorganization()
                                .type(successors.size() > 1 ? Reorganization.TypeEnum.SPLIT : Reorganization.TypeEnum.MERGE)
                                .effectiveOn(agency.on())
                                .originalIds(List.of(agency.id())).resultingIds(successors);
                        chain = chain.flatMap(count -> follow(inferred).map(moved -> count + moved));
                    }
                    return chain;
                });
    }

    /**
     * Units that ended without successors (a DISSOLVE): their open tasks are flagged for review (a supervisor names
     * who does the work now, PUT …/assignments), and they leave the groups (各市州人民政府) assigned to open tasks.
     * Each task changed is announced as TaskUpdated; a repeat finds nothing left to change.
     */
    private Uni<Integer> orphaned(List<UUID> ended) {
        if (ended == null || ended.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return AssignmentMember.<AssignmentMember>list("key.agencyId in ?1 and key.taskId in (select t.id from Task t"
                        + " where t.status in ?2)", ended, OPEN)
                .flatMap(members -> Assignment.<Assignment>list("agencyId in ?1 and key.taskId in (select t.id from Task t"
                                + " where t.status in ?2 and t.reviewRequired = false)", ended, OPEN)
                        .flatMap(assigned -> {
                            // per task, what changed: its group lost members, it is to be reviewed, or both
                            Map<UUID, Set<String>> changed = new LinkedHashMap<>();
                            members.forEach(m -> changed.computeIfAbsent(m.key.taskId(), k -> new LinkedHashSet<>()).add("assignments"));
                            assigned.forEach(a -> changed.computeIfAbsent(a.key.taskId(), k -> new LinkedHashSet<>()).add("reviewRequired"));
                            Uni<Void> deletes = Uni.createFrom().voidItem();
                            for (AssignmentMember gone : members) {
                                deletes = deletes.flatMap(x -> gone.delete());
                            }
                            Uni<Integer> chain = deletes.replaceWith(0);
                            for (Map.Entry<UUID, Set<String>> task : changed.entrySet()) {
                                List<String> fields = List.copyOf(task.getValue());
                                chain = chain.flatMap(count -> flagged(task.getKey(), fields).replaceWith(count + 1));
                            }
                            return chain;
                        }));
    }

    private Uni<Void> flagged(UUID taskId, List<String> fields) {
        return Task.<Task>findById(taskId).flatMap(task -> {
            if (fields.contains("reviewRequired")) {
                task.reviewRequired = true;
            }
            task.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return Panache.flush()
                    .flatMap(x -> tasks.load(task))
                    .flatMap(view -> events.publish("TaskUpdated", view,
                            new TaskEvent(mapper.toSnapshot(view)).changedFields(fields)))
                    .replaceWithVoid();
        });
    }

    /**
     * The units that stand for a reorganization's results now: a result that a later reorganization has already ended
     * in the replica is replaced by its successors, and so on. A later reorganization's events can come first (they are
     * keyed by other agencies, so in other partitions); without this, tasks moved onto a result already renamed or
     * merged away would stay on it.
     */
    private static Uni<List<UUID>> standing(List<UUID> results, Set<UUID> followed) {
        return DirectoryAgency.<DirectoryAgency>list("id in ?1", results).flatMap(known -> {
            Map<UUID, DirectoryAgency> byId = new HashMap<>();
            known.forEach(a -> byId.put(a.id, a));
            Set<UUID> next = new LinkedHashSet<>();
            boolean replaced = false;
            for (UUID id : results) {
                DirectoryAgency agency = byId.get(id);
                List<UUID> successors = agency == null || !agency.ended() ? List.of() : agency.successors();
                if (!successors.isEmpty() && followed.add(id)) {
                    next.addAll(successors);
                    replaced = true;
                } else {
                    next.add(id);
                }
            }
            return replaced ? standing(List.copyOf(next), followed) : Uni.createFrom().item(List.copyOf(next));
        });
    }

    private Uni<Integer> follow(Reorganization reorganization, List<UUID> successors) {
        List<UUID> originals = reorganization.getOriginalIds();
        // a closed task (办结 or cancelled, both final) keeps the units that did or dropped the work: moving it would
        // rewrite its record and announce a reassignment no one can act on
        return AssignmentMember.follow(originals, successors, OPEN).flatMap(membersChanged -> Assignment.<Assignment>list(
                "agencyId in ?1 and key.taskId in (select t.id from Task t where t.status in ?2)"
                        + " order by key.taskId, key.position", originals, OPEN).flatMap(moving -> {
            Map<UUID, List<Assignment>> byTask = new LinkedHashMap<>();
            moving.forEach(a -> byTask.computeIfAbsent(a.key.taskId(), k -> new ArrayList<>()).add(a));
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (UUID taskId : byTask.keySet()) {
                chain = chain.flatMap(count -> reassign(taskId, reorganization, successors).map(done -> count + 1));
            }
            // a task whose only change is a group's members: its TaskReassigned would have carried them
            for (UUID taskId : membersChanged.stream().filter(t -> !byTask.containsKey(t)).sorted().toList()) {
                chain = chain.flatMap(count -> membersFollowed(taskId).replaceWith(count));
            }
            return chain;
        }));
    }

    /**
     * Announces a task whose group members changed (TaskUpdated, assignments): they followed a reorganization, or a unit
     * joined or left the group ({@link GroupMembers}); its version moves.
     */
    Uni<Void> membersFollowed(UUID taskId) {
        return Task.<Task>findById(taskId).flatMap(task -> {
            task.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return Panache.flush()
                    .flatMap(x -> tasks.load(task))
                    .flatMap(view -> events.publish("TaskUpdated", view,
                            new TaskEvent(mapper.toSnapshot(view)).changedFields(List.of("assignments"))))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> reassign(UUID taskId, Reorganization reorganization, List<UUID> successors) {
        List<UUID> originals = reorganization.getOriginalIds();
        return Task.<Task>findById(taskId).flatMap(task -> Assignment.<Assignment>list(
                "key.taskId = ?1 order by key.position", taskId).flatMap(assignments -> {
            List<Assignment> removed = new ArrayList<>();
            List<Assignment> added = new ArrayList<>();
            List<AssignmentHistory> history = new ArrayList<>();
            List<UUID> from = new ArrayList<>();
            int nextPosition = assignments.stream().mapToInt(a -> a.key.position()).max().orElse(-1) + 1;
            for (Assignment assignment : assignments) {
                if (assignment.agencyId == null || !originals.contains(assignment.agencyId)) {
                    continue;
                }
                UUID ended = assignment.agencyId;
                from.add(ended);
                for (int i = 0; i < successors.size(); i++) {
                    UUID successor = successors.get(i);
                    history.add(line(task.id, ended, successor, assignment, reorganization));
                    Assignment present = assignments.stream().filter(a -> successor.equals(a.agencyId) && !removed.contains(a))
                            .findFirst().orElse(added.stream().filter(a -> successor.equals(a.agencyId)).findFirst().orElse(null));
                    boolean alreadyAssigned = present != null;
                    if (alreadyAssigned && outranks(assignment.role, present.role)) {
                        // the successor, already named, takes over the ended unit's stronger role: a task keeps its lead
                        present.role = assignment.role;
                    }
                    if (i == 0 && !alreadyAssigned) {
                        assignment.formerAgencyId = assignment.formerAgencyId == null ? ended : assignment.formerAgencyId;
                        assignment.agencyId = successor;
                    } else if (i == 0) {
                        removed.add(assignment);
                    } else if (!alreadyAssigned) {
                        added.add(copy(assignment, ended, successor, task.id, nextPosition++));
                    }
                }
            }
            if (from.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            if (successors.size() > 1) {
                task.reviewRequired = true;
            }
            task.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            Reassignment reassignment = new Reassignment(from, successors)
                    .reorganizationId(reorganization.getId())
                    .reviewRequired(successors.size() > 1);
            Uni<Void> deletes = Uni.createFrom().voidItem();
            for (Assignment gone : removed) {
                deletes = deletes.flatMap(x -> gone.delete());
            }
            return deletes
                    .flatMap(x -> added.isEmpty() ? Uni.createFrom().voidItem() : Assignment.persist(added))
                    .flatMap(x -> AssignmentHistory.persist(history))
                    .flatMap(x -> Panache.flush())
                    .flatMap(x -> tasks.load(task))
                    .flatMap(view -> events.publish("TaskReassigned", view,
                            new TaskEvent(mapper.toSnapshot(view)).reassignment(reassignment)))
                    .replaceWithVoid();
        }));
    }

    /** LEAD before RESPONSIBLE before PARTICIPANT. */
    private static boolean outranks(AssignmentRole role, AssignmentRole than) {
        return RANK.indexOf(role) < RANK.indexOf(than);
    }

    private static Assignment copy(Assignment original, UUID ended, UUID successor, UUID taskId, int position) {
        Assignment copy = new Assignment();
        copy.key = new Assignment.Key(taskId, position);
        copy.agencyId = successor;
        copy.formerAgencyId = ended;
        copy.rawName = original.rawName;
        copy.kind = original.kind;
        copy.role = original.role;
        return copy;
    }

    private static AssignmentHistory line(UUID taskId, UUID from, UUID to, Assignment assignment, Reorganization reorganization) {
        AssignmentHistory line = new AssignmentHistory();
        line.taskId = taskId;
        line.fromAgencyId = from;
        line.toAgencyId = to;
        line.role = assignment.role;
        line.reorganizationId = reorganization.getId();
        line.effectiveOn = reorganization.getEffectiveOn();
        line.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return line;
    }
}
