package org.luoshi.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
        return AuditRecord.<AuditRecord>find(query, parameters).range(0, limit).list().flatMap(rows -> {
            boolean more = rows.size() > limit;
            List<AuditRecord> shown = more ? rows.subList(0, limit) : rows;
            return previousStates(shown).map(previous -> page(shown, previous, more));
        });
    }

    private AuditPage page(List<AuditRecord> shown, Map<UUID, String> previousStates, boolean more) {
        AuditPage page = new AuditPage(shown.stream().map(r -> toApi(r, previousStates.get(r.id))).toList());
            if (more) {
                AuditRecord last = shown.get(shown.size() - 1);
                page.next(new Cursor(last.occurredAt.toString(), last.id).encode());
            }
        return page;
    }

    /**
     * For each entry that carries a state and was written without its differences, the state of the same entity in the
     * entry before it (one query for the page; the entity index serves each lookup).
     */
    private Uni<Map<UUID, String>> previousStates(List<AuditRecord> entries) {
        List<UUID> ids = entries.stream().filter(e -> e.state != null && !isDiffed(e)).map(e -> e.id).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().flatMap(session -> session.<Object[]>createNativeQuery("""
                select e.id, (select p.state::text from audit_entry p
                              where p.entity = e.entity and p.entity_id = e.entity_id and p.state is not null
                                and (p.occurred_at, p.id) < (e.occurred_at, e.id)
                              order by p.occurred_at desc, p.id desc limit 1)
                from audit_entry e where e.id in (:ids)""").setParameter("ids", ids).getResultList())
                .map(rows -> {
                    Map<UUID, String> states = new HashMap<>();
                    rows.forEach(row -> {
                        if (row[1] != null) {
                            states.put((UUID) row[0], row[1].toString());
                        }
                    });
                    return states;
                });
    }

    /** Written before the differences moved to reading: its changes hold them already. */
    private boolean isDiffed(AuditRecord entry) {
        return entry.changes != null && read(entry.changes).has(AuditRecord.CHANGES_FIELD);
    }

    private AuditEntry toApi(AuditRecord record, String previousState) {
        AuditActor actor = new AuditActor(record.actorSubject).username(record.actorUsername)
                .agencyId(record.actorAgencyId);
        return new AuditEntry(record.id, record.occurredAt, actor, record.entity, record.entityId, record.action)
                .eventId(record.eventId)
                .requestId(record.requestId)
                .changes(changes(record, previousState));
    }

    private List<AuditChange> changes(AuditRecord record, String previousState) {
        if (record.changes == null) {
            return null;
        }
        JsonNode stored = read(record.changes);
        List<AuditChange> changes = new ArrayList<>();
        if (stored.has(AuditRecord.CHANGES_FIELD)) { // written with its differences
            stored.path(AuditRecord.CHANGES_FIELD).forEach(row -> changes.add(new AuditChange(row.path("field").asText())
                    .before(plain(row.get("before"))).after(plain(row.get("after")))));
            return changes;
        }
        if (record.state != null) {
            changes.addAll(differences(previousState == null ? null : read(previousState), read(record.state)));
        }
        stored.path(AuditRecord.ADDED_FIELD)
                .forEach(row -> changes.add(new AuditChange(row.path("field").asText()).after(plain(row.get("after")))));
        return changes;
    }

    /** The fields that differ between two states of an aggregate, before and after (absent when null). */
    private List<AuditChange> differences(JsonNode before, JsonNode after) {
        Set<String> fields = new TreeSet<>();
        after.fieldNames().forEachRemaining(fields::add);
        if (before != null) {
            before.fieldNames().forEachRemaining(fields::add);
        }
        List<AuditChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode old = before == null ? null : before.get(field);
            JsonNode now = after.get(field);
            if (AuditTrail.NOISE.contains(field) || isAbsent(old) && isAbsent(now) || old != null && old.equals(now)) {
                continue;
            }
            changes.add(new AuditChange(field).before(isAbsent(old) ? null : plain(old)).after(isAbsent(now) ? null : plain(now)));
        }
        return changes;
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }

    /** As the stored diffs are served: JSON values as plain maps, lists, strings and numbers. */
    private Object plain(JsonNode node) {
        return node == null ? null : json.convertValue(node, Object.class);
    }

    private JsonNode read(String stored) {
        try {
            return json.readTree(stored);
        } catch (IOException e) {
            throw new IllegalStateException("stored audit JSON cannot be read", e);
        }
    }
}
