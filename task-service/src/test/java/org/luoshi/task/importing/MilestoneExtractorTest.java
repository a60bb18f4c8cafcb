package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.luoshi.task.api.model.Comparator;

class MilestoneExtractorTest {

    private static Optional<LocalDate> due(String text) {
        return MilestoneExtractor.deadline(text);
    }

    private static List<Target> targets(String text) {
        return MilestoneExtractor.targets(text).stream().map(MilestoneExtractor.Found::target).toList();
    }

    private static Target target(String quantity, String unit, Comparator comparator, String max) {
        return new Target(new BigDecimal(quantity), unit, comparator, max == null ? null : new BigDecimal(max));
    }

    @Test
    void aDeadlineIsTheEndOfThePeriodItNames() {
        assertEquals(Optional.of(LocalDate.of(2020, 12, 31)), due("2020年底前，建立20个行业教学指导委员会"));
        assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), due("到2025年，基本建立长效机制"));
        assertEquals(Optional.of(LocalDate.of(2022, 12, 31)), due("推动学校举办者依法落实办学责任，确保2022年达标"));
        assertEquals(Optional.of(LocalDate.of(2022, 12, 31)), due("2022年完成试点"));
        assertEquals(Optional.of(LocalDate.of(2021, 6, 30)), due("2021年6月底前出台办法"));
        assertEquals(Optional.of(LocalDate.of(2025, 6, 20)), due("2025年6月中旬前完成"), "中旬 ends on the 20th");
        assertEquals(Optional.of(LocalDate.of(2025, 5, 10)), due("2025年5月上旬前完成招投标"));
        assertEquals(Optional.of(LocalDate.of(2025, 3, 31)), due("2025年3月下旬前完成"));
        assertEquals(Optional.of(LocalDate.of(2021, 2, 28)), due("2021年2月前出台办法"));
        assertEquals(Optional.of(LocalDate.of(2019, 9, 30)), due("2019年9月30日前报送"));
        assertEquals(Optional.of(LocalDate.of(2021, 6, 30)), due("2021年上半年完成"));
        assertEquals(Optional.of(LocalDate.of(2021, 9, 30)), due("2021年第三季度完成"), "not the end of the year");
        assertEquals(Optional.of(LocalDate.of(2022, 3, 31)), due("2022年一季度前"));
        assertEquals(Optional.of(LocalDate.of(2021, 12, 31)), due("2021.12"), "a deadline cell written with a dot");
        assertEquals(Optional.of(LocalDate.of(2021, 6, 30)), due("2021/6"));
        assertEquals(Optional.of(LocalDate.of(2021, 12, 31)), due("2021-12"));
        assertEquals(Optional.of(LocalDate.of(2021, 9, 30)), due("2021.9.30"), "a whole date in a deadline cell");
        assertEquals(Optional.of(LocalDate.of(2021, 9, 30)), due("2021/9/30"));
        assertEquals(Optional.of(LocalDate.of(2021, 9, 30)), due("2021-09-30前"));
        assertEquals(Optional.of(LocalDate.of(2023, 12, 31)), due("2021-2023年"), "a range of years ends with its last");
        assertEquals(Optional.empty(), due("健全学生到企业实习实训制度"));
        assertEquals(Optional.of(LocalDate.of(2021, 2, 28)), due("2021年2月30日前报送"), "no such day: the end of its month");
        assertEquals(Optional.of(LocalDate.of(2024, 2, 29)), due("2024年2月30日前报送"), "in a leap year too");
        assertEquals(Optional.of(LocalDate.of(2021, 4, 30)), due("2021.4.31"));
        assertEquals(Optional.empty(), due("2021年13月1日前报送"), "no such month: no date, and no failure");
        assertEquals(Optional.empty(), due("2021年6月0日前报送"));
        assertEquals(Optional.of(LocalDate.of(2021, 6, 30)), due("2021年1—6月，完成培训5000人次"), "the last of the months");
        assertEquals(Optional.of(LocalDate.of(2021, 12, 31)), due("2021年年底前出台实施细则，2022年全面推开"),
                "年年底前 marks the end as 年底前 does");
        assertEquals(Optional.empty(), due("高新技术企业数量较2020年增长20%"), "the base of a comparison");
        assertEquals(Optional.empty(), due("贯彻落实《2021年全省教育工作要点》，建设示范校5所"), "a year in a title");
        assertEquals(Optional.of(LocalDate.of(2022, 12, 31)), due("对照《2021年工作要点》，2022年底前完成"));
        // within the year of issue, which the parser puts in place of THIS_YEAR
        assertEquals(Optional.of(MilestoneExtractor.THIS_YEAR), due("年内开发见习岗位不少于2000个"));
        assertEquals(Optional.of(MilestoneExtractor.THIS_YEAR), due("全年推出宣传报道不低于30篇"));
        assertEquals(Optional.of(MilestoneExtractor.THIS_YEAR), due("年内"), "a deadline cell");
        assertEquals(Optional.of(LocalDate.of(2023, 9, 30)), due("2023年第三季度完成，年内全面推开"), "a date written wins");
        assertEquals(Optional.of(LocalDate.of(2023, 12, 31)), due("2023年内完成"));
        assertEquals(Optional.empty(), due("力争三年内建成10个示范基地"), "a span, not the year");
        assertEquals(Optional.empty(), due("今年以来新增就业1万人"), "a time since");
        assertEquals(Optional.empty(), due("覆盖全年龄段人群"));
        assertEquals(Optional.empty(), due("力争半年内建成10个示范基地"));
        assertEquals(Optional.empty(), due("每学年内安排实习2次"));
        assertEquals(Optional.empty(), due("今年起每年新增5所"), "a start");
        assertEquals(Optional.empty(), due("覆盖全年级学生的90%"));
        // 今年 with a month, a quarter or a half: that period of the year of issue
        assertEquals(Optional.of(LocalDate.of(1, 6, 30)), due("今年6月底前出台实施细则"));
        assertEquals(Optional.of(LocalDate.of(1, 9, 30)), due("今年第三季度完成"));
        assertEquals(Optional.of(LocalDate.of(1, 6, 30)), due("今年上半年建成5个"));
        assertEquals(Optional.of(MilestoneExtractor.THIS_YEAR), due("今年建成5个"));

        // a month, quarter, half-year or year's end without a year, as an end: that period of the year of issue
        assertEquals(Optional.of(LocalDate.of(1, 3, 31)), due("3月底前制定年度安全生产重点工作清单"));
        assertEquals(Optional.of(LocalDate.of(1, 9, 30)), due("9月30日前完成市级综合应急救援基地主体工程"));
        assertEquals(Optional.of(LocalDate.of(1, 12, 20)), due("12月中旬完成年度考核"), "中旬 ends on the 20th");
        assertEquals(Optional.of(LocalDate.of(1, 9, 30)), due("三季度完成临水临崖等危险路段隐患整治"));
        assertEquals(Optional.of(LocalDate.of(1, 6, 30)), due("上半年完成第一轮检查"));
        assertEquals(Optional.of(LocalDate.of(1, 12, 31)), due("年底前完成城镇燃气管道老化更新改造120公里"));
        assertEquals(Optional.of(LocalDate.of(1, 11, 30)), due("11月底前"), "a deadline cell");
        assertEquals(Optional.empty(), due("6月份集中开展宣传咨询日活动"), "no end");
        assertEquals(Optional.empty(), due("每年12月底前报送"), "recurring");
        assertEquals(Optional.empty(), due("每季度最后一个月25日前报送"));
        assertEquals(Optional.empty(), due("每年年底前开展一次评估"));
        assertEquals(Optional.of(LocalDate.of(2021, 9, 30)), due("2021年第三季度完成"), "a year written stays");
        assertEquals(Optional.of(LocalDate.of(2024, 6, 30)), due("2024年1—6月完成"));
        assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), due("明年底前完成；2025年底前建成"));
    }

    @Test
    void workingDaysEventsAndArticlesAreUnitsAndATopOrMostIsACeiling() {
        assertEquals(List.of(target("30", "个工作日", Comparator.AT_MOST, null)), targets("审批时间控制在30个工作日以内"));
        assertEquals(List.of(target("1", "个工作日", Comparator.AT_MOST, null)), targets("压缩至1个工作日以内"));
        assertEquals(List.of(target("1", "场", Comparator.AT_LEAST, null)), targets("每季度至少举办1场招聘会"));
        assertEquals(List.of(target("30", "篇", Comparator.AT_LEAST, null)), targets("推出宣传报道不低于30篇"));
        assertEquals(List.of(target("5", "天", Comparator.AT_MOST, null)), targets("平均审批时间最多5天"));
        // support each beneficiary may get, capped: a term of the support, no target of the task
        assertEquals(List.of(), targets("个人贷款额度最高30万元"));
        assertEquals(List.of(), targets("每户改造补助标准不超过5000元"));
        assertEquals(List.of(), targets("申报材料一式3份报送市发展改革委"), "copies of a form");
        assertEquals(List.of(target("5", "%", Comparator.AT_MOST, null)), targets("班额比例不超过5%"));
        assertEquals(List.of(target("8", "亿元", Comparator.AT_LEAST, null)),
                targets("每户补贴最高5000元，全年发放补贴8亿元以上"));
        assertEquals(List.of(target("3", "次", Comparator.AT_MOST, null)), targets("群众办事最多跑3次"));
        assertEquals(List.of(target("100", "%", Comparator.EXACT, null)), targets("实现“最多跑一次”事项100%"),
                "最多 inside a name, away from the number");
        assertEquals(List.of(target("5", "所", Comparator.EXACT, null)), targets("以最高标准建设5所"));
        assertEquals(List.of(target("2000", "个", Comparator.AT_LEAST, null)),
                targets("按每人1500元标准发放一次性吸纳就业补贴，年内开发见习岗位不少于2000个"), "a rate paid is no target");
        assertEquals(List.of(target("30", "所", Comparator.EXACT, null)), targets("建成30所标准化学校"),
                "标准化 after a number is what is built");
    }

    @Test
    void aComparatorBeforeTheVerbBoundsEachOfItsObjectsAndOneBeforeTheNumberOnlyThatNumber() {
        assertEquals(List.of(target("10", "家", Comparator.AT_LEAST, null), target("5", "所", Comparator.AT_LEAST, null),
                target("3", "个", Comparator.AT_LEAST, null)), targets("至少培育10家产教融合型企业、5所示范性职业院校和3个实训基地"));
        assertEquals(List.of(target("20", "个", Comparator.AT_LEAST, null), target("3", "个", Comparator.EXACT, null)),
                targets("新建实训基地不少于20个、公共实训中心3个"), "不少于 right before its number bounds that number");
        assertEquals(List.of(target("10", "家", Comparator.AT_LEAST, null), target("5", "亿元", Comparator.EXACT, null)),
                targets("至少培育10家龙头企业，完成投资5亿元"), "another clause");
        assertEquals(List.of(target("2", "场", Comparator.AT_LEAST, null), target("5", "次", Comparator.AT_MOST, null)),
                targets("每年至少举办2场招聘会和不超过5次检查"), "an object with its own comparator keeps it");
        assertEquals(Comparator.EXACT, targets("近三年全市建成10所学校和5家医院").get(1).comparator(), "近 is no bound to spread");
        assertEquals(Comparator.EXACT, targets("力争超过全省平均水平建成10所学校和5家医院").get(1).comparator(),
                "more than a verb between the word and the number");
    }

    @Test
    void aDateNoCalendarHasIsNamedOnceWithHowItIsRead() {
        assertEquals(List.of("\"2021年2月30日\" is no date of the calendar: as a deadline it is read as 2021-02-28, the end of its month",
                        "\"2021年13月1日\" is no date of the calendar: not dated",
                        "\"2021.4.31\" is no date of the calendar: as a deadline it is read as 2021-04-30, the end of its month",
                        "\"2021-02-30\" is no date of the calendar: as a deadline it is read as 2021-02-28, the end of its month"),
                MilestoneExtractor.impossibleDates("2021年2月30日前报送；2021年2月28日前完成；2021年13月1日前验收；再次重申2021年2月30日；"
                        + "2021.4.31前；2021-02-30前"));
        assertEquals(List.of(), MilestoneExtractor.impossibleDates("2020年2月29日、2021年12月31日、12021年2月30日号、1000年2月30日、"
                        + "版本2021.2.30.1"), "a leap day, a year's last day, digits that are no year, a year no plan has, a version");
        assertEquals(Optional.empty(), due("12021年2月30日前"), "no year either: no deadline");
        assertEquals(Optional.empty(), due("12021年6月底前"));
    }

    @Test
    void aDateThatStartsSomethingIsNoDeadline() {
        assertEquals(Optional.empty(), due("2021年起"));
        // the horizon of goals a task sets, not when it is due; goals to reach by then are due then
        assertEquals(Optional.empty(), due("明确2035年高等级航道发展目标"));
        assertEquals(Optional.of(LocalDate.of(2030, 12, 31)), due("实现2030年碳达峰目标"));
        assertEquals(Optional.empty(), due("自2021年9月1日起施行"));
        assertEquals(Optional.empty(), due("从2021年9月开始，每年新增试点专业10个"));
        assertEquals(Optional.of(LocalDate.of(2022, 12, 31)), due("2020年以来成效明显，到2022年建成5所"),
                "the deadline after a start");
        assertEquals(Optional.empty(), due("实施“科技创新2030重大项目”"));
        assertEquals(Optional.empty(), due("2021年秋季学期起实施"), "a school term that starts something");
        assertEquals(Optional.empty(), due("自2022年春季学期开始推行"));
        assertEquals(Optional.empty(), due("2021年9月秋季学期起"));
        assertEquals(Optional.of(LocalDate.of(2023, 12, 31)), due("2021年秋季学期起试点，2023年底前全面推开"),
                "the deadline after a term's start");
    }

    @Test
    void aTargetForEachPeriodNamesItsPeriod() {
        assertEquals(Optional.of("每年"), MilestoneExtractor.recurrence("每年新增培训1000人次"));
        assertEquals(Optional.of("每季度"), MilestoneExtractor.recurrence("每季度开展督查1次"));
        assertEquals(Optional.of("年均"), MilestoneExtractor.recurrence("年均增长10%"));
        assertEquals(Optional.empty(), MilestoneExtractor.recurrence("2025年底前新增培训1000人次"));
    }

    @Test
    void numericTargetsWithTheirComparators() {
        assertEquals(List.of(target("30", "%", Comparator.AT_LEAST, null)), targets("覆盖率达到30%以上"));
        assertEquals(List.of(target("30", "%", Comparator.AT_LEAST, null)), targets("覆盖率达到30%"));
        assertEquals(List.of(target("50", "所", Comparator.AT_LEAST, null)), targets("建设示范校不少于50所"));
        assertEquals(List.of(target("50", "%", Comparator.AT_LEAST, null)), targets("实践性教学课时不少于总课时的50%"));
        assertEquals(List.of(target("8", "%", Comparator.AT_MOST, null)), targets("不超过工资薪金总额8%的部分"));
        assertEquals(List.of(target("300", "家", Comparator.ABOUT, null)), targets("联手300家左右企业"));
        assertEquals(List.of(target("100", "家", Comparator.ABOUT, null)), targets("认定约100家企业"));
        assertEquals(List.of(target("500", "家", Comparator.EXACT, null)), targets("遴选产教融合示范企业500家"));
        assertEquals(List.of(target("30", "个", Comparator.AT_LEAST, null)), targets("建成实训基地30个以上"));
        assertEquals(List.of(target("5.5", "%", Comparator.AT_MOST, null)), targets("城镇调查失业率低于5.5%"));
        assertEquals(List.of(target("50", "%", Comparator.AT_LEAST, null)), targets("双师型教师比例不得低于50%"), "a floor");
        assertEquals(List.of(target("100", "%", Comparator.AT_MOST, null)), targets("债务率不突破100%"));
        assertEquals(List.of(target("30", "%", Comparator.AT_MOST, null)), targets("占比不得超过30%"));
        assertEquals(List.of(target("100", "所", Comparator.ABOUT, null)), targets("建成将近100所"));
        assertEquals(List.of(target("90", "%", Comparator.ABOUT, null)), targets("覆盖率接近90%"));
        assertEquals(List.of(target("10", "万吨", Comparator.EXACT, null)), targets("每年节约标准煤10万吨"), "节约 is no 约");
        assertEquals(List.of(target("50", "个", Comparator.EXACT, null)), targets("就近建设社区服务站点50个"), "就近 is no 近");
        assertEquals(List.of(target("10", "个", Comparator.EXACT, null)), targets("建设集约型实训基地10个"));
        assertEquals(List.of(target("0.5", "个百分点", Comparator.EXACT, null)), targets("每年提高0.5个百分点"));
        assertEquals(List.of(target("1", "万人", Comparator.AT_LEAST, null)), targets("带动就业1万余人"));
        assertEquals(List.of(target("2", "万人", Comparator.AT_LEAST, null)), targets("培训2万多人"));
        assertEquals(List.of(target("1.2", "万亿元", Comparator.AT_LEAST, null)), targets("产业规模突破1.2万亿元"));
        assertEquals(List.of(target("5000", "万元", Comparator.EXACT, null)), targets("安排资金5000万元"));
        assertEquals(List.of(target("600", "列", Comparator.AT_LEAST, null)), targets("全年开行班列600列以上"));
        assertEquals(List.of(target("15", "万份", Comparator.AT_LEAST, null)), targets("补贴申请量达到15万份以上"));
        assertEquals(List.of(target("100", "万千瓦", Comparator.AT_LEAST, null)), targets("新增新型储能装机100万千瓦以上"));
        assertEquals(List.of(target("4", "亿千瓦时", Comparator.EXACT, null), target("100", "兆瓦", Comparator.EXACT, null)),
                targets("年发电量4亿千瓦时，新增储能100兆瓦"));
        assertEquals(List.of(target("3.5", "亿立方米", Comparator.AT_LEAST, null)), targets("天然气供应能力达到3.5亿立方米"));
        assertEquals(List.of(target("1500", "口", Comparator.EXACT, null)), targets("完成山塘清淤扩容1500口"));
        assertEquals(List.of(target("100", "场次", Comparator.AT_LEAST, null)), targets("举办活动100场次以上"));
        assertEquals(List.of(target("75", "%", Comparator.EXACT, null)), targets("家庭医生签约率提高到75%"), "签约 is no 约");
        assertEquals(List.of(target("95", "%", Comparator.EXACT, null)), targets("履约率95%"));
        assertEquals(List.of(target("5", "所", Comparator.EXACT, null)), targets("深入贯彻落实“职教20条”，建设示范校5所"),
                "a number inside quotation marks is part of a name");
    }

    @Test
    void rangesIncludingTheOnesWhoseDashTheCleanerRestored() {
        assertEquals(List.of(target("1000", "元", Comparator.RANGE, "2000")), targets("政府给予1000—2000元补贴"));
        assertEquals(List.of(target("2000", "元/人", Comparator.RANGE, "3000")), targets("补贴标准为2000—3000元/人"));
        assertEquals(List.of(target("1.5", "%", Comparator.RANGE, "2.5")), targets("按照工资总额的1.5%至2.5%提取"));
        String ocr = TextCleaner.apply(t -> TextCleaner.collapseOcrSpacing(t),
                "政 府 给 予 1 0 0 0 2 00 0 元补 贴 。 全 面 深 化 改 革");
        assertEquals(List.of(target("1000", "元", Comparator.RANGE, "2000")), targets(ocr));
    }

    @Test
    void numbersThatAreNotTargets() {
        assertEquals(List.of(), targets("推进1+X证书制度试点"));
        assertEquals(List.of(), targets("建立“1+N”职业教育跨省对话协作机制"));
        assertEquals(List.of(), targets("到2025年形成一批产教融合型城市"));
        assertEquals(List.of(), targets("实施职业教育产教融合“223”计划"));
        // an amount saying which things a share counts: before, 50万元 AT_LEAST was a target too
        assertEquals(List.of(target("40", "%", Comparator.AT_LEAST, null)), targets("年经营性收入50万元以上行政村占比达到40%以上"));
        assertEquals(List.of(target("50", "万元", Comparator.AT_LEAST, null), target("40", "%", Comparator.EXACT, null)),
                targets("年经营性收入达到50万元以上，占比40%"), "two clauses, two targets");
        // 超 an amount, then the things it sizes: 10亿元 was a target of its own
        assertEquals(List.of(target("5", "家", Comparator.EXACT, null)), targets("新增营业收入超10亿元企业5家"));
        assertEquals(List.of(target("20", "个", Comparator.EXACT, null)), targets("建设24小时自助服务区20个"),
                "24小时 says when the places open");
        assertEquals(List.of(), targets("汛期实行24小时值班"));
        assertEquals(List.of(), targets("全面消除56人以上大班额"), "which classes go, no count to reach");
        assertEquals(List.of(target("6", "亿美元", Comparator.EXACT, null), target("80", "部", Comparator.AT_LEAST, null),
                target("10", "万册", Comparator.AT_LEAST, null), target("20", "亿条", Comparator.AT_LEAST, null)),
                targets("完成外资到位6亿美元，创作精品剧目80部以上，新增馆藏图书10万册以上，归集数据20亿条以上"));
        assertEquals(List.of(), targets("会同10部门联合印发"));
        assertEquals(List.of(target("1.35", "亿千瓦", Comparator.AT_LEAST, null)), targets("新能源装机达到1.35亿千瓦以上"));
        assertEquals(List.of(target("1", "个", Comparator.EXACT, null)), targets("建成可容纳6万座的体育场1个"),
                "seats a stadium holds, no count of things built");
        assertEquals(List.of(target("2", "万座", Comparator.AT_LEAST, null)), targets("新建改建农村公厕2万座以上"));
        assertEquals(List.of(), targets("关停30万千瓦以下煤电机组"));
        assertEquals(List.of(), targets("全市全面消除56人以上大班额"));
        assertEquals(List.of(target("5000", "名", Comparator.AT_LEAST, null)), targets("为5000名以上农民工提供技能培训"),
                "the people to serve are the target");
        assertEquals(List.of(target("300", "万吨", Comparator.AT_LEAST, null)), targets("完成化解过剩产能300万吨以上任务"));
        assertEquals(List.of(target("24", "小时", Comparator.EXACT, null)), targets("确保群众诉求24小时响应"),
                "a time limit stays one");
        assertEquals(List.of(), targets("方案分为3部分实施"));
        assertEquals(List.of(target("30", "个", Comparator.AT_LEAST, null)), targets("消除隐患点30个以上"),
                "a count of things removed stays a target");
        assertEquals(List.of(target("100", "家", Comparator.AT_LEAST, null)), targets("培育100家以上规上企业"),
                "以上 before the things counted, not removed");
        assertEquals(List.of(target("10", "亿元", Comparator.AT_LEAST, null)), targets("营业收入超10亿元"),
                "超 closing its clause bounds the target");
    }

    @Test
    void aTargetIsDueOnTheDeadlineOfItsSentence() {
        List<ParsedMilestone> milestones = MilestoneExtractor.extract(
                "2020年底前,建立20个由行业协会、企业参加的行业教学指导委员会。鼓励各地遴选示范企业500家。");
        assertEquals(2, milestones.size());
        assertEquals(new ParsedMilestone("建立20个由行业协会、企业参加的行业教学指导委员会", LocalDate.of(2020, 12, 31),
                target("20", "个", Comparator.EXACT, null)), milestones.get(0));
        assertEquals(null, milestones.get(1).dueDate());
    }

    @Test
    void aDateOpeningASentenceDatesTheTargetsOfItsClausesAfterASemicolon() {
        // before, only the first clause's targets were dated
        List<LocalDate> dates = MilestoneExtractor.extract("主要目标到2024年底，全区社会消费品零售总额达到420亿元；新增限额以上"
                + "商贸企业不少于60家；培育省级特色步行街1条。新增放心消费示范单位100家。").stream()
                .map(ParsedMilestone::dueDate).toList();
        assertEquals(Arrays.asList(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31), null),
                dates, "the next sentence is not dated by it");
        List<ParsedMilestone> notOpening = MilestoneExtractor.extract("2024年底前完成普查；新增示范单位100家。");
        assertEquals(Arrays.asList(LocalDate.of(2024, 12, 31), null),
                notOpening.stream().map(ParsedMilestone::dueDate).toList(), "a date that is no clause of its own");
    }

    @Test
    void clausesThatEachMarkAnEndAreStepsEachDueThen() {
        // before, only the later date made a milestone, titled by the whole sentence
        assertEquals(List.of(new ParsedMilestone("2025年6月底前通过5A级景区景观质量评审", LocalDate.of(2025, 6, 30), null),
                new ParsedMilestone("2026年底前成功创建", LocalDate.of(2026, 12, 31), null)),
                MilestoneExtractor.extract("推进氡泉景区提升改造，2025年6月底前通过5A级景区景观质量评审，2026年底前成功创建。"));
        assertEquals(List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31)), MilestoneExtractor.extract(
                "2024年底前建成示范校3所，2025年底前建成10所。").stream().map(ParsedMilestone::dueDate).toList(),
                "each target is due at its own clause's end");
        assertEquals(List.of(new ParsedMilestone("在2019年试点基础上，2021年底前全面推开", LocalDate.of(2021, 12, 31), null)),
                MilestoneExtractor.extract("在2019年试点基础上，2021年底前全面推开。"), "the earlier date is what came before");
        // a clause within the year beside a dated one: the year's end (of issue, until known), not the dated clause's
        assertEquals(List.of(new ParsedMilestone("全年完成改造500户", MilestoneExtractor.THIS_YEAR,
                        new Target(new BigDecimal("500"), "户", Comparator.EXACT, null)),
                new ParsedMilestone("2025年6月30日前完成改造对象摸底", LocalDate.of(2025, 6, 30), null)),
                MilestoneExtractor.extract("2025年6月30日前完成改造对象摸底，全年完成改造500户。"));
    }

    @Test
    void aPeriodWithoutAYearTakesTheYearWrittenBeforeItAndStatisticsAndBaselinesAreNoDeadlines() {
        // review findings: 6月底前 was dated in the year of issue beside 2024年, 年末 of a statistic beat 2025年
        assertEquals(List.of(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 6, 30)), MilestoneExtractor.extract(
                "2024年3月底前完成方案制定，6月底前完成试点。").stream().map(ParsedMilestone::dueDate).toList());
        assertEquals(List.of(new ParsedMilestone("全市年末常住人口城镇化率达到65%", LocalDate.of(2025, 12, 31),
                target("65", "%", Comparator.AT_LEAST, null))), MilestoneExtractor.extract("到2025年，全市年末常住人口城镇化率达到65%。"));
        assertEquals(List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31)), MilestoneExtractor.extract(
                "截至2023年底，已建成1200个，到2025年底达到3000个。").stream().map(ParsedMilestone::dueDate).toList(),
                "截至2023年底 says where things stand");
        assertEquals(Optional.empty(), due("7月1日前后召开推进会"));
    }

    @Test
    void onlyAMonthWrittenBeforeItLendsItsYearAndRangesAndBaselinesReadAsWritten() {
        // review findings: the latest or a base year was taken, the year's goal lent its year, 截至…前完成 lost its step
        assertEquals(List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 6, 30)),
                MilestoneExtractor.extract("2025年底前全面建成，2024年3月底前完成方案，6月底前完成试点。").stream()
                        .map(ParsedMilestone::dueDate).toList());
        assertEquals(Optional.of(LocalDate.of(1, 6, 30)), due("在2023年试点基础上，6月底前完成推广"), "the year of issue");
        assertEquals(List.of(LocalDate.of(2025, 12, 31), LocalDate.of(1, 3, 31)), MilestoneExtractor.extract(
                "到2025年基本建成，3月底前完成方案编制。").stream().map(ParsedMilestone::dueDate).toList(),
                "a whole year's goal lends no year: 3月 is the year of issue's");
        assertEquals(List.of(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 12, 31)), MilestoneExtractor.extract(
                "截至2024年6月底前完成排查，2024年12月底前完成整改。").stream().map(ParsedMilestone::dueDate).toList());
        assertEquals(Optional.of(LocalDate.of(2025, 3, 31)), due("2024年11月—3月开展冬春攻势"), "into the next year");
        assertEquals(List.of(target("100", "万亩", Comparator.AT_LEAST, null), target("50", "万吨", Comparator.EXACT, null)),
                targets("粮食播种面积稳定在100万亩以上总产量50万吨"), "two measures, two targets");
    }

    @Test
    void anotherFiveYearsAfterAGoalYear() {
        List<ParsedMilestone> milestones = MilestoneExtractor.extract(
                "到2025年,建成实训基地30个以上。在此基础上,再通过5年努力,总体实现教育和产业统筹融合。");
        assertEquals(LocalDate.of(2025, 12, 31), milestones.get(0).dueDate());
        assertEquals(LocalDate.of(2030, 12, 31), milestones.get(1).dueDate());
        assertTrue(milestones.get(1).title().contains("总体实现教育和产业统筹融合"));
        assertEquals(null, milestones.get(1).target());
        assertEquals(LocalDate.of(2030, 12, 31), MilestoneExtractor.extract(
                "到2025年,建成实训基地30个以上。再通过3至5年努力,全面建成。").get(1).dueDate(), "the longer of 3 to 5 years");
    }

    /** Forms of review 35. */
    @Test
    void schoolTermsSchoolYearsAndMonthsAfterZhiAreEnds() {
        assertEquals(Optional.of(LocalDate.of(2026, 2, 28)), due("于2026年春季学期前"), "a spring term opens by March");
        assertEquals(Optional.of(LocalDate.of(2025, 8, 31)), due("2025年秋季学期开学前"));
        assertEquals(Optional.of(LocalDate.of(2026, 7, 31)), due("2025—2026学年"));
        assertEquals(Optional.of(LocalDate.of(2025, 9, 30)), due("2025年6月30日前启动，持续至9月底"));
        assertEquals(Optional.empty(), due("截至6月底，已建成10个"), "as of a month's end is no deadline");
        assertEquals(Optional.of(LocalDate.of(2026, 3, 31)), due("2025年底前完成主体工程，次年3月底前全部完工"),
                "次年 after a written year");
        assertEquals(Optional.of(LocalDate.of(2, 3, 31)), due("年底前完成主体工程，次年3月底前全部完工"),
                "次年 after none: the year after the year of issue, until that is known");
        assertEquals(Optional.of(MilestoneExtractor.THIS_YEAR), due("当年评选认定领跑县10个"));
        assertEquals(Optional.empty(), due("抵免该企业当年应缴教育费附加"), "the year of something else");
        assertEquals(Optional.empty(), due("完成2000年底前建成的城镇老旧小区改造30个"), "which homes, not when");
        assertEquals(Optional.empty(), due("2000年以前出生的"));
        // found by a review of the above
        assertEquals(Optional.of(LocalDate.of(2, 6, 30)), due("明年6月底前完成布局规划"), "明年 is the year after issue's");
        assertEquals(Optional.of(LocalDate.of(2027, 12, 31)), due("到2027年，全市建成充电桩1万个，明年6月底前完成布局规划"),
                "not the year after the one written");
        assertEquals(Optional.empty(), due("每年12月底前制定次年工作计划"), "次年 naming no time of the work");
        assertEquals(Optional.empty(), due("编制次年度预算"));
        assertEquals(List.of(LocalDate.of(2, 3, 31), LocalDate.of(2, 6, 30)), MilestoneExtractor.extract(
                "明年3月底前完成招标，6月底前开工建设。").stream().map(ParsedMilestone::dueDate).toList(),
                "a month after 明年's takes its year");
        assertEquals(List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 31)), MilestoneExtractor.extract(
                "2025年底前完成改造100个。次年3月底前完成验收。").stream().map(ParsedMilestone::dueDate).toList(),
                "次年 after the sentence before's year");
        assertEquals(List.of(LocalDate.of(2026, 12, 31)), MilestoneExtractor.extract(
                "2025年底前完成改造100个。次年底前全面完工。").stream().map(ParsedMilestone::dueDate).skip(1).toList());
        assertEquals(Optional.of(LocalDate.of(1, 3, 31)), due("截止3月31日前报送"), "截止…前 is a deadline");
        assertEquals(Optional.empty(), due("从2025—2026学年开始实施"), "a school year that starts something");
    }

    @Test
    void ofTwoDatesInASentenceTheLaterIsDueTheEarlierIsWhatCameBefore() {
        assertEquals(Optional.of(LocalDate.of(2021, 12, 31)), due("在2019年试点基础上，2021年底前全面推开"));
        assertEquals(Optional.of(LocalDate.of(2022, 12, 31)), due("2019年3月出台实施方案，到2022年全面建成"));
        assertEquals(Optional.of(LocalDate.of(2020, 12, 31)), due("以2018年为基数，2020年增长10%"));
    }

    @Test
    void aDateMarkedAsAnEndOutweighsThePeriodTheWorkConcerns() {
        assertEquals(Optional.of(LocalDate.of(2020, 12, 31)), due("2020年底前编制完成“十四五”（2021—2025年）职业教育发展规划"));
        assertEquals(Optional.of(LocalDate.of(2021, 10, 31)), due("2021年10月底前完成2022年度职业技能培训计划编制"));
        assertEquals(Optional.of(LocalDate.of(2021, 12, 31)), due("2021年底前编制2021—2025年发展规划"));
        assertEquals(Optional.of(LocalDate.of(2023, 12, 31)), due("2021—2023年"), "a period alone is what there is");
    }

    @Test
    void moreThanANumberIsAtLeastItAndAnOrdinalIsNoTarget() {
        assertEquals(List.of(target("20", "个", Comparator.AT_LEAST, null)), targets("共建实训基地20余个"));
        assertEquals(List.of(target("100", "家", Comparator.AT_LEAST, null)), targets("培育产教融合型企业100多家"));
        assertEquals(List.of(target("1", "万家", Comparator.EXACT, null)), targets("新增1万家企业参与"));
        assertEquals(List.of(), targets("建成第3批示范校"));
        assertEquals(List.of(), targets("完成2020—2021学年质量年报"), "a school year");
        assertEquals(List.of(), targets("自2021学年起实施"));
        assertEquals(List.of(target("2", "学年", Comparator.EXACT, null)), targets("学制2学年"));
        assertEquals(List.of(target("1000", "万元", Comparator.AT_LEAST, null)), targets("安排资金1,000万元以上"),
                "thousands separated (read as 0 万元 before)");
        assertEquals(List.of(target("1000", "元", Comparator.RANGE, "2500")), targets("每生每年1,000—2,500元"));
        assertEquals(List.of(target("5", "所", Comparator.EXACT, null)), targets("建成第13批示范校5所"));
    }
}
