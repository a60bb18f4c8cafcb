package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.luoshi.task.support.Fixtures.SUPERVISOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.luoshi.task.support.RealInfrastructureProfile;

/** What a hostile or careless client meets: precise refusals that reveal nothing of the implementation. */
@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class HardeningTest {

    private static final String DOCUMENT = """
            {"docNumber": "湘政办发〔2021〕%s号", "title": "测试", "jurisdiction": "430000"%s}""";

    @Test
    void unknownPropertiesAreRefusedByName() {
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(DOCUMENT.formatted(System.nanoTime() % 100000, ", \"secretFlag\": true"))
                .when().post("/api/v1/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("secretFlag"))
                .body(not(containsString("com.fasterxml"))).body(not(containsString("org.luoshi")));
    }

    @Test
    void malformedJsonAnswersWithoutInternals() {
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"docNumber\": ")
                .when().post("/api/v1/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("Exception"))).body(not(containsString("at [Source")))
                .body(not(containsString("java.")));
    }

    @Test
    void overlongTextIsRefusedAndOversizedBodiesStopAtTheLimit() {
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(DOCUMENT.formatted(System.nanoTime() % 100000, "").replace("\"测试\"",
                        "\"" + "长".repeat(501) + "\""))
                .when().post("/api/v1/documents")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", containsString("title"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(DOCUMENT.formatted(System.nanoTime() % 100000, ", \"pad\": \"" + "x".repeat(2_000_000) + "\""))
                .when().post("/api/v1/documents")
                .then().statusCode(413);
    }

    @Test
    void corsIsClosedToOtherOrigins() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/documents")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(SUPERVISOR).header("Origin", "https://evil.example")
                .when().get("/api/v1/documents")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue())
                .body("items", not(equalTo(null)));
    }
}
