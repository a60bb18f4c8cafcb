package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.luoshi.task.api.model.Comparator;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * Spreadsheets and Word files as real annexes are kept, from a review that wrote them with hazards of their own
 * (files under importing/office): each is read to text by {@link OfficeText} and parsed as the import does.
 */
class OfficeTextTest {

    private record Read(String text, List<String> fileWarnings, ParsedDocument document) {
    }

    private static Read read(String name) {
        try (InputStream in = OfficeTextTest.class.getResourceAsStream("/importing/office/" + name)) {
            byte[] content = in.readAllBytes();
            List<String> warnings = new ArrayList<>();
            String text = OfficeText.of(content, warnings).orElseThrow();
            return new Read(text, List.copyOf(warnings), PolicyDocumentParser.parseText(name, "x", text, warnings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSeqColumnNumberedByWordItselfKeepsItsNumbersAndBulletsAddNothing() throws IOException {
        byte[] word;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFNumbering numbering = document.createNumbering();
            BigInteger numbers = numbering.addNum(numbering.addAbstractNum(list(numbering, 1, STNumberFormat.DECIMAL, "%1")));
            BigInteger bullets = numbering.addNum(numbering.addAbstractNum(list(numbering, 2, STNumberFormat.BULLET, "\uF06C")));
            document.createParagraph().createRun().setText("某县2024年有效投资攻坚行动任务清单");
            XWPFParagraph bullet = document.createParagraph();
            bullet.setNumID(bullets);
            bullet.createRun().setText("按月调度进展");
            XWPFTable table = document.createTable(1, 4);
            List<String> header = List.of("序号", "工作任务", "责任单位", "完成时限");
            for (int c = 0; c < header.size(); c++) {
                table.getRow(0).getCell(c).setText(header.get(c));
            }
            String[][] rows = {{"谋划储备重大项目100个以上。", "县发改局", "2024年6月底前"},
                {"新增专项债券额度20亿元以上。", "县财政局", "2024年9月底前"},
                {"盘活存量低效用地2000亩。", "县自然资源和规划局", "2024年底前"}};
            for (String[] cells : rows) {
                XWPFTableRow row = table.createRow();
                // the 序号 cell holds no text: Word draws the number from the list
                XWPFParagraph seq = row.getCell(0).getParagraphs().get(0);
                seq.setNumID(numbers);
                seq.setNumILvl(BigInteger.ZERO);
                for (int c = 0; c < cells.length; c++) {
                    row.getCell(c + 1).setText(cells[c]);
                }
            }
            document.write(out);
            word = out.toByteArray();
        }
        String text = OfficeText.of(word).orElseThrow();
        // before, the numbers were no part of the text and every row was skipped: no task at all
        ParsedDocument d = PolicyDocumentParser.parseText("numbered.docx", "x", text);
        assertEquals(List.of("1", "2", "3"), seqs(d), d.warnings() + "\n" + text);
        assertEquals(List.of(LocalDate.of(2024, 9, 30)), dueDates(task(d, "2")).subList(0, 1));
        assertTrue(text.contains("\n按月调度进展\n"), "a bullet's glyph is no part of the text: " + text);
    }

    private static XWPFAbstractNum list(XWPFNumbering numbering, int id, STNumberFormat.Enum format, String levelText) {
        CTAbstractNum list = CTAbstractNum.Factory.newInstance();
        list.setAbstractNumId(BigInteger.valueOf(id));
        CTLvl level = list.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewStart().setVal(BigInteger.ONE);
        level.addNewNumFmt().setVal(format);
        level.addNewLvlText().setVal(levelText);
        return new XWPFAbstractNum(list, numbering);
    }

    @Test
    void rowsUnderAMergedSeqCellArePartsAndAContactSheetIsNoTasks() {
        Read read = read("merged-numbers-and-contact-sheet.xlsx");
        ParsedDocument d = read.document();
        // before: the rows under a 序号 merged over three rows were skipped, and the contact sheet (序号 | 责任单位 |
        // 联络员 | 职务 | 联系电话) made tasks 2.1–2.3 titled by the contacts' names
        assertEquals(List.of("1", "1.1", "1.2", "2", "2.1", "3", "4", "4.1"), seqs(d), d.warnings().toString());
        assertTrue(d.tasks().stream().noneMatch(t -> t.title().contains("某某")), "no contact is a task");
        ParsedTask part = d.tasks().get(1);
        assertEquals("1", part.parentSeq());
        assertEquals("推进“一件事”线上办理，网办率达到90%以上", part.title());
        assertEquals(List.of("县大数据中心", "县政务服务中心"), part.units().stream().map(UnitMention::rawName).toList());
        assertTrue(d.warnings().contains("table row below row 1 has no number of its own (a 序号 cell over several rows):"
                + " read as its part 1.1"), d.warnings().toString());
        // 县住建局（牵头）⏎县自然资源和规划局⏎县发改局: one unit per line is a list as 、 makes one, beside a marked lead
        assertEquals(List.of("县住建局:LEAD", "县自然资源和规划局:PARTICIPANT", "县发改局:PARTICIPANT"),
                task(d, "3").units().stream().map(u -> u.rawName() + ":" + u.role()).toList());
        assertEquals("1000家次", task(d, "2").milestones().get(0).target().quantity().toPlainString()
                + task(d, "2").milestones().get(0).target().unit());
    }

    @Test
    void hiddenRowsAreSaidToBeSkippedAndNumbersAndMonthsReadAsShown() {
        Read read = read("hidden-row-month-dates.xlsx");
        ParsedDocument d = read.document();
        assertEquals(List.of("hidden row 10 of sheet 重点任务分工 skipped"), read.fileWarnings());
        assertFalse(read.text().contains("已调整"), "the hidden row is no part of the text");
        // 序号 6 formatted 0.0: before, "6.0" was read as part 0 of row 6 and the task was lost
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), seqs(d), d.warnings().toString());
        // a cell holding the date 2024-06-01 shown as 2024年6月: due at the month's end, not its first day
        assertEquals(List.of(LocalDate.of(2024, 6, 30)), dueDates(task(d, "4")));
        // a category cell 一、培育壮大优势产业 names the chapter without its number, as a chapter row does
        assertEquals("培育壮大优势产业", task(d, "1").category());
        // 牵头单位 merged down over rows 4 and 5 (D7:D8): the lead of both
        assertEquals("市发展改革委:LEAD", task(d, "4").units().get(0).rawName() + ":" + task(d, "4").units().get(0).role());
        assertEquals("市发展改革委:LEAD", task(d, "3").units().get(0).rawName() + ":" + task(d, "3").units().get(0).role());
    }

    @Test
    void wordCellsMergedDownOrInsideAContentControlStayInTheirColumns() {
        ParsedDocument d = read("merged-and-content-control-cells.docx").document();
        // 三 | 优化县域消费环境 as a row numbered 三 over a 重点任务 | 具体措施 table: the category of the rows below
        assertEquals("优化县域消费环境", task(d, "7").category());
        // a deadline inside a content control (a date picker): before, it was dropped and the remark moved into its column
        assertEquals(List.of(LocalDate.of(2026, 6, 30)), dueDates(task(d, "5")));
        assertTrue(task(d, "5").keyTask(), "the ★ of the remark");
        // 县交通运输局 merged down over rows 3 and 4 (vMerge): the lead of both
        assertEquals("县交通运输局:LEAD", task(d, "4").units().get(0).rawName() + ":" + task(d, "4").units().get(0).role());
        assertEquals("建设乡镇商贸中心", task(d, "2").title(), "the 重点任务 cell merged over rows 1 and 2");
    }

    @Test
    void aHeaderRowWithoutCellsUnderMergedOnesKeepsItsColumns() throws IOException {
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("重点任务");
            Row top = sheet.createRow(0);
            List<String> names = List.of("序号", "重点任务", "责任单位", "", "完成时限");
            for (int c = 0; c < names.size(); c++) {
                top.createCell(c).setCellValue(names.get(c));
            }
            // the lower header row holds cells only where it names something (as other tools write it)
            Row lower = sheet.createRow(1);
            lower.createCell(2).setCellValue("牵头单位");
            lower.createCell(3).setCellValue("配合单位");
            sheet.addMergedRegion(new CellRangeAddress(0, 1, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(0, 1, 1, 1));
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 2, 3));
            sheet.addMergedRegion(new CellRangeAddress(0, 1, 4, 4));
            String[][] rows = {{"1", "新建幼儿园3所。", "县教育局", "县财政局", "2024年底前"},
                {"2", "改造薄弱学校5所。", "县教育局", "", "2024年6月底前"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            workbook = out.toByteArray();
        }
        ParsedDocument d = PolicyDocumentParser.parseText("header.xlsx", "x", OfficeText.of(workbook).orElseThrow());
        // review finding: the lower header row stopped at its last cell, 完成时限 was lost and nothing was dated
        assertEquals(List.of(LocalDate.of(2024, 12, 31)), dueDates(task(d, "1")).subList(0, 1));
        assertEquals(List.of(LocalDate.of(2024, 6, 30)), dueDates(task(d, "2")).subList(0, 1));
        assertEquals("县财政局:PARTICIPANT", task(d, "1").units().get(1).rawName() + ":" + task(d, "1").units().get(1).role());
    }

    /** Review 38 (files written with POI as zh-CN Excel, WPS and office templates write them). */
    @Test
    void hiddenColumnsAreSkippedAndDatesOfChineseFormatsAndFormulasRead() {
        Read hidden = read("hidden-old-units-column-and-formula-dates.xlsx");
        // the hidden column held the units before a reorganization: it had become the units, the real ones the title
        assertEquals("市工业和信息化局", task(hidden.document(), "1").units().get(0).rawName());
        assertEquals("实施技术改造项目100个以上", task(hidden.document(), "1").title());
        assertTrue(hidden.fileWarnings().contains("hidden column C of sheet 任务清单 skipped"), hidden.fileWarnings().toString());
        assertEquals(LocalDate.of(2024, 6, 30), dueDates(task(hidden.document(), "1")).get(0), "=DATE(2024,6,30)");
        Read dates = read("chinese-excel-date-formats.xlsx");
        assertEquals(List.of(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 7, 15), LocalDate.of(2024, 8, 31),
                        LocalDate.of(2024, 10, 31), LocalDate.of(2024, 9, 30), LocalDate.of(2024, 9, 30),
                        LocalDate.of(2025, 12, 31), LocalDate.of(2024, 11, 20)),
                dates.document().tasks().stream().map(t -> dueDates(t).get(0)).toList(),
                "formats 31, 57 and 58 by id, a year alone in a number cell");
    }

    @Test
    void aBlockMergedOverRowsAndColumnsHoldsItsValueInEachRow() {
        Read block = read("deadline-and-remarks-merged-as-a-block.xlsx");
        assertEquals(dueDates(task(block.document(), "1")), dueDates(task(block.document(), "2")));
        assertEquals(LocalDate.of(2024, 11, 30), dueDates(task(block.document(), "2")).get(0));
    }

    @Test
    void aWordTableInsideAContentControlOrInsideACellIsRead() {
        Read control = read("table-inside-a-content-control.docx");
        assertEquals(List.of("1", "2"), seqs(control.document()), "the table was skipped and the file refused");
        assertEquals("区城市管理局", task(control.document(), "2").units().get(0).rawName());
        Read nested = read("units-in-a-nested-table.docx");
        assertEquals(List.of("市文化旅游广电局:LEAD", "市发展改革委:PARTICIPANT", "市财政局:PARTICIPANT"),
                task(nested.document(), "1").units().stream().map(u -> u.rawName() + ":" + u.role()).toList());
    }

    @Test
    void anInstructionsSheetPlacedFirstIsReadAfterTheTasks() {
        Read instructions = read("instructions-sheet-first.xlsx");
        assertEquals("某市2024年优化营商环境重点任务分工表", instructions.document().title(), "it was 填表说明");
        assertEquals(List.of("1", "2", "3", "4"), seqs(instructions.document()));
    }

    @Test
    void aStatisticsSheetAfterTheTasksIsNoTasks() {
        Read statistics = read("tasks-then-statistics-sheet.xlsx");
        assertEquals(List.of("1", "2", "3"), seqs(statistics.document()), "its rows were tasks 2.1–2.3 titled 3, 0, 0");
        assertTrue(statistics.document().warnings().stream().anyMatch(w -> w.contains("holds numbers where the tasks' text")),
                statistics.document().warnings().toString());
    }

    @Test
    void aWordRowStartingPastTheFirstColumnKeepsItsCellsInTheirColumns() throws IOException {
        byte[] word;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("某县2025年城乡建设重点任务清单");
            XWPFTable table = document.createTable(1, 5);
            List<String> header = List.of("类别", "序号", "工作任务", "责任单位", "完成时限");
            for (int c = 0; c < header.size(); c++) {
                table.getRow(0).getCell(c).setText(header.get(c));
            }
            String[][] rows = {{"城镇建设", "1", "改造老旧小区12个。", "县住房城乡建设局", "2025年10月底前"},
                {null, "2", "新建城市停车位800个。", "县城市管理局", "2025年12月底前"},
                {null, "3", "完成县城雨污分流改造5公里。", "县住房城乡建设局", "2025年9月底前"},
                {"乡村建设", "4", "新改建农村公路50公里。", "县交通运输局", "2025年11月底前"}};
            for (String[] cells : rows) {
                XWPFTableRow row = table.createRow();
                if (cells[0] == null) {
                    // the category column left out of the row, as converters and WPS write it: the row starts one
                    // grid column in (w:gridBefore) and holds one cell fewer
                    row.getCtRow().addNewTrPr().addNewGridBefore().setVal(BigInteger.ONE);
                    row.removeCell(0);
                }
                for (int c = cells[0] == null ? 1 : 0; c < cells.length; c++) {
                    row.getCell(cells[0] == null ? c - 1 : c).setText(cells[c]);
                }
            }
            document.write(out);
            word = out.toByteArray();
        }
        String text = OfficeText.of(word).orElseThrow();
        ParsedDocument d = PolicyDocumentParser.parseText("grid-before.docx", "x", text);
        // before, the row's cells moved one column left: 2 was read as a category, the task's text as its number
        assertEquals(List.of("1", "2", "3", "4"), seqs(d), d.warnings() + "\n" + text);
        assertEquals("城镇建设", task(d, "2").category());
        assertEquals("县城市管理局", task(d, "2").units().get(0).rawName());
        assertEquals(List.of(LocalDate.of(2025, 9, 30)), dueDates(task(d, "3")).subList(0, 1));
        assertEquals("乡村建设", task(d, "4").category());
    }

    /** Review 39 (files written with POI as zh-CN Excel and Word write them). */
    @Test
    void anAmountsColumnBesideTheTaskAndAnEmptyColumnABeforeTheNumbersHoldNoTask() {
        ParsedDocument d = read("amounts-column-empty-column-a-and-total-row.xlsx").document();
        // 序号 | 重点任务 | 计划投资（亿元） | 牵头单位 | 配合单位 …, under a title and a 填报单位 line, one column in: the
        // amounts were read as the tasks' text, then the table as a statistics table (no task at all)
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), seqs(d), d.warnings().toString());
        assertEquals("盘活低效工业用地2000亩", task(d, "5").title());
        assertTrue(task(d, "5").content().contains("计划投资（亿元）") && task(d, "5").content().contains("12.5"),
                "the amount follows the text as a note: " + task(d, "5").content());
        assertEquals("温州湾新区管委会:LEAD", task(d, "2").units().get(0).rawName() + ":" + task(d, "2").units().get(0).role());
        assertEquals(List.of(LocalDate.of(2024, 6, 30)), dueDates(task(d, "2")));
    }

    @Test
    void footnotesAndTheirMarksAreNoTaskText() {
        ParsedDocument d = read("footnotes-and-comments-in-cells.docx").document();
        // POI writes [footnoteRef:1] in the run and the footnote after the paragraph: a title with the mark, a target of
        // the footnote's baseline (2023年底基数为120家), 8%[footnoteRef:2]以上 read as exactly 8 %
        assertEquals("培育专精特新企业，新增省级专精特新中小企业50家以上", task(d, "1").title());
        assertTrue(d.tasks().stream().noneMatch(t -> t.content().contains("footnoteRef") || t.content().contains("基数")),
                d.tasks().toString());
        assertEquals(Comparator.AT_LEAST, task(d, "3").milestones().get(0).target().comparator());
        assertTrue(d.tasks().stream().flatMap(t -> t.milestones().stream()).noneMatch(m -> m.dueDate() != null
                && m.dueDate().getYear() == 2023), "no milestone of the footnote's 2023");
    }

    @Test
    void struckThroughTextIsLeftOutAsDeletedAndSaidSo() {
        // a 修改稿 strikes a partner unit, an old deadline beside the new one, and a cancelled row (3)
        Read wordRead = read("struck-through-unit-deadline-and-row.docx");
        Read sheetRead = read("struck-through-unit-deadline-and-row.xlsx");
        assertEquals(List.of("1", "2", "4"), seqs(wordRead.document()));
        assertEquals(List.of("1", "2", "4", "5"), seqs(sheetRead.document()));
        for (Read read : List.of(wordRead, sheetRead)) {
            assertTrue(read.fileWarnings().stream().anyMatch(w -> w.contains("struck-through")), read.fileWarnings().toString());
        }
        ParsedDocument word = wordRead.document();
        assertEquals(List.of("市公安局", "市应急管理局", "市农业农村局"),
                task(word, "1").units().stream().map(UnitMention::rawName).toList(), "市交通运输局 was struck");
        ParsedDocument sheet = sheetRead.document();
        assertEquals(List.of("市生态环境局", "市交通运输局", "市城管局"),
                task(sheet, "2").units().stream().map(UnitMention::rawName).toList(), "市住建局 was struck");
    }

    @Test
    void aLineBrokenBeforeANumberGoesOnItsPhraseAndThousandsSeparatorsPartNoClause() {
        ParsedDocument lines = read("lines-broken-inside-dates-and-counts.xlsx").document();
        // 2024年⏎12月底前 was 2024年，12月底前: no date; 完成达标学校⏎8所 was 完成达标学校，8所
        assertEquals(LocalDate.of(2024, 12, 31), task(lines, "2").milestones().get(0).dueDate());
        assertEquals("推进中职学校办学条件达标工程，完成达标学校8所", task(lines, "3").title());
        assertEquals("（1）2024年6月底前完成试点实施方案编制", task(lines, "1").milestones().get(0).title(),
                "a numbered line keeps its own clause");
        ParsedDocument formats = read("targets-in-number-formats-and-row-formula-seq.xlsx").document();
        // #,##0"亿元" shows 1,250亿元: the milestone's title was cut at the separator (目标值：1)
        assertTrue(formats.tasks().stream().flatMap(t -> t.milestones().stream())
                .anyMatch(m -> m.title().equals("目标值：1250亿元")), formats.tasks().toString());
        // the row's deadline is its 目标值's date: one milestone, with the target (a plain one beside it was a double)
        assertEquals(List.of(1), formats.tasks().stream().map(t -> t.milestones().size()).distinct().toList(),
                formats.tasks().toString());
    }

    @Test
    void numbersDrawnByAHeadingStyleAndSetByAStartOverrideAreRead() {
        ParsedDocument d = read("numbering-by-heading-style-and-start-override.docx").document();
        // 一、二、三、 drawn by the heading style's list: before, lost, and with them the goals and the chapters
        assertEquals(List.of(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 31)),
                d.milestones().stream().map(ParsedMilestone::dueDate).toList(), "the goals under 一、总体目标");
        // （三） set with 设置编号值 (startOverride 3): before, a second （一）
        assertEquals(List.of("（一）", "（二）", "（三）"), seqs(d).stream().filter(s -> s.startsWith("（")).toList());
        assertEquals("提升数字治理能力", task(d, "（三）").title());
        assertEquals("重点任务", task(d, "（三）").category());
        assertTrue(d.tasks().stream().noneMatch(t -> t.content() != null && t.content().contains("保障措施")),
                "the chapter after the tasks ends them");
    }

    @Test
    void aTitleInATextBoxIsReadOnce() {
        Read read = read("title-in-a-text-box.docx");
        // Word writes the box twice (a drawing and its VML fallback): before, neither was read and the title was lost
        assertEquals("江山市2024年民生实事项目任务分解表", read.document().title());
        assertEquals(read.text().indexOf("江山市2024年民生实事项目任务分解表"),
                read.text().lastIndexOf("江山市2024年民生实事项目任务分解表"), read.text());
    }

    @Test
    void withoutADateOfIssueTheYearATitleNamesDatesMonthsWithoutAYear() {
        Read read = read("instructions-sheet-first.xlsx");
        // 2024年…: 全年为企业减负10亿元以上 was undated (no date of issue in a spreadsheet)
        assertTrue(read.document().tasks().stream().flatMap(t -> t.milestones().stream())
                .anyMatch(m -> m.title().equals("全年为企业减负10亿元以上") && LocalDate.of(2024, 12, 31).equals(m.dueDate())),
                read.document().tasks().toString());
        assertTrue(read.document().warnings().stream().anyMatch(w -> w.contains("the year its title names")));
        assertEquals(Optional.of(LocalDate.of(2024, 1, 1)), PolicyDocumentParser.yearOfTitle("2024年文化旅游融合发展重点任务清单"));
        assertEquals(Optional.empty(), PolicyDocumentParser.yearOfTitle("学前教育三年行动计划（2024—2026年）"), "a span");
        assertEquals(Optional.empty(), PolicyDocumentParser.yearOfTitle("2024年工作总结和2025年工作计划"), "two years");
    }

    @Test
    void linesOfACellThatAreStepsOrItemsStayApartAndAStruckNumberAloneIsKept() {
        ParsedDocument steps = read("deadline-steps-and-items-on-lines-of-a-cell.xlsx").document();
        // 2025年6月底前启动⏎2025年12月底前完成: two steps (a join lost the first)
        assertEquals(List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 12, 31)), dueDates(task(steps, "1")));
        assertTrue(task(steps, "4").title().contains("，"), "items on lines of their own stay apart: " + task(steps, "4").title());
        ParsedDocument ledger = read("ledger-with-struck-numbers.xlsx").document();
        // a ledger strikes the number of a row done: the row stays itself (it had become a part of the row above)
        assertEquals(List.of("1", "2", "3"), seqs(ledger));
    }

    private static List<String> seqs(ParsedDocument d) {
        return d.tasks().stream().map(ParsedTask::seq).toList();
    }

    private static List<LocalDate> dueDates(ParsedTask t) {
        return t.milestones().stream().map(ParsedMilestone::dueDate).toList();
    }

    private static ParsedTask task(ParsedDocument d, String seq) {
        return d.tasks().stream().filter(t -> t.seq().equals(seq) && t.parentSeq() == null).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + seq + " in " + d.sourceFile()));
    }
}
