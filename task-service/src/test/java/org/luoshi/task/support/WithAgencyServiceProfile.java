package org.luoshi.task.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import org.luoshi.platform.testing.KafkaResource;
import org.luoshi.platform.testing.PostgresResource;
import org.luoshi.platform.testing.TestTokens;

/** Real PostgreSQL, Kafka and signed tokens, plus a real agency-service to resolve names (the importer's tests). */
public class WithAgencyServiceProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(KafkaResource.class),
                new TestResourceEntry(TestTokens.class), new TestResourceEntry(AgencyServiceProcess.class));
    }
}
