package org.luoshi.agency.workload;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.agency.support.RealInfrastructureProfile;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.platform.testing.TopicWriter;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class WorkloadTest {

    private static final String ADMIN = TestTokens.user("admin", "admin");
    private static final String INTEGRATOR = TestTokens.user("integrator", "integrator");
    /** Tests share one database: a jurisdiction of their own keeps their names apart from other tests'. */
    private static final String DIVISION = String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(500000, 999999));
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static String create(Map<String, Object> body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agencies").then().statusCode(201).extract().path("id");
    }

    /** A task snapshot as task-service publishes it. */
    private static void taskEvent(String eventId, String type, UUID task, String status, LocalDate due, long version,
            String assignments) {
        TopicWriter.cloudEvent("task.events", task.toString(), eventId, type, """
                {"task": {"id": "%s", "documentId": "%s", "seq": "1", "title": "任务", "status": "%s", %s
                 "assignments": [%s], "version": %d}}""".formatted(task, UUID.randomUUID(), status,
                due == null ? "" : "\"dueDate\": \"" + due + "\",", assignments, version));
    }

    private static String assignment(String agencyId, String role, int order) {
        return """
                {"agencyId": "%s", "kind": "AGENCY", "role": "%s", "order": %d}""".formatted(agencyId, role, order);
    }

    private static void awaitWorkload(String agencyId, boolean descendants, int lead, int participating, int responsible,
            int overdue, int dueSoon) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .queryParam("includeDescendants", descendants)
                .when().get("/api/v1/agencies/" + agencyId + "/workload")
                .then().statusCode(200)
                .body("lead", equalTo(lead))
                .body("participating", equalTo(participating))
                .body("responsible", equalTo(responsible))
                .body("overdue", equalTo(overdue))
                .body("dueSoon", equalTo(dueSoon))
                .body("asOf", equalTo(TODAY.toString())));
    }

    @Test
    void countsOpenTasksByRoleFromTaskEventsOnceEachAndFollowsStatusChanges() {
        String city = create(Map.of("name", "六安市人民政府", "classification", "GOVERNMENT", "level", "PREFECTURE",
                "divisionCode", DIVISION));
        String education = create(Map.of("name", "六安市教育局", "classification", "DEPARTMENT", "level", "PREFECTURE",
                "divisionCode", DIVISION, "parentId", city));
        String finance = create(Map.of("name", "六安市财政局", "classification", "DEPARTMENT", "level", "PREFECTURE",
                "divisionCode", DIVISION, "parentId", city));

        UUID overdue = UUID.randomUUID();
        UUID dueSoon = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        String created = TopicWriter.newId();
        taskEvent(created, "TaskCreated", overdue, "IN_PROGRESS", TODAY.minusDays(3), 0,
                assignment(education, "LEAD", 1) + "," + assignment(finance, "PARTICIPANT", 2));
        taskEvent(TopicWriter.newId(), "TaskCreated", dueSoon, "NOT_STARTED", TODAY.plusDays(10), 0,
                assignment(education, "PARTICIPANT", 1));
        taskEvent(TopicWriter.newId(), "TaskCreated", later, "NOT_STARTED", TODAY.plusDays(200), 0,
                assignment(finance, "RESPONSIBLE", 1));

        awaitWorkload(education, false, 1, 1, 0, 1, 1);
        awaitWorkload(finance, false, 0, 1, 1, 1, 0);
        // the city itself is assigned nothing; with its departments it carries all three tasks, each counted once
        awaitWorkload(city, false, 0, 0, 0, 0, 0);
        awaitWorkload(city, true, 1, 2, 1, 1, 1);

        // a redelivered event and an older snapshot change nothing; a completed task no longer counts
        taskEvent(created, "TaskCreated", overdue, "IN_PROGRESS", TODAY.minusDays(3), 0,
                assignment(education, "LEAD", 1) + "," + assignment(finance, "PARTICIPANT", 2));
        taskEvent(TopicWriter.newId(), "TaskStatusChanged", overdue, "COMPLETED", TODAY.minusDays(3), 2,
                assignment(education, "LEAD", 1) + "," + assignment(finance, "PARTICIPANT", 2));
        taskEvent(TopicWriter.newId(), "TaskUpdated", overdue, "IN_PROGRESS", TODAY.minusDays(3), 1,
                assignment(education, "LEAD", 1));
        awaitWorkload(education, false, 0, 1, 0, 0, 1);
        awaitWorkload(finance, false, 0, 0, 1, 0, 0);

        // a reassignment moves the task's count to the unit now assigned
        taskEvent(TopicWriter.newId(), "TaskReassigned", later, "NOT_STARTED", TODAY.plusDays(200), 1,
                assignment(education, "RESPONSIBLE", 1));
        awaitWorkload(education, false, 0, 1, 1, 0, 1);
        awaitWorkload(finance, false, 0, 0, 0, 0, 0);
    }

    @Test
    void workloadOfAnUnknownAgencyIsNotFound() {
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/agencies/" + UUID.randomUUID() + "/workload")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
