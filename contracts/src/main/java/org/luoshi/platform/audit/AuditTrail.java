package org.luoshi.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.luoshi.events.model.Actor;
import org.luoshi.platform.outbox.CloudEventTypes;
import org.luoshi.platform.outbox.OutboxEvent;
import org.luoshi.platform.security.CurrentActor;

/**
 * Records who changed what. Every state change in Luoshi publishes an event through the outbox in its transaction, so
 * the outbox records the audit entry beside it: one place, and no write can forget it. When the event carries the
 * aggregate's snapshot (field named after the aggregate type, e.g. {@code task}), the entry lists the fields that differ
 * from the last audited snapshot, before and after; the event's other data (a report, a reassignment) is listed as
 * added.
 */
@ApplicationScoped
public class AuditTrail {

    /** Fields that change with every write and say nothing about what was changed. */
    private static final Set<String> NOISE = Set.of("version", "actor", "changedFields", "previousStatus");

    private final ObjectMapper json;
    private final CurrentActor currentActor;
    private final AtomicReference<Instant> lastStamp = new AtomicReference<>(Instant.EPOCH);

    public AuditTrail(ObjectMapper json, CurrentActor currentActor) {
        this.json = json;
        this.currentActor = currentActor;
    }

    /** Adds the entry for an event just appended to the outbox, in the same transaction. */
    public Uni<AuditRecord> recordEvent(OutboxEvent event) {
        JsonNode payload = read(event.payload);
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
        if (!snapshot.isObject()) {
            entry.changes = write(wrapped(added(payload, null)));
            return entry.persist();
        }
        entry.state = write(snapshot);
        // earlier changes of this transaction must be visible to the query
        return Panache.flush()
                .chain(() -> AuditRecord.<AuditRecord>find(
                        "entity = ?1 and entityId = ?2 and state is not null order by occurredAt desc, id desc",
                        entry.entity, entry.entityId).<AuditRecord>firstResult())
                .chain(previous -> {
                    ArrayNode changes = differences(previous == null ? null : read(previous.state), snapshot);
                    changes.addAll(added(payload, event.aggregateType));
                    entry.changes = write(wrapped(changes));
                    return entry.persist();
                });
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

    private ArrayNode differences(JsonNode before, JsonNode after) {
        Set<String> fields = new TreeSet<>();
        after.fieldNames().forEachRemaining(fields::add);
        if (before != null) {
            before.fieldNames().forEachRemaining(fields::add);
        }
        ArrayNode changes = json.createArrayNode();
        for (String field : fields) {
            JsonNode old = before == null ? null : before.get(field);
            JsonNode now = after.get(field);
            if (NOISE.contains(field) || isAbsent(old) && isAbsent(now) || old != null && old.equals(now)) {
                continue;
            }
            ObjectNode change = changes.addObject().put("field", field);
            if (!isAbsent(old)) {
                change.set("before", old);
            }
            if (!isAbsent(now)) {
                change.set("after", now);
            }
        }
        return changes;
    }

    /** The column holds an object: the reactive PostgreSQL client maps jsonb to a JSON object, not an array. */
    private JsonNode wrapped(ArrayNode changes) {
        return json.createObjectNode().set(AuditRecord.CHANGES_FIELD, changes);
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
