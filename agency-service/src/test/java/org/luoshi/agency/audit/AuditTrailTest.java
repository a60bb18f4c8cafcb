package org.luoshi.agency.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.luoshi.agency.support.RealInfrastructureProfile;
import org.luoshi.platform.testing.TestTokens;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class AuditTrailTest {

    private static final String ADMIN = TestTokens.user("admin", "admin");

    @Test
    void agencyChangesAreAuditedWithFieldsBeforeAndAfterAndOnlyStaffReadThem() {
        String division = String.valueOf(ThreadLocalRandom.current().nextInt(710000, 719999));
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("X-Request-Id", "create-" + division)
                .body(Map.of("name", "测试省审计厅" + division, "classification", "DEPARTMENT", "level", "PROVINCE",
                        "divisionCode", division))
                .when().post("/api/v1/agencies").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("shortName", "省审计厅"))
                .when().patch("/api/v1/agencies/" + id).then().statusCode(200);

        JsonPath entries = given().auth().oauth2(TestTokens.user("supervisor", "supervisor"))
                .queryParam("entity", "agency").queryParam("id", id)
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("AgencyUpdated", "AgencyCreated"), entries.getList("items.action"));
        assertEquals(List.of("admin", "admin"), entries.getList("items.actor.username"));
        assertEquals(List.of("shortName"), entries.getList("items[0].changes.field"));
        assertEquals("省审计厅", entries.getString("items[0].changes[0].after"));
        assertEquals("create-" + division, entries.getString("items[1].requestId"));

        given().auth().oauth2(TestTokens.user("integrator", "integrator")).when().get("/api/v1/audit")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/audit").then().statusCode(401);
    }
}
