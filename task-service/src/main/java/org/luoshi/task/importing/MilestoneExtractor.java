package org.luoshi.task.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luoshi.task.api.model.Comparator;

/**
 * Deadlines and numeric targets in a task's text.
 *
 * <p>Deadlines: a date is due at the end of the period it names — {@code 2020年底前}, {@code 到2025年},
 * {@code 确保2022年达标}, a bare {@code 2022年} → 31 December of that year; {@code 2021年6月底前} → the month's last day;
 * {@code 2021年6月30日前} → that day; {@code 上半年} → 30 June; {@code 2021年第三季度} → 30 September; a deadline
 * cell {@code 2021.12} → 31 December 2021; {@code 再通过5年努力} after a year Y → end of Y+5; {@code 年内}, {@code 今年},
 * {@code 全年} → 31 December of the year the document was issued, {@code 今年6月底前} → 30 June of it ({@link #THIS_YEAR});
 * so are a month, quarter, half-year or year's end written without a year ({@code 3月底前}, {@code 三季度完成},
 * {@code 年底前}).
 *
 * <p>Targets: a number with a unit (%, 个, 家, 所, 名, 元, 元/人, 个月, 学年 …). {@code 以上 / 不少于 / 不低于 / 至少 /
 * 超过 / 达到}, and {@code 余 / 多} after the number ({@code 20余个}) → AT_LEAST; {@code 以下 / 以内 / 不超过 / 不高于 / 最高 / 最多} → AT_MOST; {@code 左右 / 约 / 近} → ABOUT; {@code
 * 1000—2000元}, {@code 1.5%至2.5%} → RANGE; otherwise EXACT. A comparator word may stand a few characters before
 * the number ({@code 不少于总课时的50%}). Numbers that are years, parts of {@code 1+X}, ordinals
 * ({@code 第3批}) or carry no unit are not targets.
 *
 * <p>Milestones: the text is cut into sentences ({@code 。；！？}); a target is due on the deadline of its own
 * sentence (null when the sentence has none, or the date that opened the sentence before a ；: {@code 到2024年底，…；…60家})
 * and is titled by its clause (by its list item when the sentence has several targets); a deadline without a target
 * becomes a milestone titled by its sentence. When two or more clauses of a sentence each mark an end of their own
 * ({@code 2025年6月底前通过评审，2026年底前成功创建}), each such clause is a step: its target, or the clause itself, is
 * due at its end.
 */
final class MilestoneExtractor {

    /** A number, also with thousands separated (1,000万元). */
    private static final String NUMBER = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
    private static final String UNIT = "(%|‰|个百分点|百分点|万亿元|万元|亿元|元/人|元|亿人次|万人次|人次|亿人|万人|万家次|万户次|万家|家次|户次|列次|架次|万个|万名|万户|万亩|亿吨|万吨|万标箱|标箱|万辆|辆|艘|万张|张|亿美元|万美元|美元|万册|册|部(?![门委分])|亿条|万条|万套|个工作日|工作日|个月|学年|课时|学时|个|家|所|名|人|项|门|本|次|倍|天|"
            + "小时|套|台|条|处|支|万座(?!位)|座|期|批次|批|户|亩|万平方公里|平方公里|万平方米|平方米|微克/立方米|公里|千米|公顷|吨|场次|场|篇|件|列|趟|万份|份|亿千瓦时|万千瓦时|千瓦时|亿千瓦|万千瓦|千瓦|兆瓦|亿立方米|万立方米|立方米|口)";
    private static final Pattern RANGE = Pattern.compile(
            "(?<![\\d.+,])(" + NUMBER + ")" + UNIT + "?[—–\\-~～至到](" + NUMBER + ")" + UNIT + "(以上|左右|以内|以下)?");
    /** A number, its magnitude written apart from the unit by 余 or 多 (1万余人), more than, the unit and a comparator. */
    private static final Pattern SINGLE = Pattern.compile(
            "(?<![\\d.+\\-—第,])(" + NUMBER + ")(?:(万亿|亿|万)(?=余|多))?(余|多)?" + UNIT + "(及以上|以上|左右|及以下|以下|以内)?(?![+\\d])");
    /**
     * The comparator words, negated ones (不得低于: a floor) before the plain ones they contain; 约 and 近 only as words of
     * their own: 节约, 集约, 就近, 附近 are no comparators; 超 only right before its number (超10亿元, not 超市, 超前).
     */
    private static final Pattern COMPARATOR_WORD = Pattern.compile(
            "(不得低于|不得少于|不少于|不低于|至少|(?<![不得])超过|(?<![不得])超$|(?<![不得])突破|(?<![不得])高于|达到|不得超过|不得高于|不得突破|不突破"
                    + "|不超过|不高于|(?<![不得])低于|控制在|最高|最多|大约|(?<![节集简制公预契条合签履违])约|(?<![就附最临邻])近)");
    private static final int COMPARATOR_REACH = 10;
    /** The longest verb between a comparator and its number that lets the comparator bound the verb's other objects. */
    private static final int VERB = 3;
    /**
     * Support given to each beneficiary, which 最高 or 最多 caps: 个人贷款额度最高30万元, 每户补贴最高5000元. The cap is a term
     * of the support, not something the task is to reach.
     */
    private static final String PER_HEAD_WORDS = "额度|每人|每户|每家|每个|每名|每所|单个|单笔|单户";
    private static final String GRANT_WORDS = "补贴|补助|奖励|奖补|资助";
    private static final Pattern SUPPORT_PER_HEAD = Pattern.compile(PER_HEAD_WORDS + "|" + GRANT_WORDS);
    /**
     * A ceiling of support per beneficiary written 不超过 (每户改造补助标准不超过5000元): a term of the support too, when the
     * clause names both whom it is per and the support.
     */
    private static final Pattern PER_HEAD = Pattern.compile(PER_HEAD_WORDS);
    private static final Pattern SUPPORT = Pattern.compile(GRANT_WORDS + "|贷款");
    /** After an amount, a rate or a standard it is paid at (按每人1500元标准发放), not an amount to reach. */
    private static final Pattern RATE_AFTER = Pattern.compile("的?标准(?!化)");

    /**
     * What follows a date that starts something rather than ends it: 2021年起, 自2021年9月1日开始, 2020年以来, also after
     * a school term: 2021年秋季学期起.
     */
    private static final String START = "(?:[春秋](?:季)?(?:学期)?)?(?:起|开始|以来)";
    private static final Pattern DAY = Pattern.compile("(?<!\\d)(\\d{4})年(\\d{1,2})月(\\d{1,2})日(?!" + START + ")");
    private static final Pattern MONTH = Pattern.compile("(?<!\\d)(\\d{4})年(\\d{1,2})月(?!\\d{1,2}日|[—–\\-~～至到]\\d{1,2}月|" + START + ")");
    /** Months of a year, 2021年1—6月 or 2024年6月—12月: due at the end of the last. */
    private static final Pattern MONTHS = Pattern.compile("(?<!\\d)(\\d{4})年(\\d{1,2})月?[—–\\-~～至到](\\d{1,2})月(?!" + START + ")");
    /**
     * A whole date anywhere in a text, 2021年2月30日 or 2021.2.30 (2021/2/30, 2021-02-30), for {@link #impossibleDates}
     * (the clean text has ASCII digits).
     */
    private static final Pattern WRITTEN_DAY = Pattern.compile(
            "(?<![\\d.．/\\-])(\\d{4})(?:年(\\d{1,2})月(\\d{1,2})日|([.．/\\-])(\\d{1,2})\\4(\\d{1,2})(?![\\d.．/\\-]))");
    private static final Pattern HALF_YEAR = Pattern.compile("(?<!\\d)(\\d{4})年(上|下)半年");
    /** A school term's start: 春季学期, 秋季开学; before it (于2026年春季学期前) is by its opening. */
    private static final String TERM_WORDS = "[春秋]季?(?:学期)?(?:开学)?(?=前|以前|之前)";
    /**
     * Before a school term's start: spring terms open in late February or March, by the end of February; autumn terms
     * on 1 September, by 31 August.
     */
    private static final Pattern TERM = Pattern.compile("(?<!\\d)(\\d{4})年(?=[春秋])" + TERM_WORDS);
    /** A school year, 2025—2026学年: by its end, 31 July of its second year. */
    private static final Pattern SCHOOL_YEAR = Pattern.compile("(?<!\\d)(\\d{4})[—–\\-~～至到](\\d{4})学年"
            + "(?!度?(?:第[一二]学期)?" + START + ")");
    /**
     * Within the year the document was issued (年内, 今年, 本年度, 全年, 当年): not 2023年内 (a year, read as such), 三年内
     * (a span), 今年以来 (a time since).
     */
    private static final Pattern RELATIVE_YEAR = Pattern.compile(
            "(?<![\\d〇零一二三四五六七八九十两几多明去前后每近历往上半学数])(?:年内|今年|本年度?|全年"
                    // 当年 as a time for the work (当年完成, a deadline cell's 当年), not the year of something else (当年应缴)
                    + "|当年(?=完成|建成|实现|达到|新增|开工|竣工|投产|投用|落地|见效|评选|认定|[，,。；;]|$))(?!以来|龄|起|开始|级|段)");
    /**
     * The due date of a deadline relative to the year of issue (年内), until {@link PolicyDocumentParser} knows that
     * year and puts its 31 December in its place. Any date of year 1 is such a date: 今年6月底前 is due 0001-06-30 until
     * then ({@link #inYearOfIssue}).
     */
    static final LocalDate THIS_YEAR = LocalDate.of(1, 12, 31);
    /** 今年 written as a year, so that the patterns of written dates read 今年6月底前 and 今年第三季度 as they read 2021年…. */
    private static final String THIS_YEAR_WRITTEN = "0001年";
    /** 明年, or 次年 after no year: the year after the year of issue, written as year 2 ({@link #inYearOfIssue}). */
    private static final String NEXT_YEAR_WRITTEN = "0002年";
    /**
     * The year after the one written before it (次年3月底前, 翌年底) or after the year of issue (明年6月底前), as the time of
     * a period of it; 次年工作计划, 次年度预算 name no time of the work.
     */
    private static final Pattern NEXT_YEAR = Pattern.compile(
            "(?<![每第])(次年|翌年|明年)(?=\\d{1,2}月|底|末|[上下]半年|第?[一二三四1-4]季度|内|[春秋])");
    private static final Pattern WRITTEN_YEAR = Pattern.compile("(?<!\\d)(\\d{4})年");
    /** What marks a period as the end of the work: 底前, 以前, 完成, 内. */
    private static final String PERIOD_END = "(?:底|末)?(?:前(?!后)|以前|之前|完成|内|底|末)";
    /**
     * A month, quarter, half-year or year's end written without its year, as the end of the work (3月底前, 9月30日前,
     * 12月中旬完成, 三季度完成, 上半年完成, 年底前): in the year written before it in the same text (2024年3月底前完成
     * 方案，6月底前完成试点), else in the year of issue ({@link #THIS_YEAR_WRITTEN}). Not after a year or a number
     * (2024年3月, 1—6月), nor recurring (每年12月, 每季度), nor without an end (6月份开展, 一季度一通报, 7月1日前后).
     */
    private static final Pattern WITHOUT_YEAR = Pattern.compile(
            // 持续至9月底, 到6月底: the end (截至6月底, as of its end, is no deadline; 截止6月底前报送 is one)
            "(?<![\\d年月日号第每个—–\\-~～.．/])(?<!截至)(?=\\d{1,2}月(?:\\d{1,2}日前(?!后)|(?:上旬|中旬|下旬)" + PERIOD_END + "?|" + PERIOD_END + "))"
            + "|(?<![\\d年第每个各本当该同上下])(?=第?[一二三四1-4]季度" + PERIOD_END + ")"
            + "|(?<![\\d年每当该同])(?=[上下]半年" + PERIOD_END + ")"
            // 年末 as the end of the work, not as a statistic's date (年末常住人口, 年末存款余额)
            + "|(?<![\\d〇零一二三四五六七八九十两几多明去前后每近历往上半学数当该次同年])"
            + "(?=年(?:底|末)(?:前|以前|之前|完成|建成|实现|达到|全面|基本|[，,。；;、]|$))");
    /**
     * A date opening a sentence as the time of all it says: 到2024年底，, 2025年，, 到2020年底前，; after a heading the
     * cleaning ran onto it (主要目标到2024年底，).
     */
    private static final Pattern OPENING_DATE = Pattern.compile("(?![^，,]*截[至止])[^，,]{0,12}?(?:到|至|力争到|力争)?\\d{4}年(?:底|末)?(?:前)?[，,]");
    /** A clause that is a date and nothing else (到2024年6月底，…, 今年上半年，…): the time of what the sentence goes on to say. */
    private static final Pattern DATE_ONLY = Pattern.compile("\\s*(?=\\S*[年月日季])(?:到|至|于|在|力争到|力争|确保|争取)?"
            + "(?:\\d{4}年|今年|明年|次年|本年)?(?:\\d{1,2}月(?:\\d{1,2}日)?|[上下]半年|第?[一二三四1-4]季度)?"
            + "(?:上旬|中旬|下旬|底|末)?(?:前|以前|之前)?\\s*");
    /** A date that says where things stand, not what is due: 截至2023年底 (not 截至2024年6月底前完成, a deadline). */
    private static final Pattern BASELINE = Pattern.compile("\\s*截[至止](?!.*(?:前|完成))");
    /** A share of things counted: 占比, 比例, 比重. */
    private static final Pattern SHARE = Pattern.compile("占比|比例|比重");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[，,。；;、]");
    /** From one target to the next, objects of one verb: no clause ends between them, and a 和, 及, 与 or 、 joins them. */
    private static final Pattern COORDINATED = Pattern.compile("^[^，,。；;：:]*[和及与、][^，,。；;：:]*$");
    /** An amount with 以上/以下 and a few words naming the things it sizes: 5000人以上大型演出. */
    private static final Pattern COUNTED_THINGS = Pattern.compile("^[\\d.,]+[^\\d]{0,4}?(?:以上|以下)的?\\p{IsHan}{1,8}$");
    /**
     * An amount after 超 (over) and a few words naming the things it sizes, another amount counting them:
     * 营业收入超10亿元企业5家.
     */
    private static final Pattern OVER_BEFORE = Pattern.compile("(?:超过|超|逾)$");
    private static final Pattern SIZED_THINGS = Pattern.compile("^[\\d.,]+\\p{IsHan}{2,10}$");
    /**
     * Before an amount with 以上/以下 and the things it sizes, work that removes them (消除56人以上大班额, 淘汰10蒸吨以下
     * 燃煤锅炉): the amount says which things go, no count to reach.
     */
    private static final Pattern REMOVING_BEFORE = Pattern.compile("(?:消除|淘汰|关停|取缔|拆除)\\p{IsHan}{0,4}$");
    /** After hours, what runs through them: 24小时值班, 24小时自助服务区, 24小时不打烊. */
    private static final Pattern ROUND_THE_CLOCK = Pattern.compile(
            "(?:值班|值守|在岗|自助|不打烊|营业|服务区|服务点|便利|开放|在线|监测|监控|全天候|运行|热线|药店|图书馆|书房)");
    /** After such an amount, the things it sizes and nothing more in its clause (not 任务, 目标: a quantity of work). */
    private static final Pattern SIZED_TO_CLAUSE_END = Pattern.compile("(?!任务|目标|工作)\\p{IsHan}{1,16}(?=$|[，,。；;、])");
    private static final Pattern COUNTING_VERB = Pattern.compile(
            "达到|完成|新增|建成|培育|实现|突破|增长|提高|降低|控制|举办|开展|建设|打造|引进|发放|超过|覆盖|推动|支持|培训"
                    + "|稳定|带动|保持|吸纳|产量|产值|增收|总额");
    private static final Pattern QUARTER = Pattern.compile("(?<!\\d)(\\d{4})年第?([一二三四1-4])季度");
    /** A year and month written with a dot, slash or dash, as in a table's deadline cell: 2021.12, 2021/6. */
    private static final Pattern NUMERIC_MONTH = Pattern.compile("^(\\d{4})[.．/\\-](\\d{1,2})(?:月?底?前?)$");
    /** A whole date so written: 2021.9.30, 2021/9/30, 2021-09-30. */
    private static final Pattern NUMERIC_DAY = Pattern.compile("^(\\d{4})([.．/\\-])(\\d{1,2})\\2(\\d{1,2})(?:日?前?)$");
    private static final Pattern YEAR = Pattern.compile(
            "(?<!\\d)(\\d{4})年(?!\\d{1,2}(?:[—–\\-~～至到]\\d{1,2})?月|[上下]半年|第?[一二三四1-4]季度|" + START + "|" + TERM_WORDS + ")");
    /** Words after a date that make it an end: 底前, 以前, 前完成, 完成. */
    private static final Pattern END_AFTER = Pattern.compile("(?:年?(?:底|末))?(?:前|以前|之前)|年?底|年?末|(?:全面|基本)?(?:完成|建成|实现|达到|达标)");
    /**
     * A year of the goals a task is to set (明确2035年高等级航道发展目标): the horizon they look to, not when the task is
     * due. Only after a verb that sets goals; one that reaches them (实现2030年目标) is due then.
     */
    private static final Pattern GOAL_SET_BEFORE = Pattern.compile("(?:明确|提出|制定|确定|研究|谋划|编制)\\s*$");
    private static final Pattern GOAL_AFTER = Pattern.compile("[^，,。；;]{0,12}?(?:远景)?目标(?!任务)");
    /** Words just before a year that make it the base of a comparison (较2020年增长20%), not when anything is due. */
    private static final Pattern BASE_BEFORE = Pattern.compile("(?:较|比|与|同比|相比)\\s*$");
    /** A date that says which things are meant (2000年底前建成的小区, 2000年以前出生的): no deadline. */
    private static final Pattern ATTRIBUTE_AFTER = Pattern.compile(
            "年?(?:底|末)?(?:前|以前|之前)?(?:建成|建设|修建|竣工|投用|投运|出生|认定|登记|注册|开工|颁布|出台|购置|购买)的");
    /**
     * A season of a year named after it (2025年汛期前, 2026年春节前): due well before the year's end, on a day the year
     * alone does not say; no date rather than 31 December.
     */
    private static final Pattern SEASON_AFTER = Pattern.compile("(?:主汛期|汛期|汛|春节|春耕|秋收|雨季|冬季|夏季|春季|秋季)(?:前|以前|之前|到来前)");
    /** Words just before a date that make it an end: 到, 至, 确保, 力争, 截至. */
    private static final Pattern END_BEFORE = Pattern.compile("(?:到|至|确保|力争|争取|截至|截止|于)\\s*$");
    /** A date that ends a range (2021—2025年): the period of a plan, not when the work is due. */
    private static final Pattern RANGE_BEFORE = Pattern.compile("\\d{4}\\s*[—–\\-~～]\\s*$");
    /** 2022年度, 2021学年: a period the work concerns. */
    private static final Pattern PERIOD_AFTER = Pattern.compile("度|学年");
    /** A target set for each period (每年新增1000人), not once: the period's word. */
    private static final Pattern RECURRING = Pattern.compile("每(?:个)?(?:年度?|学年|学期|季度|月)|年均|年度新增");
    private static final Pattern AGAIN = Pattern.compile("再(?:通过|经过|用)?(\\d{1,2})(?:[至到—–\\-~～](\\d{1,2}))?年");
    private static final Pattern SENTENCE = Pattern.compile("[^。；;！!？?\\n]+");
    private static final Pattern CLAUSE = Pattern.compile("[^，,。；;！!？?\\n]+");
    private static final Pattern LIST_ITEM = Pattern.compile("[^，,、。；;！!？?\\n]+");
    private static final int MAX_TITLE = 80;
    private static final int SHORT_CLAUSE = 8;

    private MilestoneExtractor() {
    }

    static List<ParsedMilestone> extract(String text) {
        return extract(text, null);
    }

    /**
     * @param rowDeadline the date of the task's deadline column or bracket, or null: a target in a clause without a
     *                    date of its own, beside a clause that writes one ({@code 6月底前完成方案制定，建成充电桩200个}),
     *                    is due with the row, not with the other clause, unless it comes before a clause that sets
     *                    no count of its own ({@code 完成改造3个，6月底前完成验收}; but {@code 改造3个，6月底前完成2个})
     */
    static List<ParsedMilestone> extract(String text, LocalDate rowDeadline) {
        List<ParsedMilestone> milestones = new ArrayList<>();
        Integer lastYear = null;
        // the date opening a sentence (到2024年底，…) while its clauses after a ；go on
        Optional<LocalDate> opening = Optional.empty();
        Matcher sentence = SENTENCE.matcher(text);
        while (sentence.find()) {
            boolean opensSentence = sentence.start() == 0 || ";；".indexOf(text.charAt(sentence.start() - 1)) < 0;
            if (opensSentence) {
                opening = Optional.empty();
            }
            String s = sentence.group().strip();
            if (!TextCleaner.contains(s, c -> c >= '0' && c <= '9') && !withinTheYear(s) && !namesNextYear(s)) {
                continue; // every date and every target is written with digits (the clean text's are ASCII), or 年内
            }
            String withYears = withYearsWritten(s, "", lastYear);
            List<Dated> dates = writtenDates(withYears);
            Optional<LocalDate> due = deadline(withYears, dates, lastYear);
            if (due.isPresent() && !inYearOfIssue(due.get())) {
                lastYear = due.get().getYear();
            }
            if (opensSentence && due.isPresent() && OPENING_DATE.matcher(s).lookingAt()) {
                opening = due;
            }
            List<Found> targets = targets(s);
            // a target in a later clause of a sentence that opened with its date is due then too (到2024年底，…420亿元；
            // 新增…不少于60家): a deadline alone is no milestone of its own there
            Optional<LocalDate> targetsDue = due.isPresent() ? due : opening;
            // clauses that each mark an end of their own are steps, each due then (2025年6月底前通过评审，2026年底前成功创建)
            // (only where the sentence marks two ends: most mark one, and steps reads each clause's dates again)
            // a clause within the year (全年完成改造500户) marks the year's end beside a dated one (6月30日前完成摸底)
            boolean twoEnds = dates.stream().filter(d -> d.weight() == Weight.MARKED).map(Dated::date).distinct().count()
                    + (doneWithinTheYear(s) ? 1 : 0) >= 2;
            List<DatedClause> steps = due.isPresent() && twoEnds ? steps(s, lastYear) : List.of();
            if (rowDeadline != null && steps.isEmpty() && due.isPresent() && !due.get().equals(rowDeadline) && !targets.isEmpty()
                    && opening.isEmpty() && !OPENING_DATE.matcher(s).lookingAt()) {
                steps = withRowDeadline(s, lastYear, targets, rowDeadline);
            }
            for (Found found : targets) {
                Pattern item = targets.size() > 1 ? LIST_ITEM : CLAUSE;
                Optional<LocalDate> stepDue = steps.stream().filter(c -> c.start() <= found.start() && found.start() < c.end())
                        .map(DatedClause::due).findFirst();
                milestones.add(new ParsedMilestone(clauseAround(s, found.start(), item), stepDue.or(() -> targetsDue).orElse(null),
                        found.target()));
            }
            for (DatedClause step : steps) {
                if (targets.stream().noneMatch(t -> step.start() <= t.start() && t.start() < step.end())) {
                    milestones.add(new ParsedMilestone(clauseAround(s, step.start(), CLAUSE), step.due(), null));
                }
            }
            if (targets.isEmpty() && due.isPresent() && steps.isEmpty()) {
                milestones.add(new ParsedMilestone(title(s), due.get(), null));
            }
        }
        return List.copyOf(new LinkedHashSet<>(milestones));
    }

    /** A clause of a sentence and the end it marks. */
    private record DatedClause(int start, int end, LocalDate due) {
    }

    /**
     * The clauses of a sentence in a row with a deadline that mark an end of their own, and the clauses of its targets
     * that mark none, dated by the next that does or else by the row's deadline (see {@link #extract(String, LocalDate)});
     * none when no target is left without a date of its own.
     */
    private static List<DatedClause> withRowDeadline(String sentence, Integer yearBefore, List<Found> targets,
            LocalDate rowDeadline) {
        List<DatedClause> marked = markedClauses(sentence, yearBefore);
        if (marked.isEmpty() || marked.stream().anyMatch(c -> DATE_ONLY.matcher(sentence.substring(c.start(), c.end())).matches())) {
            return List.of(); // 到2024年6月底，完成改造5个: the date of the whole sentence
        }
        List<DatedClause> clauses = new ArrayList<>(marked);
        Matcher clause = CLAUSE.matcher(sentence);
        while (clause.find()) {
            int start = clause.start();
            int end = clause.end();
            boolean dated = marked.stream().anyMatch(c -> c.start() == start);
            if (dated || targets.stream().noneMatch(t -> start <= t.start() && t.start() < end)) {
                continue;
            }
            // a later step with a count of its own is a part of this one (全年改造3个，6月底前完成2个): this is due with the row
            LocalDate due = marked.stream().filter(c -> c.start() > start).findFirst()
                    .filter(next -> targets.stream().noneMatch(t -> next.start() <= t.start() && t.start() < next.end()))
                    .map(DatedClause::due).orElse(rowDeadline);
            clauses.add(new DatedClause(start, end, due));
        }
        clauses.sort(java.util.Comparator.comparingInt(DatedClause::start));
        return clauses.size() > marked.size() ? clauses : List.of();
    }

    /**
     * The clauses of a sentence that each mark an end of their own, when two or more do with different dates; none
     * otherwise (在2019年试点基础上，2021年底前全面推开 marks one end: the earlier date is what came before).
     */
    private static List<DatedClause> steps(String sentence, Integer yearBefore) {
        if (sentence.indexOf('，') < 0 && sentence.indexOf(',') < 0) {
            return List.of(); // one clause
        }
        List<DatedClause> marked = markedClauses(sentence, yearBefore);
        return marked.stream().map(DatedClause::due).distinct().count() >= 2 ? marked : List.of();
    }

    /** The clauses of a sentence that mark an end of their own (截至… where things stand marks none). */
    private static List<DatedClause> markedClauses(String sentence, Integer yearBefore) {
        List<DatedClause> marked = new ArrayList<>();
        Matcher clause = CLAUSE.matcher(sentence);
        while (clause.find()) {
            String text = clause.group();
            // 截至2023年底，已建成1200个: where things stand, no step
            if ((TextCleaner.contains(text, c -> c >= '0' && c <= '9') || mayOmitTheYear(text)) && !BASELINE.matcher(text).lookingAt()) {
                Optional<LocalDate> end = markedDeadline(text, sentence.substring(0, clause.start()), yearBefore);
                if (end.isEmpty() && doneWithinTheYear(text)) {
                    end = Optional.of(THIS_YEAR);
                }
                end.ifPresent(d -> marked.add(new DatedClause(clause.start(), clause.end(), d)));
            } else if (doneWithinTheYear(text)) {
                marked.add(new DatedClause(clause.start(), clause.end(), THIS_YEAR));
            }
        }
        return marked;
    }

    /**
     * 今年 written with the year {@link #THIS_YEAR_WRITTEN}, and a period without its year (3月底前) with the year
     * written last before it here or in {@code before} (the sentence's text before a clause), else that one too.
     */
    private static String withYearsWritten(String written, String before, Integer yearBefore) {
        String earlier = namesNextYear(before) ? nextYearsWritten(before, "", yearBefore) : before;
        String nextYear = namesNextYear(written) ? nextYearsWritten(written, earlier, yearBefore) : written;
        String thisYear = nextYear.contains("今年") ? nextYear.replace("今年", THIS_YEAR_WRITTEN) : nextYear;
        if (!mayOmitTheYear(thisYear)) {
            return thisYear;
        }
        return WITHOUT_YEAR.matcher(thisYear).replaceAll(m -> yearOfDeadlines(earlier + thisYear.substring(0, m.start()))
                .map(year -> String.format("%04d年", year)).orElse(THIS_YEAR_WRITTEN));
    }

    /** 次年, 翌年 and 明年 as the years they stand for (see {@link #NEXT_YEAR}), after the text {@code before}. */
    private static String nextYearsWritten(String written, String before, Integer yearBefore) {
        return NEXT_YEAR.matcher(written).replaceAll(m -> m.group(1).equals("明年") ? NEXT_YEAR_WRITTEN
                : yearAfter(before + written.substring(0, m.start()), yearBefore));
    }

    private static boolean namesNextYear(String text) {
        return (text.contains("次年") || text.contains("翌年") || text.contains("明年")) && NEXT_YEAR.matcher(text).find();
    }

    /**
     * The year after the last year written in the text (2025年…，次年 → 2026年), else after {@code yearBefore} (the year
     * of the sentences before), else after the year of issue.
     */
    private static String yearAfter(String text, Integer yearBefore) {
        Matcher year = WRITTEN_YEAR.matcher(text);
        String last = null;
        while (year.find()) {
            if (plausibleYear(year.group(1)) && !year.group(1).startsWith("000")) {
                last = year.group(1);
            }
        }
        Integer after = last != null ? Integer.valueOf(Integer.parseInt(last)) : yearBefore;
        return after == null ? NEXT_YEAR_WRITTEN : (after + 1) + "年";
    }

    /**
     * The year of the last deadline a text writes within a year (2024年3月底前), if any: not a whole year's goal
     * (到2025年基本建成), a base or a past state (在2023年试点基础上, 2023年已建成), nor a title or a start.
     */
    private static Optional<Integer> yearOfDeadlines(String text) {
        if (text.indexOf('年') < 0) {
            return Optional.empty();
        }
        return writtenDates(text).stream()
                // year 2 (明年3月底前) lends itself to the months after it; year 1 is the fallback anyway
                .filter(d -> d.weight() == Weight.MARKED && !d.yearOnly() && d.date().getYear() != 1)
                .max(java.util.Comparator.comparingInt(Dated::at)).map(d -> d.date().getYear());
    }

    /** The dates a sentence writes, each weighed as a deadline. */
    private static List<Dated> writtenDates(String sentence) {
        List<Dated> dates = new ArrayList<>();
        Matcher day = DAY.matcher(sentence);
        while (day.find()) {
            if (plausibleYear(day.group(1))) {
                validDate(day.group(1), day.group(2), day.group(3)).ifPresent(d -> dates.add(dated(d, sentence, day)));
            }
        }
        Matcher months = MONTHS.matcher(sentence);
        while (months.find()) {
            int first = Integer.parseInt(months.group(2));
            int last = Integer.parseInt(months.group(3));
            if (plausibleYear(months.group(1)) && last >= 1 && last <= 12) {
                // 2024年11月—3月 runs into the next year
                int year = Integer.parseInt(months.group(1)) + (last < first ? 1 : 0);
                dates.add(dated(YearMonth.of(year, last).atEndOfMonth(), sentence, months));
            }
        }
        Matcher month = MONTH.matcher(sentence);
        while (month.find()) {
            int m = Integer.parseInt(month.group(2));
            if (plausibleYear(month.group(1)) && m >= 1 && m <= 12) {
                YearMonth written = YearMonth.of(Integer.parseInt(month.group(1)), m);
                // 6月上旬前: by its 10th, 中旬前 its 20th; 下旬, like the month, ends with it
                String after = sentence.substring(month.end(), Math.min(sentence.length(), month.end() + 2));
                LocalDate end = after.equals("上旬") ? written.atDay(10) : after.equals("中旬") ? written.atDay(20)
                        : written.atEndOfMonth();
                dates.add(dated(end, sentence, month));
            }
        }
        Matcher half = HALF_YEAR.matcher(sentence);
        while (half.find()) {
            if (plausibleYear(half.group(1))) {
                int y = Integer.parseInt(half.group(1));
                dates.add(dated(half.group(2).equals("上") ? LocalDate.of(y, 6, 30) : LocalDate.of(y, 12, 31), sentence, half));
            }
        }
        Matcher term = sentence.indexOf('季') >= 0 || sentence.indexOf("学期") >= 0 ? TERM.matcher(sentence) : null;
        while (term != null && term.find()) {
            if (plausibleYear(term.group(1))) {
                int y = Integer.parseInt(term.group(1));
                boolean spring = sentence.charAt(term.start() + 5) == '春';
                dates.add(dated(spring ? YearMonth.of(y, 2).atEndOfMonth() : LocalDate.of(y, 8, 31), sentence, term));
            }
        }
        Matcher schoolYear = sentence.indexOf("学年") >= 0 ? SCHOOL_YEAR.matcher(sentence) : null;
        while (schoolYear != null && schoolYear.find()) {
            int first = Integer.parseInt(schoolYear.group(1));
            int last = Integer.parseInt(schoolYear.group(2));
            if (plausibleYear(schoolYear.group(2)) && last == first + 1) {
                dates.add(dated(LocalDate.of(last, 7, 31), sentence, schoolYear));
            }
        }
        Matcher quarter = QUARTER.matcher(sentence);
        while (quarter.find()) {
            if (plausibleYear(quarter.group(1))) {
                int q = "一二三四".indexOf(quarter.group(2).charAt(0)) + 1;
                int last = 3 * (q > 0 ? q : Integer.parseInt(quarter.group(2)));
                dates.add(dated(YearMonth.of(Integer.parseInt(quarter.group(1)), last).atEndOfMonth(), sentence, quarter));
            }
        }
        Matcher numericDay = NUMERIC_DAY.matcher(sentence.strip());
        if (numericDay.matches() && plausibleYear(numericDay.group(1))) {
            validDate(numericDay.group(1), numericDay.group(3), numericDay.group(4))
                    .ifPresent(d -> dates.add(new Dated(d, Weight.MARKED)));
        }
        Matcher numeric = NUMERIC_MONTH.matcher(sentence.strip());
        if (numeric.matches() && plausibleYear(numeric.group(1))) {
            int m = Integer.parseInt(numeric.group(2));
            if (m >= 1 && m <= 12) {
                dates.add(new Dated(YearMonth.of(Integer.parseInt(numeric.group(1)), m).atEndOfMonth(), Weight.MARKED));
            }
        }
        Matcher year = YEAR.matcher(sentence);
        while (year.find()) {
            if (plausibleYear(year.group(1))) {
                dates.add(dated(LocalDate.of(Integer.parseInt(year.group(1)), 12, 31), sentence, year, true));
            }
        }
        return dates;
    }

    /** The latest date a clause marks as an end (2025年6月底前, 2026年底前完成), if any; {@code before}: the text before it. */
    private static Optional<LocalDate> markedDeadline(String clause, String before, Integer yearBefore) {
        return writtenDates(withYearsWritten(clause, before, yearBefore)).stream().filter(d -> d.weight() == Weight.MARKED).map(Dated::date)
                .max(LocalDate::compareTo);
    }

    /**
     * The deadline a sentence states, if any. Of the dates it writes, those marked as an end ({@code 2021年底前},
     * {@code 到2025年}, {@code 确保2022年}) come first, then plain ones, last those that name a period the work concerns
     * rather than when it is due (in brackets {@code “十四五”（2021—2025年）}, the end of a range, {@code 2022年度},
     * {@code 2021学年}); of the first kind found, the latest: a sentence that names two dates
     * ({@code 在2019年试点基础上，2021年底前全面推开}) names what came before to say what is due after.
     * {@code previousYear} resolves 再通过N年 in a sentence without a date.
     */
    static Optional<LocalDate> deadline(String written, Integer previousYear) {
        String sentence = withYearsWritten(written, "", previousYear);
        return deadline(sentence, writtenDates(sentence), previousYear);
    }

    /** The deadline among the dates a sentence (its years written) writes. */
    private static Optional<LocalDate> deadline(String sentence, List<Dated> dates, Integer previousYear) {
        for (Weight weight : List.of(Weight.MARKED, Weight.PLAIN, Weight.PERIOD)) {
            Optional<LocalDate> latest = dates.stream().filter(d -> d.weight() == weight).map(Dated::date).max(LocalDate::compareTo);
            if (latest.isPresent()) {
                return latest;
            }
        }
        Matcher again = AGAIN.matcher(sentence);
        if (again.find() && previousYear != null) {
            // 再通过3至5年努力: by the end of the longer
            String years = again.group(2) != null ? again.group(2) : again.group(1);
            return Optional.of(LocalDate.of(previousYear + Integer.parseInt(years), 12, 31));
        }
        return withinTheYear(sentence) ? Optional.of(THIS_YEAR) : Optional.empty();
    }

    /** Whether a text says its work is done within the year of issue (年内, 全年完成…), written as such. */
    private static boolean doneWithinTheYear(String text) {
        return text.indexOf('年') >= 0 && RELATIVE_YEAR.matcher(text).find();
    }

    private static boolean withinTheYear(String sentence) {
        int year = sentence.indexOf('年');
        // most sentences without a date have no 年 at all: no scan
        return year >= 0 && (sentence.indexOf("年内", year) >= 0 || sentence.indexOf("今年") >= 0
                || sentence.indexOf("本年") >= 0 || sentence.indexOf("全年") >= 0 || sentence.indexOf("当年") >= 0)
                && RELATIVE_YEAR.matcher(sentence).find()
                || mayOmitTheYear(sentence) && WITHOUT_YEAR.matcher(sentence).find();
    }

    /**
     * Whether a sentence may write a period without its year: a quick look before {@link #WITHOUT_YEAR}'s scan, which
     * most sentences with a date (2021年6月底前: its month after its year) need not run.
     */
    private static boolean mayOmitTheYear(String sentence) {
        for (int i = sentence.indexOf('月'); i >= 0; i = sentence.indexOf('月', i + 1)) {
            int digits = i;
            while (digits > 0 && Character.isDigit(sentence.charAt(digits - 1))) {
                digits--;
            }
            if (digits < i && (digits == 0 || sentence.charAt(digits - 1) != '年')) {
                return true; // 6月 not after 2021年
            }
        }
        return notAfterYear(sentence, "季度", 2) || notAfterYear(sentence, "半年", 1) || notAfterYear(sentence, "年底", 0)
                || notAfterYear(sentence, "年末", 0);
    }

    /**
     * Whether {@code word} occurs with the {@code before} characters ahead of it (三 of 三季度, 上 of 上半年, 第 too) not
     * following a written year: 三季度 but not 2021年第三季度, 年底 but not 2021年底.
     */
    private static boolean notAfterYear(String sentence, String word, int before) {
        for (int i = sentence.indexOf(word); i >= 0; i = sentence.indexOf(word, i + 1)) {
            int start = Math.max(0, i - before);
            char previous = start > 0 ? sentence.charAt(start - 1) : ' ';
            if (before == 0 ? !Character.isDigit(previous) : previous != '年' && !Character.isDigit(previous)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How surely a date written in a sentence is its deadline, surest first; NONE is no deadline at all (a year in a
     * title, 《2021年工作要点》, or the base of a comparison, 较2020年).
     */
    private enum Weight { MARKED, PLAIN, PERIOD, NONE }

    /**
     * A date written in a sentence, where it starts, and whether it names a whole year only (2025年, 到2025年), not a
     * month, day, quarter or half of it.
     */
    private record Dated(LocalDate date, Weight weight, int at, boolean yearOnly) {
        Dated(LocalDate date, Weight weight) {
            this(date, weight, 0, false);
        }
    }

    private static Dated dated(LocalDate date, String sentence, Matcher written) {
        return dated(date, sentence, written, false);
    }

    private static Dated dated(LocalDate date, String sentence, Matcher written, boolean yearOnly) {
        String after = sentence.substring(written.end());
        String before = sentence.substring(0, written.start());
        Weight weight;
        if (insideTitle(before) || BASE_BEFORE.matcher(before).find() || ATTRIBUTE_AFTER.matcher(after).lookingAt()
                || SEASON_AFTER.matcher(after).lookingAt()
                || GOAL_SET_BEFORE.matcher(before).find() && GOAL_AFTER.matcher(after).lookingAt()) {
            weight = Weight.NONE;
        } else if (insideBrackets(before) || RANGE_BEFORE.matcher(before).find() || PERIOD_AFTER.matcher(after).lookingAt()) {
            weight = Weight.PERIOD;
        } else {
            weight = END_AFTER.matcher(after).lookingAt() || END_BEFORE.matcher(before).find() ? Weight.MARKED : Weight.PLAIN;
        }
        return new Dated(date, weight, written.start(), yearOnly);
    }

    /** Whether a title (《…》) opened before this point is still open. */
    private static boolean insideTitle(String before) {
        return before.lastIndexOf('《') > before.lastIndexOf('》');
    }

    /** Whether a bracket opened before this point is still open. */
    private static boolean insideBrackets(String before) {
        int depth = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')') && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    /**
     * The word that makes a target's clause a target for each period ({@code 每年新增1000人} → 每年), if any: such a
     * target is tracked as one milestone, which the import reports.
     */
    static Optional<String> recurrence(String clause) {
        Matcher period = RECURRING.matcher(clause);
        return period.find() ? Optional.of(period.group()) : Optional.empty();
    }

    static Optional<LocalDate> deadline(String sentence) {
        return deadline(sentence, null);
    }

    /** A target with where its number starts in the sentence. */
    record Found(Target target, int start) {
    }

    static List<Found> targets(String sentence) {
        List<Found> found = new ArrayList<>();
        Set<Integer> spreading = new HashSet<>(); // where numbers whose comparator bounds the verb's other objects start
        boolean[] taken = new boolean[sentence.length() + 1];
        Matcher range = RANGE.matcher(sentence);
        while (range.find()) {
            String unit = range.group(4);
            if ("学年".equals(unit) && plausibleYear(range.group(1)) && plausibleYear(range.group(3))) {
                continue; // 2020—2021学年 is a school year
            }
            found.add(new Found(new Target(quantity(range.group(1)), unit, Comparator.RANGE,
                    quantity(range.group(3))), range.start()));
            for (int i = range.start(); i < range.end(); i++) {
                taken[i] = true;
            }
        }
        markQuoted(sentence, taken); // a number inside quotation marks is part of a name: “职教20条”
        Matcher single = SINGLE.matcher(sentence);
        while (single.find()) {
            if (taken[single.start()] || isYearLike(sentence, single) || RATE_AFTER.matcher(sentence)
                    .region(single.end(), sentence.length()).lookingAt()
                    || single.start() >= 2 && sentence.startsWith("一式", single.start() - 2)) {
                continue; // 申报材料一式3份: copies of a form, no target
            }
            // 20余个, 100多家, 1万余人: more than the number
            String word = wordBefore(sentence, single.start());
            if (word != null && word.startsWith("最") && SUPPORT_PER_HEAD.matcher(clauseBefore(sentence, single.start())).find()
                    || ("不超过".equals(word) || "不高于".equals(word)) && PER_HEAD.matcher(clauseBefore(sentence, single.start())).find()
                    && SUPPORT.matcher(clauseBefore(sentence, single.start())).find()) {
                continue; // 个人贷款额度最高30万元: how much support one may get, no target of the task
            }
            if (single.group(5) != null && (single.group(5).endsWith("以上") || single.group(5).endsWith("以下"))
                    && REMOVING_BEFORE.matcher(clauseBefore(sentence, single.start())).find()
                    && SIZED_TO_CLAUSE_END.matcher(sentence).region(single.end(), sentence.length()).lookingAt()) {
                continue; // 消除56人以上大班额: which classes go, no target
            }
            if (clauseBefore(sentence, single.start()).endsWith("容纳")) {
                continue; // 可容纳6万座的体育场: its size, no count of things
            }
            if ("小时".equals(single.group(4)) && single.group(5) == null
                    && ROUND_THE_CLOCK.matcher(sentence).region(single.end(), sentence.length()).lookingAt()) {
                continue; // 24小时值班, 24小时自助服务区: when the service runs, no target (24小时响应 is a time limit)
            }
            Comparator comparator = single.group(3) != null && single.group(5) == null ? Comparator.AT_LEAST
                    : comparator(single.group(5), word);
            String unit = single.group(2) == null ? single.group(4) : single.group(2) + single.group(4);
            found.add(new Found(new Target(quantity(single.group(1)), unit, comparator, null), single.start()));
            if (single.group(3) == null && single.group(5) == null && word != null && beforeAVerb(sentence, word, single.start())
                    && (comparator == Comparator.AT_LEAST || comparator == Comparator.AT_MOST)) {
                spreading.add(single.start());
            }
        }
        found.sort(java.util.Comparator.comparingInt(Found::start));
        return spread(sentence, withoutQualifiers(sentence, found), spreading);
    }

    /**
     * Whether a comparator word stands before the verb of its number (至少培育10家), not right before the number
     * (企业不少于10家): then it bounds every object of the verb. Only a floor or a ceiling spreads so (近三年 is a time,
     * not "about").
     */
    private static boolean beforeAVerb(String sentence, String word, int numberStart) {
        String before = sentence.substring(Math.max(0, numberStart - COMPARATOR_REACH), numberStart);
        String between = before.substring(before.lastIndexOf(word) + word.length());
        // a verb (培育, 建成): a longer stretch is more than a verb, and the word may bound something else in it
        return !between.isEmpty() && between.length() <= VERB
                && between.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * The targets with a comparator before a verb applied to the verb's other objects, joined by 和, 及, 与 or 、 in its
     * clause (至少培育10家企业和5所院校: 5所 at least too); an object with its own comparator keeps it.
     */
    private static List<Found> spread(String sentence, List<Found> found, Set<Integer> spreading) {
        List<Found> spread = new ArrayList<>(found);
        for (int i = 1; i < spread.size(); i++) {
            Found before = spread.get(i - 1);
            Found target = spread.get(i);
            String between = sentence.substring(before.start(), target.start());
            if (spreading.contains(before.start()) && target.target().comparator() == Comparator.EXACT
                    && wordBefore(sentence, target.start()) == null && COORDINATED.matcher(between).matches()) {
                spread.set(i, new Found(new Target(target.target().quantity(), target.target().unit(),
                        before.target().comparator(), null), target.start()));
                spreading.add(target.start());
            }
        }
        return spread;
    }

    /**
     * The targets without those that only say which things are counted: in 年经营性收入50万元以上行政村占比达到40%,
     * 50万元 names the villages counted and 40% is the target; in 新增5000人以上大型演出30场以上, 5000人 names the
     * shows. Such an amount comes just before another target of its clause: before a percentage with 占比, 比例 or 比重
     * between them, or with 以上/以下 and a few words naming the things (no verb) between them, or after 超 with such
     * words after it (营业收入超10亿元企业5家: 10亿元 sizes the enterprises).
     */
    private static List<Found> withoutQualifiers(String sentence, List<Found> found) {
        if (found.size() < 2) {
            return found;
        }
        List<Found> kept = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found amount = found.get(i);
            boolean qualifier = false;
            if (i + 1 < found.size()) {
                Found next = found.get(i + 1);
                String between = sentence.substring(amount.start(), next.start());
                boolean oneClause = !CLAUSE_BREAK.matcher(between).find();
                boolean share = !"%".equals(amount.target().unit()) && "%".equals(next.target().unit())
                        && SHARE.matcher(between).find();
                String justBefore = sentence.substring(Math.max(0, amount.start() - 2), amount.start());
                boolean over = OVER_BEFORE.matcher(justBefore).find() && SIZED_THINGS.matcher(between).matches();
                boolean size = (COUNTED_THINGS.matcher(between).matches() || over) && !COUNTING_VERB.matcher(between).find();
                qualifier = oneClause && (share || size);
            }
            if (!qualifier) {
                kept.add(amount);
            }
        }
        return kept;
    }

    private static void markQuoted(String sentence, boolean[] taken) {
        int open = -1;
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (c == '“') {
                open = i;
            } else if (c == '”' && open >= 0) {
                for (int j = open; j <= i; j++) {
                    taken[j] = true;
                }
                open = -1;
            }
        }
    }

    /** 2021年 (a unit read into 年…), or 2021学年 (a school year): no quantity. */
    private static BigDecimal quantity(String number) {
        return new BigDecimal(number.replace(",", ""));
    }

    private static boolean isYearLike(String sentence, Matcher m) {
        return m.group(1).length() == 4 && (m.end() < sentence.length() && sentence.charAt(m.end()) == '年'
                || "学年".equals(m.group(4)) && m.group(1).indexOf('.') < 0 && plausibleYear(m.group(1)));
    }

    private static Comparator comparator(String suffix, String prefix) {
        if (suffix != null) {
            return switch (suffix) {
                case "以上", "及以上" -> Comparator.AT_LEAST;
                case "左右" -> Comparator.ABOUT;
                default -> Comparator.AT_MOST;
            };
        }
        if (prefix == null) {
            return Comparator.EXACT;
        }
        return switch (prefix) {
            case "不得低于", "不得少于", "不少于", "不低于", "至少", "超过", "超", "突破", "高于", "达到" -> Comparator.AT_LEAST;
            case "不得超过", "不得高于", "不得突破", "不突破", "不超过", "不高于", "低于", "控制在", "最高", "最多" -> Comparator.AT_MOST;
            default -> Comparator.ABOUT;
        };
    }

    /** The clause up to this point: from the last mark of a clause's end before it. */
    private static String clauseBefore(String sentence, int position) {
        int start = position;
        while (start > 0 && "，,；;。：:".indexOf(sentence.charAt(start - 1)) < 0) {
            start--;
        }
        return sentence.substring(start, position);
    }

    /**
     * The comparator word closest before the number, within its clause and a few characters, after any number before
     * it (超10亿元企业5家: 超 bounds 10亿元, not 5家).
     */
    private static String wordBefore(String sentence, int numberStart) {
        int from = Math.max(0, numberStart - COMPARATOR_REACH);
        for (int i = numberStart - 1; i >= from; i--) {
            if ("，,、：:".indexOf(sentence.charAt(i)) >= 0 || Character.isDigit(sentence.charAt(i))) {
                from = i + 1;
                break;
            }
        }
        String before = sentence.substring(from, numberStart);
        Matcher word = COMPARATOR_WORD.matcher(before);
        String last = null;
        while (word.find()) {
            boolean quoted = before.lastIndexOf('“', word.start()) > before.lastIndexOf('”', word.start());
            // 最高 and 最多 only just before the number (最多跑3次, 最高可达30万元): “最多跑一次”事项100% and
            // 以最高标准建设5所 are no ceilings
            boolean adjacent = !word.group(1).startsWith("最") || before.length() - word.end() <= 2;
            if (!quoted && adjacent) {
                last = word.group(1);
            }
        }
        return last;
    }

    private static String clauseAround(String sentence, int position, Pattern separatedBy) {
        Matcher clause = separatedBy.matcher(sentence);
        String previous = null;
        while (clause.find()) {
            if (clause.start() <= position && position < clause.end()) {
                String c = sentence.substring(itemStart(sentence, clause.start()), clause.end()).strip();
                return title(c.length() < SHORT_CLAUSE && previous != null ? previous + "，" + c : c);
            }
            previous = clause.group().strip();
        }
        return title(sentence);
    }

    /**
     * Where a list item begins with the items before it that hold no number: in 培育省级金宿、银宿民宿20家左右 the
     * target's item is the whole phrase, not 银宿民宿20家左右.
     */
    private static int itemStart(String sentence, int start) {
        int begin = start;
        while (begin > 0 && sentence.charAt(begin - 1) == '、') {
            int previous = begin - 1;
            while (previous > 0 && "，,、。；;！!？?\n".indexOf(sentence.charAt(previous - 1)) < 0) {
                previous--;
            }
            if (TextCleaner.contains(sentence.substring(previous, begin - 1), c -> c >= '0' && c <= '9')) {
                break;
            }
            begin = previous;
        }
        return begin;
    }

    private static String title(String text) {
        String t = text.strip();
        return t.length() <= MAX_TITLE ? t : t.substring(0, MAX_TITLE);
    }

    /**
     * The date; a day past its month's end (2021年2月30日, 4月31日: a slip of the writer or the OCR) is read as that
     * month's last day, since the month is what the writer meant to end by; none when the month or day cannot be one.
     * {@link #impossibleDates} names such dates for the import's warnings.
     */
    private static Optional<LocalDate> validDate(String year, String month, String day) {
        int m = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        if (m < 1 || m > 12 || d < 1 || d > 31) {
            return Optional.empty();
        }
        YearMonth period = YearMonth.of(Integer.parseInt(year), m);
        return Optional.of(d > period.lengthOfMonth() ? period.atEndOfMonth() : period.atDay(d));
    }

    /**
     * The warnings for the dates written in the text that no calendar has (2021年2月30日, 2021.4.31, 2021年13月1日),
     * each once, in text order, saying how a deadline on such a date is read.
     */
    static List<String> impossibleDates(String text) {
        LinkedHashSet<String> found = new LinkedHashSet<>();
        Matcher date = WRITTEN_DAY.matcher(text);
        while (date.find()) {
            String year = date.group(1);
            String day = date.group(2) != null ? date.group(3) : date.group(6);
            Optional<LocalDate> read = validDate(year, date.group(2) != null ? date.group(2) : date.group(5), day);
            // a day of the calendar is read as written; an impossible one is moved to its month's end, or not read
            if (!plausibleYear(year) || read.filter(r -> r.getDayOfMonth() == Integer.parseInt(day)).isPresent()) {
                continue;
            }
            found.add("\"" + date.group() + "\" is no date of the calendar: "
                    + read.map(end -> "as a deadline it is read as " + end + ", the end of its month").orElse("not dated"));
        }
        return List.copyOf(found);
    }

    private static boolean plausibleYear(String year) {
        int y = Integer.parseInt(year);
        return y >= 1990 && y <= 2100 || "0001".equals(year) || "0002".equals(year); // 今年 and 次年, see THIS_YEAR_WRITTEN
    }

    /**
     * Whether a date found stands for one in the year of issue (年内, 今年6月底前: year 1) or the year after it (次年3月底前:
     * year 2), not yet known to the extractor.
     */
    static boolean inYearOfIssue(LocalDate date) {
        return date != null && (date.getYear() == 1 || date.getYear() == 2);
    }

    /**
     * A date found in year {@code relative} (1: the year of issue, 2: the year after, see {@link #inYearOfIssue}) placed
     * in {@code year} plus the years it is after the first: the same day of the month, or the month's end (28 February
     * of year 1 is the 29th in a leap year).
     */
    static LocalDate placed(LocalDate relative, int year) {
        YearMonth month = YearMonth.of(year + relative.getYear() - 1, relative.getMonthValue());
        return relative.getDayOfMonth() == relative.lengthOfMonth() ? month.atEndOfMonth() : month.atDay(relative.getDayOfMonth());
    }
}
