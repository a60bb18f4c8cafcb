package org.luoshi.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.luoshi.platform.audit.AuditTrail;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Appends events to the outbox within the caller's transaction: the event commits with the state change or not at all.
 * Business code never talks to Kafka; {@link OutboxRelay} does. Each event also leaves its entry in the audit trail.
 */
@ApplicationScoped
public class Outbox {

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
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId.toString();
        event.eventType = CloudEventTypes.qualified(type);
        event.payload = serialize(data);
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        return event.<OutboxEvent>persist().call(audit::recordEvent);
    }

    private String serialize(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON", e);
        }
    }
}
