package org.luoshi.agency.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import org.luoshi.platform.testing.KafkaProcessResource;
import org.luoshi.platform.testing.PostgresResource;
import org.luoshi.platform.testing.TestTokens;

/** Like {@link RealInfrastructureProfile}, but the broker runs in its own process so that tests can stop it. */
public class BrokerOutageProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(KafkaProcessResource.class),
                new TestResourceEntry(TestTokens.class));
    }
}
