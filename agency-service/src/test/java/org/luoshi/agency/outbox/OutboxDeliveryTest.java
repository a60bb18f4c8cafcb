package org.luoshi.agency.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.luoshi.agency.support.BrokerOutageProfile;
import org.luoshi.platform.testing.KafkaProcessResource;
import org.luoshi.platform.testing.RefusingTrigger;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.platform.testing.TopicReader;

/** The outbox's promise: no event is lost when the broker or the relay fails, and a repeat carries the same id. */
@QuarkusTest
@TestProfile(BrokerOutageProfile.class)
class OutboxDeliveryTest {

    private static final String ADMIN = TestTokens.user("admin", "admin");

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private List<String> createAgencies(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("name", prefix + i, "classification", "DEPARTMENT", "level", "COUNTY",
                            "divisionCode", "341502"))
                    .when().post("/api/v1/agencies")
                    .then().statusCode(201).extract().path("id"));
        }
        return ids;
    }

    private long unpublished(List<String> aggregateIds) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            var statement = c.prepareStatement(
                    "select count(*) from outbox_event where published_at is null and aggregate_id = any(?)");
            statement.setArray(1, c.createArrayOf("varchar", aggregateIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties broker() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", KafkaProcessResource.broker().bootstrapServers());
        return properties;
    }

    /** Event ids seen per agency on agency.events, waiting until every agency has been seen at least `copies` times. */
    private static Map<String, Set<String>> eventIds(List<String> agencyIds, int copies) {
        Set<String> wanted = new HashSet<>(agencyIds);
        List<ConsumerRecord<String, String>> records = TopicReader.await(broker(), "agency.events",
                r -> wanted.contains(r.key()), agencyIds.size() * copies, Duration.ofSeconds(60));
        Map<String, Set<String>> ids = new HashMap<>();
        records.forEach(r -> ids.computeIfAbsent(r.key(), k -> new HashSet<>()).add(TopicReader.header(r, "ce_id")));
        return ids;
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownArriveOnceItIsBack() throws Exception {
        KafkaProcessResource.broker().stop();
        List<String> agencies = createAgencies("断网期间新建单位", 10);
        // the writes committed; their events wait in the outbox while the relay keeps failing
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> unpublished(agencies) == 10);

        KafkaProcessResource.broker().start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> unpublished(agencies) == 0);

        Map<String, Set<String>> ids = eventIds(agencies, 1);
        assertEquals(Set.copyOf(agencies), ids.keySet(), "every agency's AgencyCreated arrived");
        ids.forEach((agency, eventIds) -> assertEquals(1, eventIds.size(), "one event id per change for " + agency));
    }

    @Test
    void aRelayThatFailsBetweenPublishAndMarkRepublishesTheSameEventIds() throws Exception {
        // the broker acknowledges, then marking fails: as if the relay died right after publishing
        List<String> agencies;
        try (var refusal = RefusingTrigger.onUpdate("outbox_event", "true")) {
            agencies = createAgencies("发布后未标记单位", 5);
            Map<String, Set<String>> published = eventIds(agencies, 2);
            assertEquals(5, published.size());
            assertEquals(5, unpublished(agencies), "nothing is marked while marking fails");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(agencies) == 0);

        Map<String, Set<String>> ids = eventIds(agencies, 2);
        assertEquals(Set.copyOf(agencies), ids.keySet());
        ids.forEach((agency, eventIds) -> assertEquals(1, eventIds.size(),
                "a republished event keeps its id, so consumers can discard the copy: " + agency));
        assertTrue(ids.values().stream().allMatch(s -> !s.isEmpty()));
    }

    @Test
    void anEventKafkaRefusesForItsSizeIsParkedAndTheEventsAfterItGoOn() throws Exception {
        // as a change whose event outgrew what the broker takes: written before the others, refused at every try
        String oversized = java.util.UUID.randomUUID().toString();
        String aggregate = java.util.UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            var insert = c.prepareStatement("insert into outbox_event (id, topic, aggregate_type, aggregate_id, event_type,"
                    + " payload, occurred_at) values (cast(? as uuid), 'agency.events', 'agency', ?, 'org.luoshi.AgencyUpdated',"
                    + " cast(? as jsonb), now())");
            insert.setString(1, oversized);
            insert.setString(2, aggregate);
            insert.setString(3, "{\"padding\": \"" + "x".repeat(2 * BrokerOutageProfile.MAX_REQUEST_SIZE) + "\"}");
            insert.executeUpdate();
        }
        List<String> agencies = createAgencies("超大事件之后新建单位", 3);

        // before, the refused row failed every pass and held back every event after it
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(agencies) == 0);
        assertEquals(Set.copyOf(agencies), eventIds(agencies, 1).keySet());
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                var row = c.createStatement().executeQuery("select published_at, parked_at, park_reason from outbox_event"
                        + " where id = '" + oversized + "'")) {
            assertTrue(row.next());
            assertEquals(null, row.getObject("published_at"));
            assertTrue(row.getObject("parked_at") != null, "parked");
            assertTrue(row.getString("park_reason").startsWith("RecordTooLargeException"), row.getString("park_reason"));
        }
    }

    @Test
    void oneRelayPublishesAtATimeAndAnotherWaitsForItInsteadOfOvertakingIt() throws Exception {
        // another replica's relay in the middle of a pass (or an operator pausing publishing) holds the relay's lock
        try (Connection other = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            other.createStatement().execute("select pg_advisory_lock(" + org.luoshi.platform.outbox.OutboxRelay.RELAY_LOCK + ")");
            List<String> agencies = createAgencies("暂停发布期间新建单位", 2);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> unpublished(agencies) == 2);
            other.createStatement().execute("select pg_advisory_unlock(" + org.luoshi.platform.outbox.OutboxRelay.RELAY_LOCK + ")");
            await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(agencies) == 0);
        }
    }
}
