package org.luoshi.agency.housekeeping;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.luoshi.agency.support.RealInfrastructureProfile;
import org.luoshi.platform.housekeeping.Housekeeping;
import org.luoshi.platform.testing.Sql;
import org.luoshi.platform.testing.TestTokens;

/** The sweep of bookkeeping rows, with its defaults: keys replay 24 hours, dead claims free after 15 minutes, inbox 30 days. */
@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class HousekeepingTest {

    private static final String ADMIN = TestTokens.user("admin", "admin");

    @Inject
    Housekeeping housekeeping;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private static ValidatableResponse create(String key, String name) {
        return given().auth().oauth2(ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("name", name, "classification", "DEPARTMENT", "level", "PROVINCE", "divisionCode", "450000"))
                .when().post("/api/v1/agencies").then();
    }

    private Housekeeping.Swept sweep() {
        return housekeeping.sweep().await().atMost(Duration.ofSeconds(30));
    }

    private void age(String key, String interval) throws SQLException {
        Sql.execute(jdbcUrl, "update idempotency_record set created_at = now() - interval '" + interval
                + "' where idem_key = '" + key + "'");
    }

    @Test
    void anIdempotencyKeyReplaysForADayThenIsNewAgain() throws SQLException {
        create("hk-day-old", "广西壮族自治区统计局").statusCode(201);
        create("hk-hours-old", "广西壮族自治区审计厅").statusCode(201);
        age("hk-day-old", "25 hours");
        age("hk-hours-old", "23 hours");

        assertTrue(sweep().idempotencyKeys() >= 1);

        // the day-old key is new again: another body with it is a new request, not a 422 nor a replay
        create("hk-day-old", "广西壮族自治区林业局").statusCode(201).header("Idempotent-Replayed", nullValue());
        create("hk-hours-old", "广西壮族自治区审计厅").statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void aClaimWhoseRequestDiedUnfinishedIsFreedAfterAQuarterOfAnHour() throws SQLException {
        create("hk-done", "广西壮族自治区民政厅").statusCode(201);
        // claims of the same request (caller, operation, body) left by a process that died before recording an outcome
        Sql.execute(jdbcUrl, """
                insert into idempotency_record (scope, idem_key, request_hash, created_at)
                select scope, k.key, request_hash, now() - k.age from idempotency_record,
                    (values ('hk-died', interval '20 minutes'), ('hk-running', interval '5 minutes')) as k(key, age)
                where idem_key = 'hk-done'""");
        create("hk-died", "广西壮族自治区民政厅").statusCode(409).body("detail", containsString("still being processed"));

        sweep();

        // the request runs again: here it meets the agency its first run created
        create("hk-died", "广西壮族自治区民政厅").statusCode(409).body("detail", containsString("already exists"));
        create("hk-running", "广西壮族自治区民政厅").statusCode(409).body("detail", containsString("still being processed"));
    }

    @Test
    void theInboxForgetsEventsAppliedAMonthAgoInBatches() throws SQLException {
        Sql.execute(jdbcUrl, """
                insert into processed_event (consumer, event_id, processed_at)
                select 'housekeeping-test', 'old-' || n, now() - interval '31 days' from generate_series(1, 12000) n""",
                """
                insert into processed_event (consumer, event_id, processed_at)
                values ('housekeeping-test', 'recent', now() - interval '29 days')""");

        Housekeeping.Swept swept = sweep();

        // 12,000 rows are three statements of the default 5,000
        assertTrue(swept.processedEvents() >= 12000, swept.toString());
        assertEquals(0, Sql.number(jdbcUrl, "select count(*) from processed_event where event_id like 'old-%'"));
        assertEquals(1, Sql.number(jdbcUrl, "select count(*) from processed_event where event_id = 'recent'"));
    }
}
