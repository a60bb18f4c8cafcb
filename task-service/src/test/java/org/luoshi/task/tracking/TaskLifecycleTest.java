package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.platform.testing.TopicReader;
import org.luoshi.platform.testing.TopicWriter;
import org.luoshi.task.support.RealInfrastructureProfile;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class TaskLifecycleTest {

    private static final String SUPERVISOR = TestTokens.user("supervisor", "supervisor");
    private static final String INTEGRATOR = TestTokens.user("integrator", "integrator");

    /** Announces an agency on agency.events as agency-service would, and waits until task-service's directory has it. */
    private static UUID announceAgency(String name, long version) {
        UUID id = UUID.randomUUID();
        TopicWriter.cloudEvent("agency.events", id.toString(), TopicWriter.newId(), "AgencyCreated", snapshot(id, name, version));
        return id;
    }

    private static String snapshot(UUID id, String name, long version) {
        return """
                {"agency": {"id": "%s", "name": "%s", "classification": "DEPARTMENT", "level": "PROVINCE",
                 "divisionCode": "430000", "status": "ACTIVE", "version": %d}}""".formatted(id, name, version);
    }

    private static String document(String docNumber) {
        return given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("docNumber", docNumber, "title", "关于深化产教融合的实施意见", "jurisdiction", "430000",
                        "issuedOn", "2018-12-12", "implements", "国办发〔2017〕95号",
                        "milestones", List.of(Map.of("title", "到2025年产教融合全面推行", "dueDate", "2025-12-31"))))
                .when().post("/api/v1/documents")
                .then().statusCode(201).body("milestones", hasSize(1)).extract().path("id");
    }

    private static io.restassured.response.Response createTask(String documentId, Map<String, Object> body) {
        return given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/documents/" + documentId + "/tasks");
    }

    @Test
    void taskAssignedToDirectoryAgenciesIsCreatedChangedWithItsETagAndPublished() {
        UUID education = announceAgency("湖南省教育厅", 0);
        UUID development = announceAgency("湖南省发展和改革委员会", 0);
        String documentId = document("湘政办发〔2018〕82号");
        String soon = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString();
        Map<String, Object> body = Map.of("seq", "1", "category", "构建产业和教育统筹融合发展格局",
                "title", "对接产业调整优化学科和专业结构",
                "content", "对接产业调整优化学科和专业结构，建立有湖南特色的紧密对接产业链、创新链的学科专业体系。",
                "assignments", List.of(Map.of("agencyId", education.toString(), "role", "LEAD"),
                        Map.of("agencyId", development.toString(), "role", "LEAD"),
                        Map.of("rawName", "有关部门", "kind", "UNSPECIFIED", "role", "PARTICIPANT")),
                "milestones", List.of(Map.of("title", "完成专业结构调整", "dueDate", soon,
                        "target", Map.of("quantity", 30, "unit", "个", "comparator", "AT_LEAST"))));
        // the directory follows agency.events asynchronously: until it has both agencies the task is refused
        String taskId = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> createTask(documentId, body), response -> response.statusCode() == 201)
                .then().header("ETag", "\"0\"")
                .body("assignments.agencyName", equalTo(java.util.Arrays.asList("湖南省教育厅", "湖南省发展和改革委员会", null)))
                .body("assignments.role", equalTo(List.of("LEAD", "LEAD", "PARTICIPANT")))
                .body("health", equalTo("YELLOW"))
                .body("dueDate", equalTo(soon))
                .body("status", equalTo("NOT_STARTED"))
                .extract().path("id");

        createTask(documentId, body).then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS"))
                .when().patch("/api/v1/tasks/" + taskId).then().statusCode(428);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("status", "IN_PROGRESS"))
                .when().patch("/api/v1/tasks/" + taskId).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("title", "被覆盖的标题"))
                .when().patch("/api/v1/tasks/" + taskId).then().statusCode(412);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("status", "NOT_STARTED"))
                .when().patch("/api/v1/tasks/" + taskId).then().statusCode(409).body("detail", containsString("IN_PROGRESS"));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + taskId)
                .then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("对接产业调整优化学科和专业结构"));

        List<ConsumerRecord<String, String>> events = TopicReader.await("task.events", r -> taskId.equals(r.key()), 3,
                Duration.ofSeconds(20));
        assertEquals(List.of("org.luoshi.TaskCreated", "org.luoshi.TaskUpdated", "org.luoshi.TaskStatusChanged"),
                events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        assertEquals(List.of("status"), new JsonPath(events.get(1).value()).getList("changedFields"));
        assertEquals("NOT_STARTED", new JsonPath(events.get(2).value()).getString("previousStatus"));
        assertEquals("supervisor", new JsonPath(events.get(0).value()).getString("actor.username"));
        assertEquals(1, TopicReader.await("task.events", r -> documentId.equals(r.key()), 1, Duration.ofSeconds(10)).size(),
                "DocumentRegistered keyed by the document id");

        given().auth().oauth2(INTEGRATOR).queryParam("agencyId", development.toString()).queryParam("q", "创新链")
                .when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.id", equalTo(List.of(taskId)));
    }

    @Test
    void keyTasksAreMarkedListedApartAndUnmarkedWithTheirEvents() {
        String documentId = document("湘政办发〔2018〕83号");
        String key = createTask(documentId, Map.of("seq", "1", "title", "建立产教融合联席会议制度", "keyTask", true))
                .then().statusCode(201).body("keyTask", equalTo(true)).extract().path("id");
        // without assignments: its units may be named later (this was a 500 before)
        String other = createTask(documentId, Map.of("seq", "2", "title", "完善学生实习制度"))
                .then().statusCode(201).body("keyTask", equalTo(false)).extract().path("id");

        given().auth().oauth2(INTEGRATOR).queryParam("documentId", documentId).queryParam("keyTask", true)
                .when().get("/api/v1/tasks").then().statusCode(200).body("items.id", equalTo(List.of(key)));
        given().auth().oauth2(INTEGRATOR).queryParam("documentId", documentId).queryParam("keyTask", false)
                .when().get("/api/v1/tasks").then().statusCode(200).body("items.id", equalTo(List.of(other)));
        // before, any word but true read as false
        given().auth().oauth2(INTEGRATOR).queryParam("documentId", documentId).queryParam("keyTask", "yes")
                .when().get("/api/v1/tasks").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("parameter keyTask is 'yes': expected true or false"));
        given().auth().oauth2(INTEGRATOR).queryParam("documentId", documentId).queryParam("keyTask", "TRUE")
                .when().get("/api/v1/tasks").then().statusCode(200).body("items.id", equalTo(List.of(key)));

        // refused for what it changes (an officer not assigned the task would be refused anyway, for another reason)
        given().auth().oauth2(TestTokens.officer("officer", UUID.randomUUID())).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(Map.of("keyTask", false))
                .when().patch("/api/v1/tasks/" + key).then().statusCode(403)
                .body("detail", equalTo("an officer changes only the status of a task"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("keyTask", false))
                .when().patch("/api/v1/tasks/" + key).then().statusCode(200).header("ETag", "\"1\"")
                .body("keyTask", equalTo(false));

        List<ConsumerRecord<String, String>> events = TopicReader.await("task.events", r -> key.equals(r.key()), 2,
                Duration.ofSeconds(20));
        assertEquals(true, new JsonPath(events.get(0).value()).getBoolean("task.keyTask"), events.get(0).value());
        assertEquals(List.of("keyTask"), new JsonPath(events.get(1).value()).getList("changedFields"));
        assertEquals(false, new JsonPath(events.get(1).value()).getBoolean("task.keyTask"));
    }

    @Test
    void agencyEventsAreAppliedOnceInVersionOrderAndPoisonGoesToTheDeadLetterTopic() {
        UUID id = UUID.randomUUID();
        String created = TopicWriter.newId();
        TopicWriter.cloudEvent("agency.events", id.toString(), created, "AgencyCreated", snapshot(id, "六安市国土资源局", 0));
        String documentId = document("六政办秘〔2018〕123号");
        Map<String, Object> body = Map.of("seq", "1", "title", "盘活存量土地",
                "assignments", List.of(Map.of("agencyId", id.toString(), "role", "RESPONSIBLE")));
        String taskId = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> createTask(documentId, body), response -> response.statusCode() == 201)
                .then().extract().path("id");

        // a poison record, then a rename, then the rename redelivered with another name, then a stale snapshot
        TopicWriter.raw("agency.events", id.toString(), "{not a cloud event");
        // a snapshot without its status, and one with a division code of three digits: unusable, not a passing failure
        TopicWriter.cloudEvent("agency.events", id.toString(), TopicWriter.newId(), "AgencyUpdated",
                snapshot(id, "六安市国土资源局", 1).replace("\"status\": \"ACTIVE\", ", ""));
        TopicWriter.cloudEvent("agency.events", id.toString(), TopicWriter.newId(), "AgencyUpdated",
                snapshot(id, "六安市国土资源局", 1).replace("430000", "430"));
        // an identifier without its scheme: a NullPointerException when the replica read the unit's kinds
        TopicWriter.cloudEvent("agency.events", id.toString(), TopicWriter.newId(), "AgencyUpdated",
                snapshot(id, "六安市国土资源局", 1).replace("\"status\": \"ACTIVE\", ",
                        "\"status\": \"ACTIVE\", \"identifiers\": [{\"identifier\": \"HIGHER_VOCATIONAL\"}], "));
        // a reorganization with an empty result: a NullPointerException in the reassignment, which stopped the channel
        TopicWriter.cloudEvent("agency.events", id.toString(), TopicWriter.newId(), "AgencyRenamed", """
                {"agency": {"id": "%s", "name": "六安市国土资源局", "classification": "DEPARTMENT", "level": "PROVINCE",
                 "divisionCode": "430000", "status": "DISSOLVED", "version": 1}, "reorganization": {"id": "%s",
                 "type": "RENAME", "effectiveOn": "2019-01-28", "originalIds": ["%s"], "resultingIds": [null]}}"""
                .formatted(id, UUID.randomUUID(), id));
        String renamed = TopicWriter.newId();
        TopicWriter.cloudEvent("agency.events", id.toString(), renamed, "AgencyRenamed", snapshot(id, "六安市自然资源和规划局", 1));
        TopicWriter.cloudEvent("agency.events", id.toString(), renamed, "AgencyRenamed", snapshot(id, "重复投递不应生效", 1));
        TopicWriter.cloudEvent("agency.events", id.toString(), TopicWriter.newId(), "AgencyUpdated", snapshot(id, "旧版本不应覆盖", 0));

        assertEquals(5, TopicReader.await("agency.events.dlq", r -> id.toString().equals(r.key()), 5, Duration.ofSeconds(20)).size());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + taskId)
                .then().statusCode(200).body("assignments[0].agencyName", equalTo("六安市自然资源和规划局")));
        // the events after the rename were read too, and changed nothing
        TopicWriter.cloudEvent("agency.events", id.toString(), TopicWriter.newId(), "AgencyUpdated", snapshot(id, "六安市自然资源和规划局", 1));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + taskId)
                .then().body("assignments[0].agencyName", equalTo("六安市自然资源和规划局")));
    }

    @Test
    void badTaskInputIsRefusedWithProblemDetailsAndNothingIsStored() {
        String documentId = document("吉政办发〔2018〕48号");
        createTask(documentId, Map.of("seq", "（四）", "title", "x",
                "assignments", List.of(Map.of("agencyId", UUID.randomUUID().toString(), "role", "LEAD"))))
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("directory"));
        createTask(documentId, Map.of("seq", "", "title", "x")).then().statusCode(400).body("errors[0].field", equalTo("seq"));
        createTask(documentId, Map.of("seq", "1", "title", "x", "assignments", List.of(Map.of("role", "BOSS"))))
                .then().statusCode(400).body("detail", containsString("BOSS"));
        createTask(UUID.randomUUID().toString(), Map.of("seq", "1", "title", "x")).then().statusCode(404);
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/documents/" + documentId + "/tasks")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(INTEGRATOR).contentType(ContentType.JSON).body(Map.of("seq", "1", "title", "x"))
                .when().post("/api/v1/documents/" + documentId + "/tasks").then().statusCode(403);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("docNumber", "吉政办发〔2018〕48号", "title", "重复", "jurisdiction", "220000"))
                .when().post("/api/v1/documents").then().statusCode(409);
        given().when().get("/api/v1/tasks").then().statusCode(401).contentType("application/problem+json");
    }
}
