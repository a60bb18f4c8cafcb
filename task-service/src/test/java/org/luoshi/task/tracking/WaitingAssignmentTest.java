package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;
import static org.luoshi.task.support.Fixtures.SUPERVISOR;

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
import org.luoshi.platform.testing.TopicReader;
import org.luoshi.platform.testing.TopicWriter;
import org.luoshi.task.support.Fixtures;
import org.luoshi.task.support.RealInfrastructureProfile;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class WaitingAssignmentTest {

    @Test
    void aNameNoAgencyMatchesIsAnnouncedAndResolvedWhenAnAgencyOfTheJurisdictionTakesIt() {
        String documentId = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("docNumber", "盘政办发〔2019〕" + System.nanoTime() % 100000 + "号", "title", "关于深化产教融合的实施意见",
                        "jurisdiction", "211100"))
                .when().post("/api/v1/documents").then().statusCode(201).extract().path("id");
        String task = Fixtures.createTask(documentId, Map.of("seq", "7", "title", "建设产教融合平台", "assignments", List.of(
                Map.of("rawName", "市科技创新局", "role", "LEAD"),
                Map.of("rawName", "有关部门", "kind", "UNSPECIFIED", "role", "PARTICIPANT"))))
                .then().statusCode(201)
                .body("assignments[0].agencyId", nullValue())
                .body("assignments[0].kind", equalTo("AGENCY"))
                .body("assignments[1].kind", equalTo("UNSPECIFIED"))
                .extract().path("id");

        List<ConsumerRecord<String, String>> announced = TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.AgencyReferenceUnresolved".equals(TopicReader.header(r, "ce_type")), 2, Duration.ofSeconds(5));
        assertEquals(1, announced.size(), "only the unit name is announced, not the unspecified reference");
        JsonPath reference = new JsonPath(announced.get(0).value());
        assertEquals("市科技创新局", reference.getString("rawName"));
        assertEquals("211100", reference.getString("jurisdiction"));
        assertEquals(documentId, reference.getString("documentId"));

        // an agency of another prefecture with that alias does not take it; Panjin's, after curation, does
        UUID elsewhere = UUID.randomUUID();
        TopicWriter.cloudEvent("agency.events", elsewhere.toString(), TopicWriter.newId(), "AgencyUpdated",
                snapshotWithVariant(elsewhere, "六安市科学技术局", "341500", "市科技创新局"));
        UUID panjin = UUID.randomUUID();
        TopicWriter.cloudEvent("agency.events", panjin.toString(), TopicWriter.newId(), "AgencyUpdated",
                snapshotWithVariant(panjin, "盘锦市科学技术局", "211100", "市 科技 創新局"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + task).then().statusCode(200)
                .body("assignments[0].agencyId", equalTo(panjin.toString()))
                .body("assignments[0].agencyName", equalTo("盘锦市科学技术局"))
                .body("assignments[0].rawName", equalTo("市科技创新局"))
                .body("assignments[1].agencyId", nullValue()));
        List<ConsumerRecord<String, String>> assigned = TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.TaskAssigned".equals(TopicReader.header(r, "ce_type")), 2, Duration.ofSeconds(5));
        assertEquals(1, assigned.size());
        assertEquals(panjin.toString(), new JsonPath(assigned.get(0).value()).getString("task.assignments[0].agencyId"));
    }

    private static String snapshotWithVariant(UUID id, String name, String division, String variant) {
        return """
                {"agency": {"id": "%s", "name": "%s", "otherNames": [{"name": "%s", "kind": "VARIANT"}],
                 "classification": "DEPARTMENT", "level": "PREFECTURE", "divisionCode": "%s", "status": "ACTIVE",
                 "version": 1}, "changedFields": ["otherNames"]}""".formatted(id, name, variant, division);
    }
}
