package org.luoshi.task.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.TopicReader;
import org.luoshi.task.support.WithAgencyServiceProfile;

/**
 * The five seed documents through the whole pipeline: parse, resolve every unit name in the document's
 * jurisdiction through a real agency-service loaded with seeds/agencies, store, read back.
 */
@QuarkusTest
@TestProfile(WithAgencyServiceProfile.class)
@SuppressWarnings("unchecked")
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

    /**
     * The rows an import writes (in bulk, beside the entities' own mapping) read back through the API as the report
     * described them: the document, its goals, every task in the order written with its parent, assignments (kind,
     * role, order, agency, raw name, group members) and milestones with their targets.
     */
    @Test
    void whatIsStoredReadsBackAsReported() throws IOException {
        int compared = 0;
        // 000: groups with members; 001: task deadlines; 004: sub-tasks and document goals
        for (String[] seed : new String[][] {{"000_7ee7fc4c83a814af.txt", "430000"}, {"001_b7e3cdbe936b95a0.txt", "430000"},
                {"004_08e53e4f462999ca.txt", "220000"}}) {
            JsonPath report = imported(seed[0], seed[1]);
            String documentId = report.getString("documentId");
            JsonPath document = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/documents/" + documentId)
                    .then().statusCode(200).extract().jsonPath();
            for (String field : List.of("docNumber", "title", "jurisdiction", "issuedOn", "publishedOn", "implements")) {
                assertEquals(report.getString(field), document.getString(field), seed[0] + " document " + field);
            }
            assertEquals(milestones(report.getList("milestones")), milestones(document.getList("milestones")),
                    seed[0] + " document goals");

            List<Map<String, Object>> reported = report.getList("tasks");
            List<Map<String, Object>> stored = given().auth().oauth2(INTEGRATOR).when()
                    .get("/api/v1/documents/" + documentId + "/tasks").then().statusCode(200).extract().jsonPath()
                    .getList("items");
            assertEquals(reported.size(), stored.size(), seed[0]);
            Map<String, Object> idsBySeq = new java.util.HashMap<>();
            for (int i = 0; i < reported.size(); i++) {
                Map<String, Object> r = reported.get(i);
                Map<String, Object> s = stored.get(i);
                String where = seed[0] + " task " + i + " (" + r.get("seq") + ")";
                if (r.get("id") != null) {
                    assertEquals(r.get("id"), s.get("id"), where);
                }
                for (String field : List.of("seq", "category", "title", "content")) {
                    assertEquals(r.get(field), s.get(field), where + " " + field);
                }
                assertEquals(r.get("parentSeq") == null ? null : idsBySeq.get(r.get("parentSeq")), s.get("parentId"), where);
                idsBySeq.putIfAbsent((String) r.get("seq"), s.get("id"));
                assertEquals("NOT_STARTED", s.get("status"), where);
                assertEquals(0, ((Number) s.get("version")).intValue(), where);
                assertTrue(s.get("sourceText") instanceof String text && !text.isBlank(), where + " sourceText");
                assertEquals(assignments((List<Map<String, Object>>) r.get("assignments")),
                        assignments((List<Map<String, Object>>) s.get("assignments")), where + " assignments");
                assertEquals(milestones((List<Map<String, Object>>) r.get("milestones")),
                        milestones((List<Map<String, Object>>) s.get("milestones")), where + " milestones");
                compared += ((List<?>) r.get("milestones")).size();
            }

            // one TaskCreated per task, keyed by the task and carrying it, and the document's DocumentImported
            List<Object> ids = stored.stream().map(t -> t.get("id")).toList();
            List<ConsumerRecord<String, String>> created = TopicReader.await("task.events", r -> ids.contains(r.key())
                    && "org.luoshi.TaskCreated".equals(TopicReader.header(r, "ce_type")), ids.size(), Duration.ofSeconds(30));
            assertEquals(ids.size(), created.size(), seed[0] + " TaskCreated events");
            created.forEach(r -> {
                JsonPath event = JsonPath.from(r.value());
                assertEquals(r.key(), event.getString("task.id"));
                assertEquals(documentId, event.getString("task.documentId"));
                List<Integer> orders = event.getList("task.assignments.order");
                assertEquals(java.util.stream.IntStream.rangeClosed(1, orders.size()).boxed().toList(), orders,
                        "orders count from 1 as in the report");
            });
            List<ConsumerRecord<String, String>> imported = TopicReader.await("task.events", r -> documentId.equals(r.key())
                    && "org.luoshi.DocumentImported".equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(30));
            assertEquals(reported.size(), JsonPath.from(imported.get(0).value()).getInt("taskCount"));
            // and each left its audit entry
            given().auth().oauth2(SUPERVISOR).queryParam("entity", "task").queryParam("id", ids.get(ids.size() - 1))
                    .when().get("/api/v1/audit").then().statusCode(200).body("items.action", org.hamcrest.Matchers.hasItem("TaskCreated"));
        }
        assertTrue(compared > 0, "task milestones were compared");
    }

    private static List<String> assignments(List<Map<String, Object>> assignments) {
        return assignments.stream().map(a -> a.get("kind") + "/" + a.get("role") + "/" + a.get("order") + "/"
                + a.get("agencyId") + "/" + a.get("rawName") + "/" + members(a.get("memberIds")) + "/" + a.get("memberRule"))
                .toList();
    }

    /** A group's members, whose order carries no meaning. */
    private static List<String> members(Object ids) {
        return ids == null ? List.of() : ((List<?>) ids).stream().map(String::valueOf).sorted().toList();
    }

    /** In a fixed order (the API lists by due date, the report as found), with targets compared by value. */
    private static List<String> milestones(List<Map<String, Object>> milestones) {
        return milestones.stream().map(m -> m.get("title") + "/" + m.get("dueDate") + "/" + target(m.get("target")))
                .sorted().toList();
    }

    private static String target(Object target) {
        if (!(target instanceof Map<?, ?> t)) {
            return "-";
        }
        return t.get("comparator") + " " + decimal(t.get("quantity")) + "–" + decimal(t.get("max")) + " " + t.get("unit");
    }

    private static String decimal(Object number) {
        return number == null ? "" : new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
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
        // with the rule they follow: units founded, moved or reclassified later join or leave them
        List<Map<String, Object>> rules = report.getList("tasks.assignments.flatten().findAll { it.kind == 'GROUP' }.memberRule");
        assertFalse(rules.isEmpty());
        rules.forEach(rule -> {
            assertEquals("430000", rule.get("jurisdiction"));
            assertEquals(List.of("PREFECTURE"), rule.get("levels"));
            assertEquals(List.of("GOVERNMENT"), rule.get("classifications"));
            assertNull(rule.get("identifierKind"));
        });
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
        List<String> repaired = report.getList("warnings.findAll { it.kind == 'REPAIRED_TEXT' }.detail");
        assertTrue(repaired.stream().anyMatch(w -> w.startsWith("mojibake run")), "the mojibake repairs are reported: " + repaired);
    }

    @Test
    void luanNoticeWithAnnex() throws IOException {
        JsonPath report = imported("003_592ce857e5741a20.txt", "341500");
        assertEquals("六政办秘〔2018〕123号", report.getString("docNumber"));
        assertEquals("皖政办〔2018〕4号", report.getString("implements"));
        assertEquals(23, report.getList("tasks").size());
        assertEquals(5, categories(report));
        // 六安银监分局, renamed in 2018 and again in 2023 (seeds/agencies): assigned to the unit that exists today
        // (before, to the first successor, itself ended)
        List<String> banking = report.getList("tasks.assignments.flatten().findAll { it.rawName.contains('银监') }.agencyName");
        assertFalse(banking.isEmpty());
        banking.forEach(name -> assertEquals("国家金融监督管理总局六安监管分局", name));
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
        List<String> repaired = report.getList("warnings.findAll { it.kind == 'REPAIRED_TEXT' }.detail");
        assertTrue(repaired.contains("OCR confusion repaired: \"纳人\" → \"纳入\" (7 times)"), repaired.toString());
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
