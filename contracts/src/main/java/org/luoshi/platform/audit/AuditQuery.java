package org.luoshi.platform.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.luoshi.common.model.AuditActor;
import org.luoshi.common.model.AuditChange;
import org.luoshi.common.model.AuditEntry;
import org.luoshi.common.model.AuditPage;
import org.luoshi.platform.http.Cursor;
import org.luoshi.platform.problem.ProblemException;

/** Reads the audit trail, newest first, keyset-paginated on (occurredAt, id). */
@ApplicationScoped
public class AuditQuery {

    public record Filter(String entity, String entityId, String actor, OffsetDateTime from, OffsetDateTime to) {
    }

    private final ObjectMapper json;

    public AuditQuery(ObjectMapper json) {
        this.json = json;
    }

    @WithSession
    public Uni<AuditPage> list(Filter filter, String after, int limit) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ProblemException.badRequest("'from' must be before 'to'");
        }
        Cursor cursor = Cursor.decode(after);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.entity() != null) {
            conditions.add("entity = :entity");
            parameters.put("entity", filter.entity());
        }
        if (filter.entityId() != null) {
            conditions.add("entityId = :entityId");
            parameters.put("entityId", filter.entityId());
        }
        if (filter.actor() != null) {
            conditions.add("(actorUsername = :actor or actorSubject = :actor)");
            parameters.put("actor", filter.actor());
        }
        if (filter.from() != null) {
            conditions.add("occurredAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("occurredAt < :to");
            parameters.put("to", filter.to());
        }
        if (cursor != null) {
            OffsetDateTime at;
            try {
                at = OffsetDateTime.parse(cursor.key());
            } catch (java.time.DateTimeException e) {
                throw ProblemException.badRequest("'after' is not a cursor returned by this service");
            }
            conditions.add("(occurredAt < :at or (occurredAt = :at and id < :lastId))");
            parameters.put("at", at);
            parameters.put("lastId", cursor.id());
        }
        String query = (conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions))
                + " order by occurredAt desc, id desc";
        // range is inclusive: one row more than the page tells whether another page follows
        return AuditRecord.<AuditRecord>find(query, parameters).range(0, limit).list().map(rows -> {
            boolean more = rows.size() > limit;
            List<AuditRecord> shown = more ? rows.subList(0, limit) : rows;
            AuditPage page = new AuditPage(shown.stream().map(this::toApi).toList());
            if (more) {
                AuditRecord last = shown.get(shown.size() - 1);
                page.next(new Cursor(last.occurredAt.toString(), last.id).encode());
            }
            return page;
        });
    }

    private AuditEntry toApi(AuditRecord record) {
        AuditActor actor = new AuditActor(record.actorSubject).username(record.actorUsername)
                .agencyId(record.actorAgencyId);
        return new AuditEntry(record.id, record.occurredAt, actor, record.entity, record.entityId, record.action)
                .eventId(record.eventId)
                .requestId(record.requestId)
                .changes(changes(record.changes));
    }

    private List<AuditChange> changes(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            List<Map<String, Object>> rows = json.convertValue(json.readTree(stored).path(AuditRecord.CHANGES_FIELD),
                    new TypeReference<>() { });
            return rows.stream().map(row -> new AuditChange(String.valueOf(row.get("field")))
                    .before(row.get("before")).after(row.get("after"))).toList();
        } catch (IOException e) {
            throw new IllegalStateException("stored audit changes cannot be read", e);
        }
    }
}
