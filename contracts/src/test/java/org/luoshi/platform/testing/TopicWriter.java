package org.luoshi.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes records to the test broker the way another Luoshi service (or a misbehaving one) would. */
public final class TopicWriter {

    private TopicWriter() {
    }

    /** A binary-mode CloudEvent with the given id and type (org.luoshi. is prefixed). */
    public static void cloudEvent(String topic, String key, String id, String type, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", "org.luoshi." + type);
        header(record, "ce_source", "/luoshi/test");
        header(record, "ce_subject", key);
        header(record, "ce_time", OffsetDateTime.now().toString());
        header(record, "content-type", "application/json");
        send(record);
    }

    public static void raw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(ProducerRecord<String, String> record) {
        Properties properties = KafkaResource.clientProperties();
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test record", e);
        }
    }
}
