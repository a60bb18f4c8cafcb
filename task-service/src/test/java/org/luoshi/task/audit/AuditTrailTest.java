package org.luoshi.task.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;
import static org.luoshi.task.support.Fixtures.SUPERVISOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.task.support.Fixtures;
import org.luoshi.task.support.RealInfrastructureProfile;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class AuditTrailTest {

    private static JsonPath audit(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).when().get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyChangeIsRecordedWithItsActorRequestAndFieldsBeforeAndAfter() {
        UUID education = Fixtures.announceAgency("湖南省教育厅");
        String documentId = Fixtures.document("湘政办发〔2020〕" + System.nanoTime() % 100000 + "号");
        String task = Fixtures.taskLedBy(documentId, "1", List.of(education));

        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .header("X-Request-Id", "req-audit-1").body(Map.of("title", "建设实训基地"))
                .when().patch("/api/v1/tasks/" + task).then().statusCode(200).header("X-Request-Id", "req-audit-1");
        String officer = TestTokens.officer("hunan-edu", education);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("period", "2020-Q1", "text", "已启动", "percent", 10))
                .when().post("/api/v1/tasks/" + task + "/progress").then().statusCode(201);

        JsonPath entries = audit(SUPERVISOR, Map.of("entity", "task", "id", task));
        // the first report starts the task: its status change is the officer's too
        assertEquals(List.of("ProgressReported", "TaskStatusChanged", "TaskUpdated", "TaskCreated"),
                entries.getList("items.action"));
        assertEquals("hunan-edu", entries.getString("items[1].actor.username"));
        assertEquals(List.of("status"), entries.getList("items[1].changes.field"));
        assertEquals("NOT_STARTED", entries.getString("items[1].changes[0].before"));
        assertEquals("IN_PROGRESS", entries.getString("items[1].changes[0].after"));

        assertEquals("hunan-edu", entries.getString("items[0].actor.username"));
        assertEquals(education.toString(), entries.getString("items[0].actor.agencyId"));
        assertEquals("已启动", entries.getString("items[0].changes.find { it.field == 'report' }.after.text"));

        assertEquals("supervisor", entries.getString("items[2].actor.username"));
        assertEquals("req-audit-1", entries.getString("items[2].requestId"));
        assertEquals(List.of("title"), entries.getList("items[2].changes.field"));
        assertEquals("任务1", entries.getString("items[2].changes[0].before"));
        assertEquals("建设实训基地", entries.getString("items[2].changes[0].after"));
        assertNotEquals(null, entries.getString("items[2].eventId"));

        // a creation lists what was set, nothing before it
        assertEquals("任务1", entries.getString("items[3].changes.find { it.field == 'title' }.after"));
        assertEquals((Object) null, entries.get("items[3].changes.find { it.field == 'title' }.before"));
    }

    @Test
    void filtersAndPagesNewestFirst() {
        UUID agency = Fixtures.announceAgency("湖南省财政厅");
        String documentId = Fixtures.document("湘政办发〔2020〕" + System.nanoTime() % 100000 + "号");
        String first = Fixtures.taskLedBy(documentId, "1", List.of(agency));
        String second = Fixtures.taskLedBy(documentId, "2", List.of(agency));

        JsonPath page = audit(SUPERVISOR, Map.of("entity", "task", "actor", "supervisor", "limit", 1));
        assertEquals(second, page.getString("items[0].entityId"));
        JsonPath next = audit(SUPERVISOR, Map.of("entity", "task", "actor", "supervisor", "limit", 1,
                "after", page.getString("next")));
        assertEquals(first, next.getString("items[0].entityId"));

        given().auth().oauth2(SUPERVISOR).queryParam("actor", "nobody-" + UUID.randomUUID())
                .when().get("/api/v1/audit").then().statusCode(200).body("items", hasSize(0)).body("next", nullValue());
        given().auth().oauth2(SUPERVISOR).queryParam("entity", "document").queryParam("id", documentId)
                .when().get("/api/v1/audit").then().statusCode(200).body("items.action", hasItem("DocumentRegistered"));
        given().auth().oauth2(SUPERVISOR).queryParam("from", "2030-01-01T00:00:00Z").queryParam("to", "2020-01-01T00:00:00Z")
                .when().get("/api/v1/audit").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(SUPERVISOR).queryParam("after", "not-a-cursor")
                .when().get("/api/v1/audit").then().statusCode(400);
    }

    @Test
    void onlyAdministratorsAndSupervisorsReadIt() {
        given().auth().oauth2(TestTokens.user("admin", "admin")).when().get("/api/v1/audit")
                .then().statusCode(200).body("items", notNullValue());
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/audit").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.officer("hunan-edu", UUID.randomUUID())).when().get("/api/v1/audit")
                .then().statusCode(403);
        given().when().get("/api/v1/audit").then().statusCode(401).body("status", equalTo(401));
    }
}
