package org.luoshi.platform.inbox;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.luoshi.platform.outbox.CloudEventTypes;

/** A binary-mode CloudEvent read from a Kafka record: its id, simple type name, subject and JSON data. */
public record ReceivedEvent(String id, String type, String subject, String data) {

    /** @throws PoisonEventException when the record is not a CloudEvent Luoshi can process */
    public static ReceivedEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventTypes.HEADER_ID);
        String type = header(record, CloudEventTypes.HEADER_TYPE);
        if (id == null || type == null || record.value() == null) {
            throw new PoisonEventException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent with id, type and data");
        }
        String subject = header(record, CloudEventTypes.HEADER_SUBJECT);
        return new ReceivedEvent(id, CloudEventTypes.simple(type), subject != null ? subject : record.key(), record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
