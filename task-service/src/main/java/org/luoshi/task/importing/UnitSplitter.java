package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luoshi.platform.text.ChineseText;
import org.luoshi.task.api.model.AssignmentKind;
import org.luoshi.task.api.model.AssignmentRole;

/**
 * Splits a responsible-unit list (责任单位) into mentions with roles.
 *
 * <p>The list is cut into clauses at {@code ，；} and each clause into names at {@code 、}, before {@code 和各} /
 * {@code 及各}, and at {@code 和 / 及 / 与} or a slash after a named unit's whole name ({@code 市财政局及市教育局},
 * {@code 市教育局/市财政局}); nothing inside brackets ({@code （）〔〕()[]【】}) or inside a government group ({@code 各…政府}, e.g.
 * {@code 各市〔州〕、县〔市〕政府}, {@code 各县区政府（管委）}) is ever cut. {@code A等省直有关部门} names A and the unnamed
 * {@code 省直有关部门}; a bare {@code A等部门} names A only. Roles:
 * <ul>
 *   <li>{@code A、B会同C} — A, B LEAD; C PARTICIPANT;</li>
 *   <li>{@code A、B牵头}, {@code A负总责}, {@code 统筹指导} — LEAD; {@code 参与 / 配合 / 协助 / 参加 / 指导} — PARTICIPANT;
 *       {@code 按职责分工负责 / 各负其责 / 分别负责 / 负责 / 落实 / 具体实施 / 组织实施 / 负主体责任 / 负责指导} —
 *       RESPONSIBLE; role words close their clause also before a {@code 、} ({@code A牵头、B配合});</li>
 *   <li>a clause without role words after a clause with them — RESPONSIBLE (each in its own remit, the usual
 *       meaning of {@code …会同有关部门，各市州人民政府}); before any lead — LEAD, unless the list's only role words give
 *       each unit its own remit ({@code 省人社厅、省民政厅，各市州人民政府按职责分工负责}: all RESPONSIBLE, as without the
 *       comma);</li>
 *   <li>names without role words between a lead (or a unit responsible for the whole task) and the partners after
 *       them — PARTICIPANT;</li>
 *   <li>a list without any role words — all RESPONSIBLE, and by convention the first named unit (not an unnamed
 *       有关部门) LEAD.</li>
 * </ul>
 * A role may follow one name in brackets: {@code 市发展改革委（牵头）、市教育局}. A clause may open with a label:
 * {@code 牵头单位： / 牵头： / 主责单位：} (LEAD), {@code 配合单位： / 配合： / 协同单位：} (PARTICIPANT), {@code 责任单位：}
 * (no role of its own); the label's role goes on over the commas after it, up to a semicolon, another label or role
 * words ({@code 配合单位：市工商联，市级有关单位} — both PARTICIPANT). A list made only of groups and unnamed units makes them
 * all RESPONSIBLE.
 *
 * <p>Keywords are matched on the simplified view, so traditional lists (會同, 相關部門) split the same way; names are
 * returned as written. A list that writes the level once ({@code 省教育厅、发展改革委、人力资源社会保障厅}) gives the
 * later names without one an {@link UnitMention#impliedName() implied name} with the level of the closest unit
 * before them that has one ({@code 省发展改革委}); resolution tries it first. Places listed bare before a government
 * that closes the list share its words the same way ({@code 武汉、襄阳、宜昌市人民政府}: 武汉市人民政府, 襄阳市人民政府).
 */
final class UnitSplitter {

    /** The role words closing a clause (group 1), and what they are to do, which is no part of any name: 负责落实, 牵头实施. */
    private static final Pattern TRAILING_ROLE = Pattern.compile(
            "((?:按照?|依)职责(?:分工)?(?:负责|落实|牵头|配合)|各负其责|分别负责|共同负责|负总责|(?:负|承担)主体责任"
                    + "|(?:牵头|统筹|负责|组织|监督|督促|业务|加强)?指导|督查|督导|监督|(?:牵头|配合|分工|具体)?负责|牵头|参与|配合|协助|参加"
                    + "|(?:具体|抓好|组织)?落实|具体实施|组织实施)"
                    + "(?:抓好落实|组织落实|组织实施|具体实施|落实|实施|推进|推动)?$");
    /** A bracket closing a unit's name: its other name or a qualifier. */
    private static final Pattern ALIAS_AFTER = Pattern.compile("[（(](?!各)[^（()）、，,]{1,20}[）)]$");
    /** A 、 right after role words ends their clause as a comma would: 市民政局牵头、市直有关单位配合. */
    private static final List<String> ROLE_BEFORE = List.of("牵头", "负责", "负总责", "配合", "参与", "协助", "指导", "落实", "实施");
    /** The labels that open a list of units: {@code 牵头单位：…}. */
    static final String LABELS = "牵头单位|牵头部门|主办单位|主责单位|主责部门|配合单位|配合部门|参与单位|参与部门|协办单位|协同单位|"
            + "协同部门|责任单位|责任部门|负责单位|承办单位|实施单位|承担单位|落实单位|牵头|配合|参与|协办";
    private static final Pattern LABEL = Pattern.compile("^(" + LABELS + ")[:：]");
    /** A label naming units (…单位：, …部门：) right after a name, not after a separator. */
    private static final Pattern INNER_LABEL = Pattern.compile(
            "(?<=[^\\s；;，,。、：:（(\\[【])(?=(?:牵头|主办|主责|配合|参与|协办|协同|责任|负责|承办|实施|承担|落实)(?:单位|部门)[:：])");
    private static final Pattern BREAK_BEFORE_LABEL = Pattern.compile("[；;。]?[ \\t\\u3000]*\\n\\s*(?=(?:" + LABELS + ")[:：])");
    /**
     * A person named in brackets after a unit (市经济和信息化局（周某某）, 市教育局（王强）): group 1 the unit, group 2 the person,
     * whose name opens with a common surname or is left out (某某); other short brackets are qualifiers (（本级）, （试行）).
     */
    private static final Pattern PERSON_AFTER = Pattern.compile("^(.{2,40}?)[（(]((?:" + Surnames.COMMON + ")\\p{IsHan}{1,2}|\\p{IsHan}某某?)[）)]$");
    /** A role written after one name, in brackets: 市发展改革委（牵头）. */
    private static final Pattern ROLE_MARK = Pattern.compile("[（(]\\s*(牵头|主责|主办|配合|参与|协办|协同|协助|指导|负责)(?:单位|部门)?\\s*[）)]$");
    private static final String LEVELS = "省市县区";
    /** An autonomous region's level, written before its departments as 省 is: 自治区教育厅. */
    private static final String REGION = "自治区";
    private static final Pattern COUNTY_HUITONG = Pattern.compile("会同县(?![级（(市区、])");
    /** Names that open with a level's character without naming the level: 市场监管局 (market), 区域…, 县域…. */
    private static final Pattern NOT_A_LEVEL = Pattern.compile("^(?:市场|区域|县域)");
    /** Names of the nation's bodies and of those named for it (人行…支行, 国网…公司): no level of the list implied. */
    private static final Pattern PLACE_OR_NATION = Pattern.compile("^(国家|国务院|中国|中华|全国|人民银行|人行|国网|民航|武警"
            // a province's name (湖南证监局): the body names its place, a level before it would name another
            + "|北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南"
            + "|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆)");
    /**
     * Bodies that belong to no level of government, whatever the list's first unit (华侨大学, 南昌海关): no level is
     * implied before them. Companies are not among them: 县商务局、邮政公司 names the county's.
     */
    /** Names no level is written before: 海关, 大学, and places (城关镇, 鸭子铺社区), which name their own. */
    private static final Pattern NO_LEVEL = Pattern.compile("(?:海关|大学|镇|乡|街道|社区|村)$");
    /**
     * A name that names its own level inside (团市委, 人行湘潭市中心支行, 国网泰顺县供电公司, 夷陵区人民政府, 禾川镇人民政府; not
     * 城市管理局), or a zone its place (湘潭经开区管委会): no level is implied before it.
     */
    private static final Pattern HOLDS_A_LEVEL = Pattern.compile(
            "^.+(?:省|(?<![城都超])市(?!场)|县(?!域)|州|[区镇乡](?:人民)?政府$|街道办事处$)"
                    // a zone named with its place (湘潭经开区管委会, 庐山风景名胜区管理局), not one named bare (高新区管委会)
                    + "|^(?!经济|高新|国家级|省级)\\p{IsHan}{2,}?(?:经开区|经济技术开发区|高新区|高新技术产业开发区|开发区|新区"
                    + "|风景名胜区|综合保税区)");
    /**
     * A place's government closing a list of places that share it: 宜昌市人民政府 (level 市, words 人民政府), 安徽省人民政府
     * (湖北、江西、安徽省人民政府).
     */
    private static final Pattern PLACE_GOVERNMENT = Pattern.compile("^(?!各)\\p{IsHan}{2,6}?([省市县区州旗])?(人民政府)$");
    /** A place named bare, by its name (武汉) or with its level (龙南市), that a government after it may close. */
    private static final Pattern BARE_PLACE = Pattern.compile("^\\p{IsHan}{2,4}$");
    private static final String LEVEL_CHARACTERS = "省市县区州旗";
    private static final Pattern GOVERNMENT_GROUP = Pattern.compile(
            "各(?:自治区|直辖市|自治州|自治县|计划单列市|直管市|不?设区的?市|神农架林区|林区|新疆生产建设兵团"
                    + "|[省市州县区旗盟乡镇街道]|〔[^〕]{1,4}〕|（[^）]{1,4}）|\\([^)]{1,4}\\)|[、及和与])+?"
                    + "(?:人民政府|政府)"
                    + "(?:（[^）]{1,6}）|\\([^)]{1,6}\\))?"
                    // the provinces' departments (各省、自治区、直辖市及新疆生产建设兵团有关部门, …发展改革委), only after the
                    // provinces named so: 各乡镇、市教育局 are two
                    + "|各省[、，]?自治区[、，]?直辖市(?:[、，及和与]*(?:计划单列市|新疆生产建设兵团))*"
                    // not across 和/及/与 into the next unit (…直辖市及国务院有关部委)
                    + "(?:有关部门|相关部门|(?:(?![和及与])\\p{IsHan}){0,8}?(?:委|厅|局))");
    /** A kind of body named bare, which a 各 before it in the list covers too: 各镇人民政府、街道办事处. */
    private static final Pattern BARE_KIND = Pattern.compile("^(?:街道办事处|街道|管委会|园区管委会|社区|村委会|居委会|村（居）委会"
            + "|村（社区）|村|社区（村）)$");
    /**
     * Units referred to without their names: 有关部门, 相关单位, 市安委会各成员单位 (the members of a body, never listed),
     * 市直各行政执法部门 (the departments of a kind, no list of them).
     */
    private static final Pattern UNNAMED = Pattern.compile("有关|相关|成员单位$|^(?:省直|市直|县直|区直)各\\p{IsHan}{0,8}(?:部门|单位|机关)$");
    private static final String CONJUNCTIONS = "和及与";
    /** What makes 等 part of a word (高等, 中等, 初等, 同等, 平等 …), not "and others". */
    private static final String GRADE = "高中初同平对均相特优上";
    private static final String OPENING = "（(〔[【［";
    private static final String CLOSING = "）)〕]】］";
    private static final String EDGE_PUNCTUATION = "，,；;。.、：:　 ";

    private UnitSplitter() {
    }

    static List<UnitMention> split(String units) {
        String text = stripEnclosing(labelsInsideAsClauses(ChineseText.withoutSpaces(labelledLinesAsClauses(units))));
        if (text.isEmpty()) {
            return List.of();
        }
        String view = HanView.of(text);
        boolean[] atomic = atomicStretches(view);
        List<Named> named = new ArrayList<>();
        int clauseStart = 0;
        // a label's role goes on over commas (配合单位：市工商联，市级有关单位), up to a semicolon or another role
        AssignmentRole carried = null;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || (!atomic[i] && ("，,；;".indexOf(text.charAt(i)) >= 0
                    || text.charAt(i) == '、' && rolesBefore(view, clauseStart, i)))) {
                carried = clause(text, view, atomic, clauseStart, i, named, carried);
                if (i < text.length() && "；;".indexOf(text.charAt(i)) >= 0) {
                    carried = null;
                }
                clauseStart = i + 1;
            }
        }
        return assignRoles(named);
    }

    /** Whether role words ({@link #ROLE_BEFORE}) end {@code view[from, to)}. */
    private static boolean rolesBefore(String view, int from, int to) {
        return ROLE_BEFORE.stream().anyMatch(role -> to - role.length() >= from && view.startsWith(role, to - role.length()));
    }

    /**
     * Labelled lists on lines of their own ({@code 牵头单位：A} / {@code 配合单位：B}) as clauses of one list: the line
     * break would otherwise vanish with the spaces and run B's label into A's name. Other line breaks (a list wrapped
     * across lines) stay spaces.
     */
    private static String labelledLinesAsClauses(String units) {
        return clauseBreaks(units, BREAK_BEFORE_LABEL);
    }

    /**
     * A second labelled list on the line of the first ({@code 牵头单位：A    配合单位：B}, whose spaces the cleaning took
     * away) as a clause of its own: 配合单位：B would otherwise end A's name.
     */
    private static String labelsInsideAsClauses(String text) {
        if (text.indexOf('：') < 0 && text.indexOf(':') < 0) {
            return text; // no label at all: no scan
        }
        return clauseBreaks(text, INNER_LABEL);
    }

    /** Each match of {@code at} (in the simplified view) replaced by a clause break. */
    private static String clauseBreaks(String text, Pattern at) {
        Matcher match = at.matcher(HanView.of(text));
        if (!match.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 4);
        int last = 0;
        do {
            out.append(text, last, match.start()).append('；');
            last = match.end();
        } while (match.find());
        return out.append(text, last, text.length()).toString();
    }

    /**
     * A name found, with the role its clause gives it (null when the clause has no role words), or the one marked after
     * it ({@code marked}).
     */
    private record Named(String name, AssignmentKind kind, AssignmentRole role, boolean marked, String shared,
            boolean spread, boolean labelled) {

        Named(String name, AssignmentKind kind, AssignmentRole role, boolean marked) {
            this(name, kind, role, marked, null, false, false);
        }

        /** The same name in the role of words that give every unit of the list its own remit (按职责分工负责). */
        Named spreading() {
            return new Named(name, kind, role, marked, shared, true, labelled);
        }

        /** The same name under a label of its clause (责任单位：), which says what it is even without a role. */
        Named underLabel() {
            return new Named(name, kind, role, marked, shared, spread, true);
        }

        Named inRole(AssignmentRole other, boolean isMarked) {
            return new Named(name, kind, other, isMarked, shared, spread, labelled);
        }

        Named sharing(String words) {
            return new Named(name, kind, role, marked, words, spread, labelled);
        }

        /** The same name as a group, read as {@code group} (街道办事处 after 各镇人民政府: 各街道办事处). */
        Named asGroup(String group) {
            return new Named(name, AssignmentKind.GROUP, role, marked, group, spread, labelled);
        }
    }

    /** Role words that make each unit of the whole list responsible within its remit, its commas apart. */
    private static final Pattern EACH_IN_ITS_REMIT = Pattern.compile("^(?:(?:按照?|依)职责(?:分工)?(?:负责|落实)|各负其责|分别负责)");

    /**
     * The names of a clause, each bare place before a government that closes them given that government's words as an
     * implied name ({@code 武汉、襄阳、宜昌市人民政府}: 武汉市人民政府 …; {@code 信丰县、龙南市、于都县人民政府}: 信丰县人民政府 …).
     */
    private static List<String> sharingTheGovernment(List<String> names, List<String> shared) {
        int last = names.size() - 1;
        Matcher government = last > 0 ? PLACE_GOVERNMENT.matcher(HanView.of(names.get(last))) : null;
        for (int i = 0; i < names.size(); i++) {
            shared.add(null);
        }
        if (government == null || !government.matches()) {
            return names;
        }
        for (int i = last - 1; i >= 0; i--) {
            String view = HanView.of(names.get(i));
            if (!BARE_PLACE.matcher(view).matches() || UnitList.looksLikeUnit(view)
                    || kindOf(view) != AssignmentKind.AGENCY) {
                break;
            }
            char end = view.charAt(view.length() - 1);
            // 龙南市, 恩施州 name their level; 广州, 惠州 are cities' names
            boolean levelled = LEVEL_CHARACTERS.indexOf(end) >= 0 && !(end == '州' && view.length() == 2);
            String level = government.group(1) == null ? "" : government.group(1);
            shared.set(i, names.get(i) + (levelled ? "" : level) + government.group(2));
        }
        return names;
    }

    /**
     * The names of one clause, in the role of its label or role words, else in the role {@code carried} from a label
     * before it; answers the role to carry on to the next clause.
     */
    private static AssignmentRole clause(String text, String view, boolean[] atomic, int start, int to, List<Named> out,
            AssignmentRole carried) {
        AssignmentRole clauseRole = carried;
        AssignmentRole carry = carried;
        int from = start;
        Matcher label = LABEL.matcher(view.substring(start, to));
        boolean labelled = label.find();
        if (labelled) {
            clauseRole = labelRole(label.group(1));
            carry = clauseRole;
            from = start + label.end();
        }
        Matcher role = TRAILING_ROLE.matcher(view.substring(from, to));
        int end = to;
        boolean eachInItsRemit = false;
        if (role.find()) {
            carry = null;
            clauseRole = roleOf(role.group(1));
            eachInItsRemit = EACH_IN_ITS_REMIT.matcher(role.group(1)).lookingAt();
            end = from + role.start();
            if (view.startsWith("由", from) && end > from + 1) {
                from++; // 由市教育局牵头: the units after 由
            }
        }
        int with = withIndex(view, atomic, from, end);
        if (with >= 0) {
            names(text, view, atomic, from, with).forEach(n -> out.add(named(n, AssignmentRole.LEAD)));
            names(text, view, atomic, with + 2, end).forEach(n -> out.add(named(n, AssignmentRole.PARTICIPANT)));
        } else {
            AssignmentRole given = clauseRole;
            boolean spread = eachInItsRemit;
            List<String> shared = new ArrayList<>();
            List<String> found = sharingTheGovernment(names(text, view, atomic, from, end), shared);
            List<Named> clause = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                Named n = named(found.get(i), given);
                n = shared.get(i) == null ? n : n.sharing(shared.get(i));
                if (i > 0 && HanView.of(found.get(i - 1)).startsWith("各") && BARE_KIND.matcher(HanView.of(n.name())).matches()) {
                    // 各镇人民政府、街道办事处: the 各 covers both, a group of subdistrict offices, no office of that name
                    n = n.asGroup("各" + n.name());
                }
                n = spread ? n.spreading() : n;
                clause.add(labelled ? n.underLabel() : n);
            }
            boolean leadBefore = out.stream().anyMatch(n -> n.role() == AssignmentRole.LEAD);
            out.addAll(besideMarked(clause, given, leadBefore));
        }
        return with >= 0 ? null : carry;
    }

    /**
     * A clause in which some names carry a role mark (市发展改革委（牵头）、市教育局): the names beside a marked lead
     * participate, those beside marked participants lead, whatever the clause's own role; without marks every name keeps
     * the clause's role. After a lead named before the clause, a participants' mark closing it is the whole list's
     * ({@code 市交通运输局（牵头），市住房城乡建设局、大祥区人民政府（配合）}), as {@code …配合} would be.
     */
    private static List<Named> besideMarked(List<Named> clause, AssignmentRole clauseRole, boolean leadBefore) {
        boolean markedLead = clause.stream().anyMatch(n -> n.marked() && n.role() == AssignmentRole.LEAD);
        boolean markedParticipant = clause.stream().anyMatch(n -> n.marked() && n.role() == AssignmentRole.PARTICIPANT);
        boolean closingMark = leadBefore && !clause.isEmpty() && clause.get(clause.size() - 1).marked()
                && clause.stream().filter(Named::marked).count() == 1;
        AssignmentRole beside = markedLead ? AssignmentRole.PARTICIPANT
                : markedParticipant && !closingMark ? AssignmentRole.LEAD
                : markedParticipant ? AssignmentRole.PARTICIPANT : clauseRole;
        return clause.stream().map(n -> n.marked() ? n : n.inRole(beside, false)).toList();
    }

    private static Named named(String name, AssignmentRole role) {
        Matcher mark = ROLE_MARK.matcher(HanView.of(name));
        if (mark.find() && mark.start() > 0) {
            String unit = trimPunctuation(name.substring(0, mark.start()));
            return new Named(unit, kindOf(unit), roleOf(mark.group(1)), true);
        }
        Matcher person = PERSON_AFTER.matcher(name);
        if (person.matches() && UnitList.looksLikeUnit(person.group(1)) && !UnitList.looksLikeUnitOrPlace(person.group(2))) {
            String unit = person.group(1); // 市经济和信息化局（周某某）: the person answering for the unit, no part of its name
            return new Named(unit, kindOf(unit), role, false);
        }
        return new Named(name, kindOf(name), role, false);
    }

    private static AssignmentRole labelRole(String label) {
        if (label.startsWith("牵头") || label.startsWith("主办") || label.startsWith("主责")) {
            return AssignmentRole.LEAD;
        }
        return label.startsWith("配合") || label.startsWith("参与") || label.startsWith("协办") || label.startsWith("协同")
                ? AssignmentRole.PARTICIPANT : null;
    }

    private static AssignmentRole roleOf(String word) {
        if (word.length() > 2 && word.endsWith("负责") && (word.startsWith("牵头") || word.startsWith("配合"))) {
            return roleOf(word.substring(0, 2)); // 牵头负责 leads, 配合负责 participates
        }
        if (word.endsWith("牵头") || word.equals("负总责") || word.equals("牵头指导") || word.equals("统筹指导")
                || word.equals("主责") || word.equals("主办")) {
            return AssignmentRole.LEAD; // 按职责分工牵头; 负总责, overall responsibility, is the lead's
        }
        if (word.endsWith("配合") || word.equals("指导") || word.equals("业务指导") || word.equals("加强指导")
                || word.equals("督查") || word.equals("督导") || word.equals("监督")) {
            return AssignmentRole.PARTICIPANT; // 按职责分工配合; guidance given to the units doing the work
        }
        return switch (word) {
            case "参与", "协助", "参加", "协办", "协同" -> AssignmentRole.PARTICIPANT;
            default -> AssignmentRole.RESPONSIBLE; // also 负责指导, 组织指导: the unit answers for the guidance
        };
    }

    static AssignmentKind kindOf(String name) {
        String view = HanView.of(name);
        if (view.startsWith("各") && !view.endsWith("成员单位")) { // 各成员单位: a body's members, never listed
            return AssignmentKind.GROUP;
        }
        return UNNAMED.matcher(view).find() ? AssignmentKind.UNSPECIFIED : AssignmentKind.AGENCY;
    }

    /**
     * The names of {@code text[from, to)}: cut at 、, before 和各 / 及各, and at 和 / 及 / 与 or a slash after a whole unit's name,
     * with A等B reduced as documented.
     */
    private static List<String> names(String text, String view, boolean[] atomic, int from, int to) {
        List<String> names = new ArrayList<>();
        int start = from;
        for (int i = from; i <= to; i++) {
            boolean cut = i == to;
            int skip = 1;
            if (!cut && !atomic[i]) {
                if (text.charAt(i) == '、') {
                    cut = true;
                } else if (view.startsWith("以及各", i)) {
                    cut = true;
                    skip = 2;
                } else if ((view.charAt(i) == '和' || view.charAt(i) == '及') && view.startsWith("各", i + 1) && i > start) {
                    cut = true;
                } else if ((CONJUNCTIONS.indexOf(view.charAt(i)) >= 0 || view.charAt(i) == '/' || view.charAt(i) == '／')
                        && i > start && i + 1 < to
                        && (UnitList.looksLikeUnit(view.substring(start, i)) && kindOf(view.substring(start, i)) == AssignmentKind.AGENCY
                                || GOVERNMENT_GROUP.matcher(view.substring(start, i)).matches())) {
                    // also after a whole government group: 各县区人民政府和市直有关部门
                    // 市财政局及市教育局; not 人力资源和社会保障局, whose part before 和 is no unit, nor 有关部门和行业协会,
                    // unnamed units the document leaves as one
                    cut = true;
                }
            }
            if (cut) {
                etCetera(text, view, atomic, start, i, names);
                start = i + skip;
                i = start - 1;
            }
        }
        return names;
    }

    private static void etCetera(String text, String view, boolean[] atomic, int from, int to, List<String> names) {
        int et = indexOutside(view, atomic, "等", from + 1, to);
        while (et > 0 && GRADE.indexOf(view.charAt(et - 1)) >= 0) {
            et = indexOutside(view, atomic, "等", et + 1, to); // 高等教育处, 中等职业学校: a word, no "and others"
        }
        if (et < 0) {
            add(names, text.substring(from, to));
            return;
        }
        add(names, text.substring(from, et));
        String rest = text.substring(et + 1, to);
        if (UNNAMED.matcher(HanView.of(rest)).find()) {
            add(names, rest);
        }
    }

    private static void add(List<String> names, String name) {
        String trimmed = trimPunctuation(name);
        if (!trimmed.isEmpty()) {
            names.add(trimmed);
        }
    }

    /**
     * Names without a role of their own between a lead and the partners after them ({@code 省发展改革委牵头，省科技厅，广州、
     * 深圳市人民政府配合}: 省科技厅 too) take the partners' role: the list names one lead, then who assists it. A unit
     * responsible for the task as a whole ({@code 市农业农村局负责；市人社局、市教育局，永州职业技术学院参与}) stands for the lead;
     * one responsible within its remit (按职责分工负责) does not.
     */
    private static List<Named> betweenLeadAndPartners(List<Named> named) {
        List<Named> out = new ArrayList<>(named);
        boolean leadSeen = false;
        for (int i = 0; i < out.size(); i++) {
            leadSeen |= out.get(i).role() == AssignmentRole.LEAD
                    || out.get(i).role() == AssignmentRole.RESPONSIBLE && !out.get(i).spread();
            if (!leadSeen || out.get(i).role() != null || out.get(i).labelled()) {
                continue;
            }
            int end = i;
            while (end < out.size() && out.get(end).role() == null && !out.get(end).labelled()) {
                end++;
            }
            if (end < out.size() && out.get(end).role() == AssignmentRole.PARTICIPANT && !out.get(end).marked()) {
                for (int k = i; k < end; k++) {
                    Named n = out.get(k);
                    out.set(k, n.inRole(AssignmentRole.PARTICIPANT, false));
                }
            }
            i = end;
        }
        return out;
    }

    private static List<UnitMention> assignRoles(List<Named> listed) {
        List<Named> named = betweenLeadAndPartners(listed);
        boolean anyRole = named.stream().anyMatch(n -> n.role() != null);
        // 按职责分工负责 closing a list whose clauses name no other role: every unit of it is responsible, as without the
        // commas (省发展改革委、省经信厅，各市州人民政府按职责分工负责); a plain 负责 is the last clause's own
        boolean onlyResponsible = named.stream().anyMatch(Named::spread)
                && named.stream().allMatch(n -> n.role() == null || n.role() == AssignmentRole.RESPONSIBLE);
        boolean anyAgency = named.stream().anyMatch(n -> n.kind() == AssignmentKind.AGENCY);
        List<UnitMention> mentions = new ArrayList<>();
        boolean leadSeen = false;
        boolean firstNamedSeen = false;
        String level = null;
        boolean spreadSeen = false;
        for (Named n : named) {
            AssignmentRole role = n.role();
            boolean plain = role == null && !anyRole && anyAgency;
            if (role == null && anyRole) {
                // after units each responsible within its remit, a name without a role is one more of them
                role = leadSeen || onlyResponsible || spreadSeen ? AssignmentRole.RESPONSIBLE : AssignmentRole.LEAD;
            } else if (role == null && !anyAgency) {
                role = AssignmentRole.RESPONSIBLE;
            } else if (role == null) {
                // all responsible, and by convention the first named unit leads
                role = !firstNamedSeen && n.kind() != AssignmentKind.UNSPECIFIED ? AssignmentRole.LEAD
                        : AssignmentRole.RESPONSIBLE;
            }
            firstNamedSeen |= n.kind() != AssignmentKind.UNSPECIFIED;
            leadSeen |= role == AssignmentRole.LEAD;
            spreadSeen |= n.spread();
            String view = HanView.of(n.name());
            String implied = n.shared();
            Matcher alias = ALIAS_AFTER.matcher(n.name());
            if (implied == null && n.kind() == AssignmentKind.AGENCY && alias.find() && alias.start() > 0
                    && UnitList.looksLikeUnit(n.name().substring(0, alias.start()))) {
                // a unit with its other name or a qualifier after it (市交通运输局（市港航事业发展中心）, 市财政局（本级）):
                // resolved by its name first
                implied = n.name().substring(0, alias.start());
            }
            if (implied != null) {
                // a place's government, named with the list's last name (武汉 → 武汉市人民政府)
            } else if (n.kind() == AssignmentKind.AGENCY && view.startsWith(REGION)) {
                level = REGION; // 自治区能源局、发展改革委: 自治区发展改革委
            } else if (n.kind() == AssignmentKind.AGENCY && LEVELS.indexOf(view.charAt(0)) >= 0 && !NOT_A_LEVEL.matcher(view).find()) {
                level = String.valueOf(view.charAt(0));
            } else if (n.kind() == AssignmentKind.AGENCY && level != null && !PLACE_OR_NATION.matcher(view).find()
                    && !HOLDS_A_LEVEL.matcher(view).find() && !NO_LEVEL.matcher(view).find()) {
                implied = level + n.name();
            }
            mentions.add(new UnitMention(n.name(), role, n.kind(), mentions.size() + 1, implied, plain));
        }
        return mentions;
    }

    /** Positions inside brackets or inside a government group: never cut there. */
    private static boolean[] atomicStretches(String view) {
        boolean[] atomic = new boolean[view.length()];
        int depth = 0;
        for (int i = 0; i < view.length(); i++) {
            char c = view.charAt(i);
            if (OPENING.indexOf(c) >= 0) {
                depth++;
            }
            atomic[i] = depth > 0;
            if (CLOSING.indexOf(c) >= 0 && depth > 0) {
                depth--;
            }
        }
        Matcher group = GOVERNMENT_GROUP.matcher(view);
        while (group.find()) {
            for (int i = group.start(); i < group.end(); i++) {
                atomic[i] = true;
            }
        }
        return atomic;
    }

    /**
     * Where 会同 joins leading and participating units, or -1; 会同县 (a county of Huaihua) is a name, though not in
     * 会同县级有关部门 or 会同县（市、区）人民政府 (together with the counties).
     */
    private static int withIndex(String view, boolean[] atomic, int from, int to) {
        for (int i = indexOutside(view, atomic, "会同", from, to); i >= 0; i = indexOutside(view, atomic, "会同", i + 1, to)) {
            if (!COUNTY_HUITONG.matcher(view).region(i, view.length()).lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOutside(String view, boolean[] atomic, String word, int from, int to) {
        for (int i = view.indexOf(word, from); i >= 0 && i + word.length() <= to; i = view.indexOf(word, i + 1)) {
            if (!atomic[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The list without the parentheses that enclose all of it and without edge punctuation. */
    private static String stripEnclosing(String units) {
        String text = trimPunctuation(units);
        while (text.length() >= 2 && OPENING.indexOf(text.charAt(0)) >= 0
                && CLOSING.indexOf(text.charAt(text.length() - 1)) >= 0 && closes(text)) {
            text = trimPunctuation(text.substring(1, text.length() - 1));
        }
        return text;
    }

    /** Whether the bracket opening the text is the one closing it. */
    private static boolean closes(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (OPENING.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSING.indexOf(c) >= 0 && --depth == 0) {
                return i == text.length() - 1;
            }
        }
        return false;
    }

    private static String trimPunctuation(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && EDGE_PUNCTUATION.indexOf(s.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && EDGE_PUNCTUATION.indexOf(s.charAt(to - 1)) >= 0) {
            to--;
        }
        return s.substring(from, to);
    }
}
