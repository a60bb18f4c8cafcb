package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentParserTest {

    private static final String TABLE = """
            关于做好示范工作的通知
            湘政办发[2020]7号
            序号\t工作任务\t主要内容\t责任单位
            1\t统筹规划\t2021年底前建成实训基地10个以上。\t省教育厅牵头，省财政厅参与
            2\t\t完善制度。\t省财政厅
            """;

    @Test
    void utf8WithABomAndGb18030AreBothRead() {
        List<String> warnings = new ArrayList<>();
        byte[] bom = ("\uFEFF" + TABLE).getBytes(StandardCharsets.UTF_8);
        assertEquals(TABLE, PolicyDocumentParser.decode(bom, warnings));
        assertTrue(warnings.isEmpty());
        assertEquals(TABLE, PolicyDocumentParser.decode(TABLE.getBytes(Charset.forName("GB18030")), warnings));
        assertEquals(List.of("not UTF-8: decoded as GB18030"), warnings);
    }

    @Test
    void aSmallTabTableWithItsMetadata() {
        ParsedDocument d = PolicyDocumentParser.parse("t.txt", TABLE.getBytes(StandardCharsets.UTF_8));
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals("湘政办发〔2020〕7号", d.docNumber(), "any brackets around the year are written 〔〕");
        assertEquals("关于做好示范工作的通知", d.title());
        assertEquals(2, d.tasks().size());
        ParsedTask second = d.tasks().get(1);
        assertEquals("统筹规划", second.category());
        assertEquals("省财政厅", second.units().get(0).rawName());
        ParsedMilestone bases = d.tasks().get(0).milestones().get(0);
        assertEquals(2021, bases.dueDate().getYear());
        assertEquals(64, d.sourceSha256().length());
    }

    @Test
    void aDeadlineOnADayNoCalendarHasIsTheEndOfItsMonthAndSaidSo() {
        ParsedDocument d = PolicyDocumentParser.parse("d.txt", """
                序号\t工作任务\t责任单位\t完成时限
                1\t完善实训制度\t省教育厅\t2021年2月30日前
                2\t建立评价办法，2022年13月1日前报送。\t省财政厅\t2022年底前
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(java.time.LocalDate.of(2021, 2, 28), d.tasks().get(0).milestones().get(0).dueDate(),
                "tracked, not lost: " + d.tasks().get(0).milestones());
        assertTrue(d.warnings().contains("\"2021年2月30日\" is no date of the calendar: as a deadline it is read as 2021-02-28,"
                + " the end of its month"), d.warnings().toString());
        assertTrue(d.warnings().contains("\"2022年13月1日\" is no date of the calendar: not dated"), d.warnings().toString());
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("gives no date")), d.warnings().toString());
    }

    @Test
    void withinTheYearIsTheYearOfIssueAndWithoutADateOfIssueItIsSaidNotDated() {
        String table = """
                序号\t工作任务\t责任单位\t完成时限
                1\t建设示范基地，年内建成5个。\t省教育厅\t年内
                2\t完善评价办法，今年6月底前出台。\t省财政厅\t长期坚持
                3\t年内新增试点5个。\t省人社厅\t2021年9月底前
                4\t年内出台实施细则。\t省科技厅\t持续推进
                """;
        ParsedDocument dated = PolicyDocumentParser.parse("y.txt", ("湘政办发〔2021〕3号\n" + table + "湖南省人民政府办公厅\n2021年3月2日\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(java.time.LocalDate.of(2021, 3, 2), dated.issuedOn());
        assertEquals(List.of(List.of(java.time.LocalDate.of(2021, 12, 31)), List.of(java.time.LocalDate.of(2021, 6, 30)),
                        List.of(java.time.LocalDate.of(2021, 9, 30)), List.of(java.time.LocalDate.of(2021, 12, 31))),
                dated.tasks().stream().map(t -> t.milestones().stream().map(ParsedMilestone::dueDate).toList()).toList(),
                "the column's date wins over 年内 in the text, with no second milestone; a sentence without digits counts");

        ParsedDocument undated = PolicyDocumentParser.parse("n.txt", table.getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.Collections.singletonList(null),
                undated.tasks().get(0).milestones().stream().map(ParsedMilestone::dueDate).distinct().toList(),
                "no year of issue: a target undated, never year 1");
        assertEquals(List.of(), undated.tasks().get(1).milestones(), "and a deadline alone dropped");
        assertTrue(undated.warnings().stream().anyMatch(w -> w.contains("年内") && w.contains("no date of issue")),
                undated.warnings().toString());
    }

    /** Forms of review 35: each left the date of issue, the issuer or the title's end unread. */
    @Test
    void aSignatureDatedInChineseNumeralsAWrappedTitleAndTwoHeaderFieldsOnALine() {
        String table = """
                序号\t工作任务\t责任单位\t完成时限
                1\t建设示范基地，年内建成5个。\t市教育局\t年底前
                """;
        ParsedDocument signed = PolicyDocumentParser.parse("s.txt", ("关于印发《浏阳市义务教育优质均衡发展攻坚行动任务清单》的通知\n"
                + table + "浏阳市教育局\n二〇二五年八月二十日\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(LocalDate.of(2025, 8, 20), signed.issuedOn());
        assertEquals("浏阳市教育局", signed.issuer());
        assertEquals(List.of(LocalDate.of(2025, 12, 31)), signed.tasks().get(0).milestones().stream()
                .map(ParsedMilestone::dueDate).distinct().toList(), "年底前 is the year of issue's end");
        assertEquals(LocalDate.of(2025, 10, 1), PolicyDocumentParser.parse("o.txt", (table + "浏阳市教育局\n二○二五年十月一日\n")
                .getBytes(StandardCharsets.UTF_8)).issuedOn(), "○ for 〇, 十 alone");

        ParsedDocument wrapped = PolicyDocumentParser.parse("w.txt", ("湖南省人民政府办公厅关于印发《湖南省推动大规模设备更新和消费品以旧换新\n"
                + "三年行动方案（2025—2027年）》的通知\n湘政办发〔2025〕7号\n" + table).getBytes(StandardCharsets.UTF_8));
        assertEquals("湖南省人民政府办公厅关于印发《湖南省推动大规模设备更新和消费品以旧换新三年行动方案（2025—2027年）》的通知",
                wrapped.title());
        assertEquals("湖南省人民政府办公厅", wrapped.issuer());

        ParsedDocument page = PolicyDocumentParser.parse("p.txt", ("索引号：430281/2025-00012\t主题分类：民生\n"
                + "发文机关：醴陵市人民政府办公室\t成文日期：2025年03月05日\n发文字号：醴政办发〔2025〕5号\t发布日期：2025年03月07日\n"
                + table).getBytes(StandardCharsets.UTF_8));
        assertEquals("醴陵市人民政府办公室", page.issuer());
        assertEquals(LocalDate.of(2025, 3, 5), page.issuedOn());
        assertEquals(LocalDate.of(2025, 3, 7), page.publishedOn());
        assertEquals("醴政办发〔2025〕5号", page.docNumber());
    }

    /** 次年 in a document issued in November is the year after its issue; 年底前 before it the year of issue. */
    @Test
    void theNextYearIsTheOneAfterTheYearOfIssue() {
        ParsedDocument d = PolicyDocumentParser.parse("n.txt", """
                岳阳市人民政府关于加快推进冬春农田水利建设的实施意见
                岳政发〔2025〕12号
                一、重点工作
                （一）加快小型水库除险加固。年底前完成15座小型水库除险加固主体工程，次年3月底前全部完工。（市水利局牵头）
                （二）实施山塘清淤扩容。完成山塘清淤扩容1500口。（市水利局牵头，各县市区人民政府负责实施）
                （三）推进高标准农田建设。新建高标准农田18万亩。（市农业农村局牵头）
                岳阳市人民政府
                2025年11月10日
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 31)),
                d.tasks().get(0).milestones().stream().map(ParsedMilestone::dueDate).toList());
    }

    /** Goals under a 目标任务 heading of their own are the document's, also without a 到2025年 opening them. */
    @Test
    void goalsUnderATargetsAndTasksHeadingAreTheDocuments() {
        ParsedDocument d = PolicyDocumentParser.parse("g.txt", """
                岳阳市人民政府关于加快推进冬春农田水利建设的实施意见
                一、目标任务
                2025—2026年度冬春水利建设，全市完成水利投资25亿元以上，新建高标准农田18万亩。
                二、重点工作
                （一）加快小型水库除险加固。年底前完成15座小型水库除险加固主体工程。（市水利局牵头）
                （二）实施山塘清淤扩容。完成山塘清淤扩容1500口。（市水利局牵头，各县市区人民政府负责实施）
                （三）推进高标准农田建设。新建高标准农田18万亩。（市农业农村局牵头）
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("25亿元", "18万亩"), d.milestones().stream()
                .map(m -> m.target().quantity().toPlainString() + m.target().unit()).toList());
        assertEquals(LocalDate.of(2026, 12, 31), d.milestones().get(0).dueDate(), "by the end of the period's last year");
    }

    /** An item whose text opens with its date (2.2025年6月底前…) was glued onto the item before it, its units lost. */
    @Test
    void anItemOpeningWithItsDateIsAnItem() {
        ParsedDocument d = PolicyDocumentParser.parse("i.txt", """
                一、重点任务
                1.推进农村改厕。新改建户用卫生厕所2000座。（责任单位：市农业农村局）
                2.2025年6月底前完成50个行政村生活污水治理。（责任单位：市生态环境局）
                3. 12月底前建成垃圾转运站3座。（责任单位：市城管局）
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("1", "2", "3"), d.tasks().stream().map(ParsedTask::seq).toList());
        assertEquals("市生态环境局", d.tasks().get(1).units().get(0).rawName());
        assertEquals(LocalDate.of(2025, 6, 30), d.tasks().get(1).milestones().get(0).dueDate());
        assertEquals("市城管局", d.tasks().get(2).units().get(0).rawName());

        ParsedDocument wrapped = PolicyDocumentParser.parse("w.txt", """
                一、重点任务
                1.推进老旧小区改造。完成改造任务120个，力争
                2025.12月底前全部完工。（责任单位：市住建局）
                2.推进农村改厕。新改建户用卫生厕所2000座。（责任单位：市农业农村局）
                3.加强农村生活污水治理。完成15个行政村生活污水治理任务。（责任单位：市生态环境局）
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("1", "2", "3"), wrapped.tasks().stream().map(ParsedTask::seq).toList(),
                "a line wrapped before a date written with a dot is no paragraph 2025");
    }

    @Test
    void aDocumentWithoutTasksSaysSo() {
        ParsedDocument d = PolicyDocumentParser.parse("n.txt", "一段没有任务的文字。".getBytes(StandardCharsets.UTF_8));
        assertEquals(DocumentShape.UNKNOWN, d.shape());
        assertTrue(d.tasks().isEmpty());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("no task table")));

        // a table of numbers, units and deadlines names no task: it is no task table (it failed the parse before)
        ParsedDocument noTaskColumn = PolicyDocumentParser.parse("u.txt",
                "序号\t责任单位\t完成时限\n1\t市教育局\t2021年底前\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(noTaskColumn.tasks().isEmpty());
    }

    /** Long documents number past 99 paragraphs (（一百零一）) and 999 rows; every one is a task. */
    @Test
    void numbersPastNinetyNineParagraphsAndNineHundredNinetyNineRows() {
        StringBuilder prose = new StringBuilder("关于推进示范工作的通知\n湘政办发〔2030〕9号\n一、重点任务\n");
        String[] numerals = {"一百", "一百零一", "一百一十", "一百二十三"};
        assertEquals(List.of(numerals), java.util.stream.IntStream.of(100, 101, 110, 123).mapToObj(Numerals::chinese).toList());
        for (int n = 1; n <= 99; n++) {
            prose.append('（').append(Numerals.chinese(n)).append('）').append("完善工作机制第").append(n).append("项。（省教育厅）\n");
        }
        for (String n : numerals) {
            prose.append('（').append(n).append('）').append("加强督促检查。（省财政厅）\n");
        }
        ParsedDocument p = PolicyDocumentParser.parse("p.txt", prose.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(103, p.tasks().size());
        assertEquals("（一百二十三）", p.tasks().get(102).seq());

        StringBuilder table = new StringBuilder("关于做好示范工作的通知\n湘政办发〔2030〕10号\n序号\t工作任务\t责任单位\n");
        for (int n = 1; n <= 1001; n++) {
            table.append(n).append("\t完善第").append(n).append("项制度\t省财政厅\n");
        }
        ParsedDocument t = PolicyDocumentParser.parse("t.txt", table.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(1001, t.tasks().size());
        assertEquals("1001", t.tasks().get(1000).seq());
    }

    /** The document the service parses while it starts (ParserWarmUp) goes through the repairs it is there to warm. */
    @Test
    void theWarmUpSampleParsesWithItsRepairs() throws java.io.IOException {
        byte[] sample;
        try (var in = PolicyDocumentParserTest.class.getResourceAsStream("/importing/warm-up.txt")) {
            sample = in.readAllBytes();
        }
        ParsedDocument d = PolicyDocumentParser.parse("warm-up.txt", sample);
        assertTrue(d.tasks().size() >= 2, d.tasks().toString());
        assertEquals("某政办发〔2030〕1号", d.docNumber(), "traditional characters converted");
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("mojibake")), "the mojibake solver ran: " + d.warnings());
    }


    @Test
    void onlyTargetsOfYearlyWorkAreSplitByYearAndALateIssueStartsNextYear() {
        LocalDate issued = LocalDate.of(2024, 3, 1);
        Target two = new Target(new java.math.BigDecimal("2"), "个", org.luoshi.task.api.model.Comparator.EXACT, null);
        ParsedMilestone yearly = new ParsedMilestone("每年新增2个", LocalDate.of(2026, 12, 31), two);
        assertEquals(3, PolicyDocumentParser.yearly(List.of(yearly), issued).size());
        // review findings: a cumulative target beside a yearly one, and a yearly capacity, were split too
        for (String title : List.of("每年新增2个，累计新增6个", "建成每年可处理10万吨的处理厂3座", "全市每年度考核覆盖率达到100%")) {
            ParsedMilestone once = new ParsedMilestone(title, LocalDate.of(2026, 12, 31), two);
            assertEquals(List.of(once), PolicyDocumentParser.yearly(List.of(once), issued), title);
        }
        // issued on 20 December: this year has no year's work left
        assertEquals(List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)), PolicyDocumentParser
                .yearly(List.of(yearly), LocalDate.of(2024, 12, 20)).stream().map(ParsedMilestone::dueDate).toList());
    }
}
