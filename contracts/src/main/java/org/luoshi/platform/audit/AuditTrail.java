package org.luoshi.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.reactive.mutiny.Mutiny;
import org.luoshi.events.model.Actor;
import org.luoshi.platform.outbox.CloudEventTypes;
import org.luoshi.platform.outbox.OutboxEvent;
import org.luoshi.platform.security.CurrentActor;
import org.luoshi.platform.sql.BulkInsert;

/**
 * Records who changed what. Every state change in Luoshi publishes an event through the outbox in its transaction, so
 * the outbox records the audit entry beside it: one place, and no write can forget it. When the event carries the
 * aggregate's snapshot (field named after the aggregate type, e.g. {@code task}), the entry keeps it as the state after
 * the change, and {@link AuditQuery} lists the fields that differ from the entity's previous state; the event's other
 * data (a report, a reassignment) is stored as added values.
 */
@ApplicationScoped
public class AuditTrail {

    /** Fields that change with every write and say nothing about what was changed. */
    static final Set<String> NOISE = Set.of("version", "actor", "changedFields", "previousStatus");

    private static final BulkInsert ENTRIES = BulkInsert.into("audit_entry", "id uuid", "occurred_at timestamptz",
            "actor_subject text", "actor_username text", "actor_agency_id uuid", "entity text", "entity_id text",
            "action text", "event_id uuid", "request_id text", "changes jsonb", "state jsonb");

    private final ObjectMapper json;
    private final CurrentActor currentActor;
    private final AtomicReference<Instant> lastStamp = new AtomicReference<>(Instant.EPOCH);

    public AuditTrail(ObjectMapper json, CurrentActor currentActor) {
        this.json = json;
        this.currentActor = currentActor;
    }

    /** Adds the entry for an event just appended to the outbox, in the same transaction. */
    public Uni<AuditRecord> recordEvent(OutboxEvent event) {
        return entry(event, read(event.payload)).persist();
    }

    /** The entries of events appended in bulk ({@code payloads[i]} is the payload of {@code events[i]}), in one INSERT. */
    public Uni<Void> recordEvents(Mutiny.Session session, List<OutboxEvent> events, List<JsonNode> payloads) {
        BulkInsert.Rows rows = ENTRIES.rows();
        for (int i = 0; i < events.size(); i++) {
            AuditRecord e = entry(events.get(i), payloads.get(i));
            rows.add(e.id, e.occurredAt, e.actorSubject, e.actorUsername, e.actorAgencyId, e.entity, e.entityId, e.action,
                    e.eventId, e.requestId, json(e.changes), json(e.state));
        }
        return rows.insert(session).replaceWithVoid();
    }

    private static BulkInsert.JsonText json(String text) {
        return text == null ? null : new BulkInsert.JsonText(text);
    }

    private AuditRecord entry(OutboxEvent event, JsonNode payload) {
        JsonNode snapshot = payload.path(event.aggregateType);
        AuditRecord entry = new AuditRecord();
        entry.id = UUID.randomUUID();
        entry.occurredAt = nextStamp();
        Actor actor = currentActor.get();
        entry.actorSubject = actor.getSubject();
        entry.actorUsername = actor.getUsername();
        entry.actorAgencyId = actor.getAgencyId();
        entry.entity = event.aggregateType;
        entry.entityId = event.aggregateId;
        entry.action = CloudEventTypes.simple(event.eventType);
        entry.eventId = event.id;
        entry.requestId = RequestIds.current().orElse(null);
        // the diff against the aggregate's previous state is taken when the trail is read (AuditQuery): a write only
        // inserts, with no flush and no query in the middle of its transaction's statement batches
        entry.state = snapshot.isObject() ? write(snapshot) : null;
        entry.changes = write(json.createObjectNode()
                .set(AuditRecord.ADDED_FIELD, added(payload, snapshot.isObject() ? event.aggregateType : null)));
        return entry;
    }

    /** The event's other data (a progress report, a reassignment, ...) as added values. */
    private ArrayNode added(JsonNode payload, String snapshotField) {
        ArrayNode changes = json.createArrayNode();
        payload.properties().forEach(field -> {
            boolean shown = !NOISE.contains(field.getKey()) && !field.getKey().equals(snapshotField);
            if (shown && !isAbsent(field.getValue())) {
                changes.addObject().put("field", field.getKey()).set("after", field.getValue());
            }
        });
        return changes;
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }

    /** Strictly increasing within this process, so that changes made in one transaction keep their order. */
    private OffsetDateTime nextStamp() {
        Instant stamp = lastStamp.updateAndGet(last -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        });
        return stamp.atOffset(ZoneOffset.UTC);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
