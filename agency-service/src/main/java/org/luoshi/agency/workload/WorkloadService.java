package org.luoshi.agency.workload;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.luoshi.agency.api.model.Workload;
import org.luoshi.agency.registry.AgencyService;
import org.luoshi.events.model.TaskAssignmentSnapshot;
import org.luoshi.events.model.TaskSnapshot;
import org.luoshi.platform.sql.BulkInsert;

/** Keeps each task's assigned units from task.events, and counts an agency's open tasks from them. */
@ApplicationScoped
public class WorkloadService {

    /** Same threshold as task-service's YELLOW health. */
    static final int DUE_SOON_DAYS = 30;

    private static final String COUNT = """
            with recursive units(id) as (
                select cast(?1 as uuid)
                union
                select a.id from agency a join units u on a.parent_id = u.id where ?2
            ),
            touched as (
                select distinct w.task_id, w.role from task_workload_assignment w join units u on w.agency_id = u.id
            ),
            open_tasks as (
                select t.task_id, t.due_date, t.key_task, t.missed from task_workload t
                where t.status not in ('COMPLETED', 'CANCELLED') and t.task_id in (select task_id from touched)
            )
            select
                (select count(*) from touched x join open_tasks o on o.task_id = x.task_id where x.role = 'LEAD'),
                (select count(*) from touched x join open_tasks o on o.task_id = x.task_id where x.role = 'PARTICIPANT'),
                (select count(*) from touched x join open_tasks o on o.task_id = x.task_id where x.role = 'RESPONSIBLE'),
                (select count(*) from open_tasks where missed or due_date < ?3),
                (select count(*) from open_tasks where not missed and due_date >= ?3 and due_date <= ?4),
                (select count(*) from open_tasks where key_task)
            """;

    /** A snapshot older than what is known changes nothing: the task is not returned and keeps its units. */
    private static final BulkInsert TASKS = BulkInsert.into("task_workload", "task_id uuid", "status text",
            "due_date date", "key_task boolean", "missed boolean", "version bigint")
            .onConflict("""
                    (task_id) do update set status = excluded.status, due_date = excluded.due_date,
                    key_task = excluded.key_task, missed = excluded.missed, version = excluded.version
                    where task_workload.version <= excluded.version""");
    /** A unit named twice in one role counts once. */
    private static final BulkInsert ASSIGNMENTS = BulkInsert.into("task_workload_assignment", "task_id uuid",
            "agency_id uuid", "role text").onConflict("do nothing");
    private static final String FORGET_ASSIGNMENTS = "delete from task_workload_assignment where task_id in (:tasks)";

    private final AgencyService agencies;
    private final Clock clock;

    public WorkloadService(AgencyService agencies, Clock clock) {
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * Call inside the consumer's transaction. Replaces what was known of each task unless the snapshot is older, with
     * one statement per table whatever the number of tasks.
     */
    public Uni<Void> apply(List<TaskSnapshot> snapshots) {
        Map<UUID, TaskSnapshot> latest = new LinkedHashMap<>();
        for (TaskSnapshot snapshot : snapshots) {
            // of two snapshots of one version, the later delivered wins, as applying them in turn would have it
            latest.merge(snapshot.getId(), snapshot, (known, next) -> next.getVersion() >= known.getVersion() ? next : known);
        }
        if (latest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        BulkInsert.Rows tasks = TASKS.rows();
        latest.values().forEach(task -> tasks.add(task.getId(), task.getStatus().toString(), task.getDueDate(),
                Boolean.TRUE.equals(task.getKeyTask()), Boolean.TRUE.equals(task.getMissed()), task.getVersion()));
        return Panache.getSession().flatMap(session -> tasks.insertReturning(session, "task_id", UUID.class)
                .flatMap(replaced -> replaced.isEmpty() ? Uni.createFrom().voidItem()
                        : session.createNativeQuery(FORGET_ASSIGNMENTS).setParameter("tasks", replaced).executeUpdate()
                                .flatMap(forgotten -> assignments(replaced, latest).insert(session))
                                .replaceWithVoid()));
    }

    private static BulkInsert.Rows assignments(List<UUID> tasks, Map<UUID, TaskSnapshot> snapshots) {
        BulkInsert.Rows rows = ASSIGNMENTS.rows();
        for (UUID taskId : tasks) {
            for (TaskAssignmentSnapshot a : snapshots.get(taskId).getAssignments()) {
                // unresolved units have no agency yet
                if (a.getAgencyId() != null) {
                    rows.add(taskId, a.getAgencyId(), a.getRole().toString());
                }
                // each member of an assigned group (各市州人民政府) carries the task in the group's role
                if (a.getMemberIds() != null) {
                    a.getMemberIds().forEach(member -> rows.add(taskId, member, a.getRole().toString()));
                }
            }
        }
        return rows;
    }

    @WithSession
    public Uni<Workload> of(UUID agencyId, boolean includeDescendants) {
        LocalDate today = LocalDate.now(clock);
        return agencies.get(agencyId).flatMap(agency -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(COUNT, Object[].class)
                .setParameter(1, agencyId)
                .setParameter(2, includeDescendants)
                .setParameter(3, today)
                .setParameter(4, today.plusDays(DUE_SOON_DAYS))
                .getSingleResult()))
                .map(row -> new Workload(agencyId, includeDescendants, count(row[0]), count(row[1]), count(row[2]),
                        count(row[3]), count(row[4]), today).keyTasks(count(row[5])));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
