package org.luoshi.agency.curation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.luoshi.agency.support.RealInfrastructureProfile;
import org.luoshi.platform.testing.AtOnce;
import org.luoshi.platform.testing.HeldRow;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.platform.testing.TopicReader;
import org.luoshi.platform.testing.TopicWriter;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class CurationTest {

    private static final String ADMIN = TestTokens.user("admin", "admin");
    private static final String SUPERVISOR = TestTokens.user("supervisor", "supervisor");
    private static final String INTEGRATOR = TestTokens.user("integrator", "integrator");

    /** Tests share one database: jurisdictions of their own keep their names apart from other tests'. */
    private static final String PANJIN = String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(500000, 749999));
    private static final String LUAN = String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(750000, 999999));

    private static String create(Map<String, Object> body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agencies").then().statusCode(201).extract().path("id");
    }

    private static void unresolved(String rawName, String jurisdiction) {
        UUID task = UUID.randomUUID();
        TopicWriter.cloudEvent("task.events", task.toString(), TopicWriter.newId(), "AgencyReferenceUnresolved", """
                {"taskId": "%s", "documentId": "%s", "seq": "3", "rawName": "%s", "jurisdiction": "%s", "role": "LEAD"}"""
                .formatted(task, UUID.randomUUID(), rawName, jurisdiction));
    }

    @Test
    void aNameMappedWhileItsAgencyIsDissolvedWaitsAndIsRefused() throws Exception {
        String jurisdiction = String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(500000, 999999));
        String agency = create(Map.of("name", "盘锦市档案局", "classification", "DEPARTMENT", "level", "PREFECTURE",
                "divisionCode", jurisdiction));
        unresolved("盘锦市档案局", jurisdiction);
        String id = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(SUPERVISOR)
                        .queryParam("jurisdiction", jurisdiction).when().get("/api/v1/unresolved-names").then().statusCode(200)
                        .extract().jsonPath(), page -> page.getList("items").size() == 1).getString("items[0].id");
        // a reorganization ending the agency, between its row lock and its commit; the name is the agency's own, so
        // mapping it writes nothing and no version check caught the dissolution
        int mapping = HeldRow.racing("agency", agency, "for no key update", () -> given().auth().oauth2(ADMIN)
                        .contentType(ContentType.JSON).body(Map.of("agencyId", agency))
                        .when().put("/api/v1/unresolved-names/" + id + "/mapping").statusCode(),
                HeldRow.update("update agency set status = 'DISSOLVED', dissolution_date = current_date,"
                        + " version = version + 1 where id = ?::uuid", agency));
        assertEquals(422, mapping);
        given().auth().oauth2(SUPERVISOR).queryParam("jurisdiction", jurisdiction).when().get("/api/v1/unresolved-names")
                .then().body("items[0].status", equalTo("OPEN"));
    }

    @Test
    void unresolvedNamesQueueUpAndMappingOneMakesItAnAliasPublishedAsAgencyUpdated() {
        String agency = create(Map.of("name", "盘锦市科学技术局", "classification", "DEPARTMENT", "level", "PREFECTURE",
                "divisionCode", PANJIN));
        String other = create(Map.of("name", "盘锦市工业和信息化局", "classification", "DEPARTMENT", "level", "PREFECTURE",
                "divisionCode", PANJIN));
        // two spellings that differ only in script and spacing are one entry; another jurisdiction is another
        unresolved("市科技创新局", PANJIN);
        unresolved("市 科技 創新局", PANJIN);
        unresolved("市科技创新局", LUAN);

        String id = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(SUPERVISOR)
                .queryParam("status", "OPEN").queryParam("jurisdiction", PANJIN)
                .when().get("/api/v1/unresolved-names").then().statusCode(200).extract().jsonPath(),
                page -> page.getList("items").size() == 1 && page.getInt("items[0].occurrences") == 2)
                .getString("items[0].id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SUPERVISOR)
                .queryParam("jurisdiction", LUAN).when().get("/api/v1/unresolved-names")
                .then().statusCode(200).body("items.rawName", equalTo(List.of("市科技创新局"))));

        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("agencyId", agency))
                .when().put("/api/v1/unresolved-names/" + id + "/mapping").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("agencyId", agency))
                .when().put("/api/v1/unresolved-names/" + id + "/mapping")
                .then().statusCode(200).body("status", equalTo("MAPPED")).body("agencyId", equalTo(agency));
        // the same mapping again is harmless; another one is a conflict and changes nothing
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("agencyId", agency))
                .when().put("/api/v1/unresolved-names/" + id + "/mapping").then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("agencyId", other))
                .when().put("/api/v1/unresolved-names/" + id + "/mapping")
                .then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/agencies/" + agency)
                .then().statusCode(200).body("otherNames.name", hasItem("市科技创新局")).header("ETag", "\"1\"");
        given().auth().oauth2(INTEGRATOR).queryParam("name", "市科技创新局").queryParam("jurisdiction", PANJIN)
                .when().get("/api/v1/agencies/resolve").then().statusCode(200).body("id", equalTo(agency));

        List<ConsumerRecord<String, String>> updates = TopicReader.await("agency.events",
                r -> agency.equals(r.key()) && "org.luoshi.AgencyUpdated".equals(TopicReader.header(r, "ce_type")), 2,
                Duration.ofSeconds(5));
        assertEquals(1, updates.size(), "one AgencyUpdated for the new alias");
        assertEquals(List.of("otherNames"), new JsonPath(updates.get(0).value()).getList("changedFields"));
    }

    @Test
    void twoCuratorsMappingOneNameAtOnceToDifferentAgenciesMakeOneAliasAndOneConflict() throws Exception {
        String finance = create(Map.of("name", "盘锦市财政局", "classification", "DEPARTMENT", "level", "PREFECTURE",
                "divisionCode", PANJIN));
        String tax = create(Map.of("name", "盘锦市税务局", "classification", "DEPARTMENT", "level", "PREFECTURE",
                "divisionCode", PANJIN));
        unresolved("市财税局", PANJIN);
        String id = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(ADMIN)
                .queryParam("jurisdiction", PANJIN).when().get("/api/v1/unresolved-names").then().extract().jsonPath(),
                page -> page.getList("items.rawName").contains("市财税局"))
                .getString("items.find { it.rawName == '市财税局' }.id");
        List<java.util.concurrent.Callable<Integer>> mappings = List.of(finance, tax).stream()
                .<java.util.concurrent.Callable<Integer>>map(agency -> () -> given().auth().oauth2(ADMIN)
                        .contentType(ContentType.JSON).body(Map.of("agencyId", agency))
                        .when().put("/api/v1/unresolved-names/" + id + "/mapping").then().extract().statusCode())
                .toList();
        assertEquals(List.of(200, 409), AtOnce.statuses(mappings));
        long aliased = List.of(finance, tax).stream().filter(agency -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/agencies/" + agency).then().extract().jsonPath()
                .getList("otherNames.name").contains("市财税局")).count();
        assertEquals(1, aliased, "the name is an alias of one agency only");
    }

    @Test
    void mappingToAMissingAgencyOrAnUnknownNameIsRefused() {
        unresolved("某某不存在办公室", PANJIN);
        String id = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(ADMIN)
                .queryParam("jurisdiction", PANJIN).when().get("/api/v1/unresolved-names").then().extract().jsonPath(),
                page -> page.getList("items.rawName").contains("某某不存在办公室"))
                .getString("items.find { it.rawName == '某某不存在办公室' }.id");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("agencyId", UUID.randomUUID().toString()))
                .when().put("/api/v1/unresolved-names/" + id + "/mapping")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("agencyId", UUID.randomUUID().toString()))
                .when().put("/api/v1/unresolved-names/" + UUID.randomUUID() + "/mapping")
                .then().statusCode(404);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"agency\": 1}")
                .when().put("/api/v1/unresolved-names/" + id + "/mapping").then().statusCode(400);
        // a unit of another province: the alias would never resolve there, and the waiting tasks stay unassigned (it
        // was accepted before, and the name left the queue)
        String elsewhere = create(Map.of("name", "六安市某某办公室", "classification", "DEPARTMENT", "level", "PREFECTURE",
                "divisionCode", LUAN));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("agencyId", elsewhere))
                .when().put("/api/v1/unresolved-names/" + id + "/mapping")
                .then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("can mean"));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/agencies/" + elsewhere).then().body("otherNames", hasSize(0));
        given().auth().oauth2(ADMIN).queryParam("jurisdiction", PANJIN).when().get("/api/v1/unresolved-names")
                .then().body("items.find { it.rawName == '某某不存在办公室' }.status", equalTo("OPEN"));
    }

    @Test
    void republishingQueuesEverySnapshotAgainForAdminsOnly() {
        String agency = create(Map.of("name", "吉林省教育厅", "classification", "DEPARTMENT", "level", "PROVINCE",
                "divisionCode", LUAN));
        given().auth().oauth2(INTEGRATOR).when().post("/api/v1/admin/agency-snapshots").then().statusCode(403);
        int queued = given().auth().oauth2(ADMIN).when().post("/api/v1/admin/agency-snapshots")
                .then().statusCode(202).extract().path("agencies");
        assertTrue(queued >= 1);
        List<ConsumerRecord<String, String>> republished = TopicReader.await("agency.events",
                r -> agency.equals(r.key()) && "org.luoshi.AgencySnapshotRepublished".equals(TopicReader.header(r, "ce_type")),
                1, Duration.ofSeconds(60));
        assertEquals(1, republished.size());
        assertEquals("吉林省教育厅", new JsonPath(republished.get(0).value()).getString("agency.name"));
    }
}
