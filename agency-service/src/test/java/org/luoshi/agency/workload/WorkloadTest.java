package org.luoshi.agency.workload;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

    /** A city's government with two of its departments, in this test's jurisdiction. */
    private record City(String government, String education, String finance) {
    }

    private static City city(String name) {
        String government = create(Map.of("name", name + "人民政府", "classification", "GOVERNMENT", "level", "PREFECTURE",
                "divisionCode", DIVISION));
        return new City(government,
                create(Map.of("name", name + "教育局", "classification", "DEPARTMENT", "level", "PREFECTURE",
                        "divisionCode", DIVISION, "parentId", government)),
                create(Map.of("name", name + "财政局", "classification", "DEPARTMENT", "level", "PREFECTURE",
                        "divisionCode", DIVISION, "parentId", government)));
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
        City units = city("六安市");
        String city = units.government();
        String education = units.education();
        String finance = units.finance();

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

        // a supervisor found a milestone of the task due soon missed: overdue now, though its next milestone is ahead
        TopicWriter.cloudEvent("task.events", dueSoon.toString(), TopicWriter.newId(), "MilestoneMissed", """
                {"milestone": {"id": "%s", "documentId": "%s", "taskId": "%s", "title": "建成实训基地30个",
                  "dueDate": "%s", "status": "MISSED", "assessmentNote": "仅建成18个"},
                 "task": {"id": "%s", "documentId": "%s", "seq": "1", "title": "任务", "status": "NOT_STARTED",
                  "dueDate": "%s", "missed": true, "assignments": [%s], "version": 0}, "daysLeft": -5}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), dueSoon, TODAY.minusDays(5), dueSoon, UUID.randomUUID(),
                TODAY.plusDays(10), assignment(education, "PARTICIPANT", 1)));
        awaitWorkload(education, false, 0, 1, 1, 1, 0);

        // a supervisor brought the later task's milestone forward: it is due soon now
        TopicWriter.cloudEvent("task.events", later.toString(), TopicWriter.newId(), "MilestoneRescheduled", """
                {"milestone": {"id": "%s", "documentId": "%s", "taskId": "%s", "title": "出台实施细则", "dueDate": "%s",
                  "status": "OPEN"}, "previousDueDate": "%s", "reason": "提前完成",
                 "task": {"id": "%s", "documentId": "%s", "seq": "1", "title": "任务", "status": "NOT_STARTED",
                  "dueDate": "%s", "assignments": [%s], "version": 1}, "daysLeft": 10}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), later, TODAY.plusDays(10), TODAY.plusDays(200), later,
                UUID.randomUUID(), TODAY.plusDays(10), assignment(education, "RESPONSIBLE", 1)));
        awaitWorkload(education, false, 0, 1, 1, 1, 1);
    }

    @Test
    void membersOfAnAssignedGroupCarryTheTaskInTheGroupsRole() {
        City first = city("金寨县");
        City second = city("舒城县");
        UUID task = UUID.randomUUID();
        String group = """
                {"rawName": "各县区政府", "kind": "GROUP", "role": "RESPONSIBLE", "order": 2, "memberIds": ["%s", "%s"]}"""
                .formatted(first.government(), second.government());
        taskEvent(TopicWriter.newId(), "TaskCreated", task, "NOT_STARTED", TODAY.plusDays(100), 0,
                assignment(first.education(), "LEAD", 1) + "," + group);
        // before, a member's workload missed the tasks its group was assigned
        awaitWorkload(second.government(), false, 0, 0, 1, 0, 0);
        awaitWorkload(first.government(), true, 1, 0, 1, 0, 0);
    }

    @Test
    void keyTasksAreCountedApartAndFollowTheirLatestSnapshot() {
        City units = city("霍邱县");
        UUID key = UUID.randomUUID();
        UUID plain = UUID.randomUUID();
        String assigned = assignment(units.education(), "LEAD", 1);
        TopicWriter.cloudEvent("task.events", key.toString(), TopicWriter.newId(), "TaskCreated", """
                {"task": {"id": "%s", "documentId": "%s", "seq": "1", "title": "任务", "status": "NOT_STARTED",
                 "keyTask": true, "assignments": [%s], "version": 0}}""".formatted(key, UUID.randomUUID(), assigned));
        // a snapshot published before the flag existed has none: not a key task
        taskEvent(TopicWriter.newId(), "TaskCreated", plain, "NOT_STARTED", null, 0, assigned);
        awaitKeyTasks(units.education(), 2, 1);

        TopicWriter.cloudEvent("task.events", key.toString(), TopicWriter.newId(), "TaskUpdated", """
                {"task": {"id": "%s", "documentId": "%s", "seq": "1", "title": "任务", "status": "NOT_STARTED",
                 "keyTask": false, "assignments": [%s], "version": 1}, "changedFields": ["keyTask"]}"""
                .formatted(key, UUID.randomUUID(), assigned));
        awaitKeyTasks(units.education(), 2, 0);
    }

    private static void awaitKeyTasks(String agencyId, int lead, int keyTasks) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/agencies/" + agencyId + "/workload")
                .then().statusCode(200).body("lead", equalTo(lead)).body("keyTasks", equalTo(keyTasks)));
    }

    /**
     * Events published together reach the consumer in one poll (or a few), applied in one transaction. What each event
     * does must not depend on the company it came in: a redelivered event counts once, an older snapshot after a newer
     * one changes nothing; an unreadable event and one the database refuses are dead-lettered alone.
     * Kafka orders records only within a partition (one key): the last event under each key is a citation, so that
     * its presence in the curation queue says every event before it under that key was applied.
     */
    @Test
    void eventsPolledTogetherAreEachAppliedOnceAndABadOneIsDeadLetteredAlone() {
        City units = city("盘锦市");
        String education = units.education();
        String finance = units.finance();
        String due = TODAY.plusDays(100).toString();
        String reassigned = UUID.randomUUID().toString();
        String newerFirst = UUID.randomUUID().toString();
        String citing = UUID.randomUUID().toString();
        String redeliveredTask = UUID.randomUUID().toString();
        String redelivered = TopicWriter.newId();
        // a document's goal assessed by a supervisor: its events carry no task, and there is nothing to count
        String document = UUID.randomUUID().toString();

        // a clean poll: applied in bulk
        List<CloudEvent> clean = List.of(
                snapshot(reassigned, "TaskCreated", 0, assignment(education, "RESPONSIBLE", 1), due),
                snapshot(newerFirst, "TaskUpdated", 2, assignment(education, "LEAD", 1), due),
                citation(citing, TopicWriter.newId(), "市科技创新局"),
                citation(redeliveredTask, redelivered, "区数据资源局"),
                snapshot(reassigned, "TaskReassigned", 1, assignment(finance, "LEAD", 1), due),
                snapshot(newerFirst, "TaskUpdated", 1, assignment(finance, "PARTICIPANT", 1), due),
                citation(redeliveredTask, redelivered, "区数据资源局"),
                citation(citing, TopicWriter.newId(), "市 科技 創新局"),
                citation(reassigned, TopicWriter.newId(), "市营商环境建设局"),
                citation(newerFirst, TopicWriter.newId(), "市营商环境建设局"),
                goal(document, "MilestoneAchieved"),
                goal(document, "MilestoneMissed"));
        TopicWriter.cloudEvents(KafkaResource.clientProperties(), "task.events", clean);

        awaitCitations(Map.of("市科技创新局", 2, "区数据资源局", 1, "市营商环境建设局", 2));
        assertWorkload(education, 1, 0, 0);
        assertWorkload(finance, 1, 0, 0);

        // a poll with an unreadable event and one the database refuses (200 characters at most for a name)
        String unreadable = UUID.randomUUID().toString();
        String tooLong = UUID.randomUUID().toString();
        List<CloudEvent> bad = List.of(
                new CloudEvent(unreadable, TopicWriter.newId(), "TaskCreated", "{\"task\": "),
                citation(tooLong, TopicWriter.newId(), "市" + "很长的名字".repeat(41)),
                snapshot(reassigned, "TaskUpdated", 2, assignment(education, "PARTICIPANT", 1), due),
                citation(unreadable, TopicWriter.newId(), "县乡村振兴局"),
                citation(tooLong, TopicWriter.newId(), "县乡村振兴局"),
                citation(reassigned, TopicWriter.newId(), "县乡村振兴局"));
        TopicWriter.cloudEvents(KafkaResource.clientProperties(), "task.events", bad);

        awaitCitations(Map.of("市科技创新局", 2, "区数据资源局", 1, "市营商环境建设局", 2, "县乡村振兴局", 3));
        assertWorkload(education, 1, 1, 0);
        assertWorkload(finance, 0, 0, 0);
        Set<String> keys = new HashSet<>();
        clean.forEach(event -> keys.add(event.key()));
        bad.forEach(event -> keys.add(event.key()));
        // waits for one more than expected, so that a third dead letter would be seen
        List<ConsumerRecord<String, String>> deadLetters = TopicReader.await("task.events.dlq", r -> keys.contains(r.key()),
                3, Duration.ofSeconds(10));
        assertEquals(List.of(unreadable, tooLong).stream().sorted().toList(),
                deadLetters.stream().map(ConsumerRecord::key).sorted().toList(),
                "the two bad events, and only they, are dead-lettered");
    }

    private static CloudEvent goal(String documentId, String type) {
        return new CloudEvent(documentId, TopicWriter.newId(), type, """
                {"milestone": {"id": "%s", "documentId": "%s", "title": "到2025年基本形成产教融合格局", "dueDate": "2025-12-31",
                 "status": "%s", "assessmentNote": "督查评定"}, "daysLeft": -300}
                """.formatted(UUID.randomUUID(), documentId, type.equals("MilestoneMissed") ? "MISSED" : "ACHIEVED"));
    }

    private static void awaitCitations(Map<String, Integer> expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath page = given().auth().oauth2(ADMIN).queryParam("jurisdiction", DIVISION)
                    .when().get("/api/v1/unresolved-names").then().statusCode(200).extract().jsonPath();
            Map<String, Integer> counted = new HashMap<>();
            List<String> names = page.getList("items.rawName");
            List<Integer> occurrences = page.getList("items.occurrences");
            for (int i = 0; i < names.size(); i++) {
                counted.put(names.get(i), occurrences.get(i));
            }
            assertEquals(expected, counted);
        });
    }

    /** Without waiting: called once the events before are known to be applied. */
    private static void assertWorkload(String agencyId, int lead, int participating, int responsible) {
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/agencies/" + agencyId + "/workload")
                .then().statusCode(200)
                .body("lead", equalTo(lead))
                .body("participating", equalTo(participating))
                .body("responsible", equalTo(responsible));
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
