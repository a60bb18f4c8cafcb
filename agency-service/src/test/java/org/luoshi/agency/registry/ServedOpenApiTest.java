package org.luoshi.agency.registry;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.luoshi.agency.support.RealInfrastructureProfile;
import org.luoshi.platform.testing.OpenApiConformance;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class ServedOpenApiTest {

    @Test
    void servedOpenApiMatchesTheAgencyContract() throws Exception {
        String served = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiConformance.assertConforms("contracts/openapi/agency-api.yaml", served);
    }

    @Test
    void everyContractOperationIsRoutedAndDemandsAToken() throws Exception {
        for (OpenApiConformance.Operation operation : OpenApiConformance.operations("contracts/openapi/agency-api.yaml")) {
            given().contentType(operation.bodyMediaType()).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().request(operation.method(), operation.path())
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void healthIsOpenAndReadinessChecksDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Kafka"))
                .body(org.hamcrest.Matchers.containsString("Reactive PostgreSQL"));
    }
}
