package org.luoshi.platform.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning, as an integrator would, until the wanted records arrived or time ran out. */
public final class TopicReader {

    private TopicReader() {
    }

    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> wanted,
            int count, Duration timeout) {
        return await(KafkaResource.clientProperties(), topic, wanted, count, timeout);
    }

    /** Reads from the broker the properties name, until count wanted records arrived or the timeout passed. */
    public static List<ConsumerRecord<String, String>> await(Properties broker, String topic,
            Predicate<ConsumerRecord<String, String>> wanted, int count, Duration timeout) {
        Properties properties = new Properties();
        properties.putAll(broker);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
