package org.luoshi.task.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.platform.testing.TopicWriter;

/** What task-service tests set up: agencies announced on agency.events as agency-service would, documents, tasks. */
public final class Fixtures {

    public static final String SUPERVISOR = TestTokens.user("supervisor", "supervisor");
    public static final String INTEGRATOR = TestTokens.user("integrator", "integrator");

    private Fixtures() {
    }

    public static String snapshot(UUID id, String name, long version) {
        return """
                {"agency": {"id": "%s", "name": "%s", "classification": "DEPARTMENT", "level": "PROVINCE",
                 "divisionCode": "430000", "status": "ACTIVE", "version": %d}}""".formatted(id, name, version);
    }

    /** Announces a new agency; task-service's directory learns it asynchronously. */
    public static UUID announceAgency(String name) {
        UUID id = UUID.randomUUID();
        TopicWriter.cloudEvent("agency.events", id.toString(), TopicWriter.newId(), "AgencyCreated", snapshot(id, name, 0));
        return id;
    }

    /** Announces a reorganization the way agency-service does: one event per original, each carrying it. */
    public static void announceReorganization(String type, String eventType, Map<UUID, String> originals, List<UUID> resulting) {
        String reorganization = """
                {"id": "%s", "type": "%s", "effectiveOn": "2018-10-19", "originalIds": [%s], "resultingIds": [%s]}"""
                .formatted(UUID.randomUUID(), type, quoted(List.copyOf(originals.keySet())), quoted(resulting));
        originals.forEach((id, name) -> TopicWriter.cloudEvent("agency.events", id.toString(), TopicWriter.newId(), eventType, """
                {"agency": {"id": "%s", "name": "%s", "classification": "DEPARTMENT", "level": "PROVINCE",
                 "divisionCode": "430000", "status": "DISSOLVED", "dissolutionDate": "2018-10-19",
                 "successorIds": [%s], "version": 1}, "reorganization": %s}""".formatted(id, name, quoted(resulting), reorganization)));
    }

    private static String quoted(List<UUID> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
    }

    public static String document(String docNumber) {
        return given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("docNumber", docNumber, "title", "关于深化产教融合的实施意见", "jurisdiction", "430000",
                        "issuedOn", "2018-12-12", "implements", "国办发〔2017〕95号",
                        "milestones", List.of(Map.of("title", "到2025年产教融合全面推行", "dueDate", "2025-12-31"))))
                .when().post("/api/v1/documents")
                .then().statusCode(201).extract().path("id");
    }

    public static Response createTask(String documentId, Map<String, Object> body) {
        return given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/documents/" + documentId + "/tasks");
    }

    /** Creates a task led by the agencies, waiting until the directory knows them. */
    public static String taskLedBy(String documentId, String seq, List<UUID> agencies) {
        Map<String, Object> body = Map.of("seq", seq, "title", "任务" + seq, "assignments",
                agencies.stream().map(a -> Map.of("agencyId", a.toString(), "role", "LEAD")).toList());
        return taskWith(documentId, body);
    }

    /**
     * A task with one unit in {@code role} and a RESPONSIBLE group of {@code members}, e.g. 各市州人民政府, waiting until
     * the directory knows them.
     */
    public static String taskWithGroup(String documentId, String seq, UUID unit, String role, String group, List<UUID> members) {
        Map<String, Object> body = Map.of("seq", seq, "title", "推进产教融合", "assignments", List.of(
                Map.of("agencyId", unit.toString(), "role", role),
                Map.of("rawName", group, "kind", "GROUP", "role", "RESPONSIBLE",
                        "memberIds", members.stream().map(UUID::toString).toList())));
        return taskWith(documentId, body);
    }

    /** Creates the task the body describes, waiting until the directory knows its units. */
    public static String taskWith(String documentId, Map<String, Object> body) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> createTask(documentId, body), response -> response.statusCode() == 201)
                .then().extract().path("id");
    }
}
