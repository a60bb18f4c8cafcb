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
    void twoReplicasLoadingAtOnceAddEachAgencyOnceAndApplyEachReorganizationOnce(@org.junit.jupiter.api.io.TempDir Path directory)
            throws Exception {
        // a DISSOLVE without results, as the API takes it (the loader threw a NullPointerException on it before)
        Files.writeString(directory.resolve("race.yaml"), """
                agencies:
                  - {key: race-a, name: 霍山县测试甲局, classification: DEPARTMENT, level: COUNTY, divisionCode: "341525"}
                  - {key: race-b, name: 霍山县测试乙局, classification: DEPARTMENT, level: COUNTY, divisionCode: "341525"}
                  - {key: race-c, name: 霍山县测试丙局, classification: DEPARTMENT, level: COUNTY, divisionCode: "341525"}
                reorganizations:
                  - {key: race-dissolve, type: DISSOLVE, effectiveOn: '2020-01-01', originals: [race-c]}
                """);
        ReferenceData data = ReferenceData.read(directory);
        java.util.concurrent.Callable<ReferenceDataLoader.Result> load = () -> {
            try {
                return VertxContextSupport.subscribeAndAwait(() -> loader.load(data));
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
        // before, the replica that lost the race to insert an agency failed to start (a unique violation)
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            int agencies = 0;
            int reorganizations = 0;
            for (var result : pool.invokeAll(List.of(load, load))) {
                agencies += result.get().agenciesAdded();
                reorganizations += result.get().reorganizationsApplied();
            }
            assertEquals(3, agencies);
            assertEquals(1, reorganizations);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(ADMIN).when().get("/api/v1/agencies/" + ReferenceData.idOf("race-c"))
                .then().statusCode(200).body("status", equalTo("DISSOLVED"));
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
