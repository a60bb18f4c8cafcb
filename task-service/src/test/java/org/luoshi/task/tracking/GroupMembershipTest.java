package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.task.support.Fixtures;
import org.luoshi.task.support.RealInfrastructureProfile;

/** A task assigned to a group (各市州人民政府) belongs to each member agency: in filters, in officers' rights, after mergers. */
@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class GroupMembershipTest {

    private static List<String> taskIds(Map<String, ?> query) {
        return given().auth().oauth2(INTEGRATOR).queryParams(query).when().get("/api/v1/tasks")
                .then().statusCode(200).extract().path("items.id");
    }

    @Test
    void membersOfAnAssignedGroupFindTheTaskReportOnItAndKeepItThroughAMerger() {
        UUID changsha = Fixtures.announceAgency("长沙市人民政府");
        UUID zhuzhou = Fixtures.announceAgency("株洲市人民政府");
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        UUID outsider = Fixtures.announceAgency("湖南省交通运输厅");
        String documentId = Fixtures.document("湘政办发〔2022〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(education, outsider, changsha, zhuzhou));

        Map<String, Object> group = Map.of("rawName", "各市州人民政府", "kind", "GROUP", "role", "RESPONSIBLE",
                "memberIds", List.of(changsha.toString(), zhuzhou.toString()));
        String task = Fixtures.createTask(documentId, Map.of("seq", "1", "title", "推进产教融合",
                        "assignments", List.of(Map.of("agencyId", education.toString(), "role", "LEAD"), group)))
                .then().statusCode(201)
                .body("assignments[1].memberIds", containsInAnyOrder(changsha.toString(), zhuzhou.toString()))
                .extract().path("id");

        org.junit.jupiter.api.Assertions.assertTrue(taskIds(Map.of("agencyId", changsha)).contains(task));
        org.junit.jupiter.api.Assertions.assertTrue(taskIds(Map.of("agencyId", zhuzhou, "role", "RESPONSIBLE")).contains(task));
        org.junit.jupiter.api.Assertions.assertFalse(taskIds(Map.of("agencyId", zhuzhou, "role", "LEAD")).contains(task));
        org.junit.jupiter.api.Assertions.assertFalse(taskIds(Map.of("agencyId", outsider)).contains(task));

        given().auth().oauth2(TestTokens.officer("changsha", changsha)).contentType(ContentType.JSON)
                .body(Map.of("period", "2022-Q1", "text", "长沙市已部署"))
                .when().post("/api/v1/tasks/" + task + "/progress").then().statusCode(201);
        given().auth().oauth2(TestTokens.officer("hunan-jt", outsider)).contentType(ContentType.JSON)
                .body(Map.of("period", "2022-Q1", "text", "越权"))
                .when().post("/api/v1/tasks/" + task + "/progress").then().statusCode(403);

        int versionBefore = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then().extract().path("version");
        // 株洲 merges into a new unit: the group's membership follows, the group assignment stays as written
        UUID successor = Fixtures.announceAgency("株洲市人民政府（新）");
        Fixtures.taskLedBy(documentId, "9", List.of(successor));
        Fixtures.announceReorganization("MERGE", "AgenciesMerged", Map.of(zhuzhou, "株洲市人民政府"), List.of(successor));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            org.junit.jupiter.api.Assertions.assertTrue(taskIds(Map.of("agencyId", successor)).contains(task));
            org.junit.jupiter.api.Assertions.assertFalse(taskIds(Map.of("agencyId", zhuzhou)).contains(task));
        });
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then().statusCode(200)
                .body("assignments[1].rawName", org.hamcrest.Matchers.equalTo("各市州人民政府"))
                .body("assignments[1].memberIds", containsInAnyOrder(changsha.toString(), successor.toString()))
                .body("assignments.agencyId", not(hasItem(successor.toString())))
                .body("version", org.hamcrest.Matchers.equalTo(versionBefore + 1));
        // integrators follow the members too: before, they changed without an event or a new version
        var updated = org.luoshi.platform.testing.TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.TaskUpdated".equals(org.luoshi.platform.testing.TopicReader.header(r, "ce_type")), 2,
                Duration.ofSeconds(5));
        org.junit.jupiter.api.Assertions.assertEquals(1, updated.size());
        io.restassured.path.json.JsonPath event = new io.restassured.path.json.JsonPath(updated.get(0).value());
        org.junit.jupiter.api.Assertions.assertEquals(List.of("assignments"), event.getList("changedFields"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(changsha.toString(), successor.toString()),
                java.util.Set.copyOf(event.getList("task.assignments[1].memberIds", String.class)));
    }

    @Test
    void onlyGroupsHaveMembers() {
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        String documentId = Fixtures.document("湘政办发〔2022〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(education));
        Fixtures.createTask(documentId, Map.of("seq", "1", "title", "任务", "assignments", List.of(Map.of(
                        "agencyId", education.toString(), "role", "LEAD", "memberIds", List.of(UUID.randomUUID().toString())))))
                .then().statusCode(400).contentType("application/problem+json");
        // and their members are agencies of the directory, as an assignment's agencyId is (before, any id was kept)
        UUID unknown = UUID.randomUUID();
        Fixtures.createTask(documentId, Map.of("seq", "2", "title", "任务", "assignments", List.of(Map.of(
                        "rawName", "各市州人民政府", "kind", "GROUP", "role", "RESPONSIBLE",
                        "memberIds", List.of(education.toString(), unknown.toString())))))
                .then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString(unknown + " of assignment 0"));
    }

    private static io.restassured.response.Response patch(String token, String task, String etag, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().patch("/api/v1/tasks/" + task);
    }

    @Test
    void officersMoveOnlyTheStatusOfTheirOwnAgencysTasksAndOnlyForward() {
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        UUID changsha = Fixtures.announceAgency("长沙市人民政府");
        UUID outsider = Fixtures.announceAgency("湖南省交通运输厅");
        String documentId = Fixtures.document("湘政办发〔2022〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(education, changsha, outsider));
        String task = Fixtures.taskWithGroup(documentId, "1", education, "LEAD", "各市州人民政府", List.of(changsha));
        String officer = TestTokens.officer("hunan-edu", education);

        patch(officer, task, "\"0\"", Map.of("title", "改标题")).then().statusCode(403).contentType("application/problem+json");
        patch(officer, task, "\"0\"", Map.of("status", "CANCELLED")).then().statusCode(403);
        patch(TestTokens.officer("hunan-jt", outsider), task, "\"0\"", Map.of("status", "IN_PROGRESS")).then().statusCode(403);
        patch(officer, task, "\"0\"", Map.of("status", "IN_PROGRESS")).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("IN_PROGRESS"));
        // a member of the assigned group moves it too, but completing it closes it for every city: the lead's call
        patch(TestTokens.officer("changsha", changsha), task, "\"1\"", Map.of("status", "COMPLETED")).then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("to lead"));
        patch(officer, task, "\"1\"", Map.of("status", "COMPLETED")).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("COMPLETED"));
    }

    @Test
    void aSuspendedTaskResumesOnlyByASupervisorsDecision() {
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        String documentId = Fixtures.document("湘政办发〔2022〕" + System.nanoTime() % 100000 + "号");
        String task = Fixtures.taskLedBy(documentId, "1", List.of(education));
        String officer = TestTokens.officer("hunan-edu", education);
        patch(Fixtures.SUPERVISOR, task, "\"0\"", Map.of("status", "SUSPENDED")).then().statusCode(200);

        // the officer could lift the suspension before (SUSPENDED → IN_PROGRESS is a transition the supervisor may make)
        patch(officer, task, "\"1\"", Map.of("status", "IN_PROGRESS")).then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("a supervisor decides"));
        patch(Fixtures.SUPERVISOR, task, "\"1\"", Map.of("status", "IN_PROGRESS")).then().statusCode(200);
        patch(officer, task, "\"2\"", Map.of("status", "COMPLETED")).then().statusCode(200);
    }

    @Test
    void statisticsByAgencyCountATaskForEachMemberOfAnAssignedGroup() {
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        UUID changsha = Fixtures.announceAgency("长沙市人民政府");
        UUID zhuzhou = Fixtures.announceAgency("株洲市人民政府");
        String documentId = Fixtures.document("湘政办发〔2022〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(education, changsha, zhuzhou));
        Fixtures.taskWithGroup(documentId, "1", education, "LEAD", "各市州人民政府", List.of(changsha, zhuzhou));

        // before, only direct assignments counted: the members had no row though the task list finds the task for them
        given().auth().oauth2(INTEGRATOR).queryParam("groupBy", "agency").queryParam("documentId", documentId)
                .when().get("/api/v1/stats").then().statusCode(200)
                .body("rows.key", containsInAnyOrder(education.toString(), changsha.toString(), zhuzhou.toString()))
                .body("rows.find { it.key == '" + changsha + "' }.total", org.hamcrest.Matchers.equalTo(2))
                .body("rows.find { it.key == '" + education + "' }.total", org.hamcrest.Matchers.equalTo(2));
    }
}
