package org.luoshi.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/** A real single-node KRaft Kafka broker started in-process (Kafka's own test kit), with Luoshi's topics. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    public static final List<String> TOPICS = List.of("agency.events", "agency.events.dlq", "task.events", "task.events.dlq");
    private static KafkaClusterTestKit cluster;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (cluster == null) {
                // the in-process broker may halt the JVM when its files vanish during JVM shutdown; the test JVM's
                // exit code must stay the tests' verdict (Kafka's own tests do the same)
                Exit.setHaltProcedure((status, message) -> { });
                Exit.setExitProcedure((status, message) -> { });
                cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("auto.create.topics.enable", "false")
                        .build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                try (Admin admin = Admin.create(clientProperties())) {
                    admin.createTopics(TOPICS.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get();
                }
            }
            return Map.of("kafka.bootstrap.servers", cluster.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test Kafka broker", e);
        }
    }

    public static Properties clientProperties() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", cluster.bootstrapServers());
        return properties;
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; ends with it
    }
}
