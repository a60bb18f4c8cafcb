package org.luoshi.agency.workload;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.luoshi.agency.support.RealInfrastructureProfile;
import org.luoshi.platform.testing.KafkaResource;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.platform.testing.TopicReader;
import org.luoshi.platform.testing.TopicWriter;
import org.luoshi.platform.testing.TopicWriter.CloudEvent;

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

    /**
     * Events published together reach the consumer in one poll (or a few), applied in one transaction. What each event
     * does must not depend on the company it came in: an unreadable event and one the database refuses are
     * dead-lettered alone, a redelivered event counts once, an older snapshot after a newer one changes nothing.
     */
    @Test
    void eventsPolledTogetherAreEachAppliedOnceAndABadOneIsDeadLetteredAlone() {
        String city = create(Map.of("name", "盘锦市人民政府", "classification", "GOVERNMENT", "level", "PREFECTURE",
                "divisionCode", DIVISION));
        String education = create(Map.of("name", "盘锦市教育局", "classification", "DEPARTMENT", "level", "PREFECTURE",
                "divisionCode", DIVISION, "parentId", city));
        String finance = create(Map.of("name", "盘锦市财政局", "classification", "DEPARTMENT", "level", "PREFECTURE",
                "divisionCode", DIVISION, "parentId", city));
        String reassigned = UUID.randomUUID().toString();
        String newerFirst = UUID.randomUUID().toString();
        String unreadable = UUID.randomUUID().toString();
        String tooLong = UUID.randomUUID().toString();
        String redelivered = TopicWriter.newId();
        String due = TODAY.plusDays(100).toString();

        String redeliveredTask = UUID.randomUUID().toString();
        List<CloudEvent> events = List.of(
                snapshot(reassigned, "TaskCreated", 0, assignment(education, "RESPONSIBLE", 1), due),
                new CloudEvent(unreadable, TopicWriter.newId(), "TaskCreated", "{\"task\": "),
                snapshot(newerFirst, "TaskUpdated", 2, assignment(education, "LEAD", 1), due),
                citation(UUID.randomUUID().toString(), TopicWriter.newId(), "市科技创新局"),
                citation(redeliveredTask, redelivered, "区数据资源局"),
                // the database refuses a name this long (200 characters at most): the poll's transaction fails
                citation(tooLong, TopicWriter.newId(), "市" + "很长的名字".repeat(41)),
                snapshot(reassigned, "TaskReassigned", 1, assignment(finance, "LEAD", 1), due),
                snapshot(newerFirst, "TaskUpdated", 1, assignment(finance, "PARTICIPANT", 1), due),
                citation(redeliveredTask, redelivered, "区数据资源局"),
                citation(UUID.randomUUID().toString(), TopicWriter.newId(), "市 科技 創新局"));
        TopicWriter.cloudEvents(KafkaResource.clientProperties(), "task.events", events);

        awaitWorkload(education, false, 1, 0, 0, 0, 0);
        awaitWorkload(finance, false, 1, 0, 0, 0, 0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ADMIN)
                .queryParam("jurisdiction", DIVISION).when().get("/api/v1/unresolved-names")
                .then().statusCode(200)
                .body("items.rawName", equalTo(List.of("市科技创新局", "区数据资源局")))
                .body("items.occurrences", equalTo(List.of(2, 1))));
        Set<String> keys = events.stream().map(CloudEvent::key).collect(Collectors.toSet());
        // waits for one more than expected, so that a third dead letter would be seen
        List<ConsumerRecord<String, String>> deadLetters = TopicReader.await("task.events.dlq", r -> keys.contains(r.key()),
                3, Duration.ofSeconds(10));
        assertEquals(Set.of(unreadable, tooLong), deadLetters.stream().map(ConsumerRecord::key).collect(Collectors.toSet()),
                "the two bad events, and only they, are dead-lettered");
        assertEquals(2, deadLetters.size());
    }

    private static CloudEvent snapshot(String task, String type, long version, String assignments, String due) {
        return new CloudEvent(task, TopicWriter.newId(), type, """
                {"task": {"id": "%s", "documentId": "%s", "seq": "1", "title": "任务", "status": "IN_PROGRESS",
                 "dueDate": "%s", "assignments": [%s], "version": %d}}""".formatted(task, UUID.randomUUID(), due,
                assignments, version));
    }

    private static CloudEvent citation(String task, String eventId, String rawName) {
        return new CloudEvent(task, eventId, "AgencyReferenceUnresolved", """
                {"taskId": "%s", "documentId": "%s", "seq": "3", "rawName": "%s", "jurisdiction": "%s", "role": "LEAD"}"""
                .formatted(task, UUID.randomUUID(), rawName, DIVISION));
    }

    @Test
    void workloadOfAnUnknownAgencyIsNotFound() {
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/agencies/" + UUID.randomUUID() + "/workload")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
