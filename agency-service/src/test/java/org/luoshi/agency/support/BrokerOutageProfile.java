package org.luoshi.agency.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.luoshi.platform.testing.KafkaProcessResource;
import org.luoshi.platform.testing.PostgresResource;
import org.luoshi.platform.testing.TestTokens;

/**
 * Like {@link RealInfrastructureProfile}, but the broker runs in its own process so that tests can stop it, and the
 * producer takes records of at most 64 KB, so that a test can write an event Kafka refuses for its size.
 */
public class BrokerOutageProfile implements QuarkusTestProfile {

    /** The largest record the relay's producer sends here. */
    public static final int MAX_REQUEST_SIZE = 65_536;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.outgoing.outbox.max.request.size", String.valueOf(MAX_REQUEST_SIZE));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(KafkaProcessResource.class),
                new TestResourceEntry(TestTokens.class));
    }
}
