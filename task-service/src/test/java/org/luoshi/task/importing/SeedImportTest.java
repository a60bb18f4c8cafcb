package org.luoshi.task.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;
import static org.luoshi.task.support.Fixtures.SUPERVISOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.luoshi.task.support.WithAgencyServiceProfile;

/**
 * The five seed documents through the whole pipeline: parse, resolve every unit name in the document's
 * jurisdiction through a real agency-service loaded with seeds/agencies, store, read back.
 */
@QuarkusTest
@TestProfile(WithAgencyServiceProfile.class)
class SeedImportTest {

    private static final Path SEEDS = Path.of("..", "seeds");
    private static final Pattern DIRTY = Pattern.compile("[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]\\)|\\?|</?[a-z]+|\\p{IsHan}\\s+\\p{IsHan}");

    static Response importSeed(String file, String jurisdiction, Map<String, Object> extra) throws IOException {
        return given().auth().oauth2(SUPERVISOR).contentType("application/octet-stream")
                .queryParam("fileName", file).queryParam("jurisdiction", jurisdiction).queryParams(extra)
                .body(Files.readAllBytes(SEEDS.resolve(file)))
                .when().post("/api/v1/imports");
    }

    private static JsonPath imported(String file, String jurisdiction) throws IOException {
        Response response = importSeed(file, jurisdiction, Map.of());
        assertTrue(response.statusCode() == 201 || response.statusCode() == 200, file + ": " + response.asString());
        JsonPath report = response.jsonPath();
        List<String> unresolved = report.getList("warnings.findAll { it.kind == 'UNRESOLVED_UNIT' }.detail");
        assertEquals(List.of(), unresolved, file + ": every unit name resolves in " + jurisdiction);
        for (Map<String, Object> task : report.<Map<String, Object>>getList("tasks")) {
            String text = task.get("title") + "|" + task.get("category") + "|"
                    + ((List<?>) task.get("assignments")).stream().map(a -> String.valueOf(((Map<?, ?>) a).get("rawName"))).toList();
            assertFalse(DIRTY.matcher(text).find(), file + " task " + task.get("seq") + " is not clean: " + text);
        }
        return report;
    }

    private static long categories(JsonPath report) {
        return report.<String>getList("tasks.category").stream().filter(c -> c != null).distinct().count();
    }

    @Test
    void hunanKeyTasksTable() throws IOException {
        JsonPath report = imported("000_7ee7fc4c83a814af.txt", "430000");
        assertEquals(24, report.getList("tasks").size());
        assertEquals(5, categories(report));
        // 各市州人民政府 means Hunan's 14 prefecture-level governments, kept as the group's members
        List<List<String>> members = report.getList("tasks.assignments.flatten().findAll { it.kind == 'GROUP' }.memberIds");
        assertFalse(members.isEmpty());
        members.forEach(ids -> assertEquals(14, ids.size()));
    }

    @Test
    void hunanTaskListWithoutCategories() throws IOException {
        JsonPath report = imported("001_b7e3cdbe936b95a0.txt", "430000");
        assertEquals(30, report.getList("tasks").size());
        assertEquals(0, categories(report));
        assertTrue(report.<String>getList("tasks.find { it.seq == '7' }.milestones.dueDate").contains("2022-12-31"));
    }

    @Test
    void panjinWebPageInTraditionalCharacters() throws IOException {
        JsonPath report = imported("002_e9cd305580c4bbfd.txt", "211100");
        assertEquals("盘政办发〔2019〕9号", report.getString("docNumber"));
        assertEquals("2019-01-22", report.getString("issuedOn"));
        assertEquals("2019-01-23", report.getString("publishedOn"));
        assertEquals("辽政办发〔2018〕32号", report.getString("implements"));
        assertEquals(24, report.getList("tasks").size());
        assertEquals(5, categories(report));
    }

    @Test
    void luanNoticeWithAnnex() throws IOException {
        JsonPath report = imported("003_592ce857e5741a20.txt", "341500");
        assertEquals("六政办秘〔2018〕123号", report.getString("docNumber"));
        assertEquals("皖政办〔2018〕4号", report.getString("implements"));
        assertEquals(23, report.getList("tasks").size());
        assertEquals(5, categories(report));
    }

    @Test
    void jilinOcrProseWithSubItems() throws IOException {
        JsonPath report = imported("004_08e53e4f462999ca.txt", "220000");
        assertEquals("吉政办发〔2018〕48号", report.getString("docNumber"));
        assertEquals("2018-12-12", report.getString("issuedOn"));
        assertEquals("国办发〔2017〕95号", report.getString("implements"));
        List<Map<String, Object>> tasks = report.getList("tasks");
        assertEquals(30, tasks.stream().filter(t -> t.get("parentSeq") == null).count());
        assertEquals(4, tasks.stream().filter(t -> "（八）".equals(t.get("parentSeq"))).count());
        assertEquals(2, tasks.stream().filter(t -> "（十五）".equals(t.get("parentSeq"))).count());
        assertEquals(2, tasks.stream().filter(t -> "（十六）".equals(t.get("parentSeq"))).count());
        assertEquals(5, categories(report));
        List<String> goals = report.getList("milestones.dueDate");
        assertTrue(goals.stream().anyMatch(d -> d.startsWith("2020")) && goals.stream().anyMatch(d -> d.startsWith("2025"))
                && goals.stream().anyMatch(d -> d.startsWith("2030")), "document goals 2020, 2025, 2030: " + goals);

        // stored as reported, readable, and the same file again changes nothing
        String documentId = report.getString("documentId");
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/documents/" + documentId + "/tasks")
                .then().statusCode(200).body("items.size()", equalTo(tasks.size()));
        importSeed("004_08e53e4f462999ca.txt", "220000", Map.of()).then().statusCode(200)
                .body("stored", equalTo(false)).body("documentId", equalTo(documentId));
    }

    @Test
    void aGbkFileImportsLikeItsUtf8Original() throws IOException {
        String text = Files.readString(SEEDS.resolve("003_592ce857e5741a20.txt"), StandardCharsets.UTF_8);
        byte[] gbk = text.getBytes(Charset.forName("GBK"));
        JsonPath report = given().auth().oauth2(SUPERVISOR).contentType("application/octet-stream")
                .queryParam("fileName", "luan-gbk.txt").queryParam("jurisdiction", "341500").queryParam("dryRun", true)
                .body(gbk).when().post("/api/v1/imports").then().statusCode(200).extract().jsonPath();
        assertEquals("六政办秘〔2018〕123号", report.getString("docNumber"));
        assertEquals(23, report.getList("tasks").size());
        assertEquals(null, report.getString("documentId"), "a dry run stores nothing");
    }
}
