package org.luoshi.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.luoshi.platform.audit.AuditTrail;
import org.luoshi.platform.sql.BulkInsert;

/**
 * Appends events to the outbox within the caller's transaction: the event commits with the state change or not at all.
 * Business code never talks to Kafka; {@link OutboxRelay} does. Each event also leaves its entry in the audit trail.
 */
@ApplicationScoped
public class Outbox {

    private static final BulkInsert EVENTS = BulkInsert.into("outbox_event", "id uuid", "topic text", "aggregate_type text",
            "aggregate_id text", "event_type text", "payload jsonb", "occurred_at timestamptz");

    private final ObjectMapper json;
    private final AuditTrail audit;

    public Outbox(ObjectMapper json, AuditTrail audit) {
        this.json = json;
        this.audit = audit;
    }

    /**
     * @param topic         Kafka topic, e.g. task.events
     * @param aggregateType e.g. task; the aggregate id becomes the record key and the CloudEvent subject
     * @param type          event name without prefix, e.g. TaskCreated
     * @param data          a payload type generated from contracts/events.yaml
     */
    public Uni<OutboxEvent> append(String topic, String aggregateType, UUID aggregateId, String type, Object data) {
        OutboxEvent event = event(new Pending(topic, aggregateType, aggregateId, type, data));
        event.payload = serialize(data);
        return event.<OutboxEvent>persist().call(audit::recordEvent);
    }

    /** An event to append; the arguments are those of {@link #append}. */
    public record Pending(String topic, String aggregateType, UUID aggregateId, String type, Object data) {
    }

    /**
     * Appends many events, in their order, with one INSERT for the events and one for their audit entries, after the
     * session's pending changes are flushed: for bulk writes such as an import, whose rows are also written in bulk.
     */
    public Uni<Void> appendAll(List<Pending> pending) {
        BulkInsert.Rows rows = EVENTS.rows();
        List<OutboxEvent> events = new ArrayList<>(pending.size());
        List<JsonNode> payloads = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            // the payload as a tree: the audit entry reads it, and the row carries it, written once with the statement
            JsonNode payload = json.valueToTree(p.data());
            OutboxEvent event = event(p);
            rows.add(event.id, event.topic, event.aggregateType, event.aggregateId, event.eventType, payload,
                    event.occurredAt);
            events.add(event);
            payloads.add(payload);
        }
        // flushed first, so that events appended one by one earlier in the transaction keep their place before these
        return Panache.getSession().flatMap(session -> session.flush()
                .flatMap(flushed -> rows.insert(session))
                .flatMap(inserted -> audit.recordEvents(session, events, payloads)));
    }

    private static OutboxEvent event(Pending pending) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = pending.topic();
        event.aggregateType = pending.aggregateType();
        event.aggregateId = pending.aggregateId().toString();
        event.eventType = CloudEventTypes.qualified(pending.type());
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        return event;
    }

    private String serialize(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON", e);
        }
    }
}
