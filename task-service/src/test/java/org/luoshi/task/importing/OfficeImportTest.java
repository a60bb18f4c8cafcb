package org.luoshi.task.importing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.task.support.Fixtures.INTEGRATOR;
import static org.luoshi.task.support.Fixtures.SUPERVISOR;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.luoshi.task.support.WithAgencyServiceProfile;

/**
 * Task tables in .xlsx and .docx files, made here with POI, import through the same pipeline as text (told by their
 * content, not their name); any document's tasks come back as an .xlsx ledger.
 */
@QuarkusTest
@TestProfile(WithAgencyServiceProfile.class)
class OfficeImportTest {

    static byte[] workbook(String docNumber) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("重点任务");
            sheet.createRow(0).createCell(0).setCellValue("关于推进产教融合重点任务的通知");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            sheet.createRow(1).createCell(0).setCellValue(docNumber);
            row(sheet, 2, "序号", "工作任务", "主要内容", "责任单位", "完成时限");
            Row first = row(sheet, 3, null, "统筹规划", "建设产教融合实训基地10个以上。", "省教育厅牵头，省财政厅参与", "2031年底前");
            first.createCell(0).setCellValue(1);
            Row second = row(sheet, 4, "2", null, "完善校企合作制度。", "省财政厅\n省人力资源社会保障厅", null);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            second.createCell(4).setCellValue(LocalDate.of(2032, 6, 30));
            second.getCell(4).setCellStyle(date);
            sheet.addMergedRegion(new CellRangeAddress(3, 4, 1, 1));
            row(sheet, 5, "3", "强化企业作用", "遴选示范企业20家。", "省发展改革委、教育厅按照职责分工负责", "持续推进");
            row(sheet, 6, "3.1", null, "认定产教融合型企业5家。", "省发展改革委", "2031年6月底前");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static Row row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] != null) {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
        return row;
    }

    static byte[] wordDocument(String docNumber) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("关于印发校企合作重点任务分工的通知");
            document.createParagraph().createRun().setText(docNumber);
            document.createParagraph().createRun().setText("为贯彻落实《湖南省人民政府办公厅关于深化产教融合的实施意见》（湘政办发〔2019〕22号），现将重点任务分工如下。");
            String[][] rows = {
                {"序号", "主要内容", "牵头单位", "完成时限"},
                {"一、深化校企合作", "", "", ""},
                {"1", "共建专业。每所高职院校至少与3家企业共建专业。", "省教育厅", ""},
                {"2", "共建基地。建成共享实训基地5个。", "省发展改革委会同省教育厅", "2031年6月底前"},
            };
            XWPFTable table = document.createTable(rows.length, 4);
            for (int r = 0; r < rows.length; r++) {
                XWPFTableRow row = table.getRow(r);
                for (int c = 0; c < 4; c++) {
                    row.getCell(c).setText(rows[r][c]);
                }
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    private static Response post(byte[] file, String fileName, Map<String, ?> parameters) {
        return given().auth().oauth2(SUPERVISOR).contentType("application/octet-stream")
                .queryParam("fileName", fileName).queryParam("jurisdiction", "430000").queryParams(parameters)
                .body(file).when().post("/api/v1/imports");
    }

    private static List<String> units(JsonPath report, String seq) {
        List<Map<String, Object>> assignments = report.getList("tasks.find { it.seq == '" + seq + "' }.assignments");
        return assignments.stream().map(a -> a.get("rawName") + ":" + a.get("role")).toList();
    }

    @Test
    void aWorkbookImportsLikeATabTableWhateverItsName() throws IOException {
        String number = ImportReplaceTest.number("湘教发");
        JsonPath report = post(workbook(number), "任务清单.txt", Map.of()).then().statusCode(201).extract().jsonPath();
        assertEquals("TAB_TABLE", report.getString("shape"));
        assertEquals(number, report.getString("docNumber"));
        assertEquals("关于推进产教融合重点任务的通知", report.getString("title"));
        assertEquals(List.of("1", "2", "3", "3.1"), report.getList("tasks.seq"));
        assertEquals(List.of("统筹规划", "统筹规划", "强化企业作用", "强化企业作用"), report.getList("tasks.category"),
                "a merged category cell covers the rows below");
        assertEquals("3", report.getString("tasks.find { it.seq == '3.1' }.parentSeq"), "a row numbered 3.1 is a part of 3");
        assertEquals(List.of("省发展改革委:LEAD"), units(report, "3.1"));
        assertEquals(List.of("2031-06-30"), report.getList("tasks.find { it.seq == '3.1' }.milestones.dueDate"));
        String parentId = report.getString("tasks.find { it.seq == '3' }.id");
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/tasks/" + report.getString("tasks.find { it.seq == '3.1' }.id"))
                .then().statusCode(200).body("parentId", equalTo(parentId));
        try (XSSFWorkbook ledger = new XSSFWorkbook(new ByteArrayInputStream(given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/documents/" + report.getString("documentId") + "/ledger").asByteArray()))) {
            Sheet sheet = ledger.getSheetAt(0);
            assertEquals("3.1", sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue(),
                    "in the ledger as written, not under its parent's number again (33.1)");
        }
        assertEquals(List.of("省教育厅:LEAD", "省财政厅:PARTICIPANT"), units(report, "1"));
        assertEquals(List.of("省财政厅:LEAD", "省人力资源社会保障厅:RESPONSIBLE"), units(report, "2"),
                "a line break inside a cell separates units");
        assertEquals(List.of("省发展改革委:RESPONSIBLE", "教育厅:RESPONSIBLE"), units(report, "3"));
        assertEquals(List.of(), report.getList("warnings.findAll { it.kind == 'UNRESOLVED_UNIT' }.detail"));
        assertEquals(List.of("2031-12-31"), report.getList("tasks.find { it.seq == '1' }.milestones.dueDate"));
        assertEquals(List.of("2032-06-30"), report.getList("tasks.find { it.seq == '2' }.milestones.dueDate"),
                "a date cell of the deadline column");
    }

    @Test
    void aWordTableImportsWithItsChapterRowsAsCategories() throws IOException {
        String number = ImportReplaceTest.number("湘教函");
        JsonPath report = post(wordDocument(number), "分工.bin", Map.of("dryRun", true)).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("TAB_TABLE", report.getString("shape"));
        assertEquals(number, report.getString("docNumber"));
        assertEquals("湘政办发〔2019〕22号", report.getString("implements"));
        assertEquals(List.of("1", "2"), report.getList("tasks.seq"));
        assertEquals(List.of("深化校企合作", "深化校企合作"), report.getList("tasks.category"));
        assertEquals("共建专业", report.getString("tasks[0].title"));
        assertEquals(List.of("省教育厅:LEAD"), units(report, "1"));
        assertEquals(List.of("省发展改革委:LEAD", "省教育厅:PARTICIPANT"), units(report, "2"));
        assertEquals(List.of("2031-06-30"), report.getList("tasks.find { it.seq == '2' }.milestones.dueDate"));
    }

    @Test
    void zipArchivesThatAreNotOfficeDocumentsAndLegacyOfficeFilesAreRefused() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("notice.txt"));
            out.write(ImportReplaceTest.notice("湘教函〔2031〕2号", 1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        post(zip.toByteArray(), "notice.zip", Map.of()).then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("neither an .xlsx"));
        byte[] legacy = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        post(legacy, "tasks.xls", Map.of()).then().statusCode(415).body("detail", containsString(".xlsx"));
    }

    @Test
    void anyDocumentsTasksComeBackAsALedgerInTheOrderWritten() throws IOException {
        String number = ImportReplaceTest.number("湘政办发");
        String text = new String(FixtureDocumentsTest.fixture("dropped-prefix-opinion.txt"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("湘政办发〔2019〕21号", number).replace("\n（四）", "\n★（四）");
        String documentId = post(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "opinion.txt", Map.of())
                .then().statusCode(201).extract().path("documentId");

        // units appear under their directory names once agency.events brought them to task-service
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> given().auth().oauth2(INTEGRATOR)
                .when().get("/api/v1/documents/" + documentId + "/tasks").then().extract().jsonPath()
                .<String>getList("items.assignments.flatten().findAll { it.agencyId != null }.agencyName").stream()
                .allMatch(java.util.Objects::nonNull));
        Response ledger = given().auth().oauth2(INTEGRATOR).when().get("/api/v1/documents/" + documentId + "/ledger");
        ledger.then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", containsString("filename*=UTF-8''"));
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger.asByteArray()))) {
            DataFormatter formatter = new DataFormatter();
            Sheet sheet = workbook.getSheetAt(0);
            assertTrue(formatter.formatCellValue(sheet.getRow(0).getCell(0)).contains(number), "the title row names the document");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 10; c++) {
                    cells.add(formatter.formatCellValue(sheet.getRow(r).getCell(c)));
                }
                rows.add(cells);
            }
        }
        assertEquals(List.of("序号", "类别", "任务", "主要内容", "牵头单位", "参与单位", "责任单位", "完成时限", "状态", "健康度"), rows.get(0));
        assertEquals(List.of("（二）", "（三）", "（三）1.", "（三）2.", "★（四）", "（五）"), rows.subList(1, rows.size()).stream()
                .map(r -> r.get(0)).toList(), "sub-tasks under their parent's number; a key task starred as plans do");
        List<String> two = rows.get(1);
        assertEquals("重点任务", two.get(1));
        assertEquals("健全产教融合统筹机制", two.get(2));
        assertEquals("湖南省教育厅、湖南省发展和改革委员会、湖南省人力资源和社会保障厅", two.get(6), "units by their current names");
        assertEquals("", two.get(4));
        assertEquals("未开始", two.get(8));
        List<String> apprenticeship = rows.get(3);
        assertEquals("湖南省教育厅", apprenticeship.get(4));
        assertEquals("湖南省人力资源和社会保障厅、湖南省财政厅", apprenticeship.get(5));
        assertEquals("2020-12-31", apprenticeship.get(7));
        assertEquals("逾期", apprenticeship.get(9), "a 2020 deadline is past");

        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/documents/" + UUID.randomUUID() + "/ledger")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
