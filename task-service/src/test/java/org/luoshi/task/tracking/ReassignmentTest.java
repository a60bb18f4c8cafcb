package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.HeldRow;
import org.luoshi.platform.testing.KafkaResource;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.platform.testing.TopicReader;
import org.luoshi.platform.testing.TopicWriter;
import org.luoshi.task.support.Fixtures;
import org.luoshi.task.support.RealInfrastructureProfile;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class ReassignmentTest {

    @Test
    void tasksFollowMergesAndSplitsWithOneReassignmentEventPerTask() {
        UUID guoshui = Fixtures.announceAgency("湖南省国家税务局");
        UUID dishui = Fixtures.announceAgency("湖南省地方税务局");
        UUID tax = Fixtures.announceAgency("国家税务总局湖南省税务局");
        UUID land = Fixtures.announceAgency("湖南省国土资源厅");
        UUID nature = Fixtures.announceAgency("湖南省自然资源厅");
        UUID planning = Fixtures.announceAgency("湖南省测绘地理信息局");
        String documentId = Fixtures.document("湘政办发〔2018〕99号");
        String both = Fixtures.taskLedBy(documentId, "1", List.of(guoshui, dishui));
        String one = Fixtures.taskLedBy(documentId, "2", List.of(dishui));
        String split = Fixtures.taskLedBy(documentId, "3", List.of(land));
        // closed before the merge: led by one of the merged units, with the other in its group
        String closed = Fixtures.taskWithGroup(documentId, "4", guoshui, "LEAD", "两税务局", List.of(dishui, planning));
        String version = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + closed).then().extract().header("ETag");
        given().auth().oauth2(Fixtures.SUPERVISOR).contentType(ContentType.JSON).header("If-Match", version)
                .body(Map.of("status", "CANCELLED")).when().patch("/api/v1/tasks/" + closed).then().statusCode(200);

        Map<UUID, String> merged = new LinkedHashMap<>();
        merged.put(guoshui, "湖南省国家税务局");
        merged.put(dishui, "湖南省地方税务局");
        Fixtures.announceReorganization("MERGE", "AgenciesMerged", merged, List.of(tax));
        Fixtures.announceReorganization("SPLIT", "AgencySplit", Map.of(land, "湖南省国土资源厅"), List.of(nature, planning));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + both).then().statusCode(200)
                .body("assignments.agencyId", equalTo(List.of(tax.toString())))
                .body("assignments[0].formerAgencyId", equalTo(guoshui.toString()))
                .body("assignments[0].agencyName", equalTo("国家税务总局湖南省税务局")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + one).then().body("assignments.agencyId", equalTo(List.of(tax.toString()))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + split).then()
                .body("assignments.agencyId", equalTo(List.of(nature.toString(), planning.toString())))
                .body("reviewRequired", equalTo(true)));

        List<ConsumerRecord<String, String>> reassigned = TopicReader.await("task.events",
                r -> List.of(both, one, split).contains(r.key()) && "org.luoshi.TaskReassigned".equals(TopicReader.header(r, "ce_type")),
                4, Duration.ofSeconds(10));
        assertEquals(3, reassigned.size(), "one TaskReassigned per open task and reorganization, none for the closed one");
        // the closed task keeps the units it had (before, it was moved and announced like the open ones); the merge's
        // changes to the other tasks are published, and they were written in the transaction that would have moved it
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + closed).then().statusCode(200)
                .body("assignments[0].agencyId", equalTo(guoshui.toString()))
                .body("assignments[1].memberIds", containsInAnyOrder(dishui.toString(), planning.toString()));
        List<String> closedEvents = TopicReader.all(KafkaResource.clientProperties(), "task.events", Duration.ofSeconds(10))
                .stream().filter(r -> closed.equals(r.key())).map(r -> TopicReader.header(r, "ce_type")).toList();
        assertEquals("org.luoshi.TaskStatusChanged", closedEvents.get(closedEvents.size() - 1),
                "nothing announced for the closed task after it was cancelled: " + closedEvents);
        ConsumerRecord<String, String> first = reassigned.stream().filter(r -> r.key().equals(both)).findFirst().orElseThrow();
        assertEquals(List.of(guoshui.toString(), dishui.toString()),
                new JsonPath(first.value()).getList("reassignment.fromAgencyIds"));
        given().auth().oauth2(INTEGRATOR).queryParam("agencyId", tax.toString()).when().get("/api/v1/tasks")
                .then().body("items.id", containsInAnyOrder(both, one));
    }

    @Test
    void aReorganizationWhoseResultWasAlreadyRenamedMovesTasksOnToTheUnitThatStandsNow() {
        String suffix = String.valueOf(System.nanoTime() % 1000);
        UUID bureau = Fixtures.announceAgency("湖南省粮食局" + suffix);
        UUID reserves = Fixtures.announceAgency("湖南省物资储备局" + suffix);
        UUID renamed = Fixtures.announceAgency("湖南省粮食和物资储备局" + suffix);
        String documentId = Fixtures.document("湘政办发〔2018〕" + System.nanoTime() % 100000 + "号");
        String task = Fixtures.taskLedBy(documentId, "1", List.of(bureau));
        String marker = Fixtures.taskLedBy(documentId, "2", List.of(reserves));
        // the later reorganization's events come first (they are keyed by other agencies, in other partitions):
        // the merge's result, 物资储备局, is renamed before the merge into it is read
        Fixtures.announceReorganization("RENAME", "AgencyRenamed", Map.of(reserves, "湖南省物资储备局" + suffix), List.of(renamed));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + marker).then().body("assignments.agencyId", equalTo(List.of(renamed.toString()))));
        Fixtures.announceReorganization("MERGE", "AgenciesMerged", Map.of(bureau, "湖南省粮食局" + suffix), List.of(reserves));

        // before, the task stopped at 物资储备局, which had already ended, and stayed there
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + task).then().statusCode(200)
                .body("assignments.agencyId", equalTo(List.of(renamed.toString())))
                .body("assignments[0].formerAgencyId", equalTo(bureau.toString())));
    }

    @Test
    void aSupervisorReplacesTheUnitsOfATaskASplitFlaggedAndTheReviewIsDone() {
        String suffix = String.valueOf(System.nanoTime() % 1000);
        UUID land = Fixtures.announceAgency("湖南省国土资源厅" + suffix);
        UUID nature = Fixtures.announceAgency("湖南省自然资源厅" + suffix);
        UUID survey = Fixtures.announceAgency("湖南省测绘地理信息局" + suffix);
        String documentId = Fixtures.document("湘政办发〔2018〕" + System.nanoTime() % 100000 + "号");
        String task = Fixtures.taskLedBy(documentId, "1", List.of(land));
        Fixtures.announceReorganization("SPLIT", "AgencySplit", Map.of(land, "湖南省国土资源厅" + suffix), List.of(nature, survey));
        String flagged = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + task), r -> r.jsonPath().getBoolean("reviewRequired")).header("ETag");

        String url = "/api/v1/tasks/" + task + "/assignments";
        Map<String, Object> decided = Map.of("assignments", List.of(Map.of("agencyId", nature.toString(), "role", "LEAD"),
                Map.of("rawName", "省林业局", "role", "PARTICIPANT")));
        // who may, on which version, with what
        given().auth().oauth2(Fixtures.SUPERVISOR).contentType(ContentType.JSON).body(decided).when().put(url)
                .then().statusCode(428);
        given().auth().oauth2(TestTokens.officer("hunan-zr", nature)).contentType(ContentType.JSON)
                .header("If-Match", flagged).body(decided).when().put(url).then().statusCode(403);
        given().auth().oauth2(Fixtures.SUPERVISOR).contentType(ContentType.JSON).header("If-Match", flagged)
                .body(Map.of("assignments", List.of(Map.of("agencyId", land.toString(), "role", "LEAD"))))
                .when().put(url).then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + task).then().header("ETag", flagged)
                .body("assignments.agencyId", equalTo(List.of(nature.toString(), survey.toString())));

        String replaced = given().auth().oauth2(Fixtures.SUPERVISOR).contentType(ContentType.JSON).header("If-Match", flagged)
                .body(decided).when().put(url).then().statusCode(200)
                .body("reviewRequired", equalTo(false))
                .body("assignments.agencyId", equalTo(java.util.Arrays.asList(nature.toString(), null)))
                .body("assignments.role", equalTo(List.of("LEAD", "PARTICIPANT")))
                .body("assignments[1].rawName", equalTo("省林业局"))
                .extract().header("ETag");
        given().auth().oauth2(Fixtures.SUPERVISOR).contentType(ContentType.JSON).header("If-Match", flagged)
                .body(decided).when().put(url).then().statusCode(412);
        given().auth().oauth2(INTEGRATOR).queryParam("agencyId", survey.toString()).when().get("/api/v1/tasks")
                .then().body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(task)));

        List<ConsumerRecord<String, String>> updated = TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.TaskUpdated".equals(TopicReader.header(r, "ce_type")), 2, Duration.ofSeconds(10));
        assertEquals(1, updated.size());
        JsonPath event = new JsonPath(updated.get(0).value());
        assertEquals(List.of("assignments", "reviewRequired"), event.getList("changedFields"));
        assertEquals(replaced.replace("\"", ""), String.valueOf(event.getLong("task.version")));
        assertEquals(1, TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.AgencyReferenceUnresolved".equals(TopicReader.header(r, "ce_type")), 1,
                Duration.ofSeconds(10)).size(), "the name without agency is announced for curation");
    }

    @Test
    void aUnitDissolvedWithoutSuccessorFlagsItsOpenTasksAndLeavesTheGroupsAssigned() {
        String suffix = String.valueOf(System.nanoTime() % 1000);
        UUID office = Fixtures.announceAgency("湖南省扶贫开发办公室" + suffix);
        UUID other = Fixtures.announceAgency("株洲市人民政府" + suffix);
        String documentId = Fixtures.document("湘政办发〔2018〕" + System.nanoTime() % 100000 + "号");
        String led = Fixtures.taskLedBy(documentId, "1", List.of(office));
        String grouped = Fixtures.taskWithGroup(documentId, "2", other, "LEAD", "各市州人民政府", List.of(office, other));

        Fixtures.announceReorganization("DISSOLVE", "AgencyDissolved", Map.of(office, "湖南省扶贫开发办公室" + suffix), List.of());

        // before, nothing happened: the tasks stayed on a unit that no longer exists, unflagged
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + led).then().body("reviewRequired", equalTo(true))
                .body("assignments.agencyId", equalTo(List.of(office.toString()))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + grouped).then().body("assignments[1].memberIds", equalTo(List.of(other.toString())))
                .body("reviewRequired", equalTo(false)));
        JsonPath flagged = new JsonPath(TopicReader.await("task.events", r -> led.equals(r.key())
                && "org.luoshi.TaskUpdated".equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(10)).get(0).value());
        assertEquals(List.of("reviewRequired"), flagged.getList("changedFields"));
        JsonPath members = new JsonPath(TopicReader.await("task.events", r -> grouped.equals(r.key())
                && "org.luoshi.TaskUpdated".equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(10)).get(0).value());
        assertEquals(List.of("assignments"), members.getList("changedFields"));
    }

    @Test
    void aSnapshotShowingAUnitEndedIsFollowedWhenItsReorganizationWasNeverRead() {
        String suffix = String.valueOf(System.nanoTime() % 1000);
        UUID old = Fixtures.announceAgency("湖南省旅游发展委员会" + suffix);
        UUID successor = Fixtures.announceAgency("湖南省文化和旅游厅" + suffix);
        String documentId = Fixtures.document("湘政办发〔2018〕" + System.nanoTime() % 100000 + "号");
        String task = Fixtures.taskLedBy(documentId, "1", List.of(old));
        // only the snapshot that the registry republishes: the reorganization's own events were compacted away
        TopicWriter.cloudEvent("agency.events", old.toString(), TopicWriter.newId(), "AgencyUpdated", """
                {"agency": {"id": "%s", "name": "湖南省旅游发展委员会%s", "classification": "DEPARTMENT", "level": "PROVINCE",
                 "divisionCode": "430000", "status": "DISSOLVED", "dissolutionDate": "2018-10-19",
                 "successorIds": ["%s"], "version": 3}}""".formatted(old, suffix, successor));

        // before, the replica took the snapshot and the task stayed on the ended unit
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + task).then()
                .body("assignments.agencyId", equalTo(List.of(successor.toString())))
                .body("assignments[0].formerAgencyId", equalTo(old.toString())));
        assertEquals(1, TopicReader.await("task.events", r -> task.equals(r.key())
                && "org.luoshi.TaskReassigned".equals(TopicReader.header(r, "ce_type")), 2, Duration.ofSeconds(5)).size());
    }

    @Test
    void aTaskAssignedAUnitWhileItsReorganizationIsAppliedWaitsAndSeesItEnded() throws Exception {
        String suffix = String.valueOf(System.nanoTime() % 1000);
        UUID bureau = Fixtures.announceAgency("湖南省物价局" + suffix);
        String documentId = Fixtures.document("湘政办发〔2018〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "1", List.of(bureau)); // the replica knows the bureau
        // what the agency.events consumer holds once it has written the ended unit's row, before it reads the tasks
        // to move: before, a task created meanwhile read the row as it was and stayed on the ended unit
        io.restassured.response.Response adding = HeldRow.racing("directory_agency", bureau, "for no key update",
                () -> Fixtures.createTask(documentId, Map.of("seq", "2", "title", "价格监测",
                        "assignments", List.of(Map.of("agencyId", bureau.toString(), "role", "LEAD")))),
                HeldRow.update("update directory_agency set status = 'DISSOLVED', version = version + 1 where id = ?::uuid",
                        bureau));
        adding.then().statusCode(422).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("dissolved"));
    }

    @Test
    void aSuccessorAlreadyNamedTakesOverTheLeadOfTheUnitItAbsorbs() {
        UUID housing = Fixtures.announceAgency("湖南省住房和城乡建设厅" + System.nanoTime() % 1000);
        UUID successor = Fixtures.announceAgency("湖南省自然资源厅" + System.nanoTime() % 1000);
        String documentId = Fixtures.document("湘政办发〔2018〕" + System.nanoTime() % 100000 + "号");
        Fixtures.taskLedBy(documentId, "0", List.of(housing, successor)); // once the directory knows both
        String task = Fixtures.createTask(documentId, Map.of("seq", "1", "title", "推进不动产登记", "assignments", List.of(
                        Map.of("agencyId", housing.toString(), "role", "LEAD"),
                        Map.of("agencyId", successor.toString(), "role", "PARTICIPANT"))))
                .then().statusCode(201).extract().path("id");

        Fixtures.announceReorganization("MERGE", "AgenciesMerged", Map.of(housing, "湖南省住房和城乡建设厅"), List.of(successor));

        // before, the lead's assignment was dropped for the successor's and the task was left without a lead
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/tasks/" + task).then().statusCode(200)
                .body("assignments.agencyId", equalTo(List.of(successor.toString())))
                .body("assignments.role", equalTo(List.of("LEAD"))));
    }
}
