package org.luoshi.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A Kafka broker in its own process, for tests that stop and restart the broker. */
public class KafkaProcessResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBrokerProcess broker;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (broker == null) {
                broker = KafkaBrokerProcess.startNew();
                broker.createTopics(KafkaResource.TOPICS);
            }
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the Kafka broker process", e);
        }
    }

    public static KafkaBrokerProcess broker() {
        return broker;
    }

    @Override
    public synchronized void stop() {
        try {
            if (broker != null) {
                broker.stop();
                broker = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
