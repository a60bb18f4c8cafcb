package org.luoshi.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes records to the test broker the way another Luoshi service (or a misbehaving one) would. */
public final class TopicWriter {

    private TopicWriter() {
    }

    /** A binary-mode CloudEvent with the given id and type (org.luoshi. is prefixed). */
    public static void cloudEvent(String topic, String key, String id, String type, String data) {
        send(toRecord(topic, new CloudEvent(key, id, type, data)));
    }

    /**
     * Publishes the events in their order through one producer, to the broker the properties name: a backlog of
     * thousands takes seconds, where one producer per event would take minutes.
     */
    public static void cloudEvents(Properties broker, String topic, List<CloudEvent> events) {
        Properties properties = new Properties();
        properties.putAll(broker);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
            for (CloudEvent event : events) {
                sent.add(producer.send(toRecord(topic, event)));
            }
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test records", e);
        }
    }

    /** A binary-mode CloudEvent to publish: record key (also its subject), event id, type without org.luoshi., JSON data. */
    public record CloudEvent(String key, String id, String type, String data) {
    }

    public static void raw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private static ProducerRecord<String, String> toRecord(String topic, CloudEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.key(), event.data());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", event.id());
        header(record, "ce_type", "org.luoshi." + event.type());
        header(record, "ce_source", "/luoshi/test");
        header(record, "ce_subject", event.key());
        header(record, "ce_time", OffsetDateTime.now().toString());
        header(record, "content-type", "application/json");
        return record;
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
