package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;
import static org.luoshi.task.support.Fixtures.SUPERVISOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.HeldRow;
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
    void parametersThatDoNotConvertAreBadRequestsNamingTheParameterNotMissingResources() {
        // JAX-RS answers these 404 by default, which reads as "no such resource"
        given().auth().oauth2(INTEGRATOR).queryParam("health", "PURPLE").when().get("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("parameter health is 'PURPLE': expected one of GREEN, YELLOW, RED"));
        given().auth().oauth2(INTEGRATOR).queryParam("documentId", "doc-1").when().get("/api/v1/tasks")
                .then().statusCode(400).body("detail", equalTo("parameter documentId is 'doc-1': expected a UUID"));
        given().auth().oauth2(INTEGRATOR).queryParam("dueBefore", "2019-13-01").when().get("/api/v1/tasks")
                .then().statusCode(400).body("detail", containsString("parameter dueBefore is '2019-13-01'"));
        // a path segment that is no id names no resource: 404, saying why
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/not-an-id")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no resource at /api/v1/tasks/not-an-id: parameter id is 'not-an-id': expected a UUID"));
        given().auth().oauth2(INTEGRATOR).queryParam("health", "RED").when().get("/api/v1/tasks").then().statusCode(200);
        // whole numbers too: limit=abc was a 404 "no resource at /api/v1/tasks"
        for (String limit : List.of("abc", "10.5", "99999999999")) {
            given().auth().oauth2(INTEGRATOR).queryParam("limit", limit).when().get("/api/v1/documents")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", equalTo("parameter limit is '" + limit + "': expected a whole number"));
        }
        given().auth().oauth2(INTEGRATOR).queryParam("limit", "2").when().get("/api/v1/tasks").then().statusCode(200);
    }

    @Test
    void valuesTheDatabaseCannotStoreAreBadRequestsAndStoreNothing() {
        // within the schema, but PostgreSQL refuses a NUL character in a text: these were 500s
        String docNumber = "湘政办发〔2021〕" + (System.nanoTime() % 100000) + "号";
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"docNumber\": \"" + docNumber + "\\u0000\", \"title\": \"测试\", \"jurisdiction\": \"430000\"}")
                .when().post("/api/v1/documents")
                .then().statusCode(400).contentType("application/problem+json").body("type", containsString("invalid-value"))
                .body("detail", containsString("0x00"));
        given().auth().oauth2(INTEGRATOR).queryParam("q", docNumber).when().get("/api/v1/documents")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(INTEGRATOR).queryParam("q", "任务\u0000").when().get("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json").body("type", containsString("invalid-value"));
    }

    @Test
    void aForgedCursorIsABadRequestNotAnInternalError() {
        // well-formed as a cursor (key, separator, id) but its key is not the instant or date this service writes
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("yesterday\u001f" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/api/v1/tasks", "/api/v1/documents")) {
            given().auth().oauth2(INTEGRATOR).queryParam("after", forged).when().get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", equalTo("'after' is not a cursor returned by this service"));
        }
    }

    @Test
    void whitespaceIsNotATextAndNullIsNotAListElement() {
        // minLength 1 lets "   " through the schema; stored stripped it was an empty title
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(DOCUMENT.formatted(System.nanoTime() % 100000, "").replace("\"测试\"", "\"  \u3000 \""))
                .when().post("/api/v1/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("title")).body("errors[0].message", equalTo("must not be blank"));
        String document = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(DOCUMENT.formatted(System.nanoTime() % 100000, "")).when().post("/api/v1/documents")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(java.util.Map.of("seq", " ", "title", "任务"))
                .when().post("/api/v1/documents/" + document + "/tasks")
                .then().statusCode(400).body("errors[0].field", equalTo("seq"));
        // a null element was a NullPointerException, a 500
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"seq\": \"1\", \"title\": \"任务\", \"assignments\": [null]}")
                .when().post("/api/v1/documents/" + document + "/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("null is not allowed at 'assignments"));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/documents/" + document + "/tasks")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void ifMatchStarIsRefusedForItNamesNoVersion() {
        String document = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(DOCUMENT.formatted(System.nanoTime() % 100000, "")).when().post("/api/v1/documents")
                .then().statusCode(201).extract().path("id");
        String task = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(java.util.Map.of("seq", "1", "title", "任务"))
                .when().post("/api/v1/documents/" + document + "/tasks").then().statusCode(201).extract().path("id");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", "*").body(java.util.Map.of("title", "改"))
                .when().patch("/api/v1/tasks/" + task)
                .then().statusCode(400).body("detail", containsString("If-Match: * is not accepted"));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then().body("title", equalTo("任务"));
    }

    @Test
    void twoChangesOnTheSameVersionAtOnceLeaveTheSecondWithAStaleTag() throws Exception {
        String document = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(DOCUMENT.formatted(System.nanoTime() % 100000, "")).when().post("/api/v1/documents")
                .then().statusCode(201).extract().path("id");
        String task = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(java.util.Map.of("seq", "1", "title", "任务"))
                .when().post("/api/v1/documents/" + document + "/tasks").then().statusCode(201).extract().path("id");
        // the first change holds the row while the second, sent on the same version, reads it and waits to write
        int second = HeldRow.racing("task", task, "for update", () -> given().auth().oauth2(SUPERVISOR)
                        .contentType(ContentType.JSON).header("If-Match", "\"0\"").body(java.util.Map.of("title", "第二"))
                        .when().patch("/api/v1/tasks/" + task).statusCode(),
                HeldRow.update("update task set title = '第一', version = version + 1 where id = ?::uuid", task));
        // the contract's answer to a tag that is not current; it was a 409
        assertEquals(412, second);
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then().body("title", equalTo("第一"));
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
