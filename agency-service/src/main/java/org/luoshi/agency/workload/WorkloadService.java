package org.luoshi.agency.workload;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.luoshi.agency.api.model.Workload;
import org.luoshi.agency.registry.AgencyService;
import org.luoshi.events.model.TaskAssignmentSnapshot;
import org.luoshi.events.model.TaskSnapshot;

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
                select t.task_id, t.due_date from task_workload t
                where t.status not in ('COMPLETED', 'CANCELLED') and t.task_id in (select task_id from touched)
            )
            select
                (select count(*) from touched x join open_tasks o on o.task_id = x.task_id where x.role = 'LEAD'),
                (select count(*) from touched x join open_tasks o on o.task_id = x.task_id where x.role = 'PARTICIPANT'),
                (select count(*) from touched x join open_tasks o on o.task_id = x.task_id where x.role = 'RESPONSIBLE'),
                (select count(*) from open_tasks where due_date < ?3),
                (select count(*) from open_tasks where due_date >= ?3 and due_date <= ?4)
            """;

    private final AgencyService agencies;
    private final Clock clock;

    public WorkloadService(AgencyService agencies, Clock clock) {
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Call inside the consumer's transaction. Replaces what was known of the task unless the snapshot is older. */
    public Uni<Void> apply(TaskSnapshot task) {
        return TaskWorkload.<TaskWorkload>findById(task.getId()).flatMap(known -> {
            if (known != null && known.version > task.getVersion()) {
                return Uni.createFrom().voidItem();
            }
            TaskWorkload workload = known != null ? known : new TaskWorkload();
            workload.taskId = task.getId();
            workload.status = task.getStatus().toString();
            workload.dueDate = task.getDueDate();
            workload.version = task.getVersion();
            Set<WorkloadAssignment.Key> assigned = new LinkedHashSet<>();
            for (TaskAssignmentSnapshot a : task.getAssignments()) {
                if (a.getAgencyId() != null) {
                    assigned.add(new WorkloadAssignment.Key(task.getId(), a.getAgencyId(), a.getRole().toString()));
                }
            }
            Uni<?> saved = known != null ? Uni.createFrom().item(workload) : workload.persist();
            return saved
                    .flatMap(x -> WorkloadAssignment.delete("key.taskId", task.getId()))
                    .flatMap(x -> Panache.flush())
                    .flatMap(x -> assigned.isEmpty() ? Uni.createFrom().voidItem()
                            : WorkloadAssignment.persist(assigned.stream().map(WorkloadAssignment::of).toList()))
                    .replaceWithVoid();
        });
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
                        count(row[3]), count(row[4]), today));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
