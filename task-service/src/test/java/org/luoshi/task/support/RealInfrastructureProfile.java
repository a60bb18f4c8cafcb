package org.luoshi.task.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import org.luoshi.platform.testing.KafkaResource;
import org.luoshi.platform.testing.PostgresResource;
import org.luoshi.platform.testing.TestTokens;

/** Every @QuarkusTest here runs against a real PostgreSQL and a real Kafka broker, with really signed tokens. */
public class RealInfrastructureProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(KafkaResource.class),
                new TestResourceEntry(TestTokens.class));
    }
}
