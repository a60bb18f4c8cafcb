package org.luoshi.agency.reference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.luoshi.agency.support.RealInfrastructureProfile;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.platform.testing.TopicReader;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceDataLoaderTest {

    private static final Path FIXTURE = Path.of("src/test/resources/reference-fixture");
    private static final String ADMIN = TestTokens.user("admin", "admin");

    @Inject
    ReferenceDataLoader loader;

    @Test
    @Order(1)
    void loadingTwiceAddsOnceAndAppliesTheMergeOnce() throws Throwable {
        ReferenceData data = ReferenceData.read(FIXTURE);
        assertEquals(new ReferenceDataLoader.Result(5, 1), VertxContextSupport.subscribeAndAwait(() -> loader.load(data)));
        assertEquals(new ReferenceDataLoader.Result(0, 0), VertxContextSupport.subscribeAndAwait(() -> loader.load(data)));
    }

    @Test
    @Order(2)
    void theMergeDissolvedTheOriginalsIntoTheSuccessorAndWasAnnounced() {
        String guoshui = ReferenceData.idOf("fixture-luan-guoshui").toString();
        String tax = ReferenceData.idOf("fixture-luan-tax").toString();
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + guoshui)
                .then().statusCode(200).body("status", equalTo("DISSOLVED")).body("dissolutionDate", equalTo("2018-07-20"))
                .body("successorIds", equalTo(List.of(tax)));
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + tax)
                .then().statusCode(200).body("foundingDate", equalTo("2018-07-20"))
                .body("otherNames.name", org.hamcrest.Matchers.hasItems("六安市国家税务局", "六安市地方税务局"));
        given().auth().oauth2(ADMIN).queryParam("name", "市国税局").queryParam("jurisdiction", "341500")
                .queryParam("asOf", "2018-05-01").when().get("/api/v1/agencies/resolve")
                .then().statusCode(200).body("id", equalTo(guoshui));
        given().auth().oauth2(ADMIN).queryParam("name", "市国税局").queryParam("jurisdiction", "341500")
                .queryParam("asOf", "2019-05-01").queryParam("followSuccessors", true).when().get("/api/v1/agencies/resolve")
                .then().statusCode(200).body("id", equalTo(tax)).body("matchedBy", equalTo("SUCCESSOR"));

        List<ConsumerRecord<String, String>> merged = TopicReader.await("agency.events",
                r -> "org.luoshi.AgenciesMerged".equals(TopicReader.header(r, "ce_type")) && List.of(guoshui, tax).contains(r.key()),
                2, Duration.ofSeconds(20));
        assertEquals(2, merged.size(), "one AgenciesMerged per original and resulting agency");
    }

    @Test
    void referenceDataWithADanglingReferenceIsRefusedWhole(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("bad.yaml"), """
                agencies:
                  - {key: a, name: 甲单位, classification: DEPARTMENT, level: COUNTY, divisionCode: "341502", parent: missing}
                """);
        assertThrows(IllegalArgumentException.class, () -> ReferenceData.read(directory));
    }
}
