package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luoshi.task.api.model.AssignmentKind;
import org.luoshi.task.api.model.AssignmentRole;
import org.luoshi.task.api.model.Comparator;

/**
 * Documents of the same family in shapes the seeds do not show (src/test/resources/importing): a State Council
 * annex table, units inline as {@code [责任单位:…]}, a unit list that writes 省 only once, places beside units and a
 * timing inside the units' bracket, two tables with page numbers between the rows, parentheses of content that
 * are not unit lists, ASCII punctuation, a table with separate 牵头单位 and 配合单位 columns (also under a header on
 * two rows), units and deadlines on labelled lines of their own, paragraph numbers on heading lines of their own,
 * sub-items numbered on through the paragraphs, a participants cell with commas, enterprises among the units, and
 * tables copied out of a PDF with one cell per line or laid out with spaces.
 * Each pins the tasks, their units with roles in order, and the dates.
 */
class FixtureDocumentsTest {

    static byte[] fixture(String name) {
        try (InputStream in = FixtureDocumentsTest.class.getResourceAsStream("/importing/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParsedDocument parse(String name) {
        return PolicyDocumentParser.parse(name, fixture(name));
    }

    @Test
    void stateCouncilAnnexTableHoldsItsContentUnderGongZuoRenWuWithChapterRowsAndADeadlineColumn() {
        ParsedDocument d = parse("state-council-annex.txt");
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), seqs(d));
        assertEquals("重点任务分工及进度安排表", d.title());

        ParsedTask first = task(d, "1");
        assertEquals("构建教育和产业统筹融合发展格局", first.category(), "the chapter row above is the category");
        assertEquals("同步规划产教融合与经济社会发展", first.title());
        assertTrue(first.content().startsWith("同步规划产教融合与经济社会发展。制定实施经济社会发展规划"), first.content());
        assertUnits(first, "国家发展改革委:LEAD", "有关部门:PARTICIPANT", "各省级人民政府:RESPONSIBLE");
        assertEquals(List.of(AssignmentKind.AGENCY, AssignmentKind.UNSPECIFIED, AssignmentKind.GROUP), kinds(first));
        assertTrue(first.milestones().isEmpty(), "持续推进 is no date");

        assertUnits(task(d, "2"), "教育部:LEAD", "国家发展改革委:RESPONSIBLE", "人力资源社会保障部:RESPONSIBLE",
                "各省级人民政府:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2019, 12, 31)), dueDates(task(d, "2")), "from the 时间进度 column");

        ParsedTask three = task(d, "3");
        assertUnits(three, "有关省级人民政府:RESPONSIBLE");
        assertEquals(AssignmentKind.UNSPECIFIED, three.units().get(0).kind());
        assertEquals(List.of(LocalDate.of(2020, 12, 31)), dueDates(three));

        assertEquals("强化企业重要主体作用", task(d, "4").category());
        assertUnits(task(d, "4"), "教育部:RESPONSIBLE", "国家发展改革委:RESPONSIBLE");
        ParsedTask five = task(d, "5");
        assertUnits(five, "教育部:LEAD", "工业和信息化部:PARTICIPANT", "国务院国资委:PARTICIPANT");
        assertEquals(1, five.milestones().size(), "the deadline column falls on the content's own 2020 target");
        assertEquals(new Target(new BigDecimal("50"), "个", Comparator.AT_LEAST, null), five.milestones().get(0).target());
        assertUnits(task(d, "6"), "国家发展改革委:LEAD", "财政部:RESPONSIBLE", "税务总局:RESPONSIBLE", "教育部:RESPONSIBLE");
    }

    @Test
    void placesBesideUnitsTimingsInsideTheUnitsBracketConjunctionsAndSubItemsInOtherStyles() {
        ParsedDocument d = parse("county-plan-places-and-timings.txt");
        assertEquals(DocumentShape.NUMBERED_PARAGRAPHS, d.shape());
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（1）", "（2）",
                "（九）", "1、", "2、"), seqs(d));

        ParsedTask one = task(d, "（一）");
        assertUnits(one, "县教育局:LEAD", "县财政局:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2021, 12, 31), LocalDate.of(2022, 6, 30)), dueDates(one),
                "the content's target, then the timing written after the units");
        assertTrue(one.content().endsWith("建成1所省级示范校。"), "the units' bracket is not content: " + one.content());
        assertUnits(task(d, "（二）"), "县教育局:RESPONSIBLE", "县科协:RESPONSIBLE", "高新区管委会:RESPONSIBLE");
        assertEquals(new Target(new BigDecimal("20"), "个", Comparator.AT_LEAST, null),
                task(d, "（二）").milestones().get(0).target(), "20余个");
        assertUnits(task(d, "（三）"), "县发展改革委:LEAD", "各乡镇:PARTICIPANT");
        assertEquals(AssignmentKind.GROUP, task(d, "（三）").units().get(1).kind());
        assertUnits(task(d, "（四）"), "县财政局:RESPONSIBLE", "县教育局:RESPONSIBLE");
        assertTrue(task(d, "（四）").milestones().isEmpty(), "长期坚持 and 2020年起 are no deadlines");
        assertUnits(task(d, "（五）"), "县政府督查室:LEAD", "各县（市、区）:PARTICIPANT");
        assertUnits(task(d, "（六）"), "县人武部:RESPONSIBLE", "军分区:RESPONSIBLE");
        ParsedTask seven = task(d, "（七）");
        assertUnits(seven, "县教育局:RESPONSIBLE", "县人社局:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2021, 12, 31)), dueDates(seven), "the later of the sentence's two years");
        assertTrue(seven.milestones().stream().allMatch(m -> m.target() == null), "第3批 is an ordinal, no target");

        List<ParsedTask> eight = d.tasks().stream().filter(t -> "（八）".equals(t.parentSeq())).toList();
        assertEquals(List.of("建设产教融合实训基地", "培育产教融合型企业，其中：1.制造业企业"),
                eight.stream().map(ParsedTask::title).toList(), "the 1. inside item （2） stays its text");
        assertUnits(eight.get(1), "县发展改革委:RESPONSIBLE", "县工信局:RESPONSIBLE");
        List<ParsedTask> nine = d.tasks().stream().filter(t -> "（九）".equals(t.parentSeq())).toList();
        assertUnits(nine.get(0), "县教育局:RESPONSIBLE");
        assertUnits(nine.get(1), "县人社局:RESPONSIBLE");
    }

    @Test
    void aSecondTableIsReadByItsOwnHeaderAndPageNumbersCaptionsAndPersonsAreNoTaskText() {
        ParsedDocument d = parse("two-tables-with-page-breaks.txt");
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals(List.of("1", "2", "3", "2.1", "2.2"), seqs(d), "the second table's numbers start again: 2.1, 2.2");
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("joined")), "no row continues on a page number: " + d.warnings());

        ParsedTask one = task(d, "1");
        assertEquals("建设市级职业教育实训基地，新建实训基地5个。责任人：张三。", one.content(), "the 责任人 column is no content");
        assertUnits(one, "市教育局:LEAD");
        assertEquals(List.of(LocalDate.of(2021, 9, 30)), dueDates(task(d, "3")),
                "the caption of the next table (附件2 …2021年…) does not run into the deadline cell");
        ParsedTask projects = task(d, "2.1");
        assertUnits(projects, "市工信局:LEAD");
        assertTrue(projects.content().startsWith("培育产教融合型企业10家。"), "the second table's content column: " + projects.content());
        assertEquals(List.of(LocalDate.of(2021, 10, 31)), dueDates(task(d, "2.2")), "its own deadline column");
    }

    @Test
    void anAnnexWhoseNumberingSkipsANumberKeepsTheRowsAfterTheGap() {
        ParsedDocument d = parsed("annex-gap.txt", String.join("\n", "关于印发某市职业教育工作要点的通知", "附件",
                "序号 |", "重点任务 |", "责任单位 |",
                "1 |", "建立联席会议制度 |", "市教育局 |",
                "2 |", "完善学生实习制度 |", "市人社局 |",
                "4 |", "加强督导检查 |", "市政府督查室 |",
                "5 |", "落实经费保障 |", "市财政局 |", ""));
        assertEquals(DocumentShape.PIPE_ANNEX, d.shape());
        // before, 4 was not the expected 3: rows 4 and 5 ran into row 2
        assertEquals(List.of("1", "2", "4", "5"), seqs(d));
        assertUnits(task(d, "2"), "市人社局:LEAD");
        assertUnits(task(d, "4"), "市政府督查室:LEAD");
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("jumps from 2 to 4")), d.warnings().toString());
    }

    @Test
    void aChapterBetweenAnnexRowsNamesTheCategoryOfTheRowsAfterIt() {
        ParsedDocument d = parsed("annex-chapters.txt", String.join("\n", "关于印发某市职业教育工作要点的通知", "附件",
                "序号 |", "重点任务 |", "责任单位 |",
                "一 |", "统筹发展 |",
                "1 |", "建立联席会议制度 |", "市教育局 |",
                "2 |", "完善学生实习制度 |", "市人社局 |",
                "二 |", "强化保障 |",
                "3 |", "落实经费保障 |", "市财政局 |", ""));
        // before, 二 and 强化保障 became cells of row 2: its title 二, its unit 强化保障
        assertEquals(List.of("1", "2", "3"), seqs(d));
        assertEquals("完善学生实习制度", task(d, "2").title());
        assertUnits(task(d, "2"), "市人社局:LEAD");
        assertEquals(List.of("统筹发展", "统筹发展", "强化保障"), d.tasks().stream().map(ParsedTask::category).toList());
    }

    @Test
    void rowsNumberedInChineseNumeralsAreChaptersWithoutUnitsAndTasksWithThem() {
        ParsedDocument d = parsed("chinese-numbers.txt", String.join("\n", "某市职业教育重点任务分工表",
                "序号\t重点任务\t责任单位",
                "一\t统筹职业教育发展\t",
                "1\t建立联席会议制度。\t市教育局",
                "2\t完善学生实习制度。\t市人社局",
                "二\t强化保障\t",
                "3\t落实经费保障：①新增实训基地500个。\t市财政局",
                "四\t加强督导检查。\t市政府督查室", ""));
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        // before, a table numbered so had no category, and a task numbered 四 was skipped
        assertEquals(List.of("1", "2", "3", "四"), seqs(d));
        assertEquals(List.of("统筹职业教育发展", "统筹职业教育发展", "强化保障", "强化保障"),
                d.tasks().stream().map(ParsedTask::category).toList());
        assertUnits(task(d, "四"), "市政府督查室:LEAD");
        assertEquals(new Target(new BigDecimal("500"), "个", Comparator.EXACT, null), task(d, "3").milestones().get(0).target(),
                "the item mark ① is no digit of the number after it (NFKC folded it to 1500)");
    }

    @Test
    void subItemsOnLinesOfTheirOwnUnderAHeadingOrAColonAreTasksWithTheirOwnUnits() {
        ParsedDocument d = parsed("lines.txt", String.join("\n", "某市推进职业教育改革实施方案", "一、重点任务",
                "（一）完善职业教育体系",
                "1.优化专业布局。（市教育局负责）",
                "2.加强师资队伍建设。（市人社局负责）",
                "（二）重点做好以下工作：",
                "1、建设实训基地。（市发展改革委负责）",
                "2、落实经费保障。（市财政局负责）",
                "（三）强化督导。（市政府督查室负责）", ""));
        assertEquals(DocumentShape.NUMBERED_PARAGRAPHS, d.shape());
        // before, each paragraph's items ran together and all but the last item's units were lost
        List<ParsedTask> first = d.tasks().stream().filter(t -> "（一）".equals(t.parentSeq())).toList();
        assertEquals(2, first.size(), d.tasks().toString());
        assertUnits(first.get(0), "市教育局:RESPONSIBLE");
        assertUnits(first.get(1), "市人社局:RESPONSIBLE");
        assertEquals("完善职业教育体系", task(d, "（一）").title());
        List<ParsedTask> second = d.tasks().stream().filter(t -> "（二）".equals(t.parentSeq())).toList();
        assertEquals(List.of("建设实训基地", "落实经费保障"), second.stream().map(ParsedTask::title).toList());
        assertUnits(second.get(1), "市财政局:RESPONSIBLE");
    }

    @Test
    void chapterRowsOfEveryKindNameTheCategoryAndATableOfSomethingElseEndsTheTasks() {
        ParsedDocument d = parsed("chapters.txt", String.join("\n", "某市职业教育重点任务分工表",
                "序号\t重点任务\t具体措施\t责任单位\t完成时限",
                "一\t统筹职业教育发展\t—\t—\t—",
                "1\t\t建立联席会议制度。\t市教育局\t2021年底前",
                "2\t\t加强师资建设。\t市人社局\t2021年6月底前",
                "（二）深化产教融合",
                "3\t\t建设实训基地。\t市发展改革委\t2021年底前",
                "附件2",
                "各单位联络员名单",
                "序号\t单位\t姓名\t职务\t联系电话",
                "1\t市教育局\t张三\t科长\t12345678",
                "2\t市人社局\t李四\t科员\t87654321", ""));
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        // before: a task 一 with the unit —, rows 2.1 and 2.2 made of the contact list, and captions run into row 2
        assertEquals(List.of("1", "2", "3"), seqs(d));
        assertEquals(List.of("统筹职业教育发展", "统筹职业教育发展", "深化产教融合"),
                d.tasks().stream().map(ParsedTask::category).toList());
        assertUnits(task(d, "2"), "市人社局:LEAD");
        assertEquals(List.of(LocalDate.of(2021, 6, 30)), dueDates(task(d, "2")));
        assertEquals(List.of(LocalDate.of(2021, 12, 31)), dueDates(task(d, "3")), "the caption of the contact list is no text of row 3");
    }

    @Test
    void unitsInlineInSquareBracketsWithLabelsCloseNumberedItems() {
        ParsedDocument d = parse("inline-units-plan.txt");
        assertEquals(DocumentShape.NUMBERED_PARAGRAPHS, d.shape());
        assertAll(
                () -> assertEquals("六政办〔2019〕15号", d.docNumber()),
                () -> assertEquals(LocalDate.of(2019, 3, 8), d.issuedOn()),
                () -> assertEquals("皖政办〔2018〕4号", d.implementsDocNumber()));
        assertEquals(List.of("1", "2", "3", "4", "5"), seqs(d));
        assertEquals(List.of("统筹产教融合发展", "统筹产教融合发展", "强化企业主体作用", "强化企业主体作用", "组织实施"),
                d.tasks().stream().map(ParsedTask::category).toList());

        ParsedTask first = task(d, "1");
        assertEquals("同步规划产教融合与经济社会发展", first.title());
        assertTrue(first.content().endsWith("出台市级产教融合专项规划。"), "the units are not content: " + first.content());
        assertUnits(first, "市发改委:LEAD", "市教育局:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2019, 12, 31)), dueDates(first));
        assertUnits(task(d, "2"), "市教育局:LEAD", "市人社局:PARTICIPANT", "市财政局:PARTICIPANT");
        assertUnits(task(d, "3"), "市教育局:LEAD", "市国资委:RESPONSIBLE", "各县区政府（管委）:RESPONSIBLE");
        assertUnits(task(d, "4"), "市发改委:LEAD", "市财政局:PARTICIPANT", "市税务局:PARTICIPANT");
        assertEquals(Comparator.ABOUT, task(d, "4").milestones().get(0).target().comparator());
        assertUnits(task(d, "5"), "市教育局:LEAD", "市发改委:RESPONSIBLE");
        assertEquals("加强组织领导。建立产教融合工作联席会议制度，定期研究解决重大问题。", task(d, "5").content(),
                "a 责任单位： line of its own closes the item");
    }

    @Test
    void aListThatWritesShengOnceImpliesItForTheUnitsAfterAndContentParenthesesAreNotUnits() {
        ParsedDocument d = parse("dropped-prefix-opinion.txt");
        assertEquals(DocumentShape.NUMBERED_PARAGRAPHS, d.shape());
        assertEquals("湘政办发〔2019〕21号", d.docNumber());
        assertEquals(List.of("（二）", "（三）", "1.", "2.", "（四）", "（五）"), seqs(d));

        ParsedTask two = task(d, "（二）");
        assertUnits(two, "省教育厅:RESPONSIBLE", "发展改革委:RESPONSIBLE", "人力资源社会保障厅:RESPONSIBLE");
        assertEquals(List.of("省教育厅", "省发展改革委", "省人力资源社会保障厅"),
                two.units().stream().map(u -> u.readings().get(0)).toList(), "each read relative to the province");
        assertTrue(two.content().contains("（由省发展改革委、省教育厅共同召集）"), "a parenthesis inside the content stays there");

        ParsedTask three = task(d, "（三）");
        assertTrue(three.units().isEmpty(), "（包括独资、合资、合作等方式参与） is content, though it ends with 参与");
        assertTrue(three.content().endsWith("（包括独资、合资、合作等方式参与）"), three.content());
        List<ParsedTask> items = d.tasks().stream().filter(t -> "（三）".equals(t.parentSeq())).toList();
        assertUnits(items.get(0), "省教育厅:LEAD", "省人力资源社会保障厅:PARTICIPANT", "财政厅:PARTICIPANT");
        assertEquals("省财政厅", items.get(0).units().get(2).impliedName());
        assertTrue(items.get(0).content().endsWith("（试点专业由市州确定）。"), items.get(0).content());
        assertUnits(items.get(1), "省发展改革委:RESPONSIBLE", "教育厅:RESPONSIBLE");
        assertEquals("省教育厅", items.get(1).units().get(1).impliedName());

        assertUnits(task(d, "（四）"), "省教育厅:RESPONSIBLE");
        assertUnits(task(d, "（五）"), "省财政厅:LEAD", "省税务局:RESPONSIBLE", "省自然资源厅:RESPONSIBLE",
                "各市州人民政府:RESPONSIBLE");
        assertNull(task(d, "（五）").units().get(1).impliedName(), "a name with its own level implies nothing");
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("（六）") && w.contains("not a task")),
                "（具体工作由分管负责同志牵头落实） names no unit: " + d.warnings());
        assertEquals(List.of(LocalDate.of(2022, 12, 31), LocalDate.of(2025, 12, 31)),
                d.milestones().stream().map(ParsedMilestone::dueDate).toList());
    }

    @Test
    void asciiCommasFullStopsAndParenthesesReadLikeTheirFullWidthForms() {
        ParsedDocument d = parse("ascii-punctuation-notice.txt");
        assertEquals(DocumentShape.NUMBERED_PARAGRAPHS, d.shape());
        assertAll(
                () -> assertEquals("吉教职函〔2020〕6号", d.docNumber()),
                () -> assertEquals("吉林省教育厅", d.issuer()),
                () -> assertEquals(LocalDate.of(2020, 3, 2), d.issuedOn()),
                () -> assertEquals("吉政办发〔2018〕48号", d.implementsDocNumber()));
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）"), seqs(d));
        assertEquals(List.of("重点工作", "重点工作", "重点工作", "工作要求"), d.tasks().stream().map(ParsedTask::category).toList());

        ParsedTask first = task(d, "（一）");
        assertEquals("推进校企共建专业", first.title());
        assertEquals("推进校企共建专业。每所高职院校2020年底前至少与3家企业共建专业，实行双主体育人。", first.content());
        assertUnits(first, "省教育厅:LEAD", "省人力资源社会保障厅:PARTICIPANT", "省财政厅:PARTICIPANT");
        assertUnits(task(d, "（二）"), "省教育厅:RESPONSIBLE", "省发展改革委:RESPONSIBLE");
        assertTrue(task(d, "（二）").content().endsWith("（每个基地不少于50个）。"), task(d, "（二）").content());
        assertUnits(task(d, "（三）"), "省人力资源社会保障厅:LEAD", "省教育厅:PARTICIPANT", "各市（州）人民政府:PARTICIPANT");
        assertUnits(task(d, "（四）"), "省教育厅:RESPONSIBLE");
        assertEquals("加强督导检查。将校企合作情况纳入职业院校办学质量年度报告。", task(d, "（四）").content(),
                "the signature and date after the last paragraph are not part of it");
    }

    @Test
    void leadAndParticipantColumnsGiveTheirRolesAndNoUnitOfEitherIsDropped() {
        ParsedDocument d = parse("lead-and-partner-columns.txt");
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals("甬政办发〔2019〕66号", d.docNumber());
        assertEquals("浙政办发〔2018〕109号", d.implementsDocNumber());
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), seqs(d), "row numbers written 4、 and 5. too");
        assertEquals(List.of("统筹产教融合发展", "统筹产教融合发展", "强化企业主体作用", "强化企业主体作用", "完善保障措施",
                "完善保障措施"), d.tasks().stream().map(ParsedTask::category).toList(), "重点任务 is the category column");
        assertEquals("培育产教融合型企业30家以上，落实相关支持政策。", task(d, "3").content(), "具体措施 is the content");

        assertUnits(task(d, "1"), "市发展改革委:LEAD", "市教育局:PARTICIPANT", "市自然资源规划局:PARTICIPANT");
        // every unit of the 牵头单位 column leads, not only the first
        assertUnits(task(d, "2"), "市教育局:LEAD", "市发展改革委:LEAD");
        assertUnits(task(d, "3"), "市发展改革委:LEAD", "市教育局:PARTICIPANT", "市财政局:PARTICIPANT",
                "各区县（市）人民政府:PARTICIPANT");
        assertEquals(AssignmentKind.GROUP, task(d, "3").units().get(3).kind());
        assertUnits(task(d, "5"), "市财政局:LEAD", "市税务局:PARTICIPANT");
        assertUnits(task(d, "6"), "市人力社保局:LEAD", "市教育局:PARTICIPANT");

        assertEquals(List.of(LocalDate.of(2020, 12, 31)), dueDates(task(d, "1")), "from the 完成时限 column");
        assertEquals(List.of(LocalDate.of(2020, 6, 30)), dueDates(task(d, "6")));
        assertEquals(new Target(new BigDecimal("30"), "家", Comparator.AT_LEAST, null), task(d, "3").milestones().get(0).target());
        assertEquals(List.of(LocalDate.of(2021, 12, 31)), dueDates(task(d, "3")), "the target is dated by the column");
        assertTrue(task(d, "4").milestones().isEmpty(), "长期坚持 is no date");
    }

    @Test
    void unitsAndDeadlinesOnLinesOfTheirOwnBelongToTheParagraphAbove() {
        ParsedDocument d = parse("units-on-their-own-line-plan.txt");
        assertEquals(DocumentShape.NUMBERED_PARAGRAPHS, d.shape());
        assertEquals("杭政办函〔2020〕45号", d.docNumber());
        assertEquals(LocalDate.of(2020, 3, 20), d.issuedOn());
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）", "（五）", "（六）"), seqs(d));
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("not a task")), d.warnings().toString());

        assertUnits(task(d, "（一）"), "市教育局:LEAD", "市发展改革委:RESPONSIBLE");
        assertEquals("优化职业院校布局。到2022年，建成高水平职业院校10所以上。", task(d, "（一）").content(),
                "the label lines are not content");
        assertUnits(task(d, "（二）"), "市教育局:LEAD", "市经信局:PARTICIPANT", "市人力社保局:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2021, 6, 30)), dueDates(task(d, "（二）")), "完成时限 dates the undated target");
        // a unit line ending in 人民政府 is not the signature that ends the body
        assertUnits(task(d, "（三）"), "市教育局:LEAD", "各区、县（市）人民政府:RESPONSIBLE");
        assertEquals(java.util.Collections.singletonList(null), dueDates(task(d, "（三）")), "长期坚持 is no date");
        assertUnits(task(d, "（四）"), "市财政局:LEAD", "市教育局:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2020, 9, 30)), dueDates(task(d, "（四）")), "a deadline inside the units' bracket");
        assertEquals("加大经费投入。落实生均拨款制度，完善职业院校经费保障机制。", task(d, "（四）").content());
        assertUnits(task(d, "（五）"), "市政府督查室:LEAD", "市教育局:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2020, 12, 31)), dueDates(task(d, "（五）")), "the deadline line may come first");
        // lead and participants on two labelled lines: the second label does not run into the lead's name
        assertUnits(task(d, "（六）"), "市委宣传部:LEAD", "市教育局:PARTICIPANT", "市人力社保局:PARTICIPANT");
    }

    @Test
    void personsBesideTheUnitsStayInTheContentAndUnitsAfterADashCloseTheParagraph() {
        ParsedDocument d = parse("leaders-and-dashes-plan.txt");
        assertEquals(DocumentShape.NUMBERED_PARAGRAPHS, d.shape());
        assertEquals("湖政办发〔2021〕12号", d.docNumber(), "第 before the serial is not part of the standard form");
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), seqs(d));
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("not a task")), d.warnings().toString());

        // a person after the units (牵头领导：…) does not hide them, and is kept in the content, never taken for a unit
        assertUnits(task(d, "1"), "市教育局:LEAD", "市财政局:PARTICIPANT", "市人力社保局:PARTICIPANT");
        assertEquals("推进职业院校布局调整，整合中职学校办学资源（不含技工学校）。牵头领导：张某某（副市长）。",
                task(d, "1").content());
        assertEquals(List.of(LocalDate.of(2021, 12, 31)), dueDates(task(d, "1")), "the deadline after the person");
        assertUnits(task(d, "2"), "市发展改革委:LEAD", "市教育局:PARTICIPANT", "市经信局:PARTICIPANT");
        assertEquals("推进产教融合实训基地建设，建成市级公共实训基地5个以上。责任领导：李某某。", task(d, "2").content());
        // units after a dash, on a line of their own or after the sentence
        assertUnits(task(d, "3"), "市教育局:LEAD", "市人力社保局:RESPONSIBLE");
        assertEquals("深化“三教”改革，建设“双师型”教师队伍。", task(d, "3").content());
        assertUnits(task(d, "4"), "市人力社保局:LEAD", "市教育局:RESPONSIBLE");
        // a contact and a deadline sharing a line
        assertUnits(task(d, "5"), "市教育局:LEAD");
        assertEquals("完善职业教育质量评价机制。联系人：王某某。", task(d, "5").content());
        assertEquals(List.of(LocalDate.of(2021, 9, 30)), dueDates(task(d, "5")));
        // a paragraph of one line without a full stop: the person is no text below a heading, nor part of the title
        assertEquals("建立职业教育督导评估制度", task(d, "6").title());
        assertEquals("建立职业教育督导评估制度。牵头领导：赵某某。", task(d, "6").content());
        assertUnits(task(d, "6"), "市政府教育督导室:LEAD");
    }

    @Test
    void cellsWrappedOntoTheNextLinesJoinTheirRowAndAHeaderRepeatedAfterAPageBreakIsNoRow() {
        ParsedDocument d = parse("wrapped-cells-table.txt");
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals(List.of("1", "2", "3", "4"), seqs(d));
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("skipped")), d.warnings().toString());
        assertTrue(d.warnings().contains("table rows 1, 2, 4 continue on the lines below them: joined"),
                d.warnings().toString());

        assertEquals("整合中职学校办学资源，建成省级示范校5所。", task(d, "1").content());
        assertUnits(task(d, "1"), "市教育局:LEAD", "市财政局:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2021, 12, 31)), dueDates(task(d, "1")));
        // a cell over three lines, the middle one without a tab
        assertEquals("推进现代学徒制试点，新增试点专业10个左右，覆盖全部中职学校。", task(d, "2").content());
        assertUnits(task(d, "2"), "市人社局:LEAD", "市教育局:RESPONSIBLE");
        // a row without its trailing cells is complete: the text below the table does not continue it
        assertEquals("落实生均拨款制度。", task(d, "3").content());
        assertUnits(task(d, "3"), "市财政局:LEAD");
        // after the repeated header; the content and the units cell both wrap
        assertEquals("将职业教育工作纳入对县（市、区）政府的督查考核。备注：每季度通报。", task(d, "4").content(),
                "the remark (备注) kept after the content");
        assertUnits(task(d, "4"), "市政府督查室:LEAD", "各县（市、区）人民政府:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2021, 9, 30)), dueDates(task(d, "4")));
        assertNull(task(d, "4").category(), "重点任务 is the content here, and 备注 not the category");
    }

    @Test
    void aResponsibleUnitsColumnBesideALeadColumnNamesTheUnitsWorkingWithTheLeadInTabAndPipeTables() {
        String[][] rows = {
            {"序号", "工作任务", "牵头单位", "责任单位", "完成时限"},
            {"1", "建设公共实训基地，到2021年建成3个。", "市人社局", "市教育局、市财政局", "2021年底前"},
            {"2", "推行现代学徒制。", "市教育局", "各县（市、区）人民政府", "长期坚持"},
        };
        StringBuilder tab = new StringBuilder("重点任务分工表\n");
        StringBuilder pipe = new StringBuilder("重点任务分工表\n");
        for (String[] row : rows) {
            tab.append(String.join("\t", row)).append('\n');
            for (String cell : row) {
                pipe.append(cell).append(" |\n");
            }
        }
        for (String text : List.of(tab.toString(), pipe.toString())) {
            ParsedDocument d = PolicyDocumentParser.parse("lead-and-responsible.txt",
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(List.of("1", "2"), seqs(d), d.shape().toString());
            // before, the 责任单位 column was read as the content and the task's text as its category
            assertEquals("建设公共实训基地，到2021年建成3个。", task(d, "1").content(), d.shape().toString());
            assertNull(task(d, "1").category(), d.shape().toString());
            assertUnits(task(d, "1"), "市人社局:LEAD", "市教育局:RESPONSIBLE", "市财政局:RESPONSIBLE");
            assertUnits(task(d, "2"), "市教育局:LEAD", "各县（市、区）人民政府:RESPONSIBLE");
        }
    }

    @Test
    void aTextColumnBesideTheCategoryAndTheContentIsKeptAfterTheContentWithItsTargets() {
        String text = "附件\n序号\t重点领域\t主要目标\t具体措施\t责任单位\t完成时限\n"
                + "1\t职业教育\t建成示范校5所\t整合办学资源。\t市教育局\t2021年底前\n"
                + "2\t高等教育\t\t调整专业结构。\t市教育局\t2022年底前\n";
        ParsedDocument d = parsed("three-texts.txt", text);
        // before, the 主要目标 column was dropped without a word
        assertEquals("职业教育", task(d, "1").category());
        assertEquals("整合办学资源。主要目标：建成示范校5所。", task(d, "1").content());
        assertTrue(task(d, "1").milestones().stream().anyMatch(m -> m.target() != null
                && m.target().quantity().intValueExact() == 5 && "所".equals(m.target().unit())
                && LocalDate.of(2021, 12, 31).equals(m.dueDate())), task(d, "1").milestones().toString());
        assertEquals("调整专业结构。", task(d, "2").content(), "an empty cell adds nothing");
    }

    @Test
    void leadResponsibleAndParticipatingColumnsEachGiveTheirRole() {
        String text = "分工表\n序号\t工作任务\t牵头单位\t责任单位\t配合单位\t完成时限\n"
                + "1\t建设公共实训基地，到2021年建成3个。\t市人社局\t各县市区人民政府\t市财政局\t2021年底前\n"
                + "2\t推行现代学徒制。\t市教育局\t\t市人社局\t长期坚持\n";
        ParsedDocument d = parsed("three-unit-columns.txt", text);
        // before, with a 配合单位 column the 责任单位 column was taken for the content and its units were lost
        assertEquals("建设公共实训基地，到2021年建成3个。", task(d, "1").content());
        assertUnits(task(d, "1"), "市人社局:LEAD", "各县市区人民政府:RESPONSIBLE", "市财政局:PARTICIPANT");
        assertUnits(task(d, "2"), "市教育局:LEAD", "市人社局:PARTICIPANT");
    }

    @Test
    void twoTextColumnsBeforeTheUnitsAreTheCategoryAndTheContentWhateverTheirNames() {
        // before, the first was taken for the content and the task's text (措施, 改革任务, 具体要求 …) was lost
        for (String names : List.of("任务\t措施", "领域\t改革任务", "工作事项\t具体要求", "重点工作\t工作目标",
                "任务分类\t任务内容", "重点任务\t具体措施")) {
            String text = "分工表\n序号\t" + names + "\t责任单位\t完成时限\t备注\n"
                    + "1\t加强统筹\t建立联席会议制度，每年召开会议2次。\t市教育局\t2021年底前\t\n";
            ParsedDocument d = parsed("columns.txt", text);
            assertEquals("建立联席会议制度，每年召开会议2次。", task(d, "1").content(), names);
            assertEquals("加强统筹", task(d, "1").category(), names);
            assertUnits(task(d, "1"), "市教育局:LEAD");
        }
    }

    @Test
    void otherNamesOfTheUnitsColumnAreReadAsIt() {
        for (String name : List.of("实施单位", "承担单位", "落实单位", "责任处室", "主管部门")) {
            String text = "分工表\n序号\t工作任务\t" + name + "\t完成时限\n1\t建立联席会议制度。\t市教育局、市财政局\t2021年底前\n";
            ParsedDocument d = parsed("units.txt", text);
            assertEquals(List.of("1"), seqs(d), name);
            assertUnits(task(d, "1"), "市教育局:LEAD", "市财政局:RESPONSIBLE");
        }
        // a column of leads, like 牵头单位
        String text = "分工表\n序号\t工作任务\t主责单位\t完成时限\n1\t建立联席会议制度。\t市教育局、市财政局\t2021年底前\n";
        ParsedDocument d = parsed("units.txt", text);
        assertUnits(task(d, "1"), "市教育局:LEAD", "市财政局:LEAD");
    }

    @Test
    void unitsOpeningAParagraphAreItsUnitsWhenTheDocumentDividesTheWorkByUnit() {
        ParsedDocument d = parse("duties-by-unit-plan.txt");
        assertEquals(DocumentShape.NUMBERED_PARAGRAPHS, d.shape());
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）", "（六）"), seqs(d));
        assertUnits(task(d, "（一）"), "市教育局:LEAD");
        assertEquals("负责统筹推进产教融合，制定年度工作计划，2021年底前建成产教融合示范校5所。", task(d, "（一）").content());
        assertEquals(List.of(LocalDate.of(2021, 12, 31)), dueDates(task(d, "（一）")));
        assertUnits(task(d, "（二）"), "市发展改革委:LEAD", "市经信局:RESPONSIBLE");
        assertUnits(task(d, "（四）"), "各区、县（市）人民政府:RESPONSIBLE");
        // 学校： addresses a kind of body, not a unit: reported, not taken for one
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("paragraph （五） names no responsible units")),
                d.warnings().toString());
        assertUnits(task(d, "（六）"), "市政府督查室:RESPONSIBLE");
    }

    @Test
    void aHeaderOnTwoRowsNamesTheColumnsUnderItsMergedCellInTextAndInWord() throws IOException {
        String[][] rows = {
            {"序号", "重点任务", "责任单位", "", "时间节点"},
            {"", "", "牵头单位", "配合单位", ""},
            {"1", "建设公共实训基地。到2021年建成3个。", "市人力社保局", "市教育局、市财政局", "2021年底前"},
            {"2", "推行现代学徒制，每年新增试点专业10个左右。", "市教育局", "", "长期坚持"},
        };
        String head = "西安市人民政府办公厅关于印发职业教育重点任务分工的通知\n市政办函〔2020〕7号\n";
        StringBuilder text = new StringBuilder(head);
        for (String[] row : rows) {
            text.append(String.join("\t", row)).append('\n');
        }
        ParsedDocument fromText = PolicyDocumentParser.parse("two-row-header.txt",
                text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // the same table in Word, where 责任单位 is one cell spanning two columns
        byte[] word;
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            for (String line : head.split("\n")) {
                document.createParagraph().createRun().setText(line);
            }
            org.apache.poi.xwpf.usermodel.XWPFTable table = document.createTable(rows.length, 5);
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < 5; c++) {
                    table.getRow(r).getCell(c).setText(rows[r][c]);
                }
            }
            table.getRow(0).getCell(2).getCTTc().addNewTcPr().addNewGridSpan().setVal(java.math.BigInteger.TWO);
            table.getRow(0).getCtRow().removeTc(3);
            document.write(out);
            word = out.toByteArray();
        }
        String wordText = OfficeText.of(word).orElseThrow();
        assertTrue(wordText.contains("序号\t重点任务\t责任单位\t\t时间节点"), "the spanned column is kept: " + wordText);
        ParsedDocument fromWord = PolicyDocumentParser.parseText("two-row-header.docx", "sha", wordText);

        for (ParsedDocument d : List.of(fromText, fromWord)) {
            assertEquals(DocumentShape.TAB_TABLE, d.shape());
            assertEquals(List.of("1", "2"), seqs(d), d.sourceFile());
            assertUnits(task(d, "1"), "市人力社保局:LEAD", "市教育局:PARTICIPANT", "市财政局:PARTICIPANT");
            assertUnits(task(d, "2"), "市教育局:LEAD");
            assertEquals(List.of(LocalDate.of(2021, 12, 31)), dueDates(task(d, "1")), d.sourceFile());
            assertTrue(d.warnings().stream().noneMatch(w -> w.contains("skipped")), d.warnings().toString());
        }
    }

    @Test
    void headingLinesOfTheirOwnTitleTheTextBelowAndSubItemsInheritTheParagraphsUnits() {
        ParsedDocument d = parse("headed-paragraphs-plan.txt");
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）", "1.", "2."), seqs(d));
        assertEquals(List.of(LocalDate.of(2023, 12, 31), LocalDate.of(2025, 12, 31)),
                d.milestones().stream().map(ParsedMilestone::dueDate).toList(), "the goals below a 主要目标 heading");
        assertEquals(new Target(new BigDecimal("50"), "个", Comparator.AT_LEAST, null), d.milestones().get(0).target());
        ParsedTask first = task(d, "（一）");
        assertEquals("优化专业布局", first.title(), "the heading is not run into the first sentence");
        assertEquals("紧密对接产业需求，调整优化专业结构，到2023年新增专业20个以上。", first.content());
        assertUnits(first, "市教育局:LEAD", "市发展改革委:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2023, 12, 31)), dueDates(first));
        assertEquals("深化校企合作", task(d, "（二）").title());
        assertUnits(task(d, "（二）"), "市教育局:LEAD", "各县（市、区）人民政府:RESPONSIBLE");
        assertEquals("落实生均拨款制度。", task(d, "（三）").content());

        List<ParsedTask> items = d.tasks().stream().filter(t -> "（四）".equals(t.parentSeq())).toList();
        assertEquals(2, items.size());
        for (ParsedTask item : items) {
            // sub-items without units of their own are carried out by their paragraph's units
            assertUnits(item, "市发展改革委:LEAD", "市教育局:PARTICIPANT");
        }
        assertEquals(List.of(LocalDate.of(2021, 3, 31)), dueDates(items.get(1)));
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("（四）1.") && w.contains("those of its paragraph apply")),
                d.warnings().toString());
    }

    @Test
    void itemsWhoseTextOpensWithAQuotationOrATitleAreItemsToo() {
        String text = """
                关于推进职业教育改革的实施方案
                （一）加强师资队伍建设。
                1.完善教师培训制度。（市教育局负责）
                2.“双师型”教师培养。（市人社局负责）
                3.《职业教育法》宣传。（市司法局负责）
                （二）深化校企合作。（市发展改革委负责）
                （三）完善经费投入。（市财政局负责）
                """;
        ParsedDocument d = PolicyDocumentParser.parseText("quoted-items.txt", "0", text);
        // before, 2. and 3. ran into 1., which took 市司法局 as its units, and 市人社局 was lost
        List<ParsedTask> items = d.tasks().stream().filter(t -> "（一）".equals(t.parentSeq())).toList();
        assertEquals(List.of("1.", "2.", "3."), items.stream().map(ParsedTask::seq).toList());
        assertUnits(items.get(0), "市教育局:RESPONSIBLE");
        assertUnits(items.get(1), "市人社局:RESPONSIBLE");
        assertUnits(items.get(2), "市司法局:RESPONSIBLE");
    }

    @Test
    void aPipeAnnexWithADeadlineColumnAfterItsUnitsReadsEveryColumn() {
        String text = String.join("\n", "盘锦市人民政府办公室关于推进校企合作的通知", "盘政办发〔2020〕3号", "附件",
                "序号 |", "工作任务 |", "主要内容 |", "责任单位 |", "完成时限 |",
                "1 |", "深化校企合作 |", "建设共享实训基地5个。 |", "市教育局牵头，市财政局参与 |", "2021年底前 |",
                "2 |", "推行现代学徒制，试点专业10个以上。 |", "市人力资源社会保障局 |", "2020年6月底前 |",
                "3 |", "强化保障 |", "落实财税政策。 |", "市财政局、市税务局 |", "持续推进 |", "");
        ParsedDocument d = parsed("pipe.txt", text);
        assertEquals(DocumentShape.PIPE_ANNEX, d.shape());
        assertEquals(List.of("1", "2", "3"), seqs(d));
        assertEquals(List.of("深化校企合作", "深化校企合作", "强化保障"), d.tasks().stream().map(ParsedTask::category).toList(),
                "row 2 has no category cell: the one above spans it");
        assertUnits(task(d, "1"), "市教育局:LEAD", "市财政局:PARTICIPANT");
        assertUnits(task(d, "2"), "市人力资源社会保障局:LEAD");
        assertEquals("推行现代学徒制，试点专业10个以上。", task(d, "2").content());
        assertUnits(task(d, "3"), "市财政局:LEAD", "市税务局:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2021, 12, 31)), dueDates(task(d, "1")));
        assertEquals(List.of(LocalDate.of(2020, 6, 30)), dueDates(task(d, "2")), "the deadline dates the undated target");
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("annex row")), d.warnings().toString());
    }

    @Test
    void aBlankCellInsideAPipeRowKeepsItsColumnInsteadOfShiftingTheCellsAfterIt() {
        // one cell per line, as web pages are copied, and one row per line with every cell
        String header = "序号 |\n重点任务 |\n牵头单位 |\n配合单位 |\n完成时限 |\n";
        String perLine = "附件\n重点任务分工表\n" + header
                + "1 |\n建立产教融合联席会议制度 |\n市教育局 |\n市发展改革委、市财政局 |\n2019年底前 |\n"
                + "2 |\n培育产教融合型企业20家以上 |\n市发展改革委 |\n |\n2020年底前 |\n"
                + "3 |\n建设产教融合信息服务平台 |\n |\n |\n2020年6月底前 |\n";
        String perRow = "附件\n重点任务分工表\n序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
                + "1 | 建立产教融合联席会议制度 | 市教育局 | 市发展改革委、市财政局 | 2019年底前 |\n"
                + "2 | 培育产教融合型企业20家以上 | 市发展改革委 | | 2020年底前 |\n"
                + "3 | 建设产教融合信息服务平台 | | | 2020年6月底前 |\n";
        for (String text : List.of(perLine, perRow)) {
            ParsedDocument d = parsed("pipe-blank.txt", text);
            assertEquals(DocumentShape.PIPE_ANNEX, d.shape());
            assertEquals(List.of("1", "2", "3"), seqs(d));
            // before, the blank 配合单位 cell was dropped: row 2 was titled 市发展改革委 and assigned to 2020年底前
            assertEquals("培育产教融合型企业20家以上", task(d, "2").title());
            assertUnits(task(d, "2"), "市发展改革委:LEAD");
            assertEquals(List.of(LocalDate.of(2020, 12, 31)), dueDates(task(d, "2")));
            assertEquals("建设产教融合信息服务平台", task(d, "3").title());
            assertTrue(task(d, "3").units().isEmpty());
            assertTrue(d.warnings().contains("annex row 3 names no responsible unit: stored without assignments"),
                    d.warnings().toString());
            assertTrue(d.warnings().stream().noneMatch(w -> w.contains("cells, the header")), d.warnings().toString());
        }
    }

    @Test
    void anEmptyLastCellOfAPipeRowIsNotTakenForAMissingCategory() {
        String text = String.join("\n", "附件", "序号 | 工作任务 | 主要内容 | 牵头单位 | 配合单位 |",
                "1 | 优化专业布局 | 调整专业结构，建设示范专业20个。 | 市教育局 | |",
                "2 | 推进校企合作 | 建设共享实训基地5个。 | 市人力资源社会保障局 | 市教育局 |",
                "3 | 落实财税用地政策。 | 市财政局 | 市自然资源局 |", "");
        ParsedDocument d = parsed("pipe-last-blank.txt", text);
        // before, row 1 read 优化专业布局 as its content and the sentence as its lead units, 市教育局 a participant
        assertEquals("调整专业结构，建设示范专业20个。", task(d, "1").content());
        assertEquals("优化专业布局", task(d, "1").category());
        assertUnits(task(d, "1"), "市教育局:LEAD");
        // a row one cell short whose units are where the category is missing: the category spans from above
        assertEquals("推进校企合作", task(d, "3").category());
        assertEquals("落实财税用地政策。", task(d, "3").content());
        assertUnits(task(d, "3"), "市财政局:LEAD", "市自然资源局:PARTICIPANT");
    }

    @Test
    void pipeRowsNumberedWithAStopAreRowsAsInTabTables() {
        String text = String.join("\n", "附件", "序号 | 重点任务 | 责任单位 |", "1. | 落实财税政策。 | 市财政局 |",
                "2、 | 推行现代学徒制。 | 市教育局 |", "");
        ParsedDocument d = parsed("pipe-stops.txt", text);
        assertEquals(List.of("1", "2"), seqs(d));
        assertUnits(task(d, "2"), "市教育局:LEAD");
    }

    @Test
    void aTwoRowHeaderRepeatedAfterAPageBreakIsPassedOverWhole() {
        String text = String.join("\n", "附件", "序号\t工作任务\t责任单位\t", "\t\t牵头单位\t配合单位",
                "1\t优化专业布局。\t市教育局\t市财政局", "序号\t工作任务\t责任单位\t", "\t\t牵头单位\t配合单位",
                "2\t推动企业参与办学。\t市人社局\t市教育局", "");
        ParsedDocument d = parsed("two-row-header.txt", text);
        assertEquals(List.of("1", "2"), seqs(d));
        assertUnits(task(d, "2"), "市人社局:LEAD", "市教育局:PARTICIPANT");
        // before, the lower row of the repeated header was reported as a skipped row
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("skipped")), d.warnings().toString());
    }

    @Test
    void aRowWithoutTaskTextIsKeptAndReported() {
        String text = "分工表\n序号\t类别\t重点任务\t牵头单位\n1\t保障措施\t\t市教育局\n2\t\t落实财税政策。\t市财政局\n";
        ParsedDocument d = parsed("blank-task.txt", text);
        assertEquals(List.of("1", "2"), seqs(d));
        assertEquals("保障措施", task(d, "1").title());
        assertTrue(d.warnings().contains("annex row 1 has no task text: titled by its category"), d.warnings().toString());
        assertEquals("保障措施", task(d, "2").category(), "a blank category cell is the one above");
    }

    @Test
    void keyTaskStarsBesideTheNumbersNeitherHideARowNorAParagraph() {
        String table = "重点任务分工表（标★的为重点任务）\n序号\t重点任务\t责任单位\t完成时限\n"
                + "1\t★建立产教融合联席会议制度\t市教育局\t2019年底前\n"
                + "★2\t培育产教融合型企业20家以上\t市发展改革委\t6月底前\n"
                + "3\t完善学生实习制度\t市人力资源社会保障局\t2019年底前\n"
                + "4\t创建五☆级实训基地3个\t市财政局\t2019年底前\n";
        ParsedDocument t = parsed("stars.txt", table);
        // before, row ★2 was skipped (no number) and row 1 was titled with its star
        assertEquals(List.of("1", "2", "3", "4"), seqs(t));
        assertEquals("建立产教融合联席会议制度", task(t, "1").title());
        assertTrue(task(t, "2").sourceText().startsWith("★2"), "the source text keeps the mark");
        assertEquals(List.of(true, true, false, false), t.tasks().stream().map(ParsedTask::keyTask).toList(), "key tasks");
        assertEquals("创建五☆级实训基地3个", task(t, "4").title(), "a star in running text is text (review finding)");
        assertTrue(t.warnings().contains("2 key-task marks (★) removed from the text; their tasks are key tasks (keyTask) and their source text keeps them"),
                t.warnings().toString());
        // 6月底前 is in the year of issue, which this table does not state
        assertTrue(t.warnings().contains("'培育产教融合型企业20家以上' is due within the year or the next (年内, 今年, 次年, or a month"
                + " without a year), but the document states no date of issue: its date is not known"), t.warnings().toString());
        assertEquals(List.of(), dueDates(task(t, "2")).stream().filter(java.util.Objects::nonNull).toList());

        String prose = "某市深化产教融合实施方案\n一、重点任务\n（一）★加强统筹规划。建立产教融合联席会议制度。（市教育局牵头，市财政局参与）\n"
                + "★（二）推进校企合作。培育产教融合型企业20家以上。（市发展改革委负责）\n"
                + "（三）建设信息平台★。建设产教融合信息服务平台。（市人力资源社会保障局负责）\n"
                + "（四）完善评价制度。建立产教融合评价办法。（市教育局负责）\n";
        ParsedDocument p = parsed("stars.txt", prose);
        // before, no task was found at all
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）"), seqs(p));
        assertEquals(List.of(true, true, true, false), p.tasks().stream().map(ParsedTask::keyTask).toList(), "key tasks");
        assertEquals("加强统筹规划", task(p, "（一）").title());
        assertUnits(task(p, "（二）"), "市发展改革委:RESPONSIBLE");
    }

    /** The key-task flag of each task as {@code seq:true}, a sub-task's seq after its parent's. */
    private static List<String> keyTasks(ParsedDocument d) {
        return d.tasks().stream().map(t -> (t.parentSeq() == null ? "" : t.parentSeq()) + t.seq() + ":" + t.keyTask()).toList();
    }

    @Test
    void aStarMarksTheTaskOnWhoseOwnLineItStandsNotItsParagraphNorItsSubItems() {
        String base = new String(fixture("dropped-prefix-opinion.txt"), java.nio.charset.StandardCharsets.UTF_8);
        List<String> none = keyTasks(parsed("plain.txt", base));
        assertTrue(none.stream().allMatch(k -> k.endsWith(":false")), none.toString());

        ParsedDocument parent = parsed("parent.txt", base.replace("（三）深化", "★（三）深化"));
        assertEquals(none.stream().map(k -> k.equals("（三）:false") ? "（三）:true" : k).toList(), keyTasks(parent),
                "the paragraph only, not its sub-items");
        ParsedDocument sub = parsed("sub.txt", base.replace("\n2.建设共享", "\n★2.建设共享"));
        assertEquals(none.stream().map(k -> k.equals("（三）2.:false") ? "（三）2.:true" : k).toList(), keyTasks(sub),
                "the sub-item only, not its paragraph");
        // sub-items written on the paragraph's line: a sub-item's star was taken for the paragraph's (review finding)
        String inline = base.replace("参与）\n1.推行", "参与）1.推行").replace("参与）\n2.建设共享", "参与）2.★建设共享");
        ParsedDocument inlined = parsed("inline.txt", inline);
        assertTrue(keyTasks(inlined).contains("（三）:false") && keyTasks(inlined).contains("（三）2.:true"),
                keyTasks(inlined).toString());
        // the star before the sub-item's number: the cleaned text drops it between two pieces, so it belonged to neither
        ParsedDocument before = parsed("before.txt", base.replace("参与）\n1.推行", "参与）1.推行").replace("参与）\n2.建设共享", "参与）★2.建设共享"));
        assertTrue(keyTasks(before).contains("（三）:false") && keyTasks(before).contains("（三）2.:true"), keyTasks(before).toString());
        ParsedTask starredItem = before.tasks().stream().filter(t -> "2.".equals(t.seq()) && "（三）".equals(t.parentSeq()))
                .findFirst().orElseThrow();
        assertTrue(starredItem.sourceText().startsWith("★2.建设共享"), "the source keeps the mark: " + starredItem.sourceText());

        // an annex row naming a body paragraph: the star may stand on either
        String annexed = "某市实施方案\n一、重点任务\n1.★加强统筹规划。建立产教融合联席会议制度，定期研究重大事项。\n"
                + "2.推进校企合作。培育产教融合型企业20家以上。\n附件\n重点任务分工\n序号\t重点任务\t责任单位\t完成时限\n"
                + "1\t加强统筹规划\t市教育局\t2021年底前\n★2\t推进校企合作\t市发展改革委\t2021年底前\n";
        ParsedDocument rows = parsed("annexed.txt", annexed);
        assertTrue(task(rows, "1").content().contains("建立产教融合联席会议制度"), "the body's text: " + task(rows, "1").content());
        assertEquals(List.of("1:true", "2:true"), keyTasks(rows));
    }

    @Test
    void personsNamedBesideTheUnitsInAnyOfTheirPlacesLeaveTheUnitsToTheTask() {
        String text = String.join("\n", "某市实施方案", "一、重点任务",
                "（一）优化专业布局，调整专业结构；牵头领导：张三；牵头单位：市教育局",
                "（二）建立督查制度。", "牵头领导：李四  牵头单位：市政府办公室",
                "（三）完善评价机制。", "牵头单位：市教育局  责任人：王五",
                "（四）深化校企合作。（牵头单位：市人力资源社会保障局，责任人：赵六）",
                "（五）加強師資建設。", "牽頭單位：市財政局", "牽頭領導：孫七", "");
        ParsedDocument d = parsed("persons.txt", text);
        // before, each of these paragraphs was reported as naming no units and dropped
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）", "（五）"), seqs(d), d.warnings().toString());
        assertUnits(task(d, "（一）"), "市教育局:LEAD");
        assertTrue(task(d, "（一）").content().endsWith("牵头领导：张三。"), task(d, "（一）").content());
        assertUnits(task(d, "（二）"), "市政府办公室:LEAD");
        assertEquals("建立督查制度。牵头领导：李四。", task(d, "（二）").content());
        assertUnits(task(d, "（三）"), "市教育局:LEAD");
        assertEquals("完善评价机制。责任人：王五。", task(d, "（三）").content());
        assertUnits(task(d, "（四）"), "市人力资源社会保障局:LEAD");
        assertEquals("深化校企合作。责任人：赵六。", task(d, "（四）").content());
        assertEquals("加强师资建设。牵头领导：孙七。", task(d, "（五）").content(), "traditional labels are labels too");
        assertEquals(List.of("市財政局"), task(d, "（五）").units().stream().map(UnitMention::rawName).toList());
    }

    @Test
    void linesUnderAChapterHeadingLeadItsTasksOrAreSaidToBeSkipped() {
        String text = String.join("\n", "某市优化营商环境重点任务分工", "一、提升政务服务效能", "牵头领导：陈某某（常务副市长）",
                "1.深化“一件事一次办”改革。责任单位：市政务服务中心，各县市区人民政府",
                "2.推行企业开办“一网通办”。责任单位：市市场监管局牵头，市公安局配合",
                "二、优化市场环境", "牵头单位：市发展改革委", "3.开展招投标领域专项整治。", "4.落实减税降费政策。责任单位：市税务局",
                "三、营造法治环境", "完成时限：2023年底前", "5.规范涉企行政执法。责任单位：市司法局", "");
        ParsedDocument d = parsed("chapter-lines.txt", text);
        // before, the leader's line was dropped without a word, and task 3 as naming no units
        assertEquals(List.of("1", "2", "3", "4", "5"), seqs(d), d.warnings().toString());
        assertEquals("深化“一件事一次办”改革。牵头领导：陈某某（常务副市长）。", task(d, "1").content());
        assertEquals("推行企业开办“一网通办”。牵头领导：陈某某（常务副市长）。", task(d, "2").content());
        assertEquals("开展招投标领域专项整治。", task(d, "3").content(), "a leader belongs to his own chapter only");
        assertUnits(task(d, "3"), "市发展改革委:LEAD");
        assertUnits(task(d, "4"), "市税务局:LEAD");
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("paragraph 3 names no responsible units of its own")),
                d.warnings().toString());
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("skipped") && w.contains("完成时限：2023年底前")),
                d.warnings().toString());
        assertTrue(task(d, "5").milestones().isEmpty(), "a chapter's deadline is not spread: " + task(d, "5").milestones());
    }

    @Test
    void aGoalBulletAfterADashAndATopicOpeningASubItemAreNoUnits() {
        String text = String.join("\n", "某市公共服务设施建设实施方案", "一、总体要求",
                "（一）发展目标。到2025年，产教融合体系基本建成：", "——建成一批现代产业学院。", "二、重点任务",
                "（二）完善公共服务设施。（责任单位：市民政局）", "1.社区服务中心：新建社区服务中心10个。",
                "（三）优化专业布局。调整专业结构。（责任单位：市教育局）",
                "（四）深化校企合作。推动企业参与办学。（责任单位：市人力资源社会保障局）", "");
        ParsedDocument d = parsed("goal-bullet.txt", text);
        // before, the goal paragraph was a task carried out by 建成一批现代产业学院
        assertEquals(List.of("（二）", "（二）1.", "（三）", "（四）"), d.tasks().stream()
                .map(t -> t.parentSeq() == null ? t.seq() : t.parentSeq() + t.seq()).toList());
        // before, 社区服务中心 took the sub-item from 市民政局
        assertUnits(d.tasks().get(1), "市民政局:LEAD");
        assertEquals("社区服务中心：新建社区服务中心10个。", d.tasks().get(1).content());
    }

    @Test
    void theDocumentsContactBelowTheLastParagraphIsNotThatTasks() {
        String text = String.join("\n", "某市实施方案", "一、重点任务", "（一）建立督查制度。（责任单位：市政府办公室）",
                "（二）深化校企合作。推动企业参与办学。（责任单位：市人力资源社会保障局）",
                "（三）完善评价机制。改进评价。（责任单位：市教育局）", "", "联系人：王五，电话：12345678", "",
                "某市人民政府办公室", "2021年3月1日", "");
        ParsedDocument d = parsed("contact.txt", text);
        // before, the contact ended the last task's content
        assertEquals("完善评价机制。改进评价。", task(d, "（三）").content());
    }

    @Test
    void linesWithoutTabsBetweenRowsContinueTheRowAboveAndAfterTheLastRowOnlyAnUnfinishedCell() {
        String text = String.join("\n", "重点任务分工表", "序号\t重点任务\t责任单位",
                "1\t整合职业教育资源，建成示范校5所。\t市教育局、市财政局、", "市人力资源社会保障局",
                "2\t加强教师队伍建设，", "建设双师型队伍。\t市教育局",
                "3\t推行现代学徒制。\t市人力资源社会保障局、", "市教育局", "本方案自印发之日起施行。", "");
        ParsedDocument d = parsed("bare-lines.txt", text);
        assertEquals(List.of("1", "2", "3"), seqs(d));
        // before, a line without a tab below a row with all its cells was dropped without a word
        assertUnits(task(d, "1"), "市教育局:LEAD", "市财政局:RESPONSIBLE", "市人力资源社会保障局:RESPONSIBLE");
        assertEquals("加强教师队伍建设，建设双师型队伍。", task(d, "2").content());
        assertUnits(task(d, "3"), "市人力资源社会保障局:LEAD", "市教育局:RESPONSIBLE");
        assertTrue(d.warnings().contains("table rows 1, 2, 3 continue on the lines below them: joined"), d.warnings().toString());
    }

    @Test
    void aNumberedRowWithoutAnyTextIsReportedNotStored() {
        String text = "分工表\n序号\t工作任务\t责任单位\t完成时限\n1\t落实财税政策。\t市财政局\t2020年底前\n2\t\t\t\n";
        ParsedDocument d = parsed("empty-row.txt", text);
        // before, row 2 was a task without a title, and the import failed with 500
        assertEquals(List.of("1"), seqs(d));
        assertTrue(d.warnings().contains("task 2 skipped: it has no text"), d.warnings().toString());
    }

    @Test
    void rowsNumberedUnderARowAreItsSubTasksWithTheirOwnUnits() {
        String text = String.join("\n", "重点任务分工表", "序号\t重点任务\t责任单位\t完成时限",
                "1\t推进产教融合平台建设。\t市发展改革委\t2021年底前",
                "1.1\t建设市级产教融合实训基地2个。\t市教育局\t2021年6月底前",
                "1.2\t培育产教融合型企业10家。\t市工业和信息化局、市国资委\t2021年底前",
                "2\t完善政策支持体系。\t市财政局\t2022年底前",
                "3.1\t落实金融支持政策。\t市金融办\t2021年底前", "");
        ParsedDocument d = parsed("sub-rows.txt", text);
        // before, rows 1.1 and 1.2 were skipped with a warning
        assertEquals(List.of("1", "1.1", "1.2", "2", "3.1"), seqs(d));
        List<ParsedTask> parts = d.tasks().stream().filter(t -> "1".equals(t.parentSeq())).toList();
        assertEquals(List.of("1.1", "1.2"), parts.stream().map(ParsedTask::seq).toList());
        assertUnits(parts.get(0), "市教育局:LEAD");
        assertEquals(List.of(LocalDate.of(2021, 6, 30)), dueDates(parts.get(0)));
        assertUnits(parts.get(1), "市工业和信息化局:LEAD", "市国资委:RESPONSIBLE");
        assertEquals("培育产教融合型企业10家。", parts.get(1).content());
        // a part of a row the table does not have is not stored under another: a task of its own, and said so
        assertNull(d.tasks().get(4).parentSeq());
        assertUnits(d.tasks().get(4), "市金融办:LEAD");
        assertTrue(d.warnings().contains("table row 3.1 has no row 3 above it to be a part of: read as a task of its own"),
                d.warnings().toString());
    }

    @Test
    void annexCellsNumberedUnderARowAreItsSubTasks() {
        String text = String.join("\n", "附件", "重点任务分工表", "序号 |", "重点任务 |", "责任单位 |", "完成时限 |",
                "1 |", "推进产教融合平台建设。 |", "市发展改革委 |", "2021年底前 |",
                "1.1 |", "建设市级产教融合实训基地2个。 |", "市教育局 |", "2021年6月底前 |",
                "1.2 |", "培育产教融合型企业10家。 |", "市工业和信息化局、市国资委 |", "2021.12 |",
                "2 |", "完善政策支持体系。 |", "市财政局 |", "2.28 |",
                "3 |", "落实金融支持政策。 |", "市金融办 |", "2022年底前 |", "");
        ParsedDocument d = parsed("pipe-sub-rows.txt", text);
        assertEquals(DocumentShape.PIPE_ANNEX, d.shape());
        // before, 1.1 and 1.2 ran into row 1 as cells of it
        assertEquals(List.of("1", "1.1", "1.2", "2", "3"), seqs(d));
        List<ParsedTask> parts = d.tasks().stream().filter(t -> "1".equals(t.parentSeq())).toList();
        assertEquals(List.of("1.1", "1.2"), parts.stream().map(ParsedTask::seq).toList());
        assertUnits(task(d, "1"), "市发展改革委:LEAD");
        assertUnits(parts.get(0), "市教育局:LEAD");
        assertEquals(List.of(LocalDate.of(2021, 6, 30)), dueDates(parts.get(0)));
        assertUnits(parts.get(1), "市工业和信息化局:LEAD", "市国资委:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2021, 12, 31)), dueDates(parts.get(1)), "2021.12, a deadline, not a row 2021.12");
        // a deadline cell numbered like a part of row 2 (2.28), not its first (2.1), is a cell of row 2, not a row
        assertUnits(task(d, "2"), "市财政局:LEAD");
        assertUnits(task(d, "3"), "市金融办:LEAD");
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("cells")), d.warnings().toString());
    }

    @Test
    void unitsClosingAHeadingLineWithTheContentBelowAreTheParagraphsUnits() {
        String text = String.join("\n", "某县人民政府办公室关于印发推进职业教育发展实施方案的通知", "某政办发〔2021〕5号", "一、重点任务",
                "（一）完善职业教育布局（县教育局牵头，县财政局配合）", "整合中职学校办学资源，2021年底前建成示范校2所。",
                "（二）加强教师队伍建设（县人力资源社会保障局负责）", "建设双师型教师队伍，到2022年双师型教师占比达到50%以上。",
                "（三）推进产教融合平台建设（县发展改革局牵头，县教育局参与；2022年底前完成）", "建设县级产教融合实训基地1个。",
                "（四）深化校企合作。推行现代学徒制（试行）。", "各学校要制定方案（具体办法另行制定）。", "");
        ParsedDocument d = parsed("heading-units.txt", text);
        // before, no paragraph was a task: the units were looked for at the end of the paragraph only
        assertEquals(List.of("（一）", "（二）", "（三）"), seqs(d));
        assertEquals("完善职业教育布局", task(d, "（一）").title());
        assertEquals("整合中职学校办学资源，2021年底前建成示范校2所。", task(d, "（一）").content());
        assertUnits(task(d, "（一）"), "县教育局:LEAD", "县财政局:PARTICIPANT");
        assertUnits(task(d, "（二）"), "县人力资源社会保障局:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2022, 12, 31)), dueDates(task(d, "（三）")), "the timing beside the units");
        // a sentence ending in brackets that are no units (（试行）) is no heading with units
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("paragraph （四） names no responsible units")),
                d.warnings().toString());
    }

    private static ParsedDocument parsed(String fileName, String text) {
        return PolicyDocumentParser.parse(fileName, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void subItemsNumberedOnThroughTheParagraphsAreEachATaskWithTheirOwnUnits() {
        ParsedDocument d = parse("numbered-on-sub-items-plan.txt");
        assertEquals(DocumentShape.NUMBERED_PARAGRAPHS, d.shape());
        assertEquals(LocalDate.of(2023, 5, 18), d.issuedOn());
        // （一）1. 2. （二）3. 4. （三）5. 6.: before, 3. to 6. ran into their paragraph, which kept the last item's units
        assertEquals(List.of("二.（一）", "1.", "2.", "二.（二）", "3.", "4.", "二.（三）", "5.", "6."), seqs(d));
        assertEquals(List.of("二.（二）", "二.（二）"), d.tasks().stream().filter(t -> List.of("3.", "4.").contains(t.seq()))
                .map(ParsedTask::parentSeq).toList());
        assertUnits(subTask(d, "3."), "市人力资源社会保障局:LEAD", "市教育局:PARTICIPANT", "湘潭大学:PARTICIPANT",
                "湖南科技大学:PARTICIPANT");
        assertUnits(subTask(d, "4."), "市委宣传部:LEAD", "市人力资源社会保障局:RESPONSIBLE");
        assertUnits(subTask(d, "6."), "市人力资源社会保障局:LEAD", "市科技局:RESPONSIBLE", "湘潭经开区:RESPONSIBLE",
                "湘潭高新区管委会:RESPONSIBLE");
        // 年内 and 全年: the year the plan was issued
        assertTrue(subTask(d, "1.").milestones().contains(new ParsedMilestone("年内开发见习岗位不少于2000个",
                LocalDate.of(2023, 12, 31), new Target(new BigDecimal("2000"), "个", Comparator.AT_LEAST, null))),
                subTask(d, "1.").milestones().toString());
        assertEquals(List.of(new ParsedMilestone("全年推出宣传报道不低于30篇", LocalDate.of(2023, 12, 31),
                new Target(new BigDecimal("30"), "篇", Comparator.AT_LEAST, null))), subTask(d, "4.").milestones());
        // 个人创业担保贷款额度最高30万元 caps what one borrower may get: a term of the support, no target (it was one,
        // AT_MOST, which supervision then found held); the amount to lend is the target
        assertEquals(List.of(new Target(new BigDecimal("2"), "亿元", Comparator.ABOUT, null)),
                subTask(d, "5.").milestones().stream().map(ParsedMilestone::target).toList());
    }

    @Test
    void aParticipantsCellKeepsItsRoleAfterACommaAndAYearlessCellIsDueInTheYearOfIssue() {
        ParsedDocument d = parse("participants-cell-with-commas-table.txt");
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), seqs(d));
        // 配合单位 cell 市工商联，市级有关单位: before, what followed the comma was RESPONSIBLE
        assertUnits(task(d, "8"), "市委统战部:LEAD", "市工商联:PARTICIPANT", "市级有关单位:PARTICIPANT");
        assertUnits(task(d, "2"), "市市场监管局:LEAD", "市发改委:PARTICIPANT", "市财政局:PARTICIPANT", "各县区人民政府:PARTICIPANT");
        // 完成时限 年内, in a plan issued in 2024
        assertEquals(List.of(LocalDate.of(2024, 12, 31)), dueDates(task(d, "6")));
        assertEquals(List.of(LocalDate.of(2024, 9, 30), LocalDate.of(2024, 9, 30)), dueDates(task(d, "5")));
    }

    @Test
    void aBracketOfUnitsNamingEnterprisesIsUnitsWithItsLabelsAndDeadline() {
        ParsedDocument d = parse("enterprises-among-units-opinion.txt");
        // （牵头单位：市工信局；责任单位：宝鸡铁塔公司、各基础电信企业，各县区人民政府；完成时限：2023年底前）: before, the
        // paragraph was dropped as naming no units
        assertUnits(task(d, "1"), "市工信局:LEAD", "宝鸡铁塔公司:RESPONSIBLE", "各基础电信企业:RESPONSIBLE",
                "各县区人民政府:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2023, 12, 31)), dueDates(task(d, "1")),
                "年内 in the text and 2023年底前 in the bracket are one milestone, dated by the bracket");
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("paragraph 1 ")), d.warnings().toString());
    }

    @Test
    void chapterRowsOverATableWithATaskColumnNameTheCategoryAndUnitsOnLinesOfTheirOwnAreUnitsEach() {
        ParsedDocument d = parse("chapter-rows-over-task-columns-table.txt");
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), seqs(d));
        // 序号 | 重点任务 | 具体措施 | … under chapter rows （一）…: before, the chapter rows were run into the row above's last
        // cell, and each row's 重点任务 was its category
        assertEquals(List.of("提升景区能级", "提升景区能级", "提升景区能级", "丰富文旅业态", "丰富文旅业态", "丰富文旅业态",
                "完善服务配套", "完善服务配套", "完善服务配套", "完善服务配套"), d.tasks().stream().map(ParsedTask::category).toList());
        ParsedTask first = task(d, "1");
        assertEquals("创建5A级旅游景区", first.title());
        assertTrue(first.content().startsWith("推进氡泉景区提升改造，2025年6月底前"), first.content());
        assertEquals(List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2026, 12, 31)), dueDates(first), "the review, then the award");
        // 每年新增3A级以上景区2个 in a plan issued in 2024 and due by 2026: a milestone for each year (before: one, due 2026)
        assertEquals(List.of("每年新增3A级以上景区2个（2024年）:2024-12-31", "每年新增3A级以上景区2个（2025年）:2025-12-31",
                "每年新增3A级以上景区2个（2026年）:2026-12-31", "到2026年全县A级景区达到30个以上:2026-12-31"),
                task(d, "2").milestones().stream().map(m -> m.title() + ":" + m.dueDate()).toList());
        // a 配合单位 cell with one unit per line: before, one name 县发改局县自然资源和规划局县交通运输局
        assertUnits(first, "县文广旅体局:LEAD", "县发改局:PARTICIPANT", "县自然资源和规划局:PARTICIPANT", "县交通运输局:PARTICIPANT");
        assertUnits(task(d, "3"), "县文广旅体局:LEAD", "县大数据发展中心:PARTICIPANT", "国网泰顺县供电公司:PARTICIPANT");
        assertEquals(List.of(List.of("国网泰顺县供电公司")), task(d, "3").units().stream().skip(2).map(UnitMention::readings).toList(),
                "a name holding its own level gets none implied before it");
        assertUnits(task(d, "5"), "县文广旅体局:LEAD", "县教育局:PARTICIPANT", "县文旅集团:PARTICIPANT");
        assertUnits(task(d, "8"), "县市场监管局:LEAD", "县文广旅体局:PARTICIPANT", "县公安局:PARTICIPANT", "县综合行政执法局:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2025, 12, 31)), dueDates(task(d, "3")));
        assertFalse(task(d, "3").sourceText().contains("丰富文旅业态"), "the chapter row below is no part of the row above");
        // a target's title takes in the items before it that hold no number (before: 银宿民宿20家左右)
        assertEquals("培育省级金宿、银宿民宿20家左右", task(d, "4").milestones().get(0).title());
        assertEquals("新媒体宣传阅读量突破1亿人次", task(d, "9").milestones().get(1).title(), "亿人次 is a unit");
    }

    @Test
    void anAnnexMentionedBelowTheLastParagraphAndUnitsThatCarryItOutAreNoPartOfIt() {
        ParsedDocument d = parse("district-plan-with-annex-mention.txt");
        assertEquals(DocumentShape.NUMBERED_PARAGRAPHS, d.shape());
        // 附件：…（略） below （十）: before, it ran into the paragraph, whose units then no longer closed it
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）", "（十）"), seqs(d),
                d.warnings().toString());
        assertUnits(task(d, "（十）"), "各街道办事处:RESPONSIBLE", "区统计局:PARTICIPANT", "区直有关单位:PARTICIPANT");
        // （区住建局、区商务局按职责分工负责，南湖街道办事处落实）: before, 落实 was no role and the paragraph was dropped
        assertUnits(task(d, "（三）"), "区住建局:RESPONSIBLE", "区商务局:RESPONSIBLE", "南湖街道办事处:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2025, 6, 30)), dueDates(task(d, "（三）")));
        // 配合单位：区人社局　区市场监管局, parted by a full-width space
        assertUnits(task(d, "（二）"), "区商务局:LEAD", "区人社局:PARTICIPANT", "区市场监管局:PARTICIPANT");
        assertUnits(task(d, "（七）"), "区委编办:LEAD", "区商务局:RESPONSIBLE");
        // 到2024年底，…420亿元…；新增限额以上商贸企业不少于60家；…: every goal of the sentence is due then
        assertTrue(d.milestones().contains(new ParsedMilestone("新增限额以上商贸企业不少于60家", LocalDate.of(2024, 12, 31),
                new Target(new java.math.BigDecimal("60"), "家", org.luoshi.task.api.model.Comparator.AT_LEAST, null))),
                d.milestones().toString());
    }

    @Test
    void aPipeTableWithARemarksColumnReadsEveryRowByItsColumns() {
        ParsedDocument d = parse("remarks-column-pipe-table.txt");
        assertEquals(DocumentShape.PIPE_ANNEX, d.shape());
        assertEquals(List.of("1", "2", "3", "3.1", "3.2", "4", "5", "6", "7", "8", "9"),
                d.tasks().stream().map(ParsedTask::seq).toList());
        // 备注 after 完成时限: before, the header ended at 完成时限 and a row with a remark was read as number, title,
        // units (row 1: title 2025年底前, the unit 纳入省级考核)
        ParsedTask first = task(d, "1");
        assertEquals("建设产教融合城市", first.category());
        assertEquals("遴选省级产教融合试点城市5个左右，其中郑州、洛阳争创国家试点城市。备注：纳入省级考核。", first.content());
        assertUnits(first, "省发展改革委:LEAD", "省教育厅:PARTICIPANT", "各省辖市人民政府:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2025, 12, 31)), dueDates(first));
        assertEquals("建设产教融合城市", task(d, "2").category(), "a blank category cell is the one above");
        assertUnits(subTask(d, "3.2"), "省财政厅:LEAD", "省税务局:RESPONSIBLE");
        assertEquals(List.of("建设实践中心", "落实支持政策", "落实支持政策"),
                List.of(task(d, "6").category(), task(d, "7").category(), task(d, "8").category()));
        assertUnits(task(d, "6"), "省教育厅:LEAD", "省发展改革委:RESPONSIBLE", "省人力资源社会保障厅:RESPONSIBLE");
        Target range = task(d, "7").milestones().get(0).target();
        assertEquals("1000万元 RANGE 3000", range.quantity().toPlainString() + range.unit() + " " + range.comparator() + " "
                + range.max().toPlainString());
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("cells, the header")), d.warnings().toString());
    }

    @Test
    void deadlinesWithoutAYearAreInTheYearOfIssueUnlessThatDayIsPast() {
        ParsedDocument d = parse("work-points-without-years.txt");
        assertEquals(LocalDate.of(2024, 2, 20), d.issuedOn());
        // before, each of these was left undated without a word: 8 of the 12 tasks had no deadline
        assertEquals(List.of(LocalDate.of(2024, 3, 31)), dueDates(task(d, "（一）")), "3月底前");
        assertEquals(List.of(LocalDate.of(2024, 6, 30)), dueDates(task(d, "（二）")), "6月底前");
        assertEquals(List.of(LocalDate.of(2024, 9, 30)), dueDates(task(d, "（四）")), "三季度完成");
        assertEquals(List.of(LocalDate.of(2024, 12, 31)), dueDates(task(d, "（五）")), "年底前");
        assertEquals(List.of(LocalDate.of(2024, 11, 30)), dueDates(task(d, "（六）")), "11月底前");
        assertEquals(List.of(LocalDate.of(2024, 6, 30)), dueDates(task(d, "（七）")), "上半年完成");
        assertEquals(List.of(LocalDate.of(2024, 9, 30)), dueDates(task(d, "（十）")), "9月30日前");
        assertEquals(List.of(LocalDate.of(2024, 12, 20)), dueDates(task(d, "（十二）")), "12月中旬完成: by the end of 中旬, the 20th");
        assertUnits(task(d, "（一）"), "市安委办:LEAD", "各县（市、区）人民政府:RESPONSIBLE");
        assertEquals(List.of(AssignmentKind.AGENCY, AssignmentKind.UNSPECIFIED), kinds(task(d, "（二）")),
                "市安委会各成员单位 names no unit: before, it was looked up as one");

        String late = String.join("\n", "某市人民政府办公室关于印发2024年重点工作安排的通知", "某政办发〔2024〕9号",
                "一、重点任务", "（一）制定工作清单，3月底前印发实施。（市政府办公室负责）",
                "（二）完善督查制度，建成督查平台1个，6月底前上线运行。（市政府督查室负责）",
                "（三）开展评估，年底前形成报告。（市发展改革委负责）", "某市人民政府办公室", "2024年5月8日", "");
        ParsedDocument p = parsed("late.txt", late);
        assertEquals(LocalDate.of(2024, 5, 8), p.issuedOn());
        // 3月 of the year of issue had passed when the document was issued: this year's or next? not guessed
        assertEquals(List.of(), dueDates(task(p, "（一）")), p.warnings().toString());
        assertTrue(p.warnings().contains("'制定工作清单，3月底前印发实施' names no year, and in the year of issue its date"
                + " 2024-03-31 comes before the document's 2024-05-08: its date is not known"), p.warnings().toString());
        assertEquals(List.of(LocalDate.of(2024, 6, 30)), dueDates(task(p, "（二）")));
        assertEquals(List.of(LocalDate.of(2024, 12, 31)), dueDates(task(p, "（三）")));
    }

    @Test
    void clausesNumberedInWordsThatEachCloseWithTheirUnitsAreSubItems() {
        ParsedDocument d = parse("units-per-ordinal-clause-plan.txt");
        // （一）…一是…（县农业农村局牵头，各乡镇人民政府负责）；二是…（…负责）；三是…（县生态环境分局牵头，…配合）: before,
        // only the last clause's units were the paragraph's, and the others' were lost without a word
        List<ParsedTask> clauses = d.tasks().stream().filter(t -> "二.（一）".equals(t.parentSeq())).toList();
        assertEquals(List.of("一是", "二是", "三是"), clauses.stream().map(ParsedTask::seq).toList());
        assertUnits(clauses.get(0), "县农业农村局:LEAD", "各乡镇人民政府:RESPONSIBLE");
        assertUnits(clauses.get(1), "县农业农村局:RESPONSIBLE", "县卫生健康局:RESPONSIBLE");
        assertUnits(clauses.get(2), "县生态环境分局:LEAD", "县住建局:PARTICIPANT", "县水利局:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2024, 10, 31)), dueDates(clauses.get(2)));
        assertEquals("推进农村人居环境整治", task(d, "二.（一）").title());
        // （四）一是…；二是…。（units）: the units close the paragraph, not its last clause
        assertUnits(task(d, "二.（四）"), "县委政法委:LEAD", "县公安局:PARTICIPANT", "县民政局:PARTICIPANT", "县司法局:PARTICIPANT");
        assertTrue(d.tasks().stream().noneMatch(t -> "二.（四）".equals(t.parentSeq())));
        // a 主要目标 heading on its own line is no part of the first goal's title (before: 一、主要目标全年农村居民…)
        assertEquals("全年农村居民人均可支配收入增长8%左右", d.milestones().get(0).title());
    }

    @Test
    void labelsInBracketsInATraditionalTextWithAsciiPunctuationAreLabels() {
        ParsedDocument d = parse("bracketed-labels-traditional-plan.txt");
        // 【牽頭單位】市工信局【責任單位】…【完成時限】2025年底前: before, no paragraph named units and no task was found
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）"),
                d.tasks().stream().filter(t -> t.parentSeq() == null).map(ParsedTask::seq).toList(), d.warnings().toString());
        ParsedTask first = task(d, "（一）");
        assertEquals(List.of("市工信局", "市通信發展管理辦公室", "市數據管理局", "各縣（市、區）人民政府"),
                first.units().stream().map(UnitMention::rawName).toList(), "names as written, resolved by their simplified key");
        assertEquals(AssignmentRole.LEAD, first.units().get(0).role());
        assertTrue(dueDates(first).stream().allMatch(LocalDate.of(2025, 12, 31)::equals), dueDates(first).toString());
        assertTrue(first.milestones().stream().anyMatch(m -> m.target() != null && "千米".equals(m.target().unit())), "500千米");
        // 發展數字文旅.①打造…: the ASCII full stop before ① ends the heading
        assertEquals("发展数字文旅", task(d, "（三）").title());
        assertEquals(List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31)), dueDates(task(d, "（四）")), "2024年—2025年");
        // 2-1. 2-2. 2-3. under (二), each followed by its own labelled units: before, all ran into the paragraph, whose
        // units were the last item's
        List<ParsedTask> parts = d.tasks().stream().filter(t -> "（二）".equals(t.parentSeq())).toList();
        assertEquals(List.of("2-1.", "2-2.", "2-3."), parts.stream().map(ParsedTask::seq).toList());
        assertEquals(List.of("市工信局", "市發改委", "市科技局"), parts.get(0).units().stream().map(UnitMention::rawName).toList());
        assertEquals(List.of("市工信局", "市財政局"), parts.get(1).units().stream().map(UnitMention::rawName).toList());
    }

    @Test
    void rowsNumberedWithinTheirChapterKeepTheChapterInTheirNumber() {
        ParsedDocument d = parse("chapter-numbered-rows-supervision-table.txt");
        // 序号 一、1 … 四、4: before, no row had a number and every one was skipped
        assertEquals(List.of("一.1", "一.2", "一.3", "二.1", "二.2", "二.3", "三.1", "三.2", "三.3", "四.1", "四.2", "四.3", "四.4"),
                seqs(d), d.warnings().toString());
        assertEquals("促进消费升级", task(d, "二.1").category());
        assertTrue(task(d, "四.1").milestones().stream().anyMatch(m -> m.target() != null && "公顷".equals(m.target().unit())));
    }

    @Test
    void aStandingTimingBesideTheUnitsAndMonthRangesAndCountedThings() {
        ParsedDocument d = parse("straight-numbered-division-plan.txt");
        // （省文化和旅游厅、商务厅，各设区市人民政府；长期）: before, 长期 alone was no timing and the paragraph was dropped
        assertUnits(task(d, "7"), "省文化和旅游厅:LEAD", "商务厅:RESPONSIBLE", "各设区市人民政府:RESPONSIBLE");
        // 2024年7月—8月: due at the end of the last month (before: 31 July)
        assertEquals(List.of(LocalDate.of(2024, 8, 31), LocalDate.of(2024, 8, 31)), dueDates(task(d, "9")));
        // 新增5000人以上大型演出30场以上: 5000人 says which shows count, 30场 is the target
        assertEquals(List.of("30场", "50%"), task(d, "8").milestones().stream()
                .map(m -> m.target().quantity().toPlainString() + m.target().unit()).toList());
        assertEquals("2万家次", task(d, "14").milestones().get(0).target().quantity().toPlainString()
                + task(d, "14").milestones().get(0).target().unit());
        // 南昌海关 belongs to no level of the list: 省南昌海关 is not tried
        assertEquals(List.of("南昌海关"), task(d, "6").units().stream().filter(u -> u.rawName().equals("南昌海关"))
                .findFirst().orElseThrow().readings());
    }

    @Test
    void partsNumberedWithADashAreSubTasks() {
        String text = String.join("\n", "某县2024年重点任务分工表", "序号\t重点任务\t责任单位\t完成时限",
                "1\t建设乡镇便民服务中心5个。\t县政务服务中心\t2024年底前", "2\t推进村级便民服务。\t县民政局\t2024年底前",
                "2-1\t建设村（社区）便民服务站52个。\t各镇人民政府\t2024年6月底前",
                "2-2\t开展代办服务1万人次。\t县民政局\t2024年9月底前", "3\t完善考核机制。\t县委督查室\t2024年12月底前", "");
        ParsedDocument d = parsed("dashed-parts.txt", text);
        // before, rows 2-1 and 2-2 were skipped as having no number
        assertEquals(List.of("1", "2", "2.1", "2.2", "3"), seqs(d), d.warnings().toString());
        assertEquals("2", subTask(d, "2.1").parentSeq());
        assertEquals(List.of(LocalDate.of(2024, 6, 30)), dueDates(subTask(d, "2.1")).subList(0, 1));
    }

    @Test
    void labelledLinesAfterTheBodyLeadNoChapterAndUnitsAfterTheLastFullStopCloseTheParagraph() {
        String text = String.join("\n", "某县优化营商环境三年行动方案", "某政办发〔2024〕9号", "一、重点任务",
                "（一）深化审批制度改革。全面推行承诺制审批。（县行政审批局负责）",
                "（二）提升教育质量。一是新建幼儿园3所（县教育局负责）；二是改造薄弱学校5所（县教育局、县财政局负责）；"
                        + "三是招聘教师100名。（县人社局牵头，县教育局、县财政局配合）",
                "（三）加强医疗保障。一是（县卫健委负责）；二是（县医保局负责）；三是（县民政局负责）",
                "二、保障措施", "（一）加强组织领导。成立工作专班。", "附件：重点任务清单", "某县人民政府办公室", "2024年3月1日",
                "附件", "牵头单位：县行政审批局", "完成时限：2024年底前", "");
        ParsedDocument d = parsed("after-the-body.txt", text);
        // a 牵头单位 line of the annex, after the body, is no line of the 保障措施 chapter (review finding)
        assertEquals(List.of("一.（一）", "一.（二）", "一是", "二是", "三是", "一.（三）"), seqs(d), d.warnings().toString());
        // …三是招聘教师100名。（units）: the units after the last full stop are the paragraph's, which its 三是 inherits
        assertUnits(task(d, "一.（二）"), "县人社局:LEAD", "县教育局:PARTICIPANT", "县财政局:PARTICIPANT");
        ParsedTask third = d.tasks().stream().filter(t -> "三是".equals(t.seq())).findFirst().orElseThrow();
        assertUnits(third, "县人社局:LEAD", "县教育局:PARTICIPANT", "县财政局:PARTICIPANT");
        // 一是（县卫健委负责）names no work: no sub-items of nothing
        assertTrue(d.tasks().stream().noneMatch(t -> "一.（三）".equals(t.parentSeq())), seqs(d).toString());
    }

    @Test
    void aKindOfTaskColumnStaysTheCategoryAndRepeatedNumbersOrNotesMakeNoTask() {
        String text = String.join("\n", "某县2024年重点工作任务清单", "序号\t任务类别\t工作任务\t责任单位\t完成时限", "一、经济发展",
                "1\t产业发展\t新建标准厂房10万平方米。\t县经信局\t2024年底前", "2\t项目建设\t完成固定资产投资100亿元。\t县发改局\t2024年底前",
                "2\t\t说明：以上任务按季度调度\t\t", "\t注：各单位每月5日前报送进展\t\t县政府办\t", "");
        ParsedDocument d = parsed("kinds-and-notes.txt", text);
        assertEquals(List.of("1", "2"), seqs(d), d.warnings().toString());
        assertEquals("新建标准厂房10万平方米", task(d, "1").title(), "任务类别 names a kind of tasks, not the row's task");
        assertEquals("产业发展", task(d, "1").category());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("is a note, no task: skipped")), d.warnings().toString());
    }

    @Test
    void rowsNumberedWithinChaptersAreToldApartByTheirChapter() {
        String text = String.join("\n", "某市重点工作督办清单", "序号\t工作任务\t具体措施\t责任单位\t完成时限",
                "一、1\t扩大投资\t实施重大项目800个。\t市发改委\t2024年底前",
                "一、1.1\t扩大投资\t新开工项目200个。\t市住建局\t2024年6月底前",
                "二、1\t优化营商环境\t开展营商环境评价。\t\t2024年底前",
                "二、2\t优化营商环境\t推行证照分离改革。\t市市场监管局\t2024年底前",
                "二、2\t优化营商环境\t清理涉企收费。\t\t2024年9月底前", "");
        ParsedDocument d = parsed("chapter-numbers.txt", text);
        // review findings: 二、1 was read as a part of 一、1 (same number once the chapter was dropped), 一、1.1 found no row 1
        assertEquals(List.of("一.1", "1.1", "二.1", "二.2", "2.1"), seqs(d), d.warnings().toString());
        assertEquals("一.1", d.tasks().get(1).parentSeq());
        assertEquals("二.2", d.tasks().get(4).parentSeq(), "the same number again, with text of its own: a part, not dropped");
    }

    @Test
    void clausesThatEachCloseWithUnitsAfterTheirFullStopKeepThem() {
        String text = String.join("\n", "某县就业工作方案", "一、重点任务",
                "（一）加强就业服务。一是开展职业技能培训1000人次。（县人社局负责）二是开发公益性岗位200个。（县民政局负责）",
                "（二）加强创业扶持。发放创业担保贷款1亿元。（县财政局负责）", "（三）加强宣传引导。开展政策宣讲。（县委宣传部负责）", "");
        ParsedDocument d = parsed("clauses-after-stops.txt", text);
        List<ParsedTask> clauses = d.tasks().stream().filter(t -> "（一）".equals(t.parentSeq())).toList();
        // review finding: the last clause's units were taken for the paragraph's, and 县人社局 was lost
        assertEquals(List.of("一是", "二是"), clauses.stream().map(ParsedTask::seq).toList(), d.warnings().toString());
        assertUnits(clauses.get(0), "县人社局:RESPONSIBLE");
        assertUnits(clauses.get(1), "县民政局:RESPONSIBLE");
    }

    @Test
    void aTaskColumnUnderChapterRowsTitlesTheRowAndBracketedRolesMarkUnits() {
        String text = String.join("\n", "某县2024年重点任务分工", "序号\t工作任务\t具体措施\t责任单位\t完成时限", "一、产业发展",
                "1\t推进产业升级\t实施技改项目50个。\t县经信局\t2024年底前",
                "2\t提升政务服务\t推进一网通办。\t县政务服务中心【牵头】、县数据局【配合】\t2024年底前", "");
        ParsedDocument d = parsed("task-column.txt", text);
        assertEquals("产业发展", task(d, "1").category());
        assertEquals("推进产业升级", task(d, "1").title(), "工作任务 names the row's task, as 重点任务 does");
        assertUnits(task(d, "2"), "县政务服务中心:LEAD", "县数据局:PARTICIPANT");
    }

    @Test
    void aTableCopiedFromAPdfWithOneCellPerLineIsReadByWhatEachLineHolds() {
        ParsedDocument d = parse("pdf-text-table-with-chapters.txt");
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals(List.of("1", "2", "2.1", "2.2", "3", "4", "5", "6", "7", "8"), seqs(d));
        assertEquals("蒲府办发〔2024〕9号", d.docNumber());

        ParsedTask first = task(d, "1");
        assertEquals("提升政务服务效能", first.category(), "the chapter line above the row");
        assertEquals("深化“高效办成一件事”改革，推出企业和个人全生命周期“一件事”集成服务20项以上", first.title(),
                "the text's two lines are one cell");
        assertUnits(first, "县政务服务中心:LEAD", "县市场监管局:PARTICIPANT", "县人社局:PARTICIPANT");
        assertTrue(dueDates(first).contains(LocalDate.of(2024, 10, 31)), "a deadline wrapped after its year: " + dueDates(first));

        assertEquals("2", subTask(d, "2.1").parentSeq(), "2-1 is a part of row 2");
        assertUnits(subTask(d, "2.1"), "各镇人民政府:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2024, 6, 30)), dueDates(subTask(d, "2.1")));
        assertEquals(List.of(LocalDate.of(2024, 12, 31)), dueDates(subTask(d, "2.2")), "全年: the year of issue");

        ParsedTask third = task(d, "3");
        assertUnits(third, "县住建局:LEAD", "县自然资源和规划局:PARTICIPANT", "县发改局:PARTICIPANT");
        assertFalse(third.content().contains("—"), "the page number below the row is no text of it: " + third.content());
        assertEquals(List.of(LocalDate.of(2024, 9, 30)), dueDates(third));

        ParsedTask fourth = task(d, "4");
        assertEquals("优化市场环境", fourth.category());
        assertUnits(fourth, "县发改局:LEAD", "县市场监管局:RESPONSIBLE", "县财政局:RESPONSIBLE");
        assertNull(fourth.milestones().get(0).dueDate(), "长期 is no date");
        assertEquals(List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31)), dueDates(task(d, "5")));

        ParsedTask last = task(d, "8");
        assertEquals("强化要素保障", last.category());
        assertUnits(last, "县委组织部（县委人才办）:LEAD", "县人社局:RESPONSIBLE");
        assertEquals("开展“蓉漂人才”招引活动，引进各类人才2000人，人才总量较上年增长0.5倍", last.title());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("one cell per line")), d.warnings().toString());
    }

    @Test
    void aPdfTableWithCategoryLeadAndPartnerColumnsKeepsEachCellInItsColumn() {
        ParsedDocument d = parse("pdf-text-table-lead-and-partner-columns.txt");
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals(List.of("1", "2", "3", "4", "2.1", "2.2"), seqs(d),
                "the header repeated after a page break goes on with row 3; the chapter's rows numbered from 1 again");

        ParsedTask first = task(d, "1");
        assertEquals("体制机制", first.category(), "a short first line above a longer one is the category cell");
        assertEquals("建立产教融合联席会议制度，统筹推进全市产教融合工作", first.title());
        assertUnits(first, "市发展改革委:LEAD", "市教育局:PARTICIPANT", "市人力资源社会保障局:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2024, 6, 30)), dueDates(first), "完成/时限 wrapped in the header, 2024年6月底/前 in the row");

        ParsedTask second = task(d, "2");
        assertEquals("体制机制", second.category(), "a row's first line as wide as its text is no category");
        assertEquals("完善校企合作激励政策，对符合条件的产教融合型企业落实税费优惠", second.title());
        assertUnits(second, "市财政局:LEAD", "市税务局:PARTICIPANT");

        ParsedTask third = task(d, "3");
        assertEquals("人才培养", third.category());
        assertEquals(new BigDecimal("10"), third.milestones().get(0).target().quantity());
        assertEquals(Comparator.AT_LEAST, third.milestones().get(0).target().comparator());

        ParsedTask fourth = task(d, "4");
        assertEquals("建设产教融合公共实训中心", fourth.title(), "中心 on a line of its own ends the text, no unit");
        assertUnits(fourth, "市教育局:LEAD", "市财政局:PARTICIPANT");

        assertEquals("保障措施", task(d, "2.1").category());
        assertUnits(task(d, "2.1"), "市政府办:LEAD", "各县区人民政府:PARTICIPANT");
        assertUnits(task(d, "2.2"), "市教育局:LEAD", "市人力资源社会保障局:PARTICIPANT", "市国资委:PARTICIPANT");
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("2 (深化校企合作，推动国有企…) list more units")),
                "three names under two units columns are a guess, said so: " + d.warnings());
        assertTrue(d.tasks().stream().noneMatch(t -> t.content().contains("抄送") || t.content().contains("印发")),
                "the distribution lines end the table");
    }

    @Test
    void aPdfTableKeepsUnitsWrappedMidNameDeadlinesWrappedOrInClausesAndEndsAtItsNote() {
        ParsedDocument d = parse("pdf-text-table-chinese-numbered-chapters.txt");
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8"), seqs(d));
        assertEquals("推动产业链群发展", task(d, "1").category(), "一 on its own line, the chapter's title below it");
        assertEquals("强化要素保障", task(d, "8").category());
        assertUnits(task(d, "1"), "省工业和信息化厅:LEAD", "省发展改革委:PARTICIPANT", "省科技厅:PARTICIPANT",
                "省财政厅:PARTICIPANT");
        assertUnits(task(d, "8"), "人民银行湖南省分行:LEAD", "国家金融监督管理总局湖南监管局:RESPONSIBLE");

        ParsedTask third = task(d, "3");
        assertTrue(third.content().endsWith("升级为国家先进轨道交通装备创新中心"),
                "a line after 升级为 goes on the text, though it reads as a name: " + third.content());
        assertUnits(third, "省工业和信息化厅:LEAD", "省科技厅:RESPONSIBLE");
        assertTrue(dueDates(third).contains(LocalDate.of(2024, 11, 30)), dueDates(third).toString());

        assertTrue(dueDates(task(d, "5")).stream().allMatch(LocalDate.of(2024, 9, 30)::equals),
                "第三季度 alone in the deadline cell: by its end, in the year of issue: " + dueDates(task(d, "5")));
        assertUnits(task(d, "5"), "省通信管理局:LEAD", "省工业和信息化厅:RESPONSIBLE", "国网湖南省电力有限公司:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 6, 30)), dueDates(task(d, "6")),
                "2024年6月底前启动，/12月底前见效: the start a step of its own");
        assertTrue(dueDates(task(d, "7")).stream().allMatch(LocalDate.of(2024, 12, 31)::equals), "年内");
        assertTrue(d.tasks().stream().noneMatch(t -> t.content().contains("注") || t.content().contains("抄送")),
                "the note under the table ends it");
        assertTrue(d.tasks().stream().flatMap(t -> t.milestones().stream()).noneMatch(m -> m.title().contains("厅")),
                "no milestone is made of units' names");
    }

    @Test
    void aPdfTableWithCategoryAndRemarksColumnsTellsAWrappedTextFromACategoryByWidth() {
        ParsedDocument d = parse("pdf-text-table-category-and-remarks.txt");
        assertEquals(List.of("1", "2", "3", "4", "5", "5.1", "6", "7"), seqs(d));
        assertEquals("优化政务服务", task(d, "1").category());
        assertEquals("优化政务服务", task(d, "3").category(),
                "a first line as wide as the next (the second with narrower digits) is the text, not a category");
        assertTrue(task(d, "3").content().startsWith("推进工程建设项目招标投标全流程电子化"), task(d, "3").content());
        assertEquals("营造公平竞争市场环境", task(d, "4").category(), "a category wrapped over two short lines");
        assertEquals("营造公平竞争市场环境", subTask(d, "5.1").category());
        assertUnits(task(d, "2"), "市行政审批局:LEAD", "市市场监管局:PARTICIPANT", "市交通运输局:PARTICIPANT",
                "市公安局:PARTICIPANT");
        assertTrue(task(d, "5").content().endsWith("备注：每季度调度。"), "a remark reading like a timing, after the deadline: "
                + task(d, "5").content());
        assertEquals(List.of(LocalDate.of(2024, 12, 31)), dueDates(task(d, "5")));
        assertTrue(task(d, "6").content().endsWith("备注：纳入法治政府建设考核。"), task(d, "6").content());
        assertUnits(task(d, "6"), "市司法局:LEAD", "市级行政执法部门:PARTICIPANT");
    }

    @Test
    void aPdfTableWithAPersonsColumnAndARowGoingOnAfterAPageBreakKeepsEveryCell() {
        ParsedDocument d = parse("pdf-text-table-persons-and-page-split.txt");
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), seqs(d));
        assertTrue(task(d, "2").content().endsWith("责任人：陈立新、黄海波。"), "two persons, one per line: " + task(d, "2").content());
        assertUnits(task(d, "2"), "县水利局:LEAD", "县城投集团:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31)), dueDates(task(d, "3")),
                "a deadline over three lines");
        ParsedTask sixth = task(d, "6");
        assertEquals("实施农村公路提质改造工程，完成县乡道安防工程80公里，改造危旧桥梁12座，新建农村客运招呼站30个。责任人：肖建军。",
                sixth.content(), "the text's end below the page number and the repeated header joins it");
        assertUnits(sixth, "县交通运输局:LEAD");
        assertEquals(3, sixth.milestones().size());
        assertTrue(dueDates(sixth).stream().allMatch(LocalDate.of(2024, 11, 30)::equals), dueDates(sixth).toString());
        assertUnits(task(d, "8"), "县市场监管局:LEAD", "各乡镇人民政府:PARTICIPANT");
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("table rows 6 go on below the header")), d.warnings().toString());
    }

    @Test
    void aPdfTableHeaderMayWrapItsNamesAndNameAColumnTheReaderDoesNotKnow() {
        ParsedDocument wrapped = parse("pdf-text-table-wrapped-header-names.txt");
        assertEquals(List.of("1", "2", "3", "4"), seqs(wrapped), "牵头/单位, 配合/单位, 完成/时限");
        assertUnits(task(wrapped, "2"), "市民政局:LEAD", "市自然资源和规划局:PARTICIPANT", "市住房城乡建设局:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2026, 12, 31)), dueDates(task(wrapped, "2")), "2024—2026年");

        ParsedDocument leaders = parse("pdf-text-table-leader-before-units.txt");
        assertEquals(List.of("1", "2", "3", "4"), seqs(leaders), "重点工作 is a column too");
        assertUnits(task(leaders, "1"), "市发展改革委:LEAD", "市工业和信息化局:RESPONSIBLE", "市统计局:RESPONSIBLE");
        assertTrue(task(leaders, "1").content().endsWith("牵头市领导：王卫平。"), "the leader before the units is no unit: "
                + task(leaders, "1").content());
        assertEquals("建设湖南（株洲）先进轨道交通装备创新中心", task(leaders, "4").title());
        assertUnits(task(leaders, "4"), "市科技局:LEAD", "市工业和信息化局:RESPONSIBLE");
    }

    @Test
    void aPdfTableLaidOutWithSpacesIsReadByTheColumnsItsPiecesStandUnder() {
        ParsedDocument d = parse("pdf-layout-table-aligned-with-spaces.txt");
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals(List.of("1", "2", "3", "4"), seqs(d), "the header repeated after the page number is no row");
        assertEquals("潭政办函〔2024〕31号", d.docNumber());

        ParsedTask first = task(d, "1");
        assertEquals("产教融合", first.category());
        assertEquals("建立产教融合联席会议制度，统筹推进全市产教融合工作", first.title(), "the text's second line, under its column");
        assertUnits(first, "市发展改革委:LEAD", "市教育局:PARTICIPANT", "市人力资源社会保障局:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2024, 6, 30)), dueDates(first));

        ParsedTask second = task(d, "2");
        assertEquals("产教融合", second.category(), "a blank category cell: the row above's");
        assertEquals("完善校企合作激励政策，对符合条件的产教融合型企业落实税费优惠", second.title());
        assertFalse(second.content().contains("3"), "the page number is no text: " + second.content());
        assertUnits(second, "市财政局:LEAD", "市税务局:PARTICIPANT");

        ParsedTask last = task(d, "4");
        assertEquals("人才培养", last.category());
        assertUnits(last, "市人力资源社会保障局:LEAD", "各县市区人民政府:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2024, 12, 31)), dueDates(last), "2024年 / 12月底前 in the deadline's column");
        assertTrue(d.tasks().stream().noneMatch(t -> t.content().contains("抄送")), "the distribution line ends the table");
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("laid out with spaces")), d.warnings().toString());
    }

    @Test
    void aPdfLayoutWithHeaderNamesCentredOverTheirColumnsPutsEachCellUnderItsOwn() {
        ParsedDocument d = parse("pdf-layout-table-centred-header-names.txt");
        assertEquals(List.of("1", "2", "2.1", "2.2", "3", "4", "5"), seqs(d));
        ParsedTask first = task(d, "1");
        assertEquals("加快数字基础设施建设", first.category());
        assertEquals("5G网络建设", first.title(), "the 重点任务 cell titles the row under a chapter");
        assertTrue(first.content().startsWith("新建5G基站2万个，推动千兆光网覆盖全部县城和重点乡镇"), first.content());
        assertUnits(first, "省通信管理局:LEAD", "省工业和信息化厅:PARTICIPANT", "省发展改革委:PARTICIPANT");
        assertUnits(task(d, "2"), "省发展改革委:LEAD", "省数据局:PARTICIPANT", "长沙市人民政府:PARTICIPANT");
        assertEquals("2", subTask(d, "2.1").parentSeq());
        assertUnits(subTask(d, "2.1"), "湘江新区管委会:LEAD", "省数据局:PARTICIPANT");
    }

    @Test
    void aPdfLayoutHeaderOnTwoLinesNamesItsColumnsWhetherItsNamesWrapOrSpanOthers() {
        ParsedDocument wrapped = parse("pdf-layout-table-header-on-two-lines.txt");
        assertEquals(List.of("1", "2", "3", "4"), seqs(wrapped), "牵头/单位, 配合/单位, 完成/时限 over two lines");
        assertUnits(task(wrapped, "1"), "市住房城乡建设局:LEAD", "市财政局:PARTICIPANT", "各区县（市）人民政府:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31)), dueDates(task(wrapped, "1")));
        assertTrue(task(wrapped, "2").content().endsWith("备注：按季度调度。"), task(wrapped, "2").content());

        ParsedDocument spanning = parse("pdf-layout-table-spanning-header-and-page-break.txt");
        assertEquals(List.of("1", "2", "2.1", "2.2", "3", "4"), seqs(spanning), "责任单位 over 牵头单位 and 配合单位");
        assertUnits(task(spanning, "1"), "市政务服务中心:LEAD", "市直有关单位:PARTICIPANT");
        ParsedTask third = task(spanning, "3");
        assertTrue(third.content().endsWith("建立涉企检查码制度，对检查行为全程留痕、可溯可查"),
                "the row goes on below the header repeated after a page break, without the running title: " + third.content());
        assertUnits(third, "市司法局:LEAD", "市市场监管局:PARTICIPANT", "市直有关执法部门:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2024, 7, 31)), dueDates(third));
        assertTrue(spanning.warnings().stream().anyMatch(w -> w.startsWith("table rows 3 go on below the header")),
                spanning.warnings().toString());
    }

    @Test
    void aPdfLayoutWithCellsCentredVerticallySharesTheLinesBetweenTwoNumbersByWhereTheCellsAboveEnd() {
        ParsedDocument d = parse("pdf-layout-table-cells-centred-vertically.txt");
        assertEquals(List.of("1", "2", "3", "4", "5"), seqs(d));
        ParsedTask first = task(d, "1");
        assertTrue(first.content().startsWith("全面推行企业开办全程网上办理，营业执照申领"),
                "the line above the number is the row's first: " + first.content());
        assertTrue(first.content().endsWith("一次办结，压减开办时间"), "its last line ends short: the next line is row 2's: "
                + first.content());
        assertUnits(first, "市市场监管局:LEAD", "市政务服务中心:PARTICIPANT", "市公安局:PARTICIPANT", "市税务局:PARTICIPANT");
        ParsedTask second = task(d, "2");
        assertTrue(second.content().startsWith("深化工程建设项目审批制度改革，推行"), second.content());
        assertTrue(second.content().endsWith("年内办理项目不少于30个"),
                "a line after a full one goes on with the row above, though it is as far below as row 2 is tall above: "
                        + second.content());
        assertEquals("建立涉企收费目录清单制度，全面清理规范行业协会商会收费", task(d, "3").content(),
                "row 3's second line comes before the page break, row 4's first after it");
        ParsedTask fourth = task(d, "4");
        assertTrue(fourth.content().startsWith("加大援企稳岗力度") && fourth.content().endsWith("招工1万人以上"), fourth.content());
        assertUnits(fourth, "市人力资源和社会保障局:LEAD", "各县市区人民政府:PARTICIPANT");
        ParsedTask fifth = task(d, "5");
        assertEquals("强化要素保障", fifth.category());
        assertTrue(fifth.content().startsWith("健全中小微企业融资服务体系"), "the line between the chapter and the number: "
                + fifth.content());
        assertUnits(fifth, "市财政局:LEAD", "市金融办:PARTICIPANT", "人民银行岳阳市分行:PARTICIPANT");
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("centred vertically")), d.warnings().toString());
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("go on below the header")), d.warnings().toString());

        ParsedDocument topAligned = parse("pdf-layout-table-aligned-with-spaces.txt");
        assertTrue(topAligned.warnings().stream().noneMatch(w -> w.contains("centred vertically")),
                "a table whose rows start at their numbers is read as before: " + topAligned.warnings());
    }

    @Test
    void aPdfLayoutCellFilledToOneSpaceBeforeTheNextColumnIsCutWhereThatColumnsCellsStart() {
        ParsedDocument d = PolicyDocumentParser.parse("tight.txt", """
                郴州市人民政府办公室关于印发《郴州市教育强市建设重点任务》的通知
                郴政办函〔2030〕15号
                附件
                序号      主要任务                                  责任单位            完成时限
                   1  新建改扩建公办幼儿园10所，新增公办学位    市教育局牵头，市财政  2030年12月底前
                      3000个                                    局配合
                   2  推进县域普通高中发展提升行动，建成5所市级 市教育局牵头，        2030年8月底前
                      示范性普通高中                            市发展改革委配合
                   3  实施中小学教师“县管校聘”管理改革        市教育局              2030年9月底前
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("1", "2", "3"), seqs(d));
        assertEquals("推进县域普通高中发展提升行动，建成5所市级示范性普通高中", task(d, "2").content());
        assertUnits(task(d, "2"), "市教育局:LEAD", "市发展改革委:PARTICIPANT");
        assertUnits(task(d, "1"), "市教育局:LEAD", "市财政局:PARTICIPANT");
    }

    /**
     * Tables laid out with spaces, most with their cells centred vertically in the ways renderers print them (the half
     * line rounded down or up, the number rounded otherwise than the text, a first row of one line, rows split by page
     * breaks over three pages, categories merged over rows or one per row or only in a group's first row, one unit per
     * line, units or deadline the tallest cell, cells that fill their columns, a two-line header, seven columns), some
     * aligned to the top (tall rows, a merged category wrapping into the next row's lines, a chapter's title wrapped,
     * one-line categories, a header on three lines), cells off their column by a character or two, a running header and
     * page footers, narrow deadline columns (one four characters wide, its year alone on a row's first line), one whose
     * numbers alone are centred, categories in a column before the numbers (编号 1.1 beside 重点工作), parts under
     * categories merged and centred a half line off, and one with paragraphs after the table (no row's):
     * every row as the documents' writers listed it in {@code pdf-layout-rows.tsv}, with its deadlines where given.
     */
    @Test
    void pdfLayoutTablesCentredVerticallyOrNotGiveEveryRowItsOwnLines() {
        Map<String, List<String[]>> expected = new java.util.LinkedHashMap<>();
        new String(fixture("pdf-layout-rows.tsv"), java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t"))
                .forEach(row -> expected.computeIfAbsent(row[0], f -> new ArrayList<>()).add(row));
        assertEquals(40, expected.size());
        expected.forEach((file, rows) -> {
            ParsedDocument d = parse(file);
            assertEquals(rows.stream().map(r -> r[1]).toList(), seqs(d), file);
            for (String[] row : rows) {
                ParsedTask task = d.tasks().stream().filter(t -> t.seq().equals(row[1])).findFirst().orElseThrow();
                String where = file + " row " + row[1];
                assertEquals("-".equals(row[2]) ? null : row[2], task.category(), where);
                assertTrue(task.content().startsWith(row[3]), where + ": " + task.content());
                List<String> units = task.units().stream().map(u -> u.rawName() + ":" + u.role()).toList();
                List<String> wanted = List.of(row[4].split(";"));
                assertEquals(wanted.size(), units.size(), where + ": " + units);
                for (int i = 0; i < wanted.size(); i++) {
                    String unit = wanted.get(i);
                    assertTrue(unit.endsWith(":*") ? units.get(i).startsWith(unit.substring(0, unit.length() - 1))
                            : units.get(i).equals(unit), where + ": " + units);
                }
                if (row.length > 5) {
                    assertEquals("-".equals(row[5]) ? List.of() : List.of(row[5].split(",")), task.milestones().stream()
                            .map(m -> String.valueOf(m.dueDate())).distinct().toList(), where + ": " + task.milestones());
                }
            }
            boolean centred = d.warnings().stream().anyMatch(w -> w.contains("centred vertically"));
            assertEquals(file.contains("-centred-"), centred, file + ": " + d.warnings());
            assertEquals(file.contains("text-after-table"), d.warnings().stream()
                    .anyMatch(w -> w.contains("after the task table's last row")), file + ": " + d.warnings());
        });
    }

    /**
     * A one-cell-per-line table whose header is printed again after a page's number: the rows below it (5, not 1) are
     * read on; the header's last name had taken the row's number and ended the table there, three rows lost unwarned.
     */
    @Test
    void aOneCellPerLineTableGoesOnBelowItsHeaderRepeatedOverAPage() {
        ParsedDocument d = parse("pdf-text-table-header-repeated-after-page-number.txt");
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), seqs(d));
        assertUnits(task(d, "6"), "市委金融办:LEAD", "人民银行株洲市分行:PARTICIPANT");
        assertEquals(LocalDate.of(2025, 9, 30), task(d, "7").milestones().get(0).dueDate());
    }

    /**
     * Places before a government that closes the list share its words ({@code 信丰县、龙南市、于都县人民政府},
     * {@code 武汉、襄阳、宜昌市人民政府}): each is read as its government first, its name kept as written.
     */
    @Test
    void placesListedBeforeAGovernmentAreReadAsTheirGovernments() {
        ParsedDocument table = parse("pdf-text-table-counties-sharing-government.txt");
        ParsedTask fifth = task(table, "5");
        assertUnits(fifth, "市工业和信息化局:LEAD", "市商务局:RESPONSIBLE", "信丰县:RESPONSIBLE", "龙南市:RESPONSIBLE",
                "于都县人民政府:RESPONSIBLE");
        assertEquals(java.util.Arrays.asList(null, null, "信丰县人民政府", "龙南市人民政府", null),
                fifth.units().stream().map(UnitMention::impliedName).toList());

        ParsedDocument prose = parse("page-break-inside-paragraph-hubei-opinion.txt");
        ParsedTask fourth = task(prose, "（四）");
        assertEquals(List.of("武汉市人民政府", "武汉"), fourth.units().get(2).readings());
        assertEquals(List.of("襄阳市人民政府", "襄阳"), fourth.units().get(3).readings());
        assertEquals("宜昌市人民政府", fourth.units().get(4).rawName());
    }

    /**
     * A prose document printed from a PDF: page numbers (— 5 —) inside a paragraph or after its units are no text;
     * unit lists naming a railway unit (车务段), a province's group of governments (各市、州、直管市、神农架林区人民政府) or
     * every locality (各地) are units, and the tasks they close are kept (they were dropped). A list whose only role
     * words are 按职责分工负责 makes every unit responsible, its commas apart.
     */
    @Test
    void pageNumbersAndUnusualUnitNamesNoLongerDropProseTasks() {
        ParsedDocument hubei = parse("page-break-inside-paragraph-hubei-opinion.txt");
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"), seqs(hubei));
        assertTrue(task(hubei, "（五）").content().endsWith("支持旅居养老发展。"), task(hubei, "（五）").content());
        assertUnits(task(hubei, "（六）"), "省人社厅:RESPONSIBLE", "省民政厅:RESPONSIBLE", "省教育厅:RESPONSIBLE",
                "各市、州、直管市、神农架林区人民政府:RESPONSIBLE");
        assertEquals(AssignmentKind.GROUP, task(hubei, "（六）").units().get(3).kind());
        assertUnits(task(hubei, "（七）"), "省民政厅:LEAD", "省住建厅:PARTICIPANT", "省残联:PARTICIPANT", "各地:RESPONSIBLE");
        assertTrue(hubei.warnings().stream().noneMatch(w -> w.contains("names no responsible units")), hubei.warnings().toString());

        ParsedDocument jiujiang = parse("page-number-after-units-line-measures.txt");
        assertUnits(task(jiujiang, "（三）"), "市商务局:LEAD", "市文化广电新闻出版旅游局:RESPONSIBLE",
                "各县（市、区）人民政府:RESPONSIBLE");

        ParsedDocument yueyang = parse("railway-unit-in-brackets-opinion.txt");
        assertUnits(task(yueyang, "（三）"), "市交通运输局:LEAD", "市发展改革委:LEAD",
                "中国铁路广州局集团有限公司岳阳车务段:PARTICIPANT");
    }

    /**
     * A note under the table, 注：排在第一位的为牵头单位，其他为配合单位, makes the units after the first of a list without
     * role words participants (by the convention without it, each is responsible); a district's government is taken as
     * named, without the city's level before it.
     */
    @Test
    void aNoteThatTheFirstUnitLeadsAndTheOthersAssistMakesThemParticipants() {
        ParsedDocument d = parse("note-first-unit-leads-others-assist-table.txt");
        assertUnits(task(d, "1"), "市发展改革委:LEAD", "市经信局:PARTICIPANT", "市招商服务中心:PARTICIPANT");
        assertUnits(task(d, "4"), "市生态环境局:LEAD", "市水利和湖泊局:PARTICIPANT", "市农业农村局:PARTICIPANT",
                "各县市区人民政府:PARTICIPANT");
        assertEquals(List.of("夷陵区人民政府"), task(d, "6").units().get(1).readings());
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("the document's note \"排在第一位的为牵头单位，其他为配合单位\"")),
                d.warnings().toString());

        String withoutNote = new String(fixture("note-first-unit-leads-others-assist-table.txt"),
                java.nio.charset.StandardCharsets.UTF_8).replace("排在第一位的为牵头单位，其他为配合单位", "请各单位按时报送进展");
        ParsedDocument plain = PolicyDocumentParser.parse("n.txt", withoutNote.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertUnits(task(plain, "1"), "市发展改革委:LEAD", "市经信局:RESPONSIBLE", "市招商服务中心:RESPONSIBLE");
    }

    /**
     * Work points whose units bracket is followed by a bracket of their timing, labelled or not
     * (【牵头单位：…】【完成时限：2025年第三季度】, （…）（年内）): every item is a task due then (all eight were lost).
     */
    @Test
    void aBracketOfTimingAfterTheUnitsBracketDatesTheTask() {
        ParsedDocument d = parse("units-bracket-then-deadline-bracket-work-points.txt");
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8"), seqs(d));
        assertUnits(task(d, "2"), "市经信局:LEAD", "市发展改革委:PARTICIPANT", "市统计局:PARTICIPANT");
        assertEquals(LocalDate.of(2025, 9, 30), task(d, "2").milestones().get(0).dueDate());
        assertEquals("实施新一轮大规模技术改造，工业投资增长10%以上，新增规模以上工业企业300家左右。", task(d, "2").content());

        String unlabelled = new String(fixture("units-bracket-then-deadline-bracket-work-points.txt"),
                java.nio.charset.StandardCharsets.UTF_8).replace("【", "（").replace("】", "）").replace("完成时限：", "");
        ParsedDocument round = PolicyDocumentParser.parse("r.txt", unlabelled.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8"), seqs(round));
        assertEquals(LocalDate.of(2025, 6, 30), task(round, "4").milestones().get(0).dueDate(), "（6月底前）");
    }

    /**
     * A tab table whose rows a page broke: the rest of a row below the page's number and 续表 (and the header printed
     * again) goes on in the row's cells, its units too (they had been dropped, the rest skipped).
     */
    @Test
    void aRowBrokenByAPageGoesOnInItsCellsOnTheNextPage() {
        ParsedDocument d = parse("rows-split-by-page-breaks-table.txt");
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8"), seqs(d));
        assertTrue(task(d, "4").content().endsWith("完成荆州古城东门至小北门段游览步道建设。"), task(d, "4").content());
        assertUnits(task(d, "4"), "市文化和旅游局:LEAD", "市住房和城乡建设局:RESPONSIBLE", "荆州区人民政府:RESPONSIBLE");
        assertTrue(task(d, "7").content().endsWith("设置智慧旅游导览标识系统，实现4A级以上景区全覆盖。"), task(d, "7").content());
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("skipped")), d.warnings().toString());
    }

    /** Provinces listed bare before the government that closes the list (湖北、江西、安徽省人民政府) are its governments. */
    @Test
    void provincesListedBeforeAProvincesGovernmentAreReadAsTheirGovernments() {
        ParsedTask second = task(parse("provinces-sharing-government-annex.txt"), "2");
        assertEquals(List.of("湖北省人民政府", "湖北"), second.units().get(3).readings());
        assertEquals(List.of("江西省人民政府", "江西"), second.units().get(4).readings());
        assertEquals("安徽省人民政府", second.units().get(5).rawName());
    }

    /** Annex titles take the text of the body paragraph they open, when the body numbers again under each chapter. */
    @Test
    void annexTitlesFindTheirParagraphsWhenTheBodyNumbersAgainUnderEachChapter() {
        ParsedDocument d = parse("annex-titles-body-numbered-per-chapter-notice.txt");
        assertTrue(task(d, "5").content().startsWith("做好农民工就业帮扶。加强劳务协作"), task(d, "5").content());
        assertTrue(task(d, "1").content().startsWith("支持企业稳岗扩岗。落实失业保险稳岗返还政策"), task(d, "1").content());
    }

    /**
     * Paragraphs closing with each unit's share of the work (市教育局：负责…；市自然资源局：负责…) are tasks of those units,
     * the shares kept in the content (all four were dropped).
     */
    @Test
    void unitsGivenTheirSharesAfterTheTaskAreItsUnits() {
        ParsedDocument d = parse("duty-clauses-after-the-task-plan.txt");
        assertEquals(List.of("二.（一）", "二.（二）", "二.（三）", "二.（四）"), seqs(d));
        ParsedTask first = task(d, "二.（一）");
        assertUnits(first, "市教育局:RESPONSIBLE", "市自然资源局:RESPONSIBLE", "各县（市、区）人民政府:RESPONSIBLE");
        assertTrue(first.content().endsWith("各县（市、区）人民政府：负责项目建设。"), first.content());
    }

    /** Rows numbered ①②③ or （1） under a row are its parts, as 2.1, 2.2 … (they were skipped). */
    @Test
    void circledItemNumbersUnderARowAreItsParts() {
        ParsedDocument d = parse("circled-item-numbers-table.txt");
        assertEquals(List.of("1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "2.3", "3"), seqs(d));
        assertUnits(subTask(d, "2.1"), "市发展改革委:LEAD", "市公共资源交易中心:RESPONSIBLE");
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("skipped")), d.warnings().toString());
    }

    /**
     * A table copied from a spreadsheet, its cells with line breaks in quotes ("市教育局⏎市财政局"): the quotes go, each
     * line's unit is a unit (和县人民政府, a county of one character, too), the remarks keep their own quotes unescaped.
     */
    @Test
    void aSpreadsheetsQuotedCellsAreReadWithoutTheirQuotes() {
        ParsedDocument d = parse("spreadsheet-copy-quoted-cells-table.txt");
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), seqs(d));
        assertUnits(task(d, "1"), "市人力资源社会保障局:LEAD", "市教育局:RESPONSIBLE", "市财政局:RESPONSIBLE",
                "各县区人民政府:RESPONSIBLE");
        assertUnits(task(d, "6"), "市水务局:LEAD", "当涂县人民政府:RESPONSIBLE", "含山县人民政府:RESPONSIBLE",
                "和县人民政府:RESPONSIBLE");
        assertTrue(d.tasks().stream().flatMap(t -> t.units().stream()).noneMatch(u -> u.rawName().contains("\"")));
        assertTrue(task(d, "3").content().contains("按照\"政府引导"), task(d, "3").content());
    }

    /**
     * Cities named 广州, 惠州 before a city's government share it as cities (广州市人民政府, not 广州人民政府); a civil
     * aviation bureau of the nation gets no province's level.
     */
    @Test
    void citiesEndingInZhouShareTheCitysGovernmentAndAviationIsNational() {
        ParsedDocument d = parse("cities-ending-in-zhou-sharing-government-opinion.txt");
        ParsedTask second = task(d, "（二）");
        assertEquals(List.of("广州市人民政府", "广州"), second.units().stream().filter(u -> u.rawName().equals("广州"))
                .findFirst().orElseThrow().readings());
        assertEquals(List.of("民航中南地区管理局"), task(d, "（一）").units().stream()
                .filter(u -> u.rawName().startsWith("民航")).findFirst().orElseThrow().readings());
    }

    /**
     * A labelled deadline naming steps, each with its work (时间节点：2025年6月底前，新增普惠托位500个；2025年12月底前，累计新增
     * 1200个): each step is a milestone of its own date, and the steps stay in the content (the first step's work was cut
     * out as the deadline, and the last target dated by the first step).
     */
    @Test
    void aLabelledDeadlineOfStepsDatesEachStep() {
        ParsedDocument d = parse("staged-deadlines-under-labels-plan.txt");
        ParsedTask first = task(d, "1");
        assertTrue(first.content().contains("时间节点：2025年6月底前，新增普惠托位500个；2025年12月底前，累计新增1200个。"),
                first.content());
        assertTrue(first.milestones().contains(new ParsedMilestone("新增普惠托位500个", LocalDate.of(2025, 6, 30),
                new Target(new BigDecimal("500"), "个", Comparator.EXACT, null))), first.milestones().toString());
        assertTrue(first.milestones().contains(new ParsedMilestone("累计新增1200个", LocalDate.of(2025, 12, 31),
                new Target(new BigDecimal("1200"), "个", Comparator.EXACT, null))), first.milestones().toString());
        assertUnits(first, "市卫生健康委:LEAD", "市发展改革委:PARTICIPANT", "市妇联:PARTICIPANT", "团市委:PARTICIPANT",
                "各县区人民政府:PARTICIPANT");
        // one date alone is the task's deadline, as before
        assertEquals(LocalDate.of(2025, 10, 31), task(d, "3").milestones().get(0).dueDate());
    }

    /**
     * Roles written after the list in words not read before (负总责, 负责具体实施, A牵头、B配合 joined by 、): each lost its
     * paragraph's units, and the paragraph with them (review 35).
     */
    @Test
    void rolesWrittenAfterTheListInOtherWordsKeepTheirParagraphs() {
        ParsedDocument d = parse("roles-after-the-list-plan.txt");
        assertEquals(List.of("二.（一）", "二.（二）", "二.（三）", "二.（四）", "二.（五）", "二.（六）"),
                d.tasks().stream().map(ParsedTask::seq).toList());
        assertUnits(task(d, "二.（二）"), "市住建局:LEAD", "市城管局:PARTICIPANT", "市水利局:PARTICIPANT", "各县市区人民政府:RESPONSIBLE");
        assertUnits(task(d, "二.（三）"), "市住建局:LEAD", "市自然资源和规划局:PARTICIPANT", "市应急管理局:PARTICIPANT");
        assertUnits(task(d, "二.（六）"), "市发展改革委:RESPONSIBLE", "市财政局:RESPONSIBLE", "人行娄底市分行:PARTICIPANT",
                "国家金融监督管理总局娄底监管分局:PARTICIPANT");
    }

    /**
     * 主责单位 | 协办单位 columns: units parted by spaces or ／ are units each, and a dash in the 协办 cell names none (it
     * was a unit, 市—).
     */
    @Test
    void anAssistingUnitsCellWithADashNamesNone() {
        ParsedDocument d = parse("main-and-assisting-units-columns-table.txt");
        assertUnits(task(d, "1"), "市政务服务办:LEAD", "市公安局:PARTICIPANT", "市人社局:PARTICIPANT", "市医保局:PARTICIPANT");
        assertUnits(task(d, "2"), "市市场监管局:LEAD", "市司法局:PARTICIPANT", "市政务服务办:PARTICIPANT");
        assertUnits(task(d, "3"), "市司法局:LEAD");
        assertUnits(task(d, "5"), "市营商办:LEAD", "市直有关单位:PARTICIPANT", "各园区管委会:PARTICIPANT");
    }

    /** Units parted by spaces before a township group, and village groups after role words (review 35). */
    @Test
    void spacedUnitsBeforeAGroupAndVillageGroupsAreUnitsEach() {
        ParsedDocument d = parse("spaced-units-and-village-groups-plan.txt");
        assertEquals(List.of("1", "2", "3", "4", "5"), d.tasks().stream().map(ParsedTask::seq).toList());
        assertUnits(task(d, "1"), "县农业农村局:LEAD", "县卫生健康局:RESPONSIBLE", "各乡镇（街道）:RESPONSIBLE");
        assertUnits(task(d, "3"), "县城管局:LEAD", "各乡镇（街道）:RESPONSIBLE", "各村（社区）:RESPONSIBLE");
    }

    /**
     * A supervision notice (督办通知): items 督办事项一：… with 主办单位, 协办单位 and 办结时限 lines; every item was lost (review 36).
     */
    @Test
    void aSupervisionNoticesItemsAreTasksWithTheirUnitsAndDeadlines() {
        ParsedDocument d = parse("supervision-notice-items.txt");
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）"), d.tasks().stream().map(ParsedTask::seq).toList());
        ParsedTask first = task(d, "（一）");
        assertEquals("加快推进沅江隧道配套道路建设", first.title());
        assertUnits(first, "市住房和城乡建设局:LEAD", "武陵区人民政府:PARTICIPANT", "市城市建设投资集团:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2025, 9, 30)), dueDates(first));
        assertEquals(List.of(LocalDate.of(2025, 5, 31), LocalDate.of(2025, 5, 31)), dueDates(task(d, "（三）")));
        assertEquals("常德市人民政府督查室", d.issuer(), "a 督查室 signs");
    }

    /**
     * A ministries' joint opinion: 各省、自治区、直辖市及新疆生产建设兵团有关部门 is one group (the paragraphs naming it were
     * lost), the issuer is the title's 国家发展改革委等部门.
     */
    @Test
    void theProvincesDepartmentsAreOneGroupInAMinistriesJointOpinion() {
        ParsedDocument d = parse("ministries-joint-opinion-provincial-departments.txt");
        assertEquals(8, d.tasks().size());
        assertEquals("国家发展改革委等部门", d.issuer());
        assertUnits(task(d, "（五）"), "财政部:RESPONSIBLE", "税务总局:RESPONSIBLE", "自然资源部:RESPONSIBLE",
                "各省、自治区、直辖市及新疆生产建设兵团有关部门:RESPONSIBLE");
        assertEquals(AssignmentKind.GROUP, task(d, "（七）").units().get(0).kind());
    }

    /** 目标任务 names the targets' column; the quarters' columns follow the text (before, 四季度's cell was the title). */
    @Test
    void aTargetsTableWithQuarterlyColumnsIsTitledByItsTargets() {
        ParsedDocument d = parse("targets-with-quarterly-schedule-table.txt");
        assertEquals("市重点建设项目完成投资", task(d, "1").title());
        assertNull(task(d, "1").category());
        assertUnits(task(d, "1"), "市发展改革委:LEAD");
        // each quarter's cell is due at the quarter's end, in the year of issue (they were undated)
        assertEquals(List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 9, 30), LocalDate.of(2025, 12, 31)), dueDates(task(d, "1")));
        ParsedDocument withoutText = parsed("quarters.txt", """
                某市2025年工作任务清单
                序号\t工作任务\t责任单位\t一季度\t二季度\t三季度\t四季度
                1\t新建口袋公园12个\t市城市管理局\t启动建设\t完成4个\t完成8个\t全面完成
                """);
        // 工作任务 beside quarters is the text (the first quarter's cell had become the title)
        assertEquals("新建口袋公园12个", task(withoutText, "1").title());
    }

    /** A table of two columns without 序号 (任务 | 责任单位): its rows numbered in order, with a warning (none was read). */
    @Test
    void aTableWithoutNumbersHasItsRowsNumberedInOrder() {
        ParsedDocument d = parse("task-and-units-columns-without-numbers-notice.txt");
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), d.tasks().stream().map(ParsedTask::seq).toList());
        assertUnits(task(d, "3"), "省民政厅:LEAD", "省卫生健康委:PARTICIPANT");
        assertEquals(List.of(LocalDate.of(2027, 12, 31)), dueDates(task(d, "4")));
        assertTrue(d.warnings().contains("the task table has no 序号 column: its rows are numbered in their order"),
                d.warnings().toString());
        // found by a review: numbered paragraphs with units come before such a table, and the table ends at another
        ParsedDocument paragraphs = parse("paragraphs-before-a-small-unnumbered-table-plan.txt");
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）"), paragraphs.tasks().stream().map(ParsedTask::seq).toList());
        ParsedDocument contacts = parse("unnumbered-table-then-contact-list-notice.txt");
        assertEquals(List.of("1", "2"), contacts.tasks().stream().map(ParsedTask::seq).toList(), "no contact is a task");
    }

    /** Items numbered 一、二、 each closing with its units, no other numbering: each a task (none was read, review 37). */
    @Test
    void itemsNumberedAsChaptersWithTheirOwnUnitsAreTasks() {
        ParsedDocument d = parse("items-numbered-as-chapters-county-plan.txt");
        assertEquals(List.of("一", "二", "三", "四", "五"), d.tasks().stream().map(ParsedTask::seq).toList());
        assertEquals("开展安全生产治本攻坚", task(d, "一").title());
        assertUnits(task(d, "一"), "县安监局:LEAD", "县应急管理局:PARTICIPANT", "县交通运输局:PARTICIPANT",
                "各乡镇人民政府:PARTICIPANT");
        assertEquals(new Target(new BigDecimal("2000"), "批次", Comparator.AT_LEAST, null),
                task(d, "三").milestones().get(0).target(), "批次 with its 以上");
    }

    /** A scoring table (分值, 评分标准) names units beside what is assessed: none of its rows is a task. */
    @Test
    void anAssessmentScoringTableHasNoTasks() {
        ParsedDocument d = parse("assessment-scoring-table-notice.txt");
        assertEquals(List.of(), d.tasks());
        // a task table with a 分值 column is still one: the score follows the text, as a remark does
        ParsedDocument scored = PolicyDocumentParser.parse("s.txt", """
                序号\t重点任务\t责任单位\t完成时限\t分值
                1\t新增规模以上工业企业15家\t县工信局\t2025年底前\t10
                2\t城镇新增就业2000人\t县人社局\t2025年底前\t8
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("新增规模以上工业企业15家", "城镇新增就业2000人"), scored.tasks().stream().map(ParsedTask::title).toList());
        // 目标任务 names the text only when no column is named for the measures
        ParsedDocument measures = PolicyDocumentParser.parse("m.txt", """
                序号\t重点工作\t目标任务\t主要措施\t责任单位
                1\t扩大有效投资\t全年固定资产投资增长8%\t实施重大项目攻坚行动，加快项目前期工作。\t市发展改革委
                2\t促进消费\t社会消费品零售总额增长6%\t开展促消费系列活动，发放消费券。\t市商务局
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("实施重大项目攻坚行动，加快项目前期工作", task(measures, "1").title());
        assertEquals("扩大有效投资", task(measures, "1").category());
    }

    /**
     * A second annex listing projects (项目名称 | 建设内容及年度目标): each project's name titles its row and is no category
     * carried down; before, the name was the category and the first sentence of the works the title.
     */
    @Test
    void aProjectListsNamesTitleItsRows() {
        ParsedDocument d = parse("project-list-second-annex-notice.txt");
        assertEquals(List.of("1", "2", "3", "4", "2.1", "2.2", "2.3"), d.tasks().stream().map(ParsedTask::seq).toList());
        ParsedTask project = task(d, "2.2");
        assertEquals("瑞金红色文化旅游综合体项目", project.title());
        assertEquals("建成红色文化展陈馆和配套设施，年度完成投资3亿元。", project.content());
        assertNull(project.category());
        assertUnits(project, "瑞金市人民政府:LEAD", "市文化广电新闻出版旅游局:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2025, 12, 31)), dueDates(project));
        // the same list on a web page, its cells parted by " |"
        ParsedDocument page = PolicyDocumentParser.parse("p.txt", """
                重点项目清单
                序号 | 项目名称 | 建设内容 | 责任单位 | 完成时限 |
                1 | 通天岩风景名胜区提升项目 | 完成游客服务中心和景区道路改造。 | 章贡区人民政府 | 2025年10月底前 |
                2 | 大余丫山旅游度假区二期项目 | 建成山地运动公园和精品民宿集群。 | 大余县人民政府 | 2026年6月底前 |
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(DocumentShape.PIPE_ANNEX, page.shape());
        assertEquals(List.of("通天岩风景名胜区提升项目", "大余丫山旅游度假区二期项目"),
                page.tasks().stream().map(ParsedTask::title).toList());
        assertEquals(Arrays.asList(null, null), page.tasks().stream().map(ParsedTask::category).toList());
        assertEquals("建成山地运动公园和精品民宿集群。", page.tasks().get(1).content());
        // 任务名称 filled on every row names the rows too; merged over rows (blank below its first), it is their category
        String named = """
                序号\t任务名称\t主要措施\t责任单位
                1\t完善县域商业网络\t改造提升县级物流配送中心。\t流通业发展处
                2\t发展农村电商\t培育农村电商带头人。\t电子商务处
                """;
        ParsedDocument eachRow = PolicyDocumentParser.parse("n.txt", named.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("完善县域商业网络", "发展农村电商"), eachRow.tasks().stream().map(ParsedTask::title).toList());
        ParsedDocument merged = PolicyDocumentParser.parse("m.txt", named.replace("2\t发展农村电商", "2\t")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Arrays.asList("完善县域商业网络", "完善县域商业网络"),
                merged.tasks().stream().map(ParsedTask::category).toList());
        assertEquals("培育农村电商带头人", merged.tasks().get(1).title());
        ParsedDocument filledDown = PolicyDocumentParser.parse("f.txt", named.replace("2\t发展农村电商", "2\t完善县域商业网络")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Arrays.asList("完善县域商业网络", "完善县域商业网络"),
                filledDown.tasks().stream().map(ParsedTask::category).toList(), "a merged cell a spreadsheet filled down");
    }

    /**
     * Four levels, 一、（一）1.（1）, units on the items: each （一） is a section, the category of its paragraphs, which number
     * again under it (二（一）.1); the section's title was lost and the next one glued to an item, taking its units.
     */
    @Test
    void sectionsOverNumberedParagraphsAreTheirCategories() {
        ParsedDocument d = parse("sections-over-numbered-paragraphs-opinion.txt");
        List<ParsedTask> top = d.tasks().stream().filter(t -> t.parentSeq() == null).toList();
        assertEquals(List.of("二（一）.1", "二（一）.2", "二（二）.1", "二（二）.2"), top.stream().map(ParsedTask::seq).toList());
        assertEquals(List.of("提升职业学校关键办学能力", "提升职业学校关键办学能力", "推进市域产教联合体建设", "推进市域产教联合体建设"),
                top.stream().map(ParsedTask::category).toList());
        ParsedTask item = d.tasks().stream().filter(t -> "二（一）.2".equals(t.parentSeq()) && t.seq().equals("（2）"))
                .findFirst().orElseThrow();
        assertUnits(item, "省人力资源社会保障厅:LEAD", "省教育厅:PARTICIPANT", "省国资委:PARTICIPANT");
        assertTrue(d.tasks().stream().noneMatch(t -> t.content() != null && t.content().contains("推进市域产教联合体建设")),
                "a section's title is no item's text");
    }

    /**
     * A copied table whose units cell is merged over two rows: the lower row, with its text and deadline but a blank units
     * cell, takes the units above, with a warning (it was stored without units).
     */
    @Test
    void aRowUnderAUnitsCellMergedOverItTakesTheUnitsAbove() {
        ParsedDocument d = parse("units-cell-merged-over-rows-table.txt");
        assertUnits(task(d, "6"), "市水利和湖泊局:LEAD");
        assertTrue(d.warnings().contains("annex row 6 names no unit: read as those of the row above (a units cell merged"
                + " over both?)"), d.warnings().toString());
    }

    /** Annex rows that only name their tasks take the text of the body's headings of their number (row 3: （三）). */
    @Test
    void annexTitlesTakeTheTextOfTheBodysHeadingsOfTheirNumber() {
        ParsedDocument d = parse("annex-titles-of-body-headings-notice.txt");
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), seqs(d));
        ParsedTask fifth = task(d, "5");
        assertEquals("提升园区要素保障能力", fifth.title());
        assertTrue(fifth.content().contains("新建标准厂房100万平方米以上"), fifth.content());
        assertEquals(new BigDecimal("100"), fifth.milestones().get(0).target().quantity());
        assertTrue(fifth.sourceText().contains("（五）提升园区要素保障能力。"), fifth.sourceText());
    }

    /** A row whose 牵头单位 cell is empty keeps its 配合单位 as participants, none made the lead, and says so. */
    @Test
    void aRowWithoutItsLeadUnitIsWarnedAboutAndItsPartnersStillParticipate() {
        ParsedDocument d = parse("pdf-layout-centred-lead-cell-empty.txt");
        assertUnits(task(d, "3"), "市民政局:PARTICIPANT", "市财政局:PARTICIPANT");
        assertEquals(List.of("annex row 3 names no lead unit (its lead units' cell is empty): its other units keep their"
                + " roles, none leads"), d.warnings().stream().filter(w -> w.contains("no lead unit")).toList());
    }

    @Test
    void goalsClosingAGeneralRequirementsParagraphAreTheDocumentsMilestonesAndItsGuidingThoughtIsNot() {
        ParsedDocument d = parse("goals-closing-general-requirements-opinion.txt");
        assertEquals(List.of("（一）", "（二）", "（三）"), seqs(d));
        assertEquals(List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31), LocalDate.of(2030, 12, 31)),
                d.milestones().stream().map(ParsedMilestone::dueDate).toList(), d.milestones().toString());
        assertEquals(new BigDecimal("30"), d.milestones().get(0).target().quantity());
        assertEquals(Comparator.AT_LEAST, d.milestones().get(0).target().comparator());
        assertEquals(new BigDecimal("10"), d.milestones().get(1).target().quantity());
        assertTrue(d.milestones().get(2).title().contains("产教融合体制机制全面形成"), d.milestones().get(2).title());
        assertTrue(d.milestones().stream().noneMatch(m -> m.title().contains("指导")), "the guiding thought is no goal");

        ParsedDocument withoutGoals = PolicyDocumentParser.parse("g.txt", """
                关于推进示范工作的意见
                湘政办发〔2030〕9号
                一、总体要求
                以新发展理念为引领，坚持问题导向，建立健全20项制度，推动示范工作走在前列。
                二、重点任务
                （一）完善工作机制。建立联席会议制度。（市发展改革委牵头）
                （二）强化督促检查。每季度通报进展。（市政府督查室负责）
                （三）加强宣传引导。总结推广典型经验。（市委宣传部负责）
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("（一）", "（二）", "（三）"), seqs(withoutGoals));
        assertTrue(withoutGoals.milestones().isEmpty(), "a requirement without a time to reach is no goal: " + withoutGoals.milestones());
    }

    @Test
    void aRecurringDeadlineInAParagraphIsReportedNotDated() {
        ParsedDocument d = PolicyDocumentParser.parse("r.txt", """
                关于推进示范工作的意见
                湘政办发〔2030〕9号
                二、重点任务
                （一）完善工作机制。建立联席会议制度，每年12月底前报送工作总结。（市发展改革委牵头）
                （二）强化督促检查。每季度末通报进展。（市政府督查室负责）
                （三）加强宣传引导。2030年底前总结推广典型经验。（市委宣传部负责）
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("（一）", "（二）", "（三）"), seqs(d));
        assertTrue(task(d, "（一）").milestones().isEmpty());
        assertEquals(List.of("task （一）: deadline \"每年12月底前\" comes again each period, no date of completion: not dated"),
                d.warnings().stream().filter(w -> w.contains("comes again")).toList(),
                "每季度末通报 names no deadline, 2030年底前 is one date");
        assertEquals(List.of(LocalDate.of(2030, 12, 31)), dueDates(task(d, "（三）")));
    }

    @Test
    void aRowsDeadlineDatesItsStepsAndTargetsWithoutADateOfTheirOwn() {
        ParsedDocument d = PolicyDocumentParser.parse("steps.txt", """
                某县2024年重点工作任务清单
                序号\t工作任务\t责任单位\t完成时限
                1\t新建污水处理厂1座。\t县住房城乡建设局\t2024年6月底前启动，2024年12月底前完成
                2\t建设24小时自助服务区20个。\t县政务服务中心\t2024年底前
                3\t消除56人以上大班额，建成幼儿园2所。\t县教育局\t2024年9月底前
                4\t改造提升农贸市场3个，6月底前完成2个。\t县商务局\t2024年底前
                5\t6月底前完成方案制定，建成充电桩200个。\t县发展改革局\t2024年底前
                6\t完成改造3个，6月底前完成验收。\t县商务局\t2024年底前
                7\t到2024年6月底，完成改造5个。\t县商务局\t2024年底前
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), seqs(d));
        // a deadline cell in steps: each step a milestone (before, only the later date was kept)
        assertEquals(List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 6, 30)), dueDates(task(d, "1")));
        assertEquals("新建污水处理厂1座（2024年6月底前启动）", task(d, "1").milestones().get(1).title());
        // 24小时 says when the places open, 56人以上 which classes go: neither is a count to reach
        assertEquals(List.of(new BigDecimal("20")), quantities(task(d, "2")));
        assertEquals(List.of(new BigDecimal("2")), quantities(task(d, "3")));
        // 6月底前 in the row's year, for the part it dates; the whole is due with the row (both were 31 December)
        assertEquals(List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 6, 30)), dueDates(task(d, "4")));
        // a step of its own before a target without a date: the target is due with the row (both were 30 June)
        assertEquals(List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 6, 30)), dueDates(task(d, "5")).subList(0, 2));
        assertEquals("6月底前完成方案制定", task(d, "5").milestones().get(1).title());
        // the work before a step dated after it is done by then; a date opening the sentence dates all of it
        assertEquals(LocalDate.of(2024, 6, 30), task(d, "6").milestones().get(0).dueDate());
        assertEquals(LocalDate.of(2024, 6, 30), task(d, "7").milestones().get(0).dueDate());
    }

    /** Review 39: a body's tasks beside an annex of other work, a table of yearly targets, a notice of two tasks. */
    @Test
    void aBodysTasksComeBeforeAnAnnexOfOtherWork() {
        ParsedDocument d = parse("body-tasks-and-a-project-annex-notice.txt");
        // before, the annex's four projects were read and the body's four paragraphs dropped unseen
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）", "1", "2", "3", "4"), seqs(d));
        assertEquals("全面排查整治燃气安全隐患", task(d, "（一）").category());
        assertUnits(task(d, "（二）"), "市城市管理局:LEAD", "市发改委:LEAD", "市财政局:PARTICIPANT");
        assertEquals("芗城区老旧小区燃气庭院管网改造项目", task(d, "1").title());
        assertEquals(List.of(LocalDate.of(2024, 9, 30)), dueDates(task(d, "（三）")));
    }

    @Test
    void aTableOfYearlyTargetsGivesEachYearsTargetInTheRowsMeasure() {
        ParsedDocument d = parse("yearly-target-columns-annex-plan.txt");
        // the body's （一） names the table's first indicator (新建、改扩建公办幼儿园45所): the same work, read once
        assertEquals(List.of("1", "2", "3", "4", "5"), seqs(d));
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("only the table is read")), d.warnings().toString());
        // 指标名称 | 单位 | 2024年 | 2025年 | 2026年: the title was the last year's number and 2026 was lost
        ParsedTask kindergartens = task(d, "1");
        assertEquals("新建、改扩建公办幼儿园", kindergartens.title());
        assertEquals(List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)),
                dueDates(kindergartens));
        assertEquals(List.of(new BigDecimal("20"), new BigDecimal("15"), new BigDecimal("10")), quantities(kindergartens));
        assertEquals("所", kindergartens.milestones().get(0).target().unit());
        ParsedMilestone coverage = task(d, "4").milestones().get(1);
        assertEquals("91 % AT_LEAST", coverage.target().quantity() + " " + coverage.target().unit() + " "
                + coverage.target().comparator(), "91以上 in a % row");
    }

    @Test
    void aNoticeOfTwoParagraphsEachWithItsUnitsHasTwoTasks() {
        ParsedDocument d = parsed("two.txt", """
                某市人民政府办公室关于加快港口建设的通知
                某政办函〔2025〕45号
                一、主要任务
                （一）建设港口。建成泊位3个。（市交通运输局牵头，市财政局配合）
                （二）建设码头。建成码头2个。（市财政局牵头，市交通运输局配合）
                二、工作要求
                各单位要加强协作，按月报送进展。
                """);
        assertEquals(List.of("（一）", "（二）"), seqs(d), "none was read: three paragraphs with units were needed");
        assertUnits(task(d, "（二）"), "市财政局:LEAD", "市交通运输局:PARTICIPANT");
    }

    @Test
    void unitsInASentenceOrOnALineOfTheirOwnCloseTheirParagraph() {
        ParsedDocument d = parse("units-in-sentences-and-lines-of-their-own-plan.txt");
        // before: no task at all (no paragraph closed with units in brackets or under a label but one)
        // （四） closes with 汛期前完成易涝点整治, work of its own after its units: no sentence of units alone, no task
        assertEquals(List.of("二.（一）", "二.（二）", "二.（三）", "二.（五）"), seqs(d), d.warnings().toString());
        // 由…牵头，…配合，…负责具体实施，2025年11月底前完成。
        ParsedTask first = task(d, "二.（一）");
        assertUnits(first, "市住房城乡建设局:LEAD", "市发展改革委:PARTICIPANT", "市财政局:PARTICIPANT",
                "各县（市、区）人民政府:RESPONSIBLE");
        assertEquals(List.of(LocalDate.of(2025, 11, 30), LocalDate.of(2025, 11, 30)), dueDates(first));
        assertFalse(first.content().contains("牵头"), first.content());
        // a line of units without a label, and its deadline after a ；
        assertUnits(task(d, "二.（五）"), "市城市管理局:LEAD", "市自然资源和规划局:PARTICIPANT", "各县（市、区）人民政府:PARTICIPANT");
        assertEquals(LocalDate.of(2025, 12, 31), task(d, "二.（五）").milestones().get(0).dueDate());
        // a paragraph of measures naming a unit in passing is no task
        assertTrue(d.tasks().stream().noneMatch(t -> t.seq().startsWith("三")));
    }

    @Test
    void aUnitsOtherNameInBracketsIsResolvedAfterItsName() {
        ParsedDocument d = parsed("alias.txt", """
                某市人民政府办公室关于加快港口建设的通知
                某政办函〔2025〕46号
                一、主要任务
                （一）建设港口。建成泊位3个。（市交通运输局（市港航事业发展中心）牵头，市财政局配合）
                （二）建设码头。建成码头2个。（市财政局牵头，市交通运输局配合）
                （三）整治航道。整治航道5公里。（市水利局牵头，市财政局配合）
                """);
        // before, the bracket inside the bracket made the paragraph's units none: the task was dropped
        UnitMention lead = task(d, "（一）").units().get(0);
        assertEquals("市交通运输局（市港航事业发展中心）:LEAD", lead.rawName() + ":" + lead.role());
        assertEquals(List.of("市交通运输局", "市交通运输局（市港航事业发展中心）"), lead.readings());
    }

    @Test
    void aDocumentImplementingANationalAndAProvincialDocumentImplementsTheProvincialOne() {
        ParsedDocument d = parse("web-page-two-parent-documents-opinion.txt");
        // 贯彻落实《国务院办公厅…》（国办发〔2024〕1号）和《江苏省政府办公厅…》（苏政办发〔2024〕30号）: the level above
        assertEquals("苏政办发〔2024〕30号", d.implementsDocNumber());
        assertEquals("苏府办〔2025〕26号", d.docNumber());
    }

    /** Code review of the change above: what its rules must leave as they were. */
    @Test
    void aClosingSentenceNamingBodiesInPassingIsNoUnitsAndAHeadingsUnitsStay() {
        ParsedDocument passing = parse("closing-sentences-naming-bodies-in-passing-opinion.txt");
        // 鼓励金融机构参与, 支持有条件的高校牵头: sentences of the work, no units (they had become units, and tasks)
        assertEquals(List.of("一", "三", "五"), seqs(passing));
        ParsedDocument heading = parse("heading-units-and-a-closing-sentence-of-content-plan.txt");
        assertUnits(task(heading, "（一）"), "市金融工作局:LEAD");
        assertTrue(task(heading, "（一）").content().endsWith("鼓励金融机构参与。"), task(heading, "（一）").content());
    }

    @Test
    void aBodyAndAnAnnexOfTheSameTasksAreReadOnce() {
        ParsedDocument d = parse("body-and-annex-of-the-same-tasks-notice.txt");
        // 一、深化“一件事”集成改革 is row 1's 重点任务: before the fix, each task came twice
        assertEquals(List.of("1", "2", "3"), seqs(d));
    }

    @Test
    void reviewedEdgesOfTablesAndDates() {
        ParsedDocument thisYear = parsed("this-year.txt", """
                关于印发2025—2026年数字政府建设任务清单的通知
                序号\t重点任务\t责任单位\t完成时限
                1\t今年6月底前出台数据共享管理办法，建成一体化数据平台\t市数据资源局\t2026年12月底前

                市人民政府办公室
                2025年1月10日
                """);
        // 今年 is the year of issue, not the row's (it was placed in 2026)
        assertEquals(LocalDate.of(2025, 6, 30), task(thisYear, "1").milestones().get(0).dueDate());
        ParsedDocument indicators = parsed("indicators.txt", """
                2025年高质量发展重点指标任务分解表
                序号\t指标名称\t具体内容\t责任单位\t完成时限
                1\t营商环境\t实现企业开办1个工作日内办结，涉企审批事项压减20%\t市数据资源局\t2025年12月底前
                """);
        // 具体内容 is the text, 指标名称 its category (the indicator had become the title)
        assertEquals("营商环境", task(indicators, "1").category());
        assertTrue(task(indicators, "1").title().startsWith("实现企业开办"), task(indicators, "1").title());
        ParsedDocument yearly = parsed("yearly.txt", """
                2024—2026年教育发展主要指标
                序号\t指标名称\t单位\t2024年\t2025年\t2026年\t责任单位
                1\t学前教育毛入园率\t%\t≥90\t92\t95以上\t市教育局
                """);
        assertEquals(Comparator.AT_LEAST, task(yearly, "1").milestones().get(0).target().comparator(), "≥90");
        ParsedDocument opening = parsed("opening.txt", """
                某县2025年安全生产重点任务
                序号\t工作任务\t责任单位\t完成时限
                1\t今年6月底前，完成隐患排查整治100处\t县应急管理局\t2025年底前

                县人民政府办公室
                2025年1月10日
                """);
        // a date opening the sentence dates all of it (100处 was due with the row)
        assertEquals(LocalDate.of(2025, 6, 30), task(opening, "1").milestones().get(0).dueDate());
    }

    @Test
    void aRowCutByAPageBeforeItsUnitsGoesOnUnderTheRepeatedHeader() {
        ParsedDocument d = parse("row-cut-by-a-page-before-its-units-table.txt");
        // — 11 — / 续表 / the header again / the rest of row 2 with its units: the units were lost, the rest skipped
        assertEquals(List.of("1", "2", "3"), seqs(d));
        assertUnits(task(d, "2"), "市交通运输局:LEAD", "市发展改革委:RESPONSIBLE");
        assertTrue(task(d, "2").content().contains("S11线城际铁路前期工作"), task(d, "2").content());
    }

    @Test
    void unitsClosingAParagraphForTheParagraphsAboveItAreTheirsToo() {
        ParsedDocument d = parse("units-shared-by-two-paragraphs-notice.txt");
        // （三） then （四） and 以上两项由市农业农村局、市水利局牵头…: both lost before
        assertEquals(List.of("（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"), seqs(d), d.warnings().toString());
        assertUnits(task(d, "（三）"), "市农业农村局:LEAD", "市水利局:LEAD", "市财政局:PARTICIPANT",
                "市自然资源和规划局:PARTICIPANT", "各区县（市）人民政府:RESPONSIBLE");
        assertEquals(task(d, "（三）").units(), task(d, "（四）").units());
        assertFalse(task(d, "（四）").content().contains("以上两项"), task(d, "（四）").content());
        // 4月中旬前: by the 20th
        assertTrue(dueDates(task(d, "（一）")).contains(LocalDate.of(2025, 4, 20)), dueDates(task(d, "（一）")).toString());
    }

    /** Second code review of the session's rules: what they must leave as it was. */
    @Test
    void aBlankUnitsCellBesideADeadlineAcrossAPageIsAMergedCellNotACutRow() {
        ParsedDocument d = parse("units-cell-merged-over-a-page-break-table.txt");
        // row 2's units cell merged with row 1's, its deadline written: no row cut by the page (it was glued to the next)
        assertEquals("建设科技企业孵化器2个", task(d, "2").title());
        assertUnits(task(d, "2"), "市科技局:LEAD");
    }

    @Test
    void sharedUnitsOfAParagraphsOwnItemsStayTheirs() {
        ParsedDocument d = parse("shared-units-of-a-paragraphs-own-items-notice.txt");
        // （三） 1. 2. then 以上两项由市财政局牵头: its items' units, not the paragraph's above (（二） took them)
        assertFalse(seqs(d).contains("（二）"), seqs(d).toString());
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("takes the units")), d.warnings().toString());
    }

    @Test
    void bodyParagraphsWithTheirUnitsOnTheLineBelowComeBeforeTheAnnex() {
        ParsedDocument d = parse("body-headings-with-units-below-and-an-annex-notice.txt");
        assertEquals(List.of("（一）", "（二）", "1", "2"), seqs(d));
    }

    @Test
    void aRemarksCountLeavesTheRowsDeadlineMilestone() {
        ParsedDocument d = parse("remark-counts-beside-a-deadline-table.txt");
        assertTrue(task(d, "1").milestones().stream().anyMatch(m -> m.target() == null
                && LocalDate.of(2025, 12, 31).equals(m.dueDate())), task(d, "1").milestones().toString());
    }

    @Test
    void periodColumnsAreDueAtTheirEndsInTheYearOfTheWork() {
        ParsedDocument d = parse("half-year-quarter-and-month-columns-tables.txt");
        assertEquals(List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 12, 31)),
                dueDates(task(d, "1")).subList(1, 3), "上半年, 下半年");
        assertTrue(dueDates(task(d, "3.1")).contains(LocalDate.of(2025, 6, 30)), "1-6月: " + dueDates(task(d, "3.1")));
        ParsedDocument nextYear = parse("next-years-plan-with-quarter-columns-table.txt");
        // 某市2026年… issued on 2025-12-25: its quarters are 2026's (四季度 was 2025-12-31, the others undated)
        assertEquals(List.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30),
                LocalDate.of(2026, 12, 31)), dueDates(task(nextYear, "2")).subList(1, 5));
        ParsedDocument onlyQuarters = parsed("quarters-only.txt", """
                某市2025年信息报送任务
                序号\t责任单位\t一季度\t二季度\t三季度\t四季度
                1\t市发展改革委\t报送信息5条\t报送信息5条\t报送信息5条\t报送信息5条
                """);
        assertEquals(List.of("1"), seqs(onlyQuarters), "beside nothing but the units, a quarter holds the work");
        ParsedDocument citations = parsed("citations.txt", """
                广西某市人民政府办公室关于印发2025年重点工作任务的通知
                某政办发〔2025〕5号
                为贯彻落实《广西壮族自治区人民政府办公厅关于…的通知》（桂政办发〔2025〕3号）和《国务院办公厅关于…的意见》（国办发〔2024〕9号）精神，制定本方案。
                （一）建设港口。建成泊位3个。（市交通运输局牵头，市财政局配合）
                （二）建设码头。建成码头2个。（市财政局牵头，市交通运输局配合）
                """);
        assertEquals("桂政办发〔2025〕3号", citations.implementsDocNumber(), "the region's, not the nation's, whatever the order");
    }

    /** Third code review and review 42 (county and township documents). */
    @Test
    void aBodysParagraphsWithUnitsAFewLinesDownComeBeforeTheAnnex() {
        // the quick look before reading a table document's body missed units on a paragraph's third line
        assertEquals(List.of("（一）", "（二）", "1", "2"), seqs(parse("body-units-on-the-third-line-and-an-annex-notice.txt")));
    }

    @Test
    void sharedUnitsAfterAsManySentencesOfWorkAreThoseSentences() {
        ParsedDocument d = parse("shared-units-of-a-paragraphs-own-sentences-notice.txt");
        // （三）落实惠农补贴。6月底前…。9月底前…。以上两项工作由市财政局牵头: its own two sentences, not （二）
        assertFalse(seqs(d).contains("（二）"), seqs(d).toString());
        assertUnits(task(d, "（三）"), "市财政局:LEAD", "市农业农村局:PARTICIPANT");
    }

    @Test
    void aPlanIssuedInSpringForAnEventOfTheNextYearKeepsItsYearOfIssue() {
        ParsedDocument d = parse("next-years-event-plan-issued-in-spring-table.txt");
        // 某市筹办2026年省运会工作方案 issued in April 2025: 6月底前 is 2025's (it moved to 2026)
        assertEquals(List.of(LocalDate.of(2025, 6, 30)), dueDates(task(d, "1")));
    }

    @Test
    void townshipUnitsSectionsAndSupervisors() {
        ParsedDocument d = parse("township-units-supervising-and-sections-plan.txt");
        // 各村（社区）负责，镇党政办督查 (督查 a supervisor's role: the task was dropped); units of a department's section
        assertEquals(java.util.Set.of("（一）", "（二）", "（三）", "（四）"), java.util.Set.copyOf(seqs(d)), d.warnings().toString());
        ParsedDocument county = parsed("county.txt", """
                新化县人民政府办公室关于印发重点任务清单的通知
                新政办发〔2025〕21号
                序号\t重点任务\t责任单位\t完成时限
                1\t完成小型水库除险加固\t县水利局\t2025年汛期前
                2\t开展山洪灾害转移演练\t县应急管理局、各乡镇（街道）、村（社区）\t2025年5月上旬
                3\t推进棚改征收\t县住建局、城关镇\t2025年9月底前
                4\t加强预算管理\t县财政局预算股\t2025年6月底前
                """);
        // 汛期前 is before the summer, not by 31 December: no date, said so
        assertTrue(task(county, "1").milestones().isEmpty(), task(county, "1").milestones().toString());
        // 村（社区） after 各乡镇（街道）: the 各 covers it, a group
        assertEquals(AssignmentKind.GROUP, task(county, "2").units().get(2).kind());
        // a town names its own level (县城关镇 was implied)
        assertNull(task(county, "3").units().get(1).impliedName());
        assertUnits(task(county, "4"), "县财政局预算股:LEAD");
    }

    @Test
    void ofCitationsJoinedTheLastOfAPlacesGovernmentIsImplemented() {
        String body = """
                （一）建设港口。建成泊位3个。（市交通运输局牵头，市财政局配合）
                （二）建设码头。建成码头2个。（市财政局牵头，市交通运输局配合）
                """;
        ParsedDocument city = parsed("city.txt", "某区人民政府办公室关于印发2025年重点工作任务的通知\n某府办发〔2025〕5号\n"
                + "为贯彻落实《广东省人民政府办公厅关于…的通知》（粤府办〔2024〕12号）和《中山市人民政府关于…的通知》（中府〔2025〕3号）精神。\n"
                + body);
        assertEquals("中府〔2025〕3号", city.implementsDocNumber(), "the city's, right above a district");
        ParsedDocument ministry = parsed("ministry.txt", "某市人民政府办公室关于印发2025年教育重点工作任务的通知\n某府办发〔2025〕5号\n"
                + "为贯彻落实《江苏省人民政府办公厅关于…的通知》（苏政办发〔2024〕30号）和《教育部等九部门关于…的意见》（教基〔2024〕1号）精神。\n"
                + body);
        assertEquals("苏政办发〔2024〕30号", ministry.implementsDocNumber(), "not the ministry's");
    }

    @Test
    void aPartyGroupIssuesItsRectificationPlan() {
        ParsedDocument d = parse("party-group-rectification-table.txt");
        assertEquals("中共溆浦县农业农村局党组", d.issuer(), "a 党组 issues (there was no issuer)");
    }

    private static List<BigDecimal> quantities(ParsedTask t) {
        return t.milestones().stream().filter(m -> m.target() != null).map(m -> m.target().quantity()).toList();
    }

    private static ParsedTask subTask(ParsedDocument d, String seq) {
        return d.tasks().stream().filter(t -> t.seq().equals(seq) && t.parentSeq() != null).findFirst()
                .orElseThrow(() -> new AssertionError("no sub-task " + seq + " in " + d.sourceFile()));
    }

    private static List<String> seqs(ParsedDocument d) {
        return d.tasks().stream().map(ParsedTask::seq).toList();
    }

    private static List<AssignmentKind> kinds(ParsedTask t) {
        return t.units().stream().map(UnitMention::kind).toList();
    }

    private static List<LocalDate> dueDates(ParsedTask t) {
        return t.milestones().stream().map(ParsedMilestone::dueDate).toList();
    }

    private static ParsedTask task(ParsedDocument d, String seq) {
        return d.tasks().stream().filter(t -> t.seq().equals(seq) && t.parentSeq() == null).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + seq + " in " + d.sourceFile()));
    }

    /** Expected units as {@code name:ROLE}, in order. */
    private static void assertUnits(ParsedTask task, String... expected) {
        List<String> actual = task.units().stream().map(u -> u.rawName() + ":" + u.role()).toList();
        assertEquals(List.of(expected), actual, "units of task " + task.seq());
        assertEquals(java.util.stream.IntStream.rangeClosed(1, expected.length).boxed().toList(),
                task.units().stream().map(UnitMention::order).toList());
    }
}
