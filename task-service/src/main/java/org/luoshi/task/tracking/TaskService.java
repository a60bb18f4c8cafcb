package org.luoshi.task.tracking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import org.hibernate.FlushMode;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.luoshi.events.model.TaskEvent;
import org.luoshi.events.model.UnresolvedReference;
import org.luoshi.platform.http.Cursor;
import org.luoshi.platform.http.ETags;
import org.luoshi.platform.problem.ProblemException;
import org.luoshi.platform.security.CurrentActor;
import org.luoshi.platform.security.Roles;
import org.luoshi.task.api.model.AssignmentCreate;
import org.luoshi.task.api.model.AssignmentKind;
import org.luoshi.task.api.model.AssignmentRole;
import org.luoshi.task.api.model.Health;
import org.luoshi.task.api.model.MilestoneCreate;
import org.luoshi.task.api.model.MilestoneStatus;
import org.luoshi.task.api.model.TaskCreate;
import org.luoshi.task.api.model.TaskPatch;
import org.luoshi.task.api.model.TaskStatus;
import org.luoshi.task.directory.AgencyDirectory;
import org.luoshi.task.directory.DirectoryAgency;
import org.luoshi.task.document.PolicyDocument;
import org.luoshi.task.milestone.HealthRules;
import org.luoshi.task.milestone.Milestone;
import org.luoshi.task.milestone.Milestones;

/** Tasks: creation with assignments and milestones, reading, search, and guarded changes; every write emits its event. */
@ApplicationScoped
public class TaskService {

    private static final List<TaskStatus> CANCELLABLE = List.of(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS,
            TaskStatus.SUSPENDED);

    private final AgencyDirectory directory;
    private final Milestones milestones;
    private final TaskMapper mapper;
    private final TaskEvents events;

    private final Clock clock;
    private final CurrentActor caller;

    public TaskService(AgencyDirectory directory, Milestones milestones, TaskMapper mapper, TaskEvents events, Clock clock,
            CurrentActor caller) {
        this.caller = caller;
        this.clock = clock;
        this.directory = directory;
        this.milestones = milestones;
        this.mapper = mapper;
        this.events = events;
    }

    @WithTransaction
    public Uni<TaskView> create(UUID documentId, TaskCreate request) {
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.documentId = documentId;
        task.seq = ProblemException.requireText("seq", request.getSeq());
        task.parentId = request.getParentId();
        task.category = blankToNull(request.getCategory());
        task.title = ProblemException.requireText("title", request.getTitle());
        task.content = request.getContent();
        task.keyTask = Boolean.TRUE.equals(request.getKeyTask());
        task.status = TaskStatus.NOT_STARTED;
        task.createdAt = task.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        List<AssignmentCreate> requested = request.getAssignments() == null ? List.of() : request.getAssignments();
        PolicyDocument[] cited = new PolicyDocument[1];
        // read FOR SHARE: a replacement of the document (which locks it FOR UPDATE before it cancels its open tasks)
        // waits for this task to commit and cancels it too, or this waits for the replacement and sees it
        return PolicyDocument.<PolicyDocument>findById(documentId, LockModeType.PESSIMISTIC_READ)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("document", documentId))
                .invoke(document -> {
                    if (document.supersededBy != null) {
                        // its open tasks were cancelled when it was replaced; new work belongs to the replacement
                        throw ProblemException.conflict("document " + documentId + " was superseded by "
                                + document.supersededBy + "; add the task there");
                    }
                    cited[0] = document;
                })
                .flatMap(document -> checkParent(task))
                .flatMap(ok -> Task.count("documentId = ?1 and seq = ?2 and parentId is not distinct from ?3",
                        documentId, task.seq, task.parentId))
                .flatMap(duplicates -> {
                    if (duplicates > 0) {
                        throw ProblemException.conflict("the document already has a task numbered " + task.seq
                                + (task.parentId == null ? "" : " under that parent"));
                    }
                    return resolveAssignments(task.id, requested);
                })
                .flatMap(assignments -> task.persist()
                        // a task may be created before its units are known; Panache refuses to persist no entities
                        .flatMap(saved -> assignments.isEmpty() ? Uni.createFrom().voidItem() : Assignment.persist(assignments))
                        .flatMap(saved -> Panache.flush())
                        .flatMap(saved -> AssignmentMember.persistOf(assignments))
                        .flatMap(saved -> milestones.add(documentId, task.id, request.getMilestones()))
                        .flatMap(saved -> Panache.flush())
                        .flatMap(flushed -> load(task))
                        .flatMap(view -> publish("TaskCreated", view, null, null))
                        .flatMap(view -> announceUnresolved(view, cited[0])));
    }

    /** Every unit name no agency matched is announced, so agency-service can queue it for curation. */
    private Uni<TaskView> announceUnresolved(TaskView view, PolicyDocument document) {
        Uni<TaskView> chain = Uni.createFrom().item(view);
        for (Assignment assignment : view.assignments()) {
            if (assignment.agencyId == null && assignment.kind == AssignmentKind.AGENCY) {
                UnresolvedReference reference = new UnresolvedReference(view.task().id, document.id, assignment.rawName,
                        document.jurisdiction, UnresolvedReference.RoleEnum.fromValue(assignment.role.toString()))
                        .seq(view.task().seq);
                chain = chain.flatMap(v -> events.unresolved(v, reference));
            }
        }
        return chain;
    }

    /** A read: the session neither flushes before its queries nor keeps snapshots for dirty checking. */
    @WithSession
    public Uni<TaskView> get(UUID id) {
        return Panache.getSession().invoke(session -> {
            session.setFlushMode(FlushMode.MANUAL);
            session.setDefaultReadOnly(true);
        }).flatMap(session -> find(id)).flatMap(this::load);
    }

    @WithSession
    public Uni<List<TaskView>> ofDocument(UUID documentId) {
        return PolicyDocument.<PolicyDocument>findById(documentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("document", documentId))
                .flatMap(document -> Task.<Task>list("documentId = ?1 order by createdAt, id", documentId))
                .flatMap(this::loadAll);
    }

    @WithSession
    public Uni<Page> search(TaskFilter filter, String after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.documentId() != null) {
            where.add("documentId = :documentId");
            parameters.and("documentId", filter.documentId());
        }
        if (filter.role() != null && filter.agencyId() == null) {
            throw ProblemException.badRequest("role filters the tasks of an agency: give agencyId too");
        }
        if (filter.agencyId() != null) {
            // assigned directly, or through a group it is a member of
            String role = filter.role() != null ? " and a.role = :role" : "";
            where.add("(id in (select a.key.taskId from Assignment a where a.agencyId in :agencyIds" + role + ")"
                    + " or id in (select m.key.taskId from AssignmentMember m, Assignment a where m.key.agencyId in :agencyIds"
                    + " and a.key.taskId = m.key.taskId and a.key.position = m.key.position" + role + "))");
            if (filter.role() != null) {
                parameters.and("role", filter.role());
            }
        }
        LocalDate today = LocalDate.now(clock);
        if (filter.health() != null) {
            // RED: a missed milestone, or an open one past due
            String overdue = "(select m.taskId from Milestone m where m.taskId is not null"
                    + " and (m.status = :missed or m.status = :open and m.dueDate < :today))";
            String soon = "(select s.taskId from Milestone s where s.taskId is not null and s.status = :open and s.dueDate <= :soon)";
            // as HealthRules: a closed task is GREEN
            where.add(switch (filter.health()) {
                case RED -> "status not in :closed and id in " + overdue;
                case YELLOW -> "status not in :closed and id not in " + overdue + " and id in " + soon;
                case GREEN -> "(status in :closed or id not in " + soon + " and id not in " + overdue + ")";
            });
            parameters.and("open", MilestoneStatus.OPEN).and("missed", MilestoneStatus.MISSED).and("closed", HealthRules.CLOSED)
                    .and("today", today);
            if (filter.health() != Health.RED) {
                parameters.and("soon", today.plusDays(HealthRules.WARNING_DAYS));
            }
        }
        if (filter.dueBefore() != null) {
            // work still to do: a completed or cancelled task keeps its open milestones, but nothing is due from it
            where.add("status not in :dueClosed"
                    + " and id in (select d.taskId from Milestone d where d.status = :dueOpen and d.dueDate < :dueBefore)");
            parameters.and("dueOpen", MilestoneStatus.OPEN).and("dueBefore", filter.dueBefore())
                    .and("dueClosed", HealthRules.CLOSED);
        }
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.category() != null) {
            where.add("category = :category");
            parameters.and("category", filter.category());
        }
        if (filter.keyTask() != null) {
            // a literal, not a parameter: the planner then uses the partial index of key tasks
            where.add(filter.keyTask() ? "keyTask = true" : "keyTask = false");
        }
        if (filter.text() != null) {
            // Chinese has no word boundaries: a substring match is what users expect of 关键词 search
            where.add("(title like :text or content like :text)");
            parameters.and("text", "%" + filter.text() + "%");
        }
        Cursor cursor = Cursor.decode(after);
        if (cursor != null) {
            where.add("(createdAt > :afterTime or (createdAt = :afterTime and id > :afterId))");
            parameters.and("afterTime", cursor.timeKey()).and("afterId", cursor.id());
        }
        String query = (String.join(" and ", where) + " order by createdAt, id").strip();
        Uni<List<UUID>> agencies = filter.agencyId() == null ? Uni.createFrom().item(List.of())
                : filter.includeDescendants() ? directory.withDescendants(filter.agencyId())
                : Uni.createFrom().item(List.of(filter.agencyId()));
        // range is inclusive: limit + 1 rows, the last only telling whether a next page exists
        return agencies.flatMap(ids -> Task.<Task>find(query, filter.agencyId() == null ? parameters
                : parameters.and("agencyIds", ids)).range(0, limit).list()).flatMap(rows -> {
            boolean more = rows.size() > limit;
            List<Task> items = more ? rows.subList(0, limit) : rows;
            Task last = items.isEmpty() ? null : items.get(items.size() - 1);
            String next = more ? new Cursor(last.createdAt.toString(), last.id).encode() : null;
            return loadAll(items).map(views -> new Page(views, next));
        });
    }

    /** Adds a milestone to an open task; the task's due date and health follow. */
    @WithTransaction
    public Uni<Milestone> addMilestone(UUID id, MilestoneCreate request) {
        return find(id).flatMap(task -> {
            if (task.status == TaskStatus.COMPLETED || task.status == TaskStatus.CANCELLED) {
                throw ProblemException.conflict("task " + task.seq + " is " + task.status + "; it takes no new milestones");
            }
            task.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return milestones.add(task.documentId, task.id, List.of(request))
                    .flatMap(added -> Panache.flush()
                            .flatMap(flushed -> load(task))
                            .flatMap(view -> publish("TaskUpdated", view, List.of("milestones"), null))
                            .replaceWith(added.get(0)));
        });
    }

    @WithTransaction
    public Uni<TaskView> update(UUID id, String ifMatch, TaskPatch patch) {
        long expected = ETags.requiredVersion(ifMatch);
        return find(id).call(task -> checkOfficerMayChange(task, patch)).flatMap(task -> {
            ETags.checkCurrent(expected, task.version);
            TaskStatus previous = task.status;
            List<String> changed = new ArrayList<>();
            change(changed, "category", task.category, blankToNull(patch.getCategory()), v -> task.category = v);
            change(changed, "title", task.title, patch.getTitle() == null ? null : ProblemException.requireText("title", patch.getTitle()), v -> task.title = v);
            change(changed, "content", task.content, patch.getContent(), v -> task.content = v);
            change(changed, "keyTask", task.keyTask, patch.getKeyTask(), v -> task.keyTask = v);
            if (patch.getStatus() != null && patch.getStatus() != task.status) {
                StatusTransitions.check(task.status, patch.getStatus());
                task.status = patch.getStatus();
                changed.add("status");
            }
            if (changed.isEmpty()) {
                return load(task);
            }
            task.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            boolean statusChanged = changed.contains("status");
            return Panache.flush()
                    .flatMap(flushed -> load(task))
                    .flatMap(view -> publish("TaskUpdated", view, changed, null))
                    .flatMap(view -> statusChanged ? publish("TaskStatusChanged", view, null, previous) : Uni.createFrom().item(view));
        });
    }

    /**
     * Replaces the task's units by those given, in order, as a supervisor decides after a reorganization (a split flags
     * the task for review) or any other change of who does what; the review is then done. Announced as TaskUpdated
     * (assignments, and reviewRequired when it was set); names no agency matches are announced as unresolved.
     */
    @WithTransaction
    public Uni<TaskView> replaceAssignments(UUID id, String ifMatch, List<AssignmentCreate> requested) {
        long expected = ETags.requiredVersion(ifMatch);
        return find(id).flatMap(task -> {
            ETags.checkCurrent(expected, task.version);
            if (task.status == TaskStatus.COMPLETED || task.status == TaskStatus.CANCELLED) {
                throw ProblemException.conflict("task " + task.seq + " is " + task.status
                        + "; a closed task keeps the units that did it");
            }
            return resolveAssignments(task.id, requested).flatMap(assignments -> AssignmentMember
                    .delete("key.taskId = ?1", task.id)
                    .flatMap(x -> Assignment.delete("key.taskId = ?1", task.id))
                    .flatMap(x -> assignments.isEmpty() ? Uni.createFrom().voidItem() : Assignment.persist(assignments))
                    .flatMap(x -> Panache.flush())
                    .flatMap(x -> AssignmentMember.persistOf(assignments))
                    .flatMap(x -> {
                        List<String> changed = new ArrayList<>(List.of("assignments"));
                        if (task.reviewRequired) {
                            task.reviewRequired = false;
                            changed.add("reviewRequired");
                        }
                        task.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                        return Panache.flush()
                                .flatMap(flushed -> load(task))
                                .flatMap(view -> publish("TaskUpdated", view, changed, null))
                                .flatMap(view -> PolicyDocument.<PolicyDocument>findById(task.documentId)
                                        .flatMap(document -> announceUnresolved(view, document)));
                    }));
        });
    }

    /**
     * An officer (without a supervising role) moves only the status of their own agency's tasks, and only forward:
     * suspending and cancelling are supervisors' decisions.
     */
    private Uni<Void> checkOfficerMayChange(Task task, TaskPatch patch) {
        if (!caller.hasRole(Roles.OFFICER) || caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SUPERVISOR)) {
            return Uni.createFrom().voidItem();
        }
        if (patch.getTitle() != null || patch.getContent() != null || patch.getCategory() != null || patch.getKeyTask() != null) {
            throw ProblemException.forbidden("an officer changes only the status of a task");
        }
        if (patch.getStatus() != null && patch.getStatus() != TaskStatus.IN_PROGRESS && patch.getStatus() != TaskStatus.COMPLETED) {
            throw ProblemException.forbidden("an officer moves a task only to IN_PROGRESS or COMPLETED");
        }
        if (patch.getStatus() != null && patch.getStatus() != task.status
                && task.status != TaskStatus.NOT_STARTED && task.status != TaskStatus.IN_PROGRESS) {
            // lifting a suspension (or reopening) is as much a supervisor's decision as suspending
            throw ProblemException.forbidden("an officer cannot move a " + task.status + " task: a supervisor decides that");
        }
        UUID own = caller.get().getAgencyId();
        return load(task).invoke(view -> {
            boolean assigned = own != null && view.assignments().stream()
                    .anyMatch(a -> a.agencies().anyMatch(own::equals));
            if (!assigned) {
                throw ProblemException.forbidden("an officer changes only tasks assigned to their own agency");
            }
            if (patch.getStatus() == TaskStatus.COMPLETED && task.status != TaskStatus.COMPLETED) {
                // completing (办结) closes the task for every unit on it: the lead unit's call, or, without one, a unit
                // named responsible; a participant or one member of a group (各市州人民政府) reports its part instead
                boolean led = view.assignments().stream().anyMatch(a -> a.role == AssignmentRole.LEAD);
                AssignmentRole accountable = led ? AssignmentRole.LEAD : AssignmentRole.RESPONSIBLE;
                if (view.assignments().stream().noneMatch(a -> own.equals(a.agencyId) && a.role == accountable)) {
                    throw ProblemException.forbidden("an officer completes only a task their own agency is named "
                            + (led ? "to lead" : "responsible for") + "; the other units report their progress, and a"
                            + " supervisor may complete it");
                }
            }
        }).replaceWithVoid();
    }

    /**
     * Cancels every open task of a document (NOT_STARTED, IN_PROGRESS, SUSPENDED), each announced as a status change
     * is (TaskUpdated, then TaskStatusChanged); completed and cancelled tasks stay as they are. Call inside the
     * caller's transaction.
     *
     * @return the number of tasks cancelled
     */
    public Uni<Integer> cancelOpen(UUID documentId) {
        return Task.<Task>list("documentId = ?1 and status in ?2 order by createdAt, id", documentId, CANCELLABLE)
                .flatMap(open -> {
                    Map<UUID, TaskStatus> previous = new HashMap<>();
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    for (Task task : open) {
                        StatusTransitions.check(task.status, TaskStatus.CANCELLED);
                        previous.put(task.id, task.status);
                        task.status = TaskStatus.CANCELLED;
                        task.updatedAt = now;
                    }
                    return Panache.flush().flatMap(flushed -> loadAll(open)).flatMap(views -> {
                        Uni<TaskView> chain = Uni.createFrom().nullItem();
                        for (TaskView view : views) {
                            chain = chain.flatMap(x -> publish("TaskUpdated", view, List.of("status"), null))
                                    .flatMap(x -> publish("TaskStatusChanged", view, null, previous.get(view.task().id)));
                        }
                        return chain.replaceWith(open.size());
                    });
                });
    }

    public Uni<Task> find(UUID id) {
        return found(Task.findById(id), id);
    }

    /**
     * The task read FOR SHARE, for an action that does not change it but depends on its state (a reminder of an open
     * task): a change of it in progress (completing it) commits first, and the action sees the outcome.
     */
    public Uni<Task> findForShare(UUID id) {
        return found(Task.findById(id, LockModeType.PESSIMISTIC_READ), id);
    }

    /**
     * The task read FOR UPDATE, for a change of its milestones that its events announce with the task's snapshot: two
     * such changes at once take turns, so that the later snapshot includes the earlier change.
     */
    public Uni<Task> findForUpdate(UUID id) {
        return found(Task.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
    }

    private static Uni<Task> found(Uni<Task> task, UUID id) {
        return task.onItem().ifNull().failWith(() -> ProblemException.notFound("task", id));
    }

    private Uni<Void> checkParent(Task task) {
        if (task.parentId == null) {
            return Uni.createFrom().voidItem();
        }
        return Task.<Task>findById(task.parentId).map(parent -> {
            if (parent == null || !parent.documentId.equals(task.documentId)) {
                throw ProblemException.unprocessable("parent task " + task.parentId + " is not a task of this document");
            }
            return null;
        });
    }

    private Uni<List<Assignment>> resolveAssignments(UUID taskId, List<AssignmentCreate> requested) {
        Set<UUID> ids = requested.stream().map(AssignmentCreate::getAgencyId).filter(Objects::nonNull).collect(Collectors.toSet());
        requested.stream().filter(r -> r.getMemberIds() != null).forEach(r -> ids.addAll(r.getMemberIds()));
        return directory.byIdsForAssignment(ids).map(known -> {
            List<Assignment> assignments = new ArrayList<>();
            for (AssignmentCreate r : requested) {
                if (r.getAgencyId() == null && (r.getRawName() == null || r.getRawName().isBlank())) {
                    throw ProblemException.badRequest("assignment " + assignments.size() + " names neither agencyId nor rawName");
                }
                DirectoryAgency agency = r.getAgencyId() == null ? null : known.get(r.getAgencyId());
                if (r.getAgencyId() != null && agency == null) {
                    throw ProblemException.unprocessable("agency " + r.getAgencyId() + " is not in the agency directory");
                }
                if (agency != null && "DISSOLVED".equals(agency.status)) {
                    throw ProblemException.unprocessable("agency " + agency.name + " is dissolved; assign its successor");
                }
                Assignment assignment = new Assignment();
                assignment.key = new Assignment.Key(taskId, assignments.size());
                assignment.agencyId = r.getAgencyId();
                assignment.rawName = r.getRawName() == null ? null : r.getRawName().strip();
                assignment.kind = r.getAgencyId() != null || r.getKind() == null ? AssignmentKind.AGENCY : r.getKind();
                assignment.role = r.getRole();
                if (r.getMemberIds() != null && !r.getMemberIds().isEmpty()) {
                    if (assignment.kind != AssignmentKind.GROUP) {
                        throw ProblemException.badRequest("assignment " + assignments.size()
                                + " lists memberIds but is not a GROUP");
                    }
                    for (UUID member : r.getMemberIds()) {
                        // a member is an agency as an assignment's agencyId is: known and not dissolved
                        DirectoryAgency memberAgency = known.get(member);
                        if (memberAgency == null) {
                            throw ProblemException.unprocessable("member " + member + " of assignment " + assignments.size()
                                    + " is not in the agency directory");
                        }
                        if ("DISSOLVED".equals(memberAgency.status)) {
                            throw ProblemException.unprocessable("member " + memberAgency.name + " of assignment " + assignments.size()
                                    + " is dissolved; name its successor");
                        }
                    }
                    assignment.memberIds = List.copyOf(new java.util.LinkedHashSet<>(r.getMemberIds()));
                }
                if (r.getMemberRule() != null) {
                    if (assignment.kind != AssignmentKind.GROUP) {
                        throw ProblemException.badRequest("assignment " + assignments.size()
                                + " gives a memberRule but is not a GROUP");
                    }
                    assignment.memberRule(r.getMemberRule());
                }
                assignments.add(assignment);
            }
            return assignments;
        }).call(MemberRules::complete); // a group that follows a rule takes in the units that meet it now
    }

    public Uni<TaskView> load(Task task) {
        return loadAll(List.of(task)).map(views -> views.get(0));
    }

    public Uni<List<TaskView>> loadAll(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = tasks.stream().map(t -> t.id).toList();
        // one task: an equality, whose SQL Hibernate translates once and caches (an IN list is translated per size)
        Uni<List<Assignment>> ofTasks = ids.size() == 1
                ? Assignment.list("key.taskId = ?1 order by key.position", ids.get(0))
                : Assignment.list("key.taskId in ?1 order by key.taskId, key.position", ids);
        return ofTasks
                .call(assignments -> withMembers(ids, assignments))
                .flatMap(assignments -> milestones.ofTasks(ids).flatMap(all -> {
                    Set<UUID> agencyIds = assignments.stream().map(a -> a.agencyId).filter(Objects::nonNull)
                            .collect(Collectors.toSet());
                    return directory.byIds(agencyIds).map(agencies -> {
                        Map<UUID, List<Assignment>> byTask = new HashMap<>();
                        assignments.forEach(a -> byTask.computeIfAbsent(a.key.taskId(), k -> new ArrayList<>()).add(a));
                        Map<UUID, List<Milestone>> milestonesByTask = new HashMap<>();
                        all.forEach(m -> milestonesByTask.computeIfAbsent(m.taskId, k -> new ArrayList<>()).add(m));
                        return tasks.stream().map(t -> new TaskView(t, byTask.getOrDefault(t.id, List.of()),
                                milestonesByTask.getOrDefault(t.id, List.of()), agencies)).toList();
                    });
                }));
    }

    private static Uni<List<AssignmentMember>> withMembers(List<UUID> taskIds, List<Assignment> assignments) {
        if (assignments.stream().noneMatch(a -> a.kind == AssignmentKind.GROUP)) {
            return Uni.createFrom().item(List.of());
        }
        return AssignmentMember.<AssignmentMember>list("key.taskId in ?1 order by key.agencyId", taskIds).invoke(members -> {
            Map<Assignment.Key, List<UUID>> byAssignment = new HashMap<>();
            members.forEach(m -> byAssignment.computeIfAbsent(new Assignment.Key(m.key.taskId(), m.key.position()),
                    k -> new ArrayList<>()).add(m.key.agencyId()));
            assignments.forEach(a -> a.memberIds = byAssignment.getOrDefault(a.key, List.of()));
        });
    }

    private Uni<TaskView> publish(String type, TaskView view, List<String> changedFields, TaskStatus previousStatus) {
        TaskEvent event = new TaskEvent(mapper.toSnapshot(view));
        if (changedFields != null) {
            event.changedFields(changedFields);
        }
        if (previousStatus != null) {
            event.previousStatus(previousStatus.toString());
        }
        return events.publish(type, view, event);
    }

    private static <T> void change(List<String> changed, String field, T current, T requested, Consumer<T> setter) {
        if (requested != null && !Objects.equals(current, requested)) {
            setter.accept(requested);
            changed.add(field);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A page of tasks and the cursor of the next one (null on the last). */
    public record Page(List<TaskView> items, String next) {
    }
}
