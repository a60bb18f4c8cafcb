package org.luoshi.task.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;
import static org.luoshi.task.support.Fixtures.SUPERVISOR;

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
import org.luoshi.platform.testing.HeldRow;
import org.luoshi.platform.testing.RefusingTrigger;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.platform.testing.TopicReader;
import org.luoshi.task.support.Fixtures;
import org.luoshi.task.support.RealInfrastructureProfile;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class ProgressAndReminderTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static String task(UUID lead, UUID participant) {
        String documentId = Fixtures.document("湘政办发〔2019〕" + System.nanoTime() % 100000 + "号");
        return Fixtures.createTask(documentId, Map.of("seq", "1", "title", "建设产教融合实训基地",
                        "assignments", List.of(Map.of("agencyId", lead.toString(), "role", "LEAD"),
                                Map.of("agencyId", participant.toString(), "role", "PARTICIPANT")),
                        "milestones", List.of(Map.of("title", "建成实训基地50个", "dueDate", TODAY.plusDays(20).toString(),
                                "target", Map.of("quantity", 50, "unit", "个", "comparator", "AT_LEAST")))))
                .then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.Response report(String token, String task, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tasks/" + task + "/progress");
    }

    @Test
    void officersReportForTheirOwnAgencyAndMetricsReachMilestones() {
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        UUID finance = Fixtures.announceAgency("湖南省财政厅");
        UUID other = Fixtures.announceAgency("湖南省交通运输厅");
        // wait until the directory knows the agencies, then the task under test
        Fixtures.taskLedBy(Fixtures.document("湘政办发〔2019〕" + System.nanoTime() % 100000 + "号"), "1",
                List.of(education, finance, other));
        String task = task(education, finance);
        String milestone = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task)
                .then().extract().path("milestones[0].id");
        String officer = TestTokens.officer("hunan-edu", education);

        // not assigned, or not allowed to report at all: refused, nothing stored
        report(TestTokens.officer("hunan-jt", other), task, Map.of("period", "2019-Q1", "text", "已启动"))
                .then().statusCode(403).contentType("application/problem+json");
        report(INTEGRATOR, task, Map.of("period", "2019-Q1", "text", "已启动")).then().statusCode(403);
        report(officer, task, Map.of("period", "2019-Q1", "text", "已启动", "metrics",
                List.of(Map.of("milestoneId", UUID.randomUUID().toString(), "value", 3))))
                .then().statusCode(422);
        report(officer, task, Map.of("period", "", "text", "已启动")).then().statusCode(400);

        report(officer, task, Map.of("period", "2019-Q1", "text", "已建成30个", "percent", 40,
                "metrics", List.of(Map.of("milestoneId", milestone, "value", 30))))
                .then().statusCode(201).body("agencyId", equalTo(education.toString())).body("reportedBy", equalTo("hunan-edu"));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then()
                .body("status", equalTo("IN_PROGRESS")).body("lastProgressAt", notNullValue())
                .body("milestones[0].achieved", equalTo(30)).body("milestones[0].status", equalTo("OPEN"));

        report(SUPERVISOR, task, Map.of("period", "2019-Q2", "text", "已建成55个", "agencyId", education.toString(),
                "metrics", List.of(Map.of("milestoneId", milestone, "value", 55))))
                .then().statusCode(201);
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then()
                .body("milestones[0].status", equalTo("ACHIEVED"));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task + "/progress").then().statusCode(200)
                .body("items.period", equalTo(List.of("2019-Q2", "2019-Q1")))
                .body("items[1].metrics[0].value", equalTo(30));

        String key = task;
        List<ConsumerRecord<String, String>> events = TopicReader.await("task.events", r -> key.equals(r.key()), 6,
                Duration.ofSeconds(20));
        assertEquals(List.of("org.luoshi.TaskCreated", "org.luoshi.TaskStatusChanged", "org.luoshi.ProgressReported",
                        "org.luoshi.ProgressReported", "org.luoshi.MilestoneAchieved"),
                events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        // the amount reported is announced with the report: a milestone short of its target changes no other event
        JsonPath firstReport = new JsonPath(events.get(2).value());
        assertEquals(milestone, firstReport.getString("report.metrics[0].milestoneId"));
        assertEquals(30, firstReport.getInt("report.metrics[0].value"));
    }

    @Test
    void aStageWithoutATargetIsAchievedWhenAReportDeclaresItDone() {
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        String documentId = Fixtures.document("湘政办发〔2019〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(education));
        // a pilot stage already overdue, a roll-out due later, and an amount
        String task = Fixtures.createTask(documentId, Map.of("seq", "1", "title", "推进产教融合试点",
                        "assignments", List.of(Map.of("agencyId", education.toString(), "role", "LEAD")),
                        "milestones", List.of(Map.of("title", "完成试点", "dueDate", TODAY.minusDays(1).toString()),
                                Map.of("title", "全面推开", "dueDate", TODAY.plusDays(200).toString()),
                                Map.of("title", "建成实训基地50个", "dueDate", TODAY.plusDays(200).toString(),
                                        "target", Map.of("quantity", 50, "unit", "个", "comparator", "AT_LEAST")))))
                .then().statusCode(201).extract().path("id");
        JsonPath created = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then().extract().jsonPath();
        String pilot = created.getString("milestones.find { it.title == '完成试点' }.id");
        String amount = created.getString("milestones.find { it.title == '建成实训基地50个' }.id");
        assertEquals("RED", created.getString("health"));
        String officer = TestTokens.officer("hunan-edu", education);

        // refused, and nothing changes: a milestone with a target, one value twice, a milestone of another task
        report(officer, task, Map.of("period", "2019-Q4", "text", "试点完成", "achievedMilestoneIds", List.of(amount)))
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("metrics"));
        report(officer, task, Map.of("period", "2019-Q4", "text", "试点完成", "metrics",
                List.of(Map.of("milestoneId", amount, "value", 60), Map.of("milestoneId", amount, "value", 10))))
                .then().statusCode(422).body("detail", containsString("twice"));
        report(officer, task, Map.of("period", "2019-Q4", "text", "试点完成",
                "achievedMilestoneIds", List.of(UUID.randomUUID().toString()))).then().statusCode(422);
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task + "/progress").then().body("items", hasSize(0));

        report(officer, task, Map.of("period", "2019-Q4", "text", "试点完成", "achievedMilestoneIds", List.of(pilot)))
                .then().statusCode(201).body("achievedMilestoneIds", equalTo(List.of(pilot)));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task + "/progress").then()
                .body("items[0].achievedMilestoneIds", equalTo(List.of(pilot)));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then()
                .body("milestones.find { it.title == '完成试点' }.status", equalTo("ACHIEVED"))
                .body("milestones.find { it.title == '全面推开' }.status", equalTo("OPEN"))
                .body("health", equalTo("GREEN"));
        report(officer, task, Map.of("period", "2020-Q1", "text", "再报", "achievedMilestoneIds", List.of(pilot)))
                .then().statusCode(409).body("detail", containsString("ACHIEVED"));
        List<ConsumerRecord<String, String>> achieved = TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.MilestoneAchieved".equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(20));
        assertEquals(pilot, new JsonPath(achieved.get(0).value()).getString("milestone.id"));
        ConsumerRecord<String, String> reported = TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.ProgressReported".equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(20)).get(0);
        assertEquals(List.of(pilot), new JsonPath(reported.value()).getList("report.achievedMilestoneIds"));
    }

    @Test
    void aReminderSentWhileTheTaskIsBeingCompletedFindsItCompleted() throws Exception {
        UUID lead = Fixtures.announceAgency("六安市教育局");
        UUID participant = Fixtures.announceAgency("六安市财政局");
        Fixtures.taskLedBy(Fixtures.document("六政办秘〔2019〕" + System.nanoTime() % 100000 + "号"), "1", List.of(lead, participant));
        String task = task(lead, participant);
        // the task's row held as a change of it holds it, which completes the task meanwhile
        int status = HeldRow.racing("task", task, "for no key update",
                () -> given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("message", "请于月底前报送进展"))
                        .when().post("/api/v1/tasks/" + task + "/reminders").statusCode(),
                HeldRow.update("update task set status = 'COMPLETED', version = version + 1 where id = ?::uuid", task));
        // before, the reminder read the task without waiting and announced TaskReminderIssued for a completed task
        assertEquals(409, status);
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task + "/reminders").then().body("items", hasSize(0));
    }

    @Test
    void tasksDueBeforeADateAreThoseStillToBeDone() {
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        String documentId = Fixtures.document("湘政办发〔2019〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(education));
        List<String> tasks = new java.util.ArrayList<>();
        for (String seq : List.of("1", "2")) {
            tasks.add(Fixtures.createTask(documentId, Map.of("seq", seq, "title", "任务" + seq,
                            "assignments", List.of(Map.of("agencyId", education.toString(), "role", "LEAD")),
                            "milestones", List.of(Map.of("title", "完成", "dueDate", TODAY.plusDays(5).toString()))))
                    .then().statusCode(201).extract().<String>path("id"));
        }
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("status", "CANCELLED")).when().patch("/api/v1/tasks/" + tasks.get(1)).then().statusCode(200);
        given().auth().oauth2(INTEGRATOR).queryParam("documentId", documentId).queryParam("dueBefore", TODAY.plusDays(6).toString())
                .when().get("/api/v1/tasks").then().statusCode(200).body("items.id", equalTo(List.of(tasks.get(0))));
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstReportInsteadOfAddingOne() {
        UUID education = Fixtures.announceAgency("吉林省教育厅");
        UUID finance = Fixtures.announceAgency("吉林省财政厅");
        Fixtures.taskLedBy(Fixtures.document("吉政办发〔2019〕" + System.nanoTime() % 100000 + "号"), "1", List.of(education, finance));
        String task = task(education, finance);
        Map<String, Object> body = Map.of("period", "2019-05", "text", "推进中", "agencyId", education.toString());
        String first = given().auth().oauth2(SUPERVISOR).header("Idempotency-Key", "report-1").contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/tasks/" + task + "/progress").then().statusCode(201).extract().path("id");
        given().auth().oauth2(SUPERVISOR).header("Idempotency-Key", "report-1").contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/tasks/" + task + "/progress")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(SUPERVISOR).header("Idempotency-Key", "report-1").contentType(ContentType.JSON)
                .body(Map.of("period", "2019-06", "text", "另一份")).when().post("/api/v1/tasks/" + task + "/progress")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task + "/progress").then().body("items", hasSize(1));
    }

    @Test
    void aReportWhoseOutcomeCannotBeRecordedIsUndoneAndDoneOnceWhenSentAgain() throws Exception {
        UUID education = Fixtures.announceAgency("吉林省教育厅");
        UUID finance = Fixtures.announceAgency("吉林省财政厅");
        Fixtures.taskLedBy(Fixtures.document("吉政办发〔2019〕" + System.nanoTime() % 100000 + "号"), "1", List.of(education, finance));
        String task = task(education, finance);
        Map<String, Object> body = Map.of("period", "2019-05", "text", "推进中", "agencyId", education.toString());
        String key = "unrecordable-" + UUID.randomUUID();
        // the outcome of a request under such a key cannot be written (as when the database fails in between)
        try (var refusal = RefusingTrigger.onUpdate("idempotency_record", "new.idem_key like 'unrecordable-%'")) {
            given().auth().oauth2(SUPERVISOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(body).when().post("/api/v1/tasks/" + task + "/progress").then().statusCode(500);
            // before, the report stood (its own transaction) while the key was released: a retry added a second
            given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task + "/progress").then().body("items", hasSize(0));
        }
        given().auth().oauth2(SUPERVISOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/tasks/" + task + "/progress").then().statusCode(201);
        given().auth().oauth2(SUPERVISOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/tasks/" + task + "/progress")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task + "/progress").then().body("items", hasSize(1));
    }

    @Test
    void remindersGoToLeadAndResponsibleUnitsOfOpenTasks() {
        UUID lead = Fixtures.announceAgency("六安市教育局");
        UUID participant = Fixtures.announceAgency("六安市财政局");
        Fixtures.taskLedBy(Fixtures.document("六政办秘〔2019〕" + System.nanoTime() % 100000 + "号"), "1", List.of(lead, participant));
        String task = task(lead, participant);

        given().auth().oauth2(INTEGRATOR).contentType(ContentType.JSON).body(Map.of("message", "请于月底前报送进展"))
                .when().post("/api/v1/tasks/" + task + "/reminders").then().statusCode(403);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("message", "请于月底前报送进展", "agencyIds", List.of(UUID.randomUUID().toString())))
                .when().post("/api/v1/tasks/" + task + "/reminders").then().statusCode(422);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("message", "请于月底前报送进展", "respondBy", TODAY.minusDays(1).toString()))
                .when().post("/api/v1/tasks/" + task + "/reminders").then().statusCode(422);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("message", "请于月底前报送进展", "respondBy", TODAY.plusDays(7).toString()))
                .when().post("/api/v1/tasks/" + task + "/reminders")
                .then().statusCode(201).body("agencyIds", equalTo(List.of(lead.toString()))).body("issuedBy", equalTo("supervisor"));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task + "/reminders").then().body("items", hasSize(1));

        List<ConsumerRecord<String, String>> reminded = TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.TaskReminderIssued".equals(TopicReader.header(r, "ce_type")), 2, Duration.ofSeconds(5));
        assertEquals(1, reminded.size());
        assertEquals(List.of(lead.toString()), new io.restassured.path.json.JsonPath(reminded.get(0).value()).getList("agencyIds"));

        String etag = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then().extract().header("ETag");
        given().auth().oauth2(SUPERVISOR).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("status", "CANCELLED")).when().patch("/api/v1/tasks/" + task).then().statusCode(200);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("message", "催办"))
                .when().post("/api/v1/tasks/" + task + "/reminders").then().statusCode(409);
    }

    @Test
    void theMembersOfAGroupAreRemindedInTheGroupsRole() {
        UUID lead = Fixtures.announceAgency("六安市人民政府办公室");
        UUID jinzhai = Fixtures.announceAgency("金寨县人民政府");
        UUID huoqiu = Fixtures.announceAgency("霍邱县人民政府");
        String documentId = Fixtures.document("六政办秘〔2019〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(lead, jinzhai, huoqiu));
        String task = Fixtures.taskWithGroup(documentId, "1", lead, "PARTICIPANT", "各县区人民政府", List.of(jinzhai, huoqiu));
        // before, a task carried out by a group had "no resolved lead or responsible agency to remind" (422)
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("message", "请报送进展"))
                .when().post("/api/v1/tasks/" + task + "/reminders")
                .then().statusCode(201).body("agencyIds", org.hamcrest.Matchers.containsInAnyOrder(jinzhai.toString(), huoqiu.toString()));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("message", "请金寨县报送进展", "agencyIds", List.of(jinzhai.toString())))
                .when().post("/api/v1/tasks/" + task + "/reminders").then().statusCode(201);
    }
}
