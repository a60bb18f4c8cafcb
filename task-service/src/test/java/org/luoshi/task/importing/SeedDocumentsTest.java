package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.luoshi.task.api.model.AssignmentKind;
import org.luoshi.task.api.model.Comparator;

/** Imports each seed document as it is and checks what comes out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedDocumentsTest {

    private static final Pattern ROLE_WORDS = Pattern.compile("(牵头|负责|参与|配合|会同|按职责|各负其责)");
    private static final Pattern PINYIN = Pattern.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]");

    private ParsedDocument hunanDivision;
    private ParsedDocument hunanTaskList;
    private ParsedDocument panjin;
    private ParsedDocument luan;
    private ParsedDocument jilin;

    @BeforeAll
    void importSeeds() {
        hunanDivision = Seeds.parse(Seeds.HUNAN_DIVISION_OF_TASKS);
        hunanTaskList = Seeds.parse(Seeds.HUNAN_TASK_LIST);
        panjin = Seeds.parse(Seeds.PANJIN);
        luan = Seeds.parse(Seeds.LUAN);
        jilin = Seeds.parse(Seeds.JILIN);
    }

    @Test
    void hunanDivisionOfTasksIsATabTableWhoseBlankCategoryCellsRepeatTheRowAbove() {
        ParsedDocument d = hunanDivision;
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals(24, d.tasks().size());
        assertEquals("重点任务分工", d.title());
        assertNull(d.docNumber());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("文号")));

        ParsedTask first = task(d, "1");
        assertEquals("构建产业和教育统筹融合发展格局", first.category());
        assertEquals("区域经济社会发展和产教融合同步规划实施", first.title());
        assertUnits(first, "省发展改革委:LEAD", "有关部门:PARTICIPANT", "各市州人民政府:RESPONSIBLE");
        assertEquals(AssignmentKind.GROUP, first.units().get(2).kind());
        assertEquals(AssignmentKind.UNSPECIFIED, first.units().get(1).kind());

        assertEquals("构建产业和教育统筹融合发展格局", task(d, "3").category());
        assertEquals("强化行业企业重要主体作用", task(d, "7").category(), "category repeated after a page break");
        assertEquals("强化行业企业重要主体作用", task(d, "8").category());
        assertUnits(task(d, "7"), "省教育厅:LEAD", "省财政厅:RESPONSIBLE", "省人力资源社会保障厅:RESPONSIBLE",
                "省应急管理厅:RESPONSIBLE", "湖南银保监局:RESPONSIBLE", "各市州人民政府:RESPONSIBLE");
        assertUnits(task(d, "19"), "省发展改革委:LEAD", "省工业和信息化厅:LEAD", "省教育厅:LEAD",
                "省人力资源社会保障厅:LEAD", "省民政厅:LEAD", "有关部门和行业协会:PARTICIPANT", "省农业和农村厅:PARTICIPANT",
                "各市州人民政府:RESPONSIBLE");
        assertEquals("省工业信息化厅", task(d, "14").units().get(2).rawName(), "typos are kept as written");

        ParsedMilestone enterprises = task(d, "21").milestones().get(0);
        assertEquals(new Target(new BigDecimal("500"), "家", Comparator.EXACT, null), enterprises.target());
        assertEquals("遴选产教融合示范企业500家", enterprises.title());
        assertTrue(task(d, "2").sourceText().contains("对接产业调整优化学科和专业结构，建立有湖南特色"));
    }

    @Test
    void hunanTaskListHasNoCategoryColumnAndADeadlineInItsText() {
        ParsedDocument d = hunanTaskList;
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals(30, d.tasks().size());
        assertEquals("湖南省工作任务清单", d.title());
        assertTrue(d.tasks().stream().allMatch(t -> t.category() == null));

        ParsedTask seven = task(d, "7");
        assertEquals(1, seven.milestones().size());
        assertEquals(LocalDate.of(2022, 12, 31), seven.milestones().get(0).dueDate());
        assertTrue(seven.milestones().get(0).title().contains("确保2022年达标"));

        assertUnits(task(d, "4"), "省教育厅:LEAD", "省发展改革委:RESPONSIBLE", "省财政厅:RESPONSIBLE",
                "各市州及县市区人民政府:RESPONSIBLE");
        assertUnits(task(d, "24"), "各市州人民政府:LEAD", "省教育厅:RESPONSIBLE");
        assertEquals(10, task(d, "16").units().size());
        assertEquals("人民银行长沙中心支行", task(d, "16").units().get(7).rawName());
        Target oneSchool = task(d, "4").milestones().get(0).target();
        assertEquals(new Target(BigDecimal.ONE, "所", Comparator.AT_LEAST, null), oneSchool);
    }

    @Test
    void panjinIsAPipeAnnexWhoseRowsTakeTheirContentFromTheNumberedBodyParagraphs() {
        ParsedDocument d = panjin;
        assertEquals(DocumentShape.PIPE_ANNEX, d.shape());
        assertEquals(24, d.tasks().size());
        assertAll(
                () -> assertEquals("盘政办发〔2019〕9号", d.docNumber()),
                () -> assertEquals("盘锦市人民政府办公室关于深化产教融合的实施意见", d.title()),
                () -> assertEquals("盘锦市人民政府办公室", d.issuer()),
                () -> assertEquals(LocalDate.of(2019, 1, 22), d.issuedOn()),
                () -> assertEquals(LocalDate.of(2019, 1, 23), d.publishedOn()),
                () -> assertEquals("辽政办发〔2018〕32号", d.implementsDocNumber()));

        ParsedTask first = task(d, "1");
        assertEquals("构建教育和产业融合发展格局", first.category());
        assertEquals("规划引导产教有机融合协调发展", first.title());
        assertTrue(first.content().startsWith("规划引导产教有机融合协调发展。以国民经济和社会发展规划"), first.content());
        assertUnits(first, "市發改委:LEAD", "市教育局:LEAD", "相關部門:PARTICIPANT", "各縣區政府:RESPONSIBLE");
        assertTrue(first.sourceText().startsWith("1 |\n構(gòu)建"), "source text is the annex row as found");
        assertTrue(first.sourceText().contains("1.規(guī)劃引導(dǎo)產(chǎn)教"), "and the body paragraph as found");

        ParsedTask second = task(d, "2");
        assertEquals("构建教育和产业融合发展格局", second.category(), "a three-cell row keeps the category above");
        assertEquals("优化职业教育布局", second.title());
        assertUnits(second, "市教育局:LEAD", "市發改委:RESPONSIBLE", "市人社局:RESPONSIBLE", "各縣區政府:RESPONSIBLE");

        assertEquals("产教供需双向对接", task(d, "17").category(), "damaged annex category taken from the body heading");
        assertEquals("产教供需双向对接", task(d, "19").category());
        assertEquals("完善政策支持体系", task(d, "20").category());
        Target training = task(d, "10").milestones().get(0).target();
        assertEquals(new Target(new BigDecimal("60"), "%", Comparator.AT_LEAST, null), training);

        assertEquals(4, d.milestones().size(), "three 2025 targets of 工作目标 and the 2030 goal after 再通过5年努力");
        assertEquals(LocalDate.of(2025, 12, 31), d.milestones().get(0).dueDate());
        assertEquals(LocalDate.of(2030, 12, 31), d.milestones().get(3).dueDate());
        for (ParsedTask t : d.tasks()) {
            for (String field : new String[] {t.category(), t.title(), t.content()}) {
                assertFalse(field.contains("?") || field.contains("<") || field.contains(">")
                        || PINYIN.matcher(field).find(), "leftover damage in task " + t.seq() + ": " + field);
            }
        }
    }

    @Test
    void luanIsATabTableAfterAShortNotice() {
        ParsedDocument d = luan;
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals(23, d.tasks().size());
        assertAll(
                () -> assertEquals("六政办秘〔2018〕123号", d.docNumber()),
                () -> assertEquals("六安市人民政府办公室关于切实做好深化产教融合重点工作的通知", d.title()),
                () -> assertEquals("六安市人民政府办公室", d.issuer()),
                () -> assertNull(d.issuedOn()),
                () -> assertEquals("皖政办〔2018〕4号", d.implementsDocNumber()));

        assertUnits(task(d, "1"), "市发改委:LEAD", "市有关部门:PARTICIPANT", "各县区政府（管委）:RESPONSIBLE");
        assertUnits(task(d, "4"), "市教育局:LEAD", "市人社局:LEAD", "各高职院校:LEAD", "市有关部门:PARTICIPANT");
        assertUnits(task(d, "7"), "有关部门和行业协会:RESPONSIBLE", "市国资委:LEAD", "市工商联:RESPONSIBLE",
                "各县区政府（管委）:RESPONSIBLE");
        assertEquals("发挥企业重要主体作用", task(d, "10").category(), "category repeated after a page break");
        assertEquals("发挥企业重要主体作用", task(d, "12").category());
        List<String> policySupport = task(d, "22").units().stream().map(UnitMention::rawName).toList();
        assertEquals(List.of("市财政局", "市发改委", "市国税局", "市地税局", "市国土局", "市人社局", "市教育局", "人行六安中心支行",
                "六安银监分局", "市金融办", "各县区政府（管委）"), policySupport);
    }

    @Test
    void jilinIsOcrTextOfNumberedParagraphsWithUnitsInParentheses() {
        ParsedDocument d = jilin;
        assertEquals(DocumentShape.NUMBERED_PARAGRAPHS, d.shape());
        assertEquals(38, d.tasks().size(), "（四）…（三十三） and eight sub-items");
        assertEquals(30, d.tasks().stream().filter(t -> t.parentSeq() == null).count());
        assertAll(
                () -> assertEquals("吉政办发〔2018〕48号", d.docNumber()),
                () -> assertEquals("吉林省人民政府办公厅关于深化产教融合的实施意见", d.title()),
                () -> assertEquals("吉林省人民政府办公厅", d.issuer()),
                () -> assertEquals(LocalDate.of(2018, 12, 12), d.issuedOn()),
                () -> assertEquals("国办发〔2017〕95号", d.implementsDocNumber()));
        assertEquals("（四）", d.tasks().get(0).seq());
        assertEquals("（三十三）", d.tasks().get(d.tasks().size() - 1).seq());

        ParsedTask four = task(d, "（四）");
        assertEquals("构建教育和产业统筹融合发展格局", four.category());
        assertEquals("同步规划产教融合与经济社会发展", four.title());
        assertUnits(four, "省发展改革委:RESPONSIBLE", "省教育厅:RESPONSIBLE", "省直有关部门:RESPONSIBLE",
                "各市〔州〕、县〔市〕政府:RESPONSIBLE");
        assertEquals(AssignmentKind.GROUP, four.units().get(3).kind());

        ParsedTask ten = task(d, "（十）");
        assertEquals("强化企业重要主体作用", ten.category());
        assertUnits(ten, "省教育厅:LEAD", "省人力资源社会保障厅:LEAD", "省发展改革委:LEAD", "省工业和信息化厅:PARTICIPANT",
                "省财政厅:PARTICIPANT", "省国资委:PARTICIPANT");
        assertTrue(ten.content().contains("将企业需求融入人才培养环节"), "深人/融人 read as 深入/融入");
        assertTrue(ten.sourceText().startsWith("( 十 ) 拓展企 业"), "source text is the paragraph as found");

        List<ParsedTask> eight = d.tasks().stream().filter(t -> "（八）".equals(t.parentSeq())).toList();
        assertEquals(List.of("1.", "2.", "3.", "4."), eight.stream().map(ParsedTask::seq).toList());
        assertTrue(task(d, "（八）").units().isEmpty(), "its units are on its sub-items");
        assertUnits(eight.get(0), "省教育厅:RESPONSIBLE", "省人力资源社会保障厅:RESPONSIBLE", "各市〔州〕、县〔市〕政府:RESPONSIBLE");

        ParsedTask training = d.tasks().stream()
                .filter(t -> "（十五）".equals(t.parentSeq()) && t.seq().equals("1.")).findFirst().orElseThrow();
        List<Target> targets = training.milestones().stream().map(ParsedMilestone::target).toList();
        assertTrue(targets.contains(new Target(new BigDecimal("1000"), "元", Comparator.RANGE, new BigDecimal("2000"))),
                targets.toString());
        assertTrue(targets.contains(new Target(new BigDecimal("2000"), "元/人", Comparator.RANGE, new BigDecimal("3000"))));
        assertTrue(targets.contains(new Target(new BigDecimal("1.5"), "%", Comparator.RANGE, new BigDecimal("2.5"))));

        ParsedMilestone committees = task(d, "（二十五）").milestones().get(0);
        assertEquals(LocalDate.of(2020, 12, 31), committees.dueDate());
        assertEquals(new Target(new BigDecimal("20"), "个", Comparator.EXACT, null), committees.target());
        assertEquals(LocalDate.of(2020, 12, 31), task(d, "（六）").milestones().get(0).dueDate());

        assertUnits(task(d, "（三十一）"), "人民银行长春中心支行:RESPONSIBLE", "吉林银保监局筹备组:RESPONSIBLE",
                "吉林证监局:RESPONSIBLE");
        assertUnits(task(d, "（三十二）"), "省教育厅:RESPONSIBLE");
        for (String skipped : List.of("（一）", "（二）", "（三）", "（三十四）", "（三十五）")) {
            assertTrue(d.warnings().stream().anyMatch(w -> w.contains(skipped)), "warning for " + skipped);
        }
        assertEquals(3, d.milestones().size(), "到2020年 / 到2025年 / 到2030年 of 主要目标");
        d.tasks().forEach(t -> assertFalse(Pattern.compile("\\p{IsHan}\\s+\\p{IsHan}").matcher(t.content()).find(),
                "OCR spacing left in " + t.seq()));
    }

    List<ParsedDocument> all() {
        return List.of(hunanDivision, hunanTaskList, panjin, luan, jilin);
    }

    @ParameterizedTest
    @MethodSource("all")
    void everyUnitMentionIsACleanNameInListOrder(ParsedDocument d) {
        for (ParsedTask t : d.tasks()) {
            List<UnitMention> units = t.units();
            assertEquals(IntStream.rangeClosed(1, units.size()).boxed().toList(),
                    units.stream().map(UnitMention::order).toList(), d.sourceFile() + " " + t.seq());
            for (UnitMention u : units) {
                String name = u.rawName();
                String where = d.sourceFile() + " task " + t.seq() + ": \"" + name + "\"";
                assertFalse(name.isBlank(), where);
                assertFalse(name.chars().anyMatch(Character::isWhitespace), "whitespace in " + where);
                assertFalse(ROLE_WORDS.matcher(HanView.of(name)).find(), "role word in " + where);
                assertFalse("（(〔[【）)〕]】，,、；;。".indexOf(name.charAt(0)) >= 0, "leading bracket/punctuation in " + where);
                assertFalse("（(〔[【，,、；;。".indexOf(name.charAt(name.length() - 1)) >= 0, "trailing punctuation in " + where);
                assertTrue(balanced(name), "unbalanced brackets in " + where);
                assertNotNull(u.role());
            }
            if (units.isEmpty()) {
                assertTrue(d.tasks().stream().anyMatch(c -> t.seq().equals(c.parentSeq())),
                        d.sourceFile() + " task " + t.seq() + " has no units and no sub-items");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("all")
    void everyTaskHasATitleContentAndSourceText(ParsedDocument d) {
        for (ParsedTask t : d.tasks()) {
            assertNotNull(t.title(), d.sourceFile() + " " + t.seq());
            assertNotNull(t.content(), d.sourceFile() + " " + t.seq());
            assertFalse(t.sourceText().isBlank(), d.sourceFile() + " " + t.seq());
        }
    }

    private static boolean balanced(String name) {
        int depth = 0;
        for (char c : name.toCharArray()) {
            if ("（(〔[【".indexOf(c) >= 0) {
                depth++;
            } else if ("）)〕]】".indexOf(c) >= 0 && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static ParsedTask task(ParsedDocument d, String seq) {
        return d.tasks().stream().filter(t -> t.seq().equals(seq) && t.parentSeq() == null).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + seq + " in " + d.sourceFile()));
    }

    /** Expected units as {@code name:ROLE}, in order. */
    private static void assertUnits(ParsedTask task, String... expected) {
        List<String> actual = task.units().stream().map(u -> u.rawName() + ":" + u.role()).toList();
        assertEquals(List.of(expected), actual, "units of task " + task.seq());
    }
}
