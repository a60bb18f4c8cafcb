package org.luoshi.task.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;
import static org.luoshi.task.support.Fixtures.SUPERVISOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.HeldRow;
import org.luoshi.platform.testing.TopicReader;
import org.luoshi.task.support.WithAgencyServiceProfile;

/** replace=true: another text under a stored docNumber supersedes the stored document in one transaction. */
@QuarkusTest
@TestProfile(WithAgencyServiceProfile.class)
class ImportReplaceTest {

    /** A document number no other test uses (a year in the future and a serial of at most four digits, as real ones). */
    static String number(String issuer) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return issuer + "〔" + random.nextInt(2031, 2100) + "〕" + random.nextInt(1, 10_000) + "号";
    }

    static String notice(String docNumber, int bases) {
        return """
                关于做好产教融合示范工作的通知
                %s
                序号\t工作任务\t主要内容\t责任单位
                1\t统筹规划\t2031年底前建成实训基地%d个以上。\t省教育厅牵头，省财政厅参与
                2\t\t完善校企合作制度。\t省财政厅、省人力资源社会保障厅
                3\t强化企业作用\t遴选示范企业20家。\t省发展改革委、教育厅按照职责分工负责
                """.formatted(docNumber, bases);
    }

    static Response post(String text, Map<String, ?> parameters) {
        return given().auth().oauth2(SUPERVISOR).contentType("application/octet-stream")
                .queryParam("fileName", "notice.txt").queryParam("jurisdiction", "430000").queryParams(parameters)
                .body(text.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/imports");
    }

    private static List<Map<String, Object>> tasks(String documentId) {
        return given().auth().oauth2(INTEGRATOR).when().get("/api/v1/documents/" + documentId + "/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static void status(Map<String, Object> task, String status) {
        long version = ((Number) task.get("version")).longValue();
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("status", status)).when().patch("/api/v1/tasks/" + task.get("id")).then().statusCode(200);
    }

    @Test
    void anotherTextIsRefusedUnlessReplacingWhichSupersedesTheStoredDocumentAndCancelsItsOpenTasks() {
        String number = number("湘教函");
        String first = post(notice(number, 10), Map.of()).then().statusCode(201).extract().path("documentId");
        List<Map<String, Object>> before = tasks(first);
        assertEquals(List.of("1", "2", "3"), before.stream().map(t -> t.get("seq")).toList(), "listed in the order written");
        status(before.get(0), "IN_PROGRESS");
        status(tasks(first).get(0), "COMPLETED");
        status(before.get(1), "IN_PROGRESS");

        post(notice(number, 12), Map.of()).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("replace=true"));
        JsonPath replaced = post(notice(number, 12), Map.of("replace", true)).then().statusCode(201).extract().jsonPath();
        String second = replaced.getString("documentId");
        assertEquals(first, replaced.getString("supersedes"));
        assertEquals(2, replaced.getInt("cancelledTasks"), "the completed task is not cancelled");

        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/documents/" + first).then().statusCode(200)
                .body("supersededBy", equalTo(second)).body("docNumber", equalTo(number));
        assertEquals(List.of("COMPLETED", "CANCELLED", "CANCELLED"), tasks(first).stream().map(t -> t.get("status")).toList(),
                "the superseded document keeps its tasks for the record");
        List<Map<String, Object>> now = tasks(second);
        assertEquals(List.of("NOT_STARTED", "NOT_STARTED", "NOT_STARTED"), now.stream().map(t -> t.get("status")).toList());
        assertTrue(String.valueOf(now.get(0).get("content")).contains("12个以上"));
        given().auth().oauth2(INTEGRATOR).queryParam("q", number).when().get("/api/v1/documents").then().statusCode(200)
                .body("items.size()", equalTo(2));
        // the statistics count the current plan; the superseded one only when asked for by its id
        List<String> counted = given().auth().oauth2(INTEGRATOR).queryParam("groupBy", "document").when().get("/api/v1/stats")
                .then().statusCode(200).extract().jsonPath().getList("rows.key");
        assertTrue(counted.contains(second) && !counted.contains(first), counted.toString());
        given().auth().oauth2(INTEGRATOR).queryParam("groupBy", "document").queryParam("documentId", first)
                .when().get("/api/v1/stats").then().statusCode(200).body("rows[0].total", equalTo(3));
        // new work goes to the replacement (before, the superseded document took new tasks)
        given().auth().oauth2(SUPERVISOR).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("seq", "9", "title", "补充任务")).when().post("/api/v1/documents/" + first + "/tasks")
                .then().statusCode(409).body("detail", containsString("superseded by " + second));

        // the current text again changes nothing, even with replace=true; the superseded text is no longer current
        post(notice(number, 12), Map.of("replace", true)).then().statusCode(200)
                .body("stored", equalTo(false)).body("documentId", equalTo(second));
        post(notice(number, 10), Map.of()).then().statusCode(409);

        List<ConsumerRecord<String, String>> superseded = TopicReader.await("task.events",
                r -> first.equals(r.key()) && "org.luoshi.DocumentSuperseded".equals(TopicReader.header(r, "ce_type")), 1,
                Duration.ofSeconds(20));
        assertEquals(1, superseded.size(), "DocumentSuperseded keyed by the old document");
        assertEquals(second, JsonPath.from(superseded.get(0).value()).getString("document.supersededBy"));
        assertEquals(2, JsonPath.from(superseded.get(0).value()).getInt("taskCount"), "the number of tasks cancelled");
        List<String> cancelledIds = List.of(String.valueOf(before.get(1).get("id")), String.valueOf(before.get(2).get("id")));
        List<ConsumerRecord<String, String>> statusChanges = TopicReader.await("task.events",
                r -> cancelledIds.contains(r.key()) && "org.luoshi.TaskStatusChanged".equals(TopicReader.header(r, "ce_type"))
                        && "CANCELLED".equals(JsonPath.from(r.value()).getString("task.status")), 2, Duration.ofSeconds(20));
        assertEquals(2, statusChanges.size(), "one TaskStatusChanged per cancelled task");
        assertEquals(java.util.Set.of("IN_PROGRESS", "NOT_STARTED"), statusChanges.stream()
                .map(r -> JsonPath.from(r.value()).getString("previousStatus")).collect(java.util.stream.Collectors.toSet()));
        List<ConsumerRecord<String, String>> imported = TopicReader.await("task.events",
                r -> second.equals(r.key()) && "org.luoshi.DocumentImported".equals(TopicReader.header(r, "ce_type")), 1,
                Duration.ofSeconds(20));
        assertEquals(first, JsonPath.from(imported.get(0).value()).getString("supersedes"));
    }

    @Test
    void aTaskAddedWhileItsDocumentIsBeingReplacedWaitsForTheReplacementAndIsRefused() throws Exception {
        String document = createDocument(number("湘教函"));
        String replacement = createDocument(number("湘教函"));
        // what a replacement's transaction holds once it has marked the document (an UPDATE's row lock) while it
        // cancels its open tasks; before, a task added meanwhile was stored, open under a replaced document
        Response adding = HeldRow.racing("policy_document", document, "for no key update",
                () -> given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                        .body(Map.of("seq", "1", "title", "新增任务")).when().post("/api/v1/documents/" + document + "/tasks"),
                HeldRow.update("update policy_document set superseded_by = '" + replacement
                        + "'::uuid, superseded_at = now() where id = ?::uuid", document));
        adding.then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("superseded by " + replacement));
        assertEquals(List.of(), tasks(document));
    }

    private static String createDocument(String docNumber) {
        return given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("docNumber", docNumber, "title", "关于产教融合的通知", "jurisdiction", "430000"))
                .when().post("/api/v1/documents").then().statusCode(201).extract().path("id");
    }

    @Test
    void aRowStarredInThePlanIsStoredAsAKeyTask() {
        String starred = notice(number("湘教函"), 10).replace("\n3\t", "\n★3\t");
        String documentId = post(starred, Map.of()).then().statusCode(201)
                .body("tasks.keyTask", equalTo(List.of(false, false, true))).extract().path("documentId");
        assertEquals(List.of(false, false, true), tasks(documentId).stream().map(t -> t.get("keyTask")).toList());
        String keyTaskId = String.valueOf(tasks(documentId).get(2).get("id"));
        List<ConsumerRecord<String, String>> created = TopicReader.await("task.events",
                r -> keyTaskId.equals(r.key()) && "org.luoshi.TaskCreated".equals(TopicReader.header(r, "ce_type")), 1,
                Duration.ofSeconds(20));
        assertEquals(true, JsonPath.from(created.get(0).value()).getBoolean("task.keyTask"));
    }

    @Test
    void aNameWithoutTheLevelItsListWroteOnceResolvesRelativeToTheJurisdiction() {
        JsonPath report = given().auth().oauth2(SUPERVISOR).contentType("application/octet-stream")
                .queryParam("fileName", "dropped-prefix-opinion.txt").queryParam("jurisdiction", "430000")
                .queryParam("dryRun", true).body(FixtureDocumentsTest.fixture("dropped-prefix-opinion.txt"))
                .when().post("/api/v1/imports").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), report.getList("warnings.findAll { it.kind == 'UNRESOLVED_UNIT' }.detail"));
        List<Map<String, Object>> units = report.getList("tasks.find { it.seq == '（二）' }.assignments");
        assertEquals(List.of("省教育厅", "发展改革委", "人力资源社会保障厅"), units.stream().map(u -> u.get("rawName")).toList(),
                "kept as written");
        assertEquals(List.of("湖南省教育厅", "湖南省发展和改革委员会", "湖南省人力资源和社会保障厅"),
                units.stream().map(u -> u.get("agencyName")).toList());
    }
}
