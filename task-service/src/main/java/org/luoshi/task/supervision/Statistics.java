package org.luoshi.task.supervision;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.luoshi.platform.problem.ProblemException;
import org.luoshi.task.api.model.StatisticsRow;
import org.luoshi.task.milestone.HealthRules;

/**
 * 统计: task counts by status, and by health among open tasks, grouped by agency, category, document or health; of
 * one document, of key tasks (重点任务) or of the others, when asked.
 * Health follows the same rule as a task's view (HealthRules); completed and cancelled tasks have none here.
 */
@ApplicationScoped
public class Statistics {

    /** groupBy → (key expression, label expression, extra join). Keys are fixed here, never taken from the request. */
    private static final Map<String, String[]> GROUPS = Map.of(
            "agency", new String[] {"cast(a.agency_id as varchar)", "max(d.name)",
                    // a unit counts for the tasks assigned to it and to a group it is a member of (各市州人民政府), as in
                    // the task list's agency filter and agency-service's workload
                    "join (select task_id, agency_id from task_assignment where agency_id is not null"
                            + " union select task_id, agency_id from task_assignment_member) a on a.task_id = h.id"
                            + " left join directory_agency d on d.id = a.agency_id"},
            "category", new String[] {"coalesce(h.category, '')", "null", ""},
            "document", new String[] {"cast(h.document_id as varchar)", "max(p.doc_number)",
                    "join policy_document p on p.id = h.document_id"},
            "health", new String[] {"coalesce(h.health, 'CLOSED')", "null", ""});

    private static final String TEMPLATE = """
            with h as (
                select t.id, t.document_id, t.category, t.status, t.stale,
                    case when t.status in ('COMPLETED', 'CANCELLED') then null
                         when exists (select 1 from milestone m where m.task_id = t.id
                             and (m.status = 'OPEN' and m.due_date < ?1 or m.status = 'MISSED')) then 'RED'
                         when exists (select 1 from milestone m where m.task_id = t.id and m.status = 'OPEN' and m.due_date <= ?2) then 'YELLOW'
                         else 'GREEN' end as health
                from task t %s
            )
            select %s as key, %s as label,
                count(distinct h.id),
                count(distinct h.id) filter (where h.status = 'NOT_STARTED'),
                count(distinct h.id) filter (where h.status = 'IN_PROGRESS'),
                count(distinct h.id) filter (where h.status = 'COMPLETED'),
                count(distinct h.id) filter (where h.status = 'SUSPENDED'),
                count(distinct h.id) filter (where h.status = 'CANCELLED'),
                count(distinct h.id) filter (where h.health = 'GREEN'),
                count(distinct h.id) filter (where h.health = 'YELLOW'),
                count(distinct h.id) filter (where h.health = 'RED'),
                count(distinct h.id) filter (where h.stale and h.health is not null)
            from h %s
            group by 1
            order by 3 desc, 1
            """;

    private final Clock clock;

    public Statistics(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @WithSession
    public Uni<List<StatisticsRow>> compute(String groupBy, UUID documentId, Boolean keyTask) {
        String[] group = GROUPS.get(groupBy);
        if (group == null) {
            throw ProblemException.badRequest("groupBy must be one of agency, category, document, health");
        }
        LocalDate today = today();
        List<String> where = new ArrayList<>();
        if (documentId != null) {
            where.add("t.document_id = ?3");
        } else {
            // a plan replaced by a newer text (its open tasks cancelled) is history, not the work being tracked
            where.add("t.document_id in (select p.id from policy_document p where p.superseded_by is null)");
        }
        if (keyTask != null) {
            where.add(keyTask ? "t.key_task" : "not t.key_task");
        }
        String sql = TEMPLATE.formatted(where.isEmpty() ? "" : "where " + String.join(" and ", where), group[0], group[1],
                group[2]);
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, Object[].class)
                    .setParameter(1, today)
                    .setParameter(2, today.plusDays(HealthRules.WARNING_DAYS));
            if (documentId != null) {
                query.setParameter(3, documentId);
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(Statistics::row).toList());
    }

    private static StatisticsRow row(Object[] r) {
        return new StatisticsRow((String) r[0], n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7]), n(r[8]), n(r[9]),
                n(r[10]), n(r[11])).label((String) r[1]);
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
