package org.luoshi.task.supervision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;
import static org.luoshi.task.support.Fixtures.SUPERVISOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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
import org.luoshi.platform.testing.HeldRow;
import org.luoshi.platform.testing.RefusingTrigger;
import org.luoshi.platform.testing.TopicReader;
import org.luoshi.task.support.Fixtures;
import org.luoshi.task.support.RealInfrastructureProfile;
import org.luoshi.task.support.TestClock;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class SupervisionTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Supervision supervision;

    @AfterEach
    void realTimeAgain() {
        TestClock.reset();
    }

    private void sweep() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> supervision.sweep());
    }

    private static String taskDue(String documentId, String seq, UUID agency, LocalDate due) {
        return Fixtures.createTask(documentId, Map.of("seq", seq, "title", "任务" + seq,
                        "assignments", List.of(Map.of("agencyId", agency.toString(), "role", "LEAD")),
                        "milestones", List.of(Map.of("title", "完成" + seq, "dueDate", due.toString()))))
                .then().statusCode(201).extract().path("id");
    }

    private static List<String> alerts(String task, int atMost) {
        return TopicReader.await("task.events", r -> task.equals(r.key())
                        && TopicReader.header(r, "ce_type").startsWith("org.luoshi.Milestone"), atMost, Duration.ofSeconds(3))
                .stream().map(r -> TopicReader.header(r, "ce_type")).toList();
    }

    @Test
    void deadlinesAreAnnouncedOncePerThresholdAndSilentTasksBecomeStale() throws Throwable {
        UUID agency = Fixtures.announceAgency("盘锦市教育局");
        String documentId = Fixtures.document("盘政办发〔2019〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(agency));
        String soon = taskDue(documentId, "1", agency, TODAY.plusDays(10));
        String overdue = taskDue(documentId, "2", agency, TODAY.minusDays(1));
        String later = taskDue(documentId, "3", agency, TODAY.plusDays(200));

        given().auth().oauth2(INTEGRATOR).queryParam("documentId", documentId).queryParam("health", "RED")
                .when().get("/api/v1/tasks").then().statusCode(200).body("items.id", equalTo(List.of(overdue)));
        given().auth().oauth2(INTEGRATOR).queryParam("documentId", documentId).queryParam("health", "YELLOW")
                .when().get("/api/v1/tasks").then().body("items.id", equalTo(List.of(soon)));
        given().auth().oauth2(INTEGRATOR).queryParam("documentId", documentId).queryParam("dueBefore", TODAY.plusDays(11).toString())
                .when().get("/api/v1/tasks").then().body("items.id", equalTo(List.of(soon, overdue)));

        sweep();
        sweep();
        assertEquals(List.of("org.luoshi.MilestoneDueSoon"), alerts(soon, 3));
        assertEquals(List.of("org.luoshi.MilestoneOverdue"), alerts(overdue, 3));
        assertEquals(List.of(), alerts(later, 1));
        ConsumerRecord<String, String> due = TopicReader.await("task.events", r -> soon.equals(r.key())
                && "org.luoshi.MilestoneDueSoon".equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(3)).get(0);
        assertEquals(10, new JsonPath(due.value()).getInt("daysLeft"));

        // 31 days on: the first milestone is now overdue (a new threshold, announced once), and all three are silent
        TestClock.advance(Duration.ofDays(31));
        sweep();
        sweep();
        assertEquals(List.of("org.luoshi.MilestoneDueSoon", "org.luoshi.MilestoneOverdue"), alerts(soon, 4));
        assertEquals(List.of("org.luoshi.MilestoneOverdue"), alerts(overdue, 3));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + later).then().body("stale", equalTo(true));

        // a progress report ends the silence
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("period", "2019-Q3", "text", "推进中"))
                .when().post("/api/v1/tasks/" + later + "/progress").then().statusCode(201);
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + later).then().body("stale", equalTo(false));
        // so does closing the task: stale means open and silent (the flag stayed true before)
        String version = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + soon).then()
                .body("stale", equalTo(true)).extract().header("ETag");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", version)
                .body(Map.of("status", "CANCELLED")).when().patch("/api/v1/tasks/" + soon).then().statusCode(200)
                .body("stale", equalTo(false));
    }

    @Test
    void aCeilingThatHeldIsAchievedTheDayAfterItsDueDateAndOneExceededIsOverdue() throws Throwable {
        UUID agency = Fixtures.announceAgency("盘锦市生态环境局");
        String documentId = Fixtures.document("盘政办发〔2019〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(agency));
        String held = ceilingTask(documentId, "1", agency);
        String exceeded = ceilingTask(documentId, "2", agency);
        reportValue(held, agency, 3);
        reportValue(exceeded, agency, 7);
        // within the ceiling before its due date: not decided yet
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + held).then().body("milestones[0].status", equalTo("OPEN"));

        // the day after the due date: before, both stayed open and both were announced overdue
        TestClock.advance(Duration.ofDays(6));
        sweep();
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + held).then()
                .body("milestones[0].status", equalTo("ACHIEVED")).body("health", equalTo("GREEN"));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + exceeded).then()
                .body("milestones[0].status", equalTo("OPEN")).body("health", equalTo("RED"));
        assertEquals(List.of("org.luoshi.MilestoneAchieved"), alerts(held, 2));
        assertEquals(List.of("org.luoshi.MilestoneOverdue"), alerts(exceeded, 2));
    }

    @Test
    void aReportThatReadTheCeilingBeforeTheSweepAchievedItIsRefusedNotWrittenOverIt() throws Throwable {
        UUID agency = Fixtures.announceAgency("盘锦市发展和改革委员会");
        String documentId = Fixtures.document("盘政办发〔2019〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(agency)); // once the directory knows the agency
        String task = ceilingTask(documentId, "1", agency);
        reportValue(task, agency, 3);
        TestClock.advance(Duration.ofDays(6));
        // the task's row held: a report reads the task and its milestone, then waits to write; meanwhile the sweep
        // achieves the ceiling on the value it read (3)
        int late = HeldRow.racing("task", task, "for update", () -> report(task, agency, 6).statusCode(),
                transaction -> sweep());
        // before, the report wrote its milestone over the sweep's: OPEN again after MilestoneAchieved was announced
        assertEquals(409, late);
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then()
                .body("milestones[0].status", equalTo("ACHIEVED")).body("milestones[0].achieved", equalTo(3));
        assertEquals(List.of("org.luoshi.MilestoneAchieved"), alerts(task, 2));
    }

    private static String ceilingTask(String documentId, String seq, UUID agency) {
        // 控制在5%以内 by five days from now
        return Fixtures.createTask(documentId, Map.of("seq", seq, "title", "控制能耗增幅" + seq,
                        "assignments", List.of(Map.of("agencyId", agency.toString(), "role", "LEAD")),
                        "milestones", List.of(Map.of("title", "能耗增幅控制在5%以内", "dueDate", TODAY.plusDays(5).toString(),
                                "target", Map.of("quantity", 5, "unit", "%", "comparator", "AT_MOST")))))
                .then().statusCode(201).extract().path("id");
    }

    private static void reportValue(String task, UUID agency, int value) {
        report(task, agency, value).then().statusCode(201);
    }

    private static Response report(String task, UUID agency, int value) {
        String milestone = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task)
                .then().extract().path("milestones[0].id");
        return given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("period", "2019-Q1", "agencyId", agency.toString(),
                        "text", "增幅" + value + "%", "metrics", List.of(Map.of("milestoneId", milestone, "value", value))))
                .when().post("/api/v1/tasks/" + task + "/progress");
    }

    @Test
    void aStepOfTheSweepThatFailsRollsBackAloneAndTheAlertsOfTheOthersStand() throws Throwable {
        UUID agency = Fixtures.announceAgency("盘锦市自然资源局");
        String documentId = Fixtures.document("盘政办发〔2019〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(agency));
        String overdue = taskDue(documentId, "1", agency, TODAY.minusDays(1));
        TestClock.advance(Duration.ofDays(31)); // the document's tasks are silent now too
        // flagging this document's tasks stale fails, as when a progress report changed one meanwhile
        try (var refusal = RefusingTrigger.onUpdate("task",
                "new.stale and not old.stale and new.document_id = '" + documentId + "'")) {
            sweep();
            // before, the sweep was one transaction: the overdue alert was rolled back with the stale flags
            assertEquals(List.of("org.luoshi.MilestoneOverdue"), alerts(overdue, 2));
            given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + overdue).then().body("stale", equalTo(false));
        }
        sweep();
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + overdue).then().body("stale", equalTo(true));
        assertEquals(List.of("org.luoshi.MilestoneOverdue"), alerts(overdue, 2), "announced once");
        ConsumerRecord<String, String> flagged = TopicReader.await("task.events", r -> overdue.equals(r.key())
                && "org.luoshi.TaskUpdated".equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(10)).get(0);
        assertEquals(List.of("stale"), new JsonPath(flagged.value()).getList("changedFields"));
        assertEquals(true, new JsonPath(flagged.value()).getBoolean("task.stale"), "the snapshot says what changed");
    }

    @Test
    void aCeilingThatHeldIsNotAnnouncedOverdueWhenItsStepCouldNotRecordIt() throws Throwable {
        UUID agency = Fixtures.announceAgency("盘锦市统计局");
        String documentId = Fixtures.document("盘政办发〔2019〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(agency));
        String task = ceilingTask(documentId, "1", agency);
        reportValue(task, agency, 3);
        TestClock.advance(Duration.ofDays(6));
        // the ceilings step loses (as to a report changing the milestone meanwhile): the held ceiling stays OPEN
        try (var refusal = RefusingTrigger.onUpdate("milestone", "new.status = 'ACHIEVED' and new.task_id = '" + task + "'")) {
            sweep();
        }
        assertEquals(List.of(), alerts(task, 1), "a ceiling that held is not overdue");
        sweep();
        assertEquals(List.of("org.luoshi.MilestoneAchieved"), alerts(task, 2));
    }

    @Test
    void aClosedTaskIsGreenWhateverItsOpenMilestonesSay() {
        UUID agency = Fixtures.announceAgency("盘锦市财政局");
        String documentId = Fixtures.document("盘政办发〔2019〕" + System.nanoTime() % 100000 + "号");
        String undated = Fixtures.taskLedBy(documentId, "0", List.of(agency)); // once the directory knows the agency
        String finished = taskDue(documentId, "1", agency, TODAY.minusDays(5));
        String late = taskDue(documentId, "2", agency, TODAY.minusDays(5));
        for (String[] step : new String[][] {{"0", "IN_PROGRESS"}, {"1", "COMPLETED"}}) {
            given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", "\"" + step[0] + "\"")
                    .body(Map.of("status", step[1])).when().patch("/api/v1/tasks/" + finished).then().statusCode(200);
        }
        // before, the completed task stayed RED and was listed among the late ones
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + finished).then().body("health", equalTo("GREEN"));
        given().auth().oauth2(INTEGRATOR).queryParam("documentId", documentId).queryParam("health", "RED")
                .when().get("/api/v1/tasks").then().statusCode(200).body("items.id", equalTo(List.of(late)));
        given().auth().oauth2(INTEGRATOR).queryParam("documentId", documentId).queryParam("health", "GREEN")
                .when().get("/api/v1/tasks").then().statusCode(200).body("items.id", equalTo(List.of(undated, finished)));
    }

    @Test
    void statisticsCountTasksByStatusAndHealth() {
        UUID agency = Fixtures.announceAgency("六安市人力资源和社会保障局");
        String documentId = Fixtures.document("六政办秘〔2019〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(agency));
        taskDue(documentId, "1", agency, TODAY.minusDays(3));
        taskDue(documentId, "2", agency, TODAY.plusDays(5));

        given().auth().oauth2(INTEGRATOR).queryParam("groupBy", "health").queryParam("documentId", documentId)
                .when().get("/api/v1/stats").then().statusCode(200)
                .body("groupBy", equalTo("health"))
                .body("rows.find { it.key == 'RED' }.total", equalTo(1))
                .body("rows.find { it.key == 'YELLOW' }.total", equalTo(1))
                .body("rows.find { it.key == 'GREEN' }.total", equalTo(1));
        given().auth().oauth2(INTEGRATOR).queryParam("groupBy", "agency").queryParam("documentId", documentId)
                .when().get("/api/v1/stats").then().statusCode(200)
                .body("rows", org.hamcrest.Matchers.hasSize(1))
                .body("rows[0].key", equalTo(agency.toString()))
                .body("rows[0].label", equalTo("六安市人力资源和社会保障局"))
                .body("rows[0].total", equalTo(3)).body("rows[0].notStarted", equalTo(3)).body("rows[0].red", equalTo(1));
        // key tasks (重点任务) apart: the overdue one is marked
        String overdue = given().auth().oauth2(INTEGRATOR).queryParam("documentId", documentId).when().get("/api/v1/tasks")
                .then().extract().path("items.find { it.seq == '1' }.id");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("keyTask", true)).when().patch("/api/v1/tasks/" + overdue).then().statusCode(200);
        given().auth().oauth2(INTEGRATOR).queryParam("groupBy", "health").queryParam("documentId", documentId)
                .queryParam("keyTask", true).when().get("/api/v1/stats").then().statusCode(200)
                .body("rows.key", equalTo(List.of("RED"))).body("rows[0].total", equalTo(1));
        given().auth().oauth2(INTEGRATOR).queryParam("groupBy", "health").queryParam("documentId", documentId)
                .queryParam("keyTask", false).when().get("/api/v1/stats").then().statusCode(200)
                .body("rows.key", org.hamcrest.Matchers.containsInAnyOrder("YELLOW", "GREEN"));
        given().auth().oauth2(INTEGRATOR).queryParam("groupBy", "mood").when().get("/api/v1/stats")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
