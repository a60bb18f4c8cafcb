package org.luoshi.task.supervision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;
import static org.luoshi.task.support.Fixtures.SUPERVISOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.platform.testing.TopicReader;
import org.luoshi.task.support.Fixtures;
import org.luoshi.task.support.RealInfrastructureProfile;
import org.luoshi.task.support.TestClock;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class MilestoneDecisionsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Supervision supervision;

    @AfterEach
    void realTimeAgain() {
        TestClock.reset();
    }

    private static ValidatableResponse assess(String token, String milestoneId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/milestones/" + milestoneId + "/assessment").then();
    }

    private static String document(String docNumber, LocalDate pastGoal, LocalDate futureGoal) {
        return given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("docNumber", docNumber, "title", "关于深化产教融合的实施意见", "jurisdiction", "430000",
                        "milestones", List.of(Map.of("title", "到" + pastGoal.getYear() + "年产教融合制度初步建立", "dueDate", pastGoal.toString()),
                                Map.of("title", "到" + futureGoal.getYear() + "年产教融合全面推行", "dueDate", futureGoal.toString()))))
                .when().post("/api/v1/documents").then().statusCode(201).extract().path("id");
    }

    private static String goalId(String documentId, LocalDate due) {
        List<Map<String, Object>> goals = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/documents/" + documentId)
                .then().statusCode(200).extract().path("milestones");
        return goals.stream().filter(g -> due.toString().equals(g.get("dueDate"))).findFirst().orElseThrow().get("id").toString();
    }

    @Test
    void aSupervisorSettlesADocumentGoalNoReportCanWithItsReasonAndItIsAnnounced() {
        LocalDate past = TODAY.minusYears(1);
        LocalDate future = TODAY.plusYears(4);
        String documentId = document("湘政办发〔2026〕" + System.nanoTime() % 100000 + "号", past, future);
        String missed = goalId(documentId, past);
        String achieved = goalId(documentId, future);
        UUID agency = UUID.randomUUID();

        // only supervisors judge; a unit's officer or an integrator may not
        assess(TestTokens.officer("officer", agency), missed, Map.of("status", "MISSED", "note", "未完成")).statusCode(403);
        assess(INTEGRATOR, missed, Map.of("status", "MISSED", "note", "未完成")).statusCode(403);
        // bad verdicts change nothing
        assess(SUPERVISOR, missed, Map.of("status", "OPEN", "note", "重新打开")).statusCode(400)
                .contentType(containsString("application/problem+json"));
        assess(SUPERVISOR, missed, Map.of("status", "MISSED")).statusCode(400);
        assess(SUPERVISOR, missed, Map.of("status", "MISSED", "note", "  ")).statusCode(400);
        assess(SUPERVISOR, UUID.randomUUID().toString(), Map.of("status", "MISSED", "note", "未完成")).statusCode(404);
        // a goal not yet due cannot have been missed
        assess(SUPERVISOR, achieved, Map.of("status", "MISSED", "note", "进度滞后")).statusCode(422)
                .body("detail", containsString("due " + future));

        String key = UUID.randomUUID().toString();
        String answered = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("status", "MISSED", "note", "职业院校实训基地建设未达预期"))
                .when().post("/api/v1/milestones/" + missed + "/assessment").then()
                .statusCode(200).body("status", equalTo("MISSED"))
                .body("assessment.note", equalTo("职业院校实训基地建设未达预期"))
                .body("assessment.assessedBy", equalTo("supervisor")).extract().asString();
        // the same request sent again (a lost answer) gets the same answer, not a conflict
        assertEquals(answered, given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("status", "MISSED", "note", "职业院校实训基地建设未达预期"))
                .when().post("/api/v1/milestones/" + missed + "/assessment").then()
                .statusCode(200).header("Idempotent-Replayed", "true").extract().asString());
        // a verdict is final
        assess(SUPERVISOR, missed, Map.of("status", "ACHIEVED", "note", "补充材料")).statusCode(409);
        // achieved before its due date: evidence came early
        assess(SUPERVISOR, achieved, Map.of("status", "ACHIEVED", "note", "省政府督查室验收通过")).statusCode(200)
                .body("status", equalTo("ACHIEVED")).body("assessment.assessedBy", equalTo("supervisor"));

        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/documents/" + documentId).then()
                .body("milestones.find { it.id == '" + missed + "' }.status", equalTo("MISSED"))
                .body("milestones.find { it.id == '" + missed + "' }.assessment.note", equalTo("职业院校实训基地建设未达预期"))
                .body("milestones.find { it.id == '" + achieved + "' }.status", equalTo("ACHIEVED"));
        List<ConsumerRecord<String, String>> events = TopicReader.await("task.events", r -> documentId.equals(r.key())
                && TopicReader.header(r, "ce_type").matches("org.luoshi.Milestone(Missed|Achieved)"), 2, Duration.ofSeconds(10));
        assertEquals(List.of("org.luoshi.MilestoneMissed", "org.luoshi.MilestoneAchieved"),
                events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        JsonPath first = new JsonPath(events.get(0).value());
        assertEquals(missed, first.getString("milestone.id"));
        assertEquals("职业院校实训基地建设未达预期", first.getString("milestone.assessmentNote"));
        assertEquals("supervisor", first.getString("actor.username"));
    }

    @Test
    void aMissedMilestoneKeepsItsOpenTaskRedAndACancelledTaskIsNotAssessed() {
        UUID agency = Fixtures.announceAgency("湖南省教育厅" + System.nanoTime() % 1000);
        String documentId = Fixtures.document("湘政办发〔2026〕" + System.nanoTime() % 100000 + "号");
        Map<String, Object> body = Map.of("seq", "1", "title", "建设产教融合实训基地",
                "assignments", List.of(Map.of("agencyId", agency.toString(), "role", "LEAD")),
                "milestones", List.of(Map.of("title", "建成实训基地30个", "dueDate", TODAY.minusDays(10).toString(),
                        "target", Map.of("quantity", 30, "comparator", "AT_LEAST", "unit", "个")),
                        Map.of("title", "出台实训基地管理办法", "dueDate", TODAY.toString())));
        String task = Fixtures.taskWith(documentId, body);
        JsonPath before = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then()
                .body("health", equalTo("RED")).extract().jsonPath();
        String milestone = before.getString("milestones[0].id");
        // due today: not missed yet
        assess(SUPERVISOR, before.getString("milestones[1].id"), Map.of("status", "MISSED", "note", "未出台")).statusCode(422);

        assess(SUPERVISOR, milestone, Map.of("status", "MISSED", "note", "仅建成18个")).statusCode(200)
                .body("assessment.note", equalTo("仅建成18个"));
        // the open milestone left is due today (YELLOW), yet the task failed one: it stays RED in the task, the lists
        // and the counts
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then()
                .body("health", equalTo("RED")).body("milestones[0].status", equalTo("MISSED"));
        for (String health : List.of("RED", "YELLOW", "GREEN")) {
            var listed = given().auth().oauth2(INTEGRATOR).queryParam("documentId", documentId).queryParam("health", health)
                    .when().get("/api/v1/tasks").then().statusCode(200);
            listed.body("items.id", health.equals("RED") ? hasItem(task) : not(hasItem(task)));
        }
        given().auth().oauth2(INTEGRATOR).queryParam("groupBy", "health").queryParam("documentId", documentId)
                .when().get("/api/v1/stats").then()
                .body("rows.find { it.key == 'RED' }.total", equalTo(1))
                .body("rows.find { it.key == 'GREEN' }", nullValue());
        JsonPath event = new JsonPath(TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.MilestoneMissed".equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(10)).get(0).value());
        assertEquals("MISSED", event.getString("milestone.status"));
        assertEquals(task, event.getString("task.id"));
        assertEquals(true, event.getBoolean("task.missed"));
        assertEquals(TODAY.toString(), event.getString("task.dueDate"), "the next open milestone's");

        Map<String, Object> second = Map.of("seq", "2", "title", "完善校企合作制度",
                "assignments", List.of(Map.of("agencyId", agency.toString(), "role", "LEAD")),
                "milestones", List.of(Map.of("title", "出台管理办法", "dueDate", TODAY.minusDays(3).toString())));
        String cancelled = Fixtures.taskWith(documentId, second);
        String version = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + cancelled).then().extract().header("ETag");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", version)
                .body(Map.of("status", "CANCELLED")).when().patch("/api/v1/tasks/" + cancelled).then().statusCode(200);
        String itsMilestone = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + cancelled).then()
                .extract().path("milestones[0].id");
        assess(SUPERVISOR, itsMilestone, Map.of("status", "MISSED", "note", "未出台")).statusCode(409)
                .body("detail", containsString("cancelled"));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + cancelled).then()
                .body("milestones[0].status", equalTo("OPEN")).body("milestones[0].assessment", nullValue());
    }

    @Test
    void aSupervisorMovesADueDateWithItsReasonAndItsAlertsAreAnnouncedAgainForTheNewDate() throws Throwable {
        UUID agency = Fixtures.announceAgency("湖南省人力资源社会保障厅" + System.nanoTime() % 1000);
        String documentId = Fixtures.document("湘政办发〔2026〕" + System.nanoTime() % 100000 + "号");
        String task = Fixtures.taskWith(documentId, Map.of("seq", "1", "title", "开展职业技能提升行动",
                "assignments", List.of(Map.of("agencyId", agency.toString(), "role", "LEAD")),
                "milestones", List.of(Map.of("title", "完成培训方案", "dueDate", TODAY.minusDays(5).toString()))));
        String milestone = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then()
                .body("health", equalTo("RED")).extract().path("milestones[0].id");
        VertxContextSupport.subscribeAndAwait(() -> supervision.sweep());
        assertEquals(1, overdue(task, 2).size(), "announced overdue once");

        LocalDate extended = TODAY.plusDays(60);
        assertEquals(403, given().auth().oauth2(TestTokens.officer("officer", agency)).contentType(ContentType.JSON)
                .body(Map.of("dueDate", extended.toString(), "reason", "申请延期")).when()
                .post("/api/v1/milestones/" + milestone + "/reschedule").statusCode());
        reschedule(milestone, Map.of("dueDate", extended.toString())).statusCode(400);
        reschedule(milestone, Map.of("dueDate", TODAY.minusDays(1).toString(), "reason", "补登")).statusCode(422)
                .body("detail", containsString("in the past"));
        reschedule(milestone, Map.of("dueDate", extended.toString(), "reason", "经省政府督查室同意延期两个月"))
                .statusCode(200).body("dueDate", equalTo(extended.toString())).body("status", equalTo("OPEN"));
        reschedule(milestone, Map.of("dueDate", extended.toString(), "reason", "再次确认")).statusCode(422)
                .body("detail", containsString("already due"));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then()
                .body("health", equalTo("GREEN")).body("milestones[0].dueDate", equalTo(extended.toString()));

        JsonPath event = new JsonPath(TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.MilestoneRescheduled".equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(10))
                .get(0).value());
        assertEquals(TODAY.minusDays(5).toString(), event.getString("previousDueDate"));
        assertEquals("经省政府督查室同意延期两个月", event.getString("reason"));
        assertEquals(extended.toString(), event.getString("task.dueDate"));
        assertEquals("supervisor", event.getString("actor.username"));

        // the new date passes: overdue again (before, the alert of the old date would have kept it silent)
        TestClock.advance(Duration.ofDays(62));
        VertxContextSupport.subscribeAndAwait(() -> supervision.sweep());
        assertEquals(2, overdue(task, 3).size(), "announced overdue again for the new date");

        // nothing is due from a closed task
        String version = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then().extract().header("ETag");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", version)
                .body(Map.of("status", "CANCELLED")).when().patch("/api/v1/tasks/" + task).then().statusCode(200);
        reschedule(milestone, Map.of("dueDate", TODAY.plusDays(400).toString(), "reason", "再延期")).statusCode(409);
    }

    private static ValidatableResponse reschedule(String milestoneId, Map<String, Object> body) {
        return given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/milestones/" + milestoneId + "/reschedule").then();
    }

    /** The task's MilestoneOverdue events, waiting a moment for one more than expected. */
    private static List<ConsumerRecord<String, String>> overdue(String task, int atMost) {
        return TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.MilestoneOverdue".equals(TopicReader.header(r, "ce_type")), atMost, Duration.ofSeconds(3));
    }
}
