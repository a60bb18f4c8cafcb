package org.luoshi.agency.naming;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.luoshi.agency.support.RealInfrastructureProfile;
import org.luoshi.platform.testing.Sql;
import org.luoshi.platform.testing.TestTokens;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class ResolutionApiTest {

    private static final String ADMIN = TestTokens.user("admin", "admin");
    private static final String SERVICE = TestTokens.user("service-account-task-service", "service");

    private static String create(String name, String classification, String level, String division, String parentId) {
        var body = new java.util.HashMap<String, Object>(Map.of("name", name, "classification", classification,
                "level", level, "divisionCode", division));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agencies").then().statusCode(201).extract().path("id");
    }

    @Inject
    NameResolver resolver;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private static int resolveStatus(String name, String jurisdiction) {
        return given().auth().oauth2(SERVICE).queryParam("name", name).queryParam("jurisdiction", jurisdiction)
                .when().get("/api/v1/agencies/resolve").then().extract().statusCode();
    }

    @Test
    void anotherReplicasWriteReachesTheIndexWithTheBackgroundRefreshAndALocalWriteAtOnce() throws Throwable {
        String jilin = create("吉林省人民政府", "GOVERNMENT", "PROVINCE", "220000", null);
        String science = create("吉林省科学技术厅", "DEPARTMENT", "PROVINCE", "220000", jilin);
        assertEquals(200, resolveStatus("吉林省科学技术厅", "220000")); // the index now holds it

        // another replica gives it a short name: this replica's index does not see it until its refresh
        Sql.execute(jdbcUrl, "update agency set short_name = '吉林省科技厅' where id = '" + science + "'");
        assertEquals(404, resolveStatus("吉林省科技厅", "220000"));
        // as the scheduler calls it, on a Vert.x context
        VertxContextSupport.subscribeAndAwait(() -> resolver.refreshForOtherReplicas());
        assertEquals(200, resolveStatus("吉林省科技厅", "220000"));

        // a write through this replica is resolvable at once
        create("吉林省林业和草原局", "DEPARTMENT", "PROVINCE", "220000", jilin);
        assertEquals(200, resolveStatus("省林业和草原局", "220000"));
    }

    @Test
    void namesAsWrittenResolveThroughTheApiRightAfterTheAgencyIsRegistered() {
        String liaoning = create("辽宁省人民政府", "GOVERNMENT", "PROVINCE", "210000", null);
        String education = create("辽宁省教育厅", "DEPARTMENT", "PROVINCE", "210000", liaoning);
        String panjin = create("盘锦市人民政府", "GOVERNMENT", "PREFECTURE", "211100", liaoning);
        String dawa = create("大洼区人民政府", "GOVERNMENT", "COUNTY", "211104", panjin);

        given().auth().oauth2(SERVICE).queryParam("name", "省 教育 廳").queryParam("jurisdiction", "210000")
                .when().get("/api/v1/agencies/resolve")
                .then().statusCode(200).body("kind", equalTo("AGENCY")).body("id", equalTo(education))
                .body("matchedBy", equalTo("RELATIVE_NAME"));

        given().auth().oauth2(SERVICE).queryParam("name", "省教育局").queryParam("jurisdiction", "210000")
                .when().get("/api/v1/agencies/resolve")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("辽宁省教育厅"));

        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("names", List.of(
                        Map.of("name", "各县、区人民政府", "jurisdiction", "211100"),
                        Map.of("name", "有关部门", "jurisdiction", "211100"),
                        Map.of("name", "市宇宙局", "jurisdiction", "211100"))))
                .when().post("/api/v1/agencies/resolve")
                .then().statusCode(200)
                .body("results", hasSize(3))
                .body("results[0].resolution.kind", equalTo("GROUP"))
                .body("results[0].resolution.members.id", equalTo(List.of(dawa)))
                .body("results[1].resolution.kind", equalTo("UNSPECIFIED"))
                .body("results[2].resolution", equalTo(null));

        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(Map.of("names", List.of()))
                .when().post("/api/v1/agencies/resolve").then().statusCode(400).contentType("application/problem+json");
        // the list's elements are validated too (the generated DTO puts @Valid on the list itself)
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("names", List.of(Map.of("name", "市教育局", "jurisdiction", "2111"))))
                .when().post("/api/v1/agencies/resolve").then().statusCode(400).contentType("application/problem+json")
                .body(containsString("jurisdiction"));
    }
}
