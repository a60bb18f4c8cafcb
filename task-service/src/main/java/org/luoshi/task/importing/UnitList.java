package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luoshi.task.api.model.AssignmentKind;

/**
 * The responsible units that close a paragraph of prose: a bracket at its end ({@code （…）}, {@code […]},
 * {@code 【…】}, optionally followed by a full stop or by a bracket of their timing, {@code 【完成时限：…】}), a labelled list after its last sentence ({@code 责任单位：…}), or
 * a list after a dash ({@code ——市教育局、市财政局}). A bracket counts only when every name in it looks like a unit —
 * it ends as units' names end (厅, 局, 委, 办, 政府, 部门, 中心, 车务段, 市档案馆 …) and does not open as a phrase does (由, 含, 包括,
 * 以下简称 …) — so that a parenthesis of content, even one holding 负责 or 参与, is never taken for units.
 *
 * <p>Documents that divide the work by unit open each paragraph with the units instead
 * ({@code 市教育局：负责统筹推进……}, {@link #of}).
 *
 * @param start where the units begin in the text (the opening bracket, the label or the dash)
 * @param end   where they end: the end of the text, or the colon after units that open it
 * @param units the unit text, brackets included (UnitSplitter drops them)
 * @param deadline when the task is due, written beside the units inside their bracket
 *                 ({@code （市教育局牵头；2021年底前完成）}), or null
 */
record UnitList(int start, int end, String units, String deadline) {

    UnitList(int start, int end, String units) {
        this(start, end, units, null);
    }

    /** A dash before units closing a paragraph: {@code ……。——市教育局、市财政局}. */
    static final String DASH = "(?:—{1,2}|―{1,2}|－{2}|-{2})";
    private static final Pattern DASHED = Pattern.compile(DASH + "\\s*(?=\\S)");
    private static final String OPENING = "（[【［";
    private static final String CLOSING = "）]】］";
    private static final Pattern LABEL = Pattern.compile("(?<=^|[。；;\\n\\s])(" + UnitSplitter.LABELS + ")[:：]");
    private static final Pattern ORGANIZATION = Pattern.compile(
            "(厅|局|委|办|部|署|院|会|室|处|所|站|行|司|府|组|社|联|协|校|队|关|台|中心|集团|公司|单位|部门|机构|大学|学院|军区"
                    // railway and highway units (岳阳车务段), not 阶段, 路段, 河段; a place's museum or archives
                    // (市档案馆), not the kind alone (博物馆)
                    + "|(?:车务|工务|电务|机务|供电|公路|养护)段|(?<=\\p{IsHan})(?:档案|图书|博物|文化|美术|科技|纪念)馆"
                    // a section of a department (县财政局预算股, 县教育局基础教育科)
                    + "|(?<=[局委办厅])\\p{IsHan}{1,6}(?:股|科))$");
    /**
     * Enterprises named as a whole (各基础电信企业, 有关企业) are units to assign; one kind of them alone in brackets
     * (中小企业, 规模以上工业企业) is content.
     */
    private static final Pattern ENTERPRISES = Pattern.compile("^(各|有关|相关|省属|市属|县属|驻).{0,12}企业$");
    /**
     * A place standing for its government or administration (高新区, 军分区, 各乡镇, 各县（市、区）): a unit in a list that
     * names a unit too, or as a group (各…); alone, a place in brackets is more likely content (全市, 试点县).
     */
    private static final Pattern PLACE = Pattern.compile("(区|县|市|州|盟|旗|乡|镇|乡镇|街道|村|社区|嘎查)$|^各地$");
    /**
     * When a task must be done, a clause beside the units inside their bracket: {@code （市教育局牵头；2021年底前完成）},
     * {@code （2021年底前完成，市教育局负责）}; or in a bracket of its own after them ({@code （…牵头）（年内）}). A year (or a
     * range of years) and a few words around it, a time of the document's year (年内, 6月底前, 第三季度, 上半年), or a
     * standing timing (长期, 长期坚持, 持续推进, 常态化, 每月).
     */
    private static final Pattern TIMING = Pattern.compile(
            "^(?:[^，,；;]{0,8}\\d{4}[^，,；;]{0,24}|(?:长期|持续|逐年推进|每年|每季度|每月|每学期开学前|常态化|年内|年底|上半年|下半年"
                    + "|\\d{1,2}月(?:底|末)?(?:前|以前)?|第?[一二三四1-4]季度)[^，,；;]{0,6})$");
    /** What opens a sentence of units: 由, 以下任务均由, 上述两项工作由, 以上各项由. */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^(?:(?:以下|以上|上述|下列)(?:各项|[两二三四五六七八九十\\d]{1,2}项)?(?:任务|工作|事项)?(?:均|都|统一)?)?由");
    /** Words giving units their roles, which a sentence of units has (a list of names alone may be content). */
    private static final Pattern ROLE_WORD = Pattern.compile("牵头|配合|负责|参与|协助|落实");

    /** A government body named with its level or place, or a government: 市水利局, 各县（市、区）, 大祥区人民政府. */
    private static final Pattern GOVERNMENT_BODY = Pattern.compile(
            "^(?:省|市|县|区|州|盟|旗|乡|镇|自治区|自治州|各|中央|国家|国务院)|(?:人民政府|政府|管委会|办事处)$");
    /** A timing under its label, whatever it says: {@code 完成时限：年内}, {@code 时间节点：6月底前}. */
    private static final Pattern TIMING_LABEL = Pattern.compile("^(?:完成时限|完成时间|完成期限|时间节点|时限要求|时限)[:：]\\s*\\S");
    private static final Pattern PHRASE = Pattern.compile("^(以下简称|简称|包括|不包括|含|不含|除|由|如|即|其中|按|在|将|每|定期|\\d)");
    /** Verbs inside a stretch that ends with a unit's name make it a sentence about the unit: （办公室设在市发展改革委）. */
    private static final Pattern VERB_INSIDE = Pattern.compile("设在|设于|挂靠|位于|隶属");
    /** Words that end as a unit's name does without being one: （试行）, ——服务经济社会. */
    private static final Pattern NOT_A_NAME = Pattern.compile("(试行|暂行|施行|执行|先行|运行|进行|实行|推行|社会)$");
    /** A kind of body addressed by a paragraph (职业院校：, 行业企业：), not one unit of it. */
    private static final Pattern KIND_OF_BODY = Pattern.compile(
            "^(?:职业|高等|中等|高职|中职|技工|高等职业|中等职业|普通|中小|民办|公办|行业|重点|相关|有关|各类)?(?:院校|学校|高校|企业|机构|医院)$");
    /** A quantity inside a name makes it a target (建成一批现代产业学院, 新建3所学校), not a unit. */
    private static final Pattern QUANTITY = Pattern.compile("一批|若干|一系列|(?:\\d+|[一两二三四五六七八九十百千]+)[个所家批项]");
    /** A qualifier or another name after a unit's: （本级）, （市国动办）, （市港航事业发展中心）. */
    private static final Pattern TRAILING_QUALIFIER = Pattern.compile("[（(〔\\[【][^）)〕\\]】]{1,16}[）)〕\\]】]$");
    private static final int LONGEST_NAME = 40;
    private static final int SHORTEST_OPENING_NAME = 3;
    private static final Pattern OPENING_UNITS = Pattern.compile("^\\s*([^：:。；;，,\\n]{2,40})[：:]\\s*(?=\\S)");
    private static final Pattern LABEL_ONLY = Pattern.compile("^(" + UnitSplitter.LABELS + ")$");

    /** The units closing {@code text}, or else those opening it. */
    static Optional<UnitList> of(String text) {
        return at(text).or(() -> opening(text));
    }

    /** Units opening the text and followed by a colon, when more text follows: {@code 市教育局：负责……}. */
    static Optional<UnitList> opening(String text) {
        Matcher units = OPENING_UNITS.matcher(text);
        if (!units.find() || LABEL_ONLY.matcher(HanView.of(units.group(1).strip())).matches()) {
            return Optional.empty();
        }
        List<UnitMention> mentions = UnitSplitter.split(units.group(1));
        if (!isUnitList(mentions) || mentions.stream().anyMatch(u -> u.rawName().length() < SHORTEST_OPENING_NAME
                || KIND_OF_BODY.matcher(HanView.of(u.rawName())).matches())) {
            return Optional.empty(); // 学校：, 职业院校： address a kind of body, not a unit
        }
        String rest = text.substring(units.end());
        if (mentions.stream().anyMatch(u -> rest.contains(u.rawName()))) {
            return Optional.empty(); // 社区服务中心：新建社区服务中心10个 names its topic, not who does it
        }
        return Optional.of(new UnitList(units.start(1), units.end(), units.group(1).strip()));
    }

    /** The units closing {@code text}, if it ends with them. */
    static Optional<UnitList> at(String text) {
        String t = withoutClosingStops(text);
        // the stops after the units belong to neither them nor the content
        // units that start where the text ends (shares of the work, kept in the content) keep its stops there too
        return bracketed(t).or(() -> labelled(t)).or(() -> dashed(t)).or(() -> beforeTiming(t)).or(() -> duties(t))
                .map(u -> new UnitList(u.start() == t.length() ? text.length() : u.start(), text.length(), u.units(),
                        u.deadline()));
    }

    /**
     * Units in a sentence of their own closing the paragraph, or on its last line, with role words and perhaps their
     * timing: {@code …建成泊位3个。由市水利局牵头，市财政局配合，2025年11月底前完成}, {@code 市城市管理局牵头，市财政局配合；
     * 2025年12月底前} on a line of its own, {@code 以下任务均由省商务厅牵头…} under a heading whose items it covers.
     */
    private static Optional<UnitList> lastSentence(String t) {
        int start = Math.max(t.lastIndexOf('。'), t.lastIndexOf('\n')) + 1;
        if (start <= 0 || start >= t.length()) {
            return Optional.empty(); // the paragraph's only sentence is its work
        }
        String sentence = t.substring(start);
        // the units (and a 由 before them) leave the content from where the sentence's text begins
        int unitsStart = start + sentence.length() - sentence.stripLeading().length();
        String view = sentence.strip();
        Matcher leadIn = LEAD_IN.matcher(view);
        view = leadIn.lookingAt() ? view.substring(leadIn.end()) : view;
        if (!ROLE_WORD.matcher(view).find()) {
            return Optional.empty();
        }
        List<String> clauses = new ArrayList<>(List.of(view.split("(?<=[；;，,])")));
        List<String> timing = new ArrayList<>();
        // after the units, when the work is due
        while (clauses.size() > 1 && isTiming(clauses.get(clauses.size() - 1))) {
            timing.add(0, trimClause(clauses.remove(clauses.size() - 1)));
        }
        String units = trimClause(String.join("", clauses));
        // a sentence of the work may end as a unit's name does (鼓励金融机构参与): only government bodies and groups,
        // named with their level or place, make a sentence of units
        List<UnitMention> mentions = UnitSplitter.split(units);
        boolean governmental = mentions.stream().allMatch(m -> m.kind() != AssignmentKind.AGENCY
                || GOVERNMENT_BODY.matcher(HanView.of(m.readings().get(0))).find());
        return governmental && isUnitList(mentions) ? Optional.of(new UnitList(unitsStart, t.length(), units,
                timing.isEmpty() ? null : String.join("，", timing))) : Optional.empty();
    }

    /**
     * Units in a sentence of their own closing the text (see {@link #lastSentence}): looked for only when no other form
     * of units closes or opens it, nor its heading line.
     */
    static Optional<UnitList> closingSentence(String text) {
        return lastSentence(withoutClosingStops(text)).map(u -> new UnitList(u.start(), text.length(), u.units(), u.deadline()));
    }

    /** The text without the stops closing it (an anchored expression would be tried at every position). */
    private static String withoutClosingStops(String text) {
        String stripped = text.stripTrailing();
        int end = stripped.length();
        while (end > 0 && "。.；;".indexOf(stripped.charAt(end - 1)) >= 0) {
            end--;
        }
        return stripped.substring(0, end).stripTrailing();
    }

    /** A unit and its share of the work, closing a paragraph: 市教育局：负责制定年度建设计划. */
    private static final Pattern DUTY = Pattern.compile("^\\s*([^：:，,。；;]{2,40}?)[：:]\\s*(负责|牵头|配合|参与|协助)");

    /**
     * Units each given its share after the task's text, one clause each: {@code …新增公办学位4500个。市教育局：负责制定年度
     * 建设计划；市自然资源局：负责保障用地}. Each unit is read in the role of its share's verb; the shares stay in the content
     * (the units start where the text ends).
     */
    private static Optional<UnitList> duties(String t) {
        int sentenceEnd = t.lastIndexOf('。');
        if (sentenceEnd < 0 || t.indexOf('：', sentenceEnd) < 0 && t.indexOf(':', sentenceEnd) < 0) {
            return Optional.empty(); // most paragraphs: no share after their last sentence
        }
        List<String> units = new ArrayList<>();
        for (String clause : t.substring(sentenceEnd + 1).split("[；;]")) {
            Matcher duty = DUTY.matcher(HanView.of(clause));
            if (!duty.find() || !isUnitList(clause.substring(duty.start(1), duty.end(1)))) {
                return Optional.empty();
            }
            units.add(clause.substring(duty.start(1), duty.end(1)).strip() + duty.group(2));
        }
        return units.isEmpty() ? Optional.empty() : Optional.of(new UnitList(t.length(), t.length(), String.join("；", units)));
    }

    /**
     * The units closing the text before a bracket of their timing of its own: {@code 【牵头单位：…】【完成时限：2025年第三季度】},
     * {@code （市教育局负责）（2025年底前）}.
     */
    private static Optional<UnitList> beforeTiming(String t) {
        int open = openingOfLast(t);
        if (open <= 0 || !isTiming(t.substring(open + 1, t.length() - 1))) {
            return Optional.empty();
        }
        String before = t.substring(0, open).stripTrailing();
        int end = before.length();
        while (end > 0 && "。.；;，,".indexOf(before.charAt(end - 1)) >= 0) {
            end--;
        }
        String units = before.substring(0, end).stripTrailing();
        String timing = trimClause(t.substring(open + 1, t.length() - 1));
        return bracketed(units).or(() -> labelled(units)).or(() -> dashed(units))
                .filter(u -> u.deadline() == null)
                .map(u -> new UnitList(u.start(), t.length(), u.units(), timing));
    }

    /** Where the bracket closing the text opens, or -1 when the text ends with no bracket. */
    private static int openingOfLast(String t) {
        if (t.isEmpty() || CLOSING.indexOf(t.charAt(t.length() - 1)) < 0) {
            return -1;
        }
        int depth = 0;
        for (int i = t.length() - 1; i >= 0; i--) {
            char c = t.charAt(i);
            if (CLOSING.indexOf(c) >= 0) {
                depth++;
            } else if (OPENING.indexOf(c) >= 0 && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The last dash when only units follow it. */
    private static Optional<UnitList> dashed(String t) {
        if (t.indexOf('—') < 0 && t.indexOf('―') < 0 && t.indexOf('－') < 0 && t.indexOf("--") < 0) {
            return Optional.empty(); // most texts have no dash: no scan
        }
        Matcher dash = DASHED.matcher(t);
        int start = -1;
        int unitsStart = -1;
        while (dash.find()) {
            start = dash.start();
            unitsStart = dash.end();
        }
        if (start < 0) {
            return Optional.empty();
        }
        String units = t.substring(unitsStart);
        return units.indexOf('。') < 0 && isUnitList(units) ? Optional.of(new UnitList(start, t.length(), units))
                : Optional.empty();
    }

    private static Optional<UnitList> bracketed(String t) {
        int i = openingOfLast(t);
        if (i < 0) {
            return Optional.empty();
        }
        String units = t.substring(i);
        return isUnitList(units) ? Optional.of(new UnitList(i, t.length(), units)) : withTiming(i, t);
    }

    /**
     * A bracket of units with their timing before or after them, in clauses of their own:
     * {@code （市教育局牵头，市财政局配合；2021年底前完成）}, {@code （2021年底前完成，市教育局负责）},
     * {@code （市教育局负责，2021年底前完成，长期坚持）}.
     */
    private static Optional<UnitList> withTiming(int open, String t) {
        String inner = t.substring(open + 1, t.length() - 1);
        List<String> clauses = new ArrayList<>(List.of(inner.split("(?<=[；;，,])")));
        List<String> timing = new ArrayList<>();
        while (!clauses.isEmpty() && isTiming(clauses.get(clauses.size() - 1))) {
            timing.add(0, trimClause(clauses.remove(clauses.size() - 1)));
        }
        while (!clauses.isEmpty() && isTiming(clauses.get(0))) {
            timing.add(trimClause(clauses.remove(0)));
        }
        if (timing.isEmpty() || clauses.isEmpty()) {
            return Optional.empty();
        }
        String units = trimClause(String.join("", clauses));
        return isUnitList(units) ? Optional.of(new UnitList(open, t.length(), units, String.join("，", timing)))
                : Optional.empty();
    }

    private static boolean isTiming(String clause) {
        String view = HanView.of(trimClause(clause));
        return TIMING.matcher(view).matches() || TIMING_LABEL.matcher(view).lookingAt();
    }

    private static String trimClause(String clause) {
        return clause.strip().replaceAll("[；;，,]$", "").strip();
    }

    /** The earliest label after which only units follow. */
    private static Optional<UnitList> labelled(String t) {
        Matcher label = LABEL.matcher(HanView.of(t));
        while (label.find()) {
            String units = t.substring(label.start());
            if (units.indexOf('。') < 0 && isUnitList(units)) {
                return Optional.of(new UnitList(label.start(), t.length(), units));
            }
        }
        return Optional.empty();
    }

    static boolean isUnitList(String units) {
        return isUnitList(UnitSplitter.split(units));
    }

    /**
     * Every name a unit or a place, and at least one a unit or a group of places (各乡镇); a name is read as the list
     * implies it (武汉 in 武汉、宜昌市人民政府 as 武汉市人民政府).
     */
    private static boolean isUnitList(List<UnitMention> mentions) {
        return !mentions.isEmpty()
                && mentions.stream().map(m -> m.readings().get(0)).allMatch(n -> looksLikeUnit(n) || looksLikePlace(n))
                && mentions.stream().map(m -> m.readings().get(0)).anyMatch(n -> looksLikeUnit(n)
                        || (looksLikePlace(n) && HanView.of(n).startsWith("各")));
    }

    static boolean looksLikeUnit(String name) {
        return looksLike(name, ORGANIZATION) || looksLike(name, ENTERPRISES);
    }

    /** Whether a name ends as a unit's or a place's does (管委, 街道, 市国动办: a qualifier; 周某某: a person). */
    static boolean looksLikeUnitOrPlace(String name) {
        return looksLikeUnit(name) || looksLikePlace(name);
    }

    private static boolean looksLikePlace(String name) {
        return looksLike(name, PLACE);
    }

    private static boolean looksLike(String name, Pattern ending) {
        String core = HanView.of(name);
        Matcher qualifier = TRAILING_QUALIFIER.matcher(core);
        if (qualifier.find() && qualifier.start() > 0) {
            core = core.substring(0, qualifier.start());
        }
        return core.length() >= 2 && core.length() <= LONGEST_NAME && ending.matcher(core).find()
                && !PHRASE.matcher(core).find() && !QUANTITY.matcher(core).find() && !NOT_A_NAME.matcher(core).find()
                && !VERB_INSIDE.matcher(core).find()
                && core.chars().noneMatch(Character::isWhitespace);
    }
}
