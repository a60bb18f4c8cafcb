package org.luoshi.agency.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.luoshi.agency.support.RealInfrastructureProfile;
import org.luoshi.platform.testing.AtOnce;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.platform.testing.TopicReader;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class AgencyApiTest {

    private static final String ADMIN = TestTokens.user("admin", "admin");
    private static final String INTEGRATOR = TestTokens.user("integrator", "integrator");

    private static String create(Map<String, Object> body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agencies")
                .then().statusCode(201).header("ETag", "\"0\"").header("Location", containsString("/api/v1/agencies/"))
                .extract().path("id");
    }

    private static Map<String, Object> agency(String name, String division) {
        return Map.of("name", name, "classification", "DEPARTMENT", "level", "PROVINCE", "divisionCode", division);
    }

    @Test
    void createdAgencyIsReadableWithItsVersionAsETagAndPublishedAsCloudEvent() {
        String province = create(Map.of("name", "湖南省人民政府", "classification", "GOVERNMENT", "level", "PROVINCE",
                "divisionCode", "430000", "shortName", "省政府"));
        String id = create(Map.of("name", "湖南省教育厅", "classification", "DEPARTMENT", "level", "PROVINCE",
                "divisionCode", "430000", "parentId", province,
                "otherNames", List.of(Map.of("name", "湖南省教委", "kind", "FORMER")),
                "identifiers", List.of(Map.of("scheme", "uscc", "identifier", "11430000006141407X"))));

        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/agencies/" + id)
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo("湖南省教育厅"))
                .body("parentId", equalTo(province))
                .body("status", equalTo("ACTIVE"))
                .body("otherNames[0].kind", equalTo("FORMER"));

        List<ConsumerRecord<String, String>> events = TopicReader.await("agency.events", r -> id.equals(r.key()), 1,
                Duration.ofSeconds(20));
        assertEquals(1, events.size(), "one AgencyCreated record keyed by the agency id");
        ConsumerRecord<String, String> event = events.get(0);
        assertEquals("org.luoshi.AgencyCreated", TopicReader.header(event, "ce_type"));
        assertEquals("/luoshi/agency-service", TopicReader.header(event, "ce_source"));
        assertEquals(id, TopicReader.header(event, "ce_subject"));
        assertEquals("1.0", TopicReader.header(event, "ce_specversion"));
        io.restassured.path.json.JsonPath data = new io.restassured.path.json.JsonPath(event.value());
        assertEquals("湖南省教育厅", data.getString("agency.name"));
        assertEquals("admin", data.getString("actor.username"));
        // the identifiers travel with the snapshot: task-service follows group rules that ask for a kind of unit
        assertEquals(List.of(Map.of("scheme", "uscc", "identifier", "11430000006141407X")), data.getList("agency.identifiers"));

        given().auth().oauth2(ADMIN).queryParam("depth", 1).when().get("/api/v1/agencies/" + province + "/children")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
    }

    @Test
    void patchNeedsTheCurrentETagAndNamesChangedFieldsInItsEvent() {
        String id = create(agency("吉林省教育厅", "220000"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("shortName", "省教育厅"))
                .when().patch("/api/v1/agencies/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(Map.of("shortName", "省教育厅"))
                .when().patch("/api/v1/agencies/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("status", equalTo(412));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("shortName", "省教育厅"))
                .when().patch("/api/v1/agencies/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("shortName", equalTo("省教育厅"));
        // the same stale tag again loses: the first writer won
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("shortName", "教育厅"))
                .when().patch("/api/v1/agencies/" + id)
                .then().statusCode(412);

        List<ConsumerRecord<String, String>> events = TopicReader.await("agency.events", r -> id.equals(r.key()), 2,
                Duration.ofSeconds(20));
        assertEquals(2, events.size());
        assertEquals("org.luoshi.AgencyUpdated", TopicReader.header(events.get(1), "ce_type"));
        assertEquals(List.of("shortName"), new io.restassured.path.json.JsonPath(events.get(1).value()).getList("changedFields"));
    }

    @Test
    void badInputIsAPreciseProblemAndChangesNothing() {
        String division = "430100";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(agency("", division))
                .when().post("/api/v1/agencies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(agency("长".repeat(201), division))
                .when().post("/api/v1/agencies").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "长沙市教育局", "classification", "DEPARTMENT", "level", "PREFECTURE",
                        "divisionCode", division, "colour", "red"))
                .when().post("/api/v1/agencies")
                .then().statusCode(400).body("detail", containsString("colour"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "长沙市教育局", "classification", "MINISTRY", "level", "PREFECTURE", "divisionCode", division))
                .when().post("/api/v1/agencies")
                .then().statusCode(400).body("detail", containsString("MINISTRY"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\": \"长沙市教育局\",")
                .when().post("/api/v1/agencies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("could not be parsed"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "长沙市教育局", "classification", "DEPARTMENT", "level", "PREFECTURE",
                        "divisionCode", division, "parentId", "00000000-0000-0000-0000-000000000001"))
                .when().post("/api/v1/agencies")
                .then().statusCode(422).contentType("application/problem+json");

        given().auth().oauth2(ADMIN).queryParam("divisionCode", division).when().get("/api/v1/agencies")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/not-a-uuid").then().statusCode(404);
    }

    @Test
    void sameNameTwiceInOneJurisdictionIsAConflictButFineInAnother() {
        create(agency("市教育局", "341500"));
        create(agency("市教育局", "211100"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(agency("市教育局", "341500"))
                .when().post("/api/v1/agencies").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void listingIsKeysetPaginatedAndFiltered() {
        for (String name : List.of("盘锦市教育局", "盘锦市财政局", "盘锦市民政局")) {
            create(agency(name, "211199"));
        }
        var first = given().auth().oauth2(INTEGRATOR).queryParam("divisionCode", "211199").queryParam("limit", 2)
                .when().get("/api/v1/agencies")
                .then().statusCode(200).body("items", hasSize(2)).body("next", notNullValue()).extract();
        given().auth().oauth2(INTEGRATOR).queryParam("divisionCode", "211199").queryParam("limit", 2)
                .queryParam("after", first.path("next").toString())
                .when().get("/api/v1/agencies")
                .then().statusCode(200).body("items", hasSize(1)).body("next", nullValue());
        given().auth().oauth2(INTEGRATOR).queryParam("q", "财政").queryParam("divisionCode", "211199")
                .when().get("/api/v1/agencies")
                .then().statusCode(200).body("items.name", equalTo(List.of("盘锦市财政局")));
        given().auth().oauth2(INTEGRATOR).queryParam("after", "garbage!").when().get("/api/v1/agencies")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void tokensAreVerifiedAndRolesEnforced() {
        given().when().get("/api/v1/agencies").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.signedByStranger(TestTokens.claims("admin", null, "admin")))
                .when().get("/api/v1/agencies").then().statusCode(401);
        given().auth().oauth2(TestTokens.sign(TestTokens.claims("admin", null, "admin").issuer("https://evil.example/realms/luoshi")))
                .when().get("/api/v1/agencies").then().statusCode(401);
        given().auth().oauth2(TestTokens.sign(TestTokens.claims("admin", null, "admin").audience("another-api")))
                .when().get("/api/v1/agencies").then().statusCode(401);
        given().auth().oauth2(INTEGRATOR).contentType(ContentType.JSON).body(agency("湖南省财政厅", "430000"))
                .when().post("/api/v1/agencies").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aRepeatedIdempotencyKeyCreatesTheAgencyOnce() {
        Map<String, Object> body = Map.of("name", "辽宁省统计局", "classification", "DEPARTMENT", "level", "PROVINCE",
                "divisionCode", "210000");
        String first = given().auth().oauth2(ADMIN).header("Idempotency-Key", "create-ln-edu").contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/agencies").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).header("Idempotency-Key", "create-ln-edu").contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/agencies")
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", containsString(first))
                .body("id", equalTo(first));
        given().auth().oauth2(ADMIN).header("Idempotency-Key", "create-ln-edu").contentType(ContentType.JSON)
                .body(Map.of("name", "辽宁省审计厅", "classification", "DEPARTMENT", "level", "PROVINCE", "divisionCode", "210000"))
                .when().post("/api/v1/agencies").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).queryParam("q", "辽宁省统计局").queryParam("divisionCode", "210000").when().get("/api/v1/agencies")
                .then().body("items.id", equalTo(List.of(first)));
        given().auth().oauth2(ADMIN).queryParam("q", "辽宁省审计厅").when().get("/api/v1/agencies").then().body("items", hasSize(0));
    }

    @Test
    void twoRequestsCreatingTheSameAgencyAtOnceGetOneCreatedAndOneConflict() throws Exception {
        // both pass the check for a free name; the unique index refuses the second, which answered 500 before
        for (int round = 0; round < 8; round++) {
            Map<String, Object> body = agency("广东省并发测试局" + round, "440000");
            java.util.concurrent.Callable<Integer> post = () -> given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(body).when().post("/api/v1/agencies").then().extract().statusCode();
            assertEquals(List.of(201, 409), AtOnce.statuses(List.of(post, post)), "round " + round);
        }
    }
}
