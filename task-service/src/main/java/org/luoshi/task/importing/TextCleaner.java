package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luoshi.platform.text.ChineseText;

/**
 * Generic clean-up of a decoded document, in this order:
 * <ol>
 *   <li>GBK byte-shift mojibake repaired by re-encoding ({@link GbkShiftRepair}); uncertain repairs are not applied
 *       but reported;</li>
 *   <li>HTML remnants removed: tags, orphaned closing tags whose {@code <} was lost, entities;</li>
 *   <li>pinyin annotations after characters removed ({@code 發(fā)} → {@code 發});</li>
 *   <li>full-width letters and digits folded to ASCII;</li>
 *   <li>OCR spacing collapsed: spaces between CJK characters, digits and punctuation go; in a document where
 *       spaces between Han characters are common (OCR output), spaced digits are joined, and a digit run whose
 *       two halves are equally long round numbers with the space in the middle ({@code 1 0 0 0 2 00 0}) is read
 *       as a range whose dash was lost ({@code 1000—2000});</li>
 *   <li>punctuation width unified: ASCII {@code , ; : ! ( )} next to CJK text become {@code ，；：！（）}, and a
 *       full stop after a Han character or a closing bracket, before text, a bracket or the line's end, ends a
 *       sentence ({@code 。});
 *       a stray {@code ?} is left as the mark of damage it is;</li>
 *   <li>the OCR confusion table: {@code 囯→国} and {@code 増→增} everywhere (variant forms never intended);
 *       {@code 兀→元} after a number; {@code 人→入} where 人 follows a verb of a reviewed list that takes 入 (进, 纳, 融,
 *       深, 投, 收, 记, 准, 列, 输, 引, 加, 注, 计, 转, 录, 流, 介, 切, 汇, 并, 编, 划, 植, 嵌), unless the two make another word
 *       (接收人, 登记人, 中介人) or 人 begins one (人才, 人员, 人工, 人均 …); each correction is reported as a repair; a dash
 *       before {@code 、} at a line start is {@code 一}.</li>
 * </ol>
 * Tabs and line breaks are kept: they carry the document's layout.
 */
final class TextCleaner {

    /** The cleaned text and what could not be cleaned. */
    record Cleaned(TrackedText text, List<String> warnings) {
    }

    private static final String TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>\\n]*)?/?>");
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern ORPHAN_CLOSING_TAG = Pattern.compile("(?<![A-Za-z0-9])/(?:span|p|div|font|strong|b|i|td|tr|a)>");
    private static final Pattern ENTITY = Pattern.compile("&(nbsp|ensp|emsp|lt|gt|amp|quot|#\\d{2,6});");
    private static final Pattern PINYIN = Pattern.compile(
            "(?<=\\p{IsHan})[(（][a-z" + TONED + "]*[" + TONED + "][a-z" + TONED + "]*[)）]");
    /**
     * A key-task star where plans put one: beside a number (★1, （一）★, 2.★), at the start of a line or cell, or at the
     * end of a title (信息平台★。); a star inside running text (五☆级, 标★的为重点任务) is text.
     */
    static final Pattern KEY_TASK_MARK = Pattern.compile("(?<![^\\s）)、.．\\d])[★☆]+|[★☆]+(?![^\\s。，,；;（(\\d])");
    private static final Pattern FULL_WIDTH_ALNUM = Pattern.compile("[０-９Ａ-Ｚａ-ｚ％＋]");
    private static final Pattern SPACED_DIGITS = Pattern.compile("(?<![\\d.])\\d(?:[ \\u3000]*\\d)+(?![\\d.])");
    private static final Pattern DECIMAL_OR_MARKER = Pattern.compile("(?<=\\d)[ \\u3000]*[.．][ \\u3000]*(?=\\d|\\p{IsHan})");
    /** How a unit's name ends: 局, 委, 办 … 中心. */
    private static final String UNIT_END = "[局委办厅府院会室处所站行司组社联协校队心团部台]";
    /** How a unit's or a group's name may also end: 单位, 部门, or a group's bracket (各乡镇（街道）, 各县（市、区）). */
    private static final String NAME_END = "(?:" + UNIT_END + "|[位门]|[县市区镇乡道][）)])";
    /** What may follow a unit's name within a list: a separator, the list's end or role words. */
    private static final String AFTER_NAME = "(?:[\\s，。；、,;）)]|$|按|牵头|负责|配合|参与|协助|等|共同|分别)";
    /** Bodies a unit's name may open with instead of its level. */
    private static final String BODIES = "国网|人行|中国";
    /** How a unit's name starts when it names its level or its body (see {@link #GROUP_GAP}). */
    private static final Pattern NAME_START = Pattern.compile("^(?:[省市县区州各]|" + BODIES + ")");
    /**
     * Spaces between two units' names (区人社局　区市场监管局, 省发展改革委（牵头） 省教育厅): a separator, where spaces
     * between other Han characters are not. The next name starts with a level (or 国网, 人行, 中国, or is a county-level
     * city's or district's government: 资兴市人民政府, 和县人民政府) and ends as a unit's
     * does within one stretch of text, before punctuation or role words (县林业局 县水利局按职责分工负责); in OCR-spaced
     * text, where every character may be followed by a space, never.
     */
    private static final Pattern UNIT_GAP = Pattern.compile("(?<=" + UNIT_END + "|" + UNIT_END + "[（(](?:牵头|配合|参与|协办|负责)[）)])"
            + "[ \\u3000\\u00A0]+(?=" + nextUnit("[省市县区州各]") + ")");
    /**
     * Spaces beside a group's name (县卫生健康局 各乡镇（街道）, 各乡镇（街道） 县农业农村局, 市直有关单位 各园区管委会): a
     * separator too, when the name before the spaces starts as a unit's does ({@link #NAME_START}; checked apart, as a
     * look-behind cannot): 召开全市动员大会 各县市区…, 落实到位 各乡镇 are prose.
     */
    private static final Pattern GROUP_GAP = Pattern.compile("(?<=" + NAME_END + ")[ \\u3000\\u00A0]+(?=" + nextUnit("[省市县区州]")
            // a group, brackets and all: 各乡镇（街道）, 各县（市、区）人民政府
            + "|各[^\\s，。；、,;:：“”]{1,20}?(?:" + UNIT_END + "|[县市区镇乡位门]|街道|社区|[）)])" + AFTER_NAME + ")");
    /**
     * A unit's name after a gap, opening with one of {@code levels} (or a body, or a county-level government) and ending
     * as a unit's does before a separator or role words.
     */
    private static String nextUnit(String levels) {
        return "(?:" + levels + "|" + BODIES + "|\\p{IsHan}{1,3}[市县区](?=人民政府|政府))[^\\s，。；、,;:：（）()“”]{0,30}?" + UNIT_END
                + AFTER_NAME;
    }

    private static final Pattern BARE_ROLE = Pattern.compile("^(?:牵头|配合|参与|协办)$");
    private static final Pattern BRACKETED_LABEL = Pattern.compile("【([^【】\\n]{2,8})】");
    /** What a bracketed label may name: units, a deadline or a person (in the simplified view). */
    private static final Pattern LABEL_NAME = Pattern.compile("^(?:" + UnitSplitter.LABELS + "|" + TableColumns.DEADLINE_NAMES
            + "|(?:牵头|责任|分管|包保|联系)[省市县区]?领导|责任人|联系人)$");
    private static final Pattern SPACES = Pattern.compile("[ \\u3000\\u00A0]+");
    private static final Pattern LINE_EDGE_SPACES = Pattern.compile("(?m)^[ \\u3000\\u00A0]+|[ \\u3000\\u00A0]+$");
    private static final Pattern PARENTHESIZED = Pattern.compile("\\(([^()\\n]*)\\)");
    private static final Pattern ASCII_PUNCTUATION = Pattern.compile("[,;:!()]");
    private static final Pattern SENTENCE_DOT = Pattern.compile(
            // the dot first, its left neighbour checked only at a dot (a leading look-behind runs at every position)
            "\\.(?<=[\\p{IsHan}）”]\\.)(?=$|\\s|\\p{IsHan}|[（(\\[【“\\u2460-\\u2473])", Pattern.MULTILINE);
    private static final Pattern SPACE_IN_RUN = Pattern.compile("[ \\u3000]");
    private static final Pattern VARIANT = Pattern.compile("[囯増]");
    private static final Pattern YUAN = Pattern.compile("(?<=\\d)兀|兀(?=/)");
    /**
     * The reviewed list of 人 that OCR read for 入 (纳人 → 纳入): per verb before 人, the characters that, standing before
     * the verb, make it another word ending in 人 (接收人, 登记人, 批准人, 中介人, 策划人), and the characters after 人 that
     * make it this verb's phrase (引人注目, 引人入胜). 导 is not on it: 领导人, 指导人员, 辅导人 are common words.
     */
    private static final Map<Character, RuVerb> RU_VERBS = Map.ofEntries(
            Map.entry('进', new RuVerb("推促先引改增精", "")), Map.entry('纳', new RuVerb("", "")), Map.entry('融', new RuVerb("", "")), Map.entry('深', new RuVerb("资", "")),
            Map.entry('投', new RuVerb("", "")), Map.entry('列', new RuVerb("陈", "")), Map.entry('输', new RuVerb("运", "")),
            Map.entry('注', new RuVerb("", "")), Map.entry('嵌', new RuVerb("", "")), Map.entry('植', new RuVerb("", "")),
            Map.entry('汇', new RuVerb("", "")), Map.entry('并', new RuVerb("合", "")), Map.entry('编', new RuVerb("", "")),
            Map.entry('录', new RuVerb("收", "")), Map.entry('转', new RuVerb("", "")), Map.entry('流', new RuVerb("", "")),
            Map.entry('切', new RuVerb("一关", "")), Map.entry('收', new RuVerb("接验", "")), Map.entry('记', new RuVerb("登书", "")),
            Map.entry('准', new RuVerb("批", "")), Map.entry('介', new RuVerb("中", "")), Map.entry('划', new RuVerb("规策计", "")),
            Map.entry('引', new RuVerb("吸", "注入胜")), Map.entry('加', new RuVerb("增参追添", "")),
            Map.entry('计', new RuVerb("设会统审", "")));
    /** After 人, a character that makes it a noun or a word of its own (人才, 人员, 人民, 人工, 人均, 人社 …). */
    private static final String NOUN_AFTER_RU = "才员民口士们群事身类物选数次格性际文道力工的均手体生权心社防";

    private record RuVerb(String notAfter, String notBefore) {
    }

    private static final Pattern DASH_FOR_ONE = Pattern.compile("(?m)^[—－-](?=、)");
    /** A page's number as 第3页, or 第3页 共10页: never a line of a document's text. */
    static final String PAGE_OF_PAGES = "第[ \\t\\u3000]*\\d{1,4}[ \\t\\u3000]*页"
            + "(?:[ \\t\\u3000]*[，,/]?[ \\t\\u3000]*共[ \\t\\u3000]*\\d{1,4}[ \\t\\u3000]*页)?";
    /**
     * A printed page's number on a line of its own (— 3 —, -3-, 第3页 共10页): never a document's text, and where a page
     * broke a paragraph or stood between a paragraph and its units, in the way of reading them. A bare number stays:
     * it may be a table's row number, which the table readers tell apart.
     */
    private static final Pattern PAGE_NUMBER_LINE = Pattern.compile(
            "(?m)^[ \\t\\u3000]*(?:[-—–－_]+[ \\u3000]*\\d{1,4}[ \\u3000]*[-—–－_]+|" + PAGE_OF_PAGES + ")[ \\t\\u3000]*$");
    private static final double OCR_SPACED_SHARE = 0.05;
    /**
     * A spreadsheet's cell copied with its quotes, as Excel and WPS write a cell holding line breaks or quotes into
     * tab-separated text: {@code "市教育局⏎市财政局"}, its own quotes doubled. Read as a spreadsheet's reader does (a
     * run of text and doubled quotes, never given back), and bounded, so that a quote left open costs no more than a
     * cell's length.
     */
    private static final Pattern QUOTED_CELL = Pattern.compile("(?m)(?<=^|\t)\"((?:[^\"]|\"\"){0,2000}+)\"(?=\t|$)");

    private TextCleaner() {
    }

    static Cleaned clean(String decoded) {
        List<String> warnings = new ArrayList<>();
        TrackedText text = repairMojibake(TrackedText.of(decoded), warnings);
        text = stripHtml(text);
        text = removeKeyTaskMarks(text, warnings);
        text = removePinyin(text);
        text = foldFullWidthAlphanumerics(text);
        text = removePageNumbers(text);
        text = unquoteCells(text);
        text = collapseOcrSpacing(text);
        text = unifyPunctuation(text);
        text = unbracketLabels(text);
        text = fixOcrConfusions(text, warnings);
        return new Cleaned(text, List.copyOf(warnings));
    }

    static String clean(String decoded, List<String> warnings) {
        Cleaned cleaned = clean(decoded);
        warnings.addAll(cleaned.warnings());
        return cleaned.text().text();
    }

    static TrackedText repairMojibake(TrackedText text, List<String> warnings) {
        List<TrackedText.Edit> edits = new ArrayList<>();
        for (GbkShiftRepair.Repair repair : GbkShiftRepair.repairs(text.text())) {
            if (repair.certain()) {
                edits.add(new TrackedText.Edit(repair.start(), repair.end(), repair.replacement()));
                warnings.add("mojibake run \"" + repair.original() + "\" repaired as \"" + repair.replacement() + "\"");
            } else {
                warnings.add("mojibake run \"" + repair.original() + "\" not repaired, kept as found: no reading explains"
                        + " it with confidence (best guess \"" + repair.replacement() + "\")");
            }
        }
        return text.apply(edits);
    }

    static TrackedText stripHtml(TrackedText text) {
        if (text.text().indexOf('>') < 0 && text.text().indexOf('&') < 0) {
            return text; // no tag and no entity
        }
        // a line break inside a table's cell (省教育厅<br>省财政厅) parts what stands on its lines, as a space does
        return text.replaceAll(TAG, m -> LINE_BREAK_TAG.matcher(m.group()).matches() ? " " : "")
                .replaceAll(ORPHAN_CLOSING_TAG, "")
                .replaceAll(ENTITY, m -> switch (m.group(1)) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    case "nbsp", "ensp", "emsp" -> " ";
                    default -> character(Integer.parseInt(m.group(1).substring(1)));
                });
    }

    /**
     * The stars (★, ☆) that mark a plan's key tasks (标★的为重点任务): they sit before or after a row's number or a
     * paragraph's, where they hid the number, so the clean text drops them and says so; the source text keeps them.
     */
    static TrackedText removeKeyTaskMarks(TrackedText text, List<String> warnings) {
        if (!contains(text.text(), c -> c == '★' || c == '☆')) {
            return text;
        }
        StringBuilder found = new StringBuilder();
        KEY_TASK_MARK.matcher(text.text()).results().forEach(mark -> found.append(mark.group()));
        if (found.isEmpty()) {
            return text;
        }
        long marks = found.length();
        String kinds = found.chars().distinct()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        warnings.add(marks + " key-task mark" + (marks == 1 ? "" : "s") + " (" + kinds + ") removed from the text;"
                + " their tasks are key tasks (keyTask) and their source text keeps them");
        return text.replaceAll(KEY_TASK_MARK, "");
    }

    /** A numeric entity's character; none for NUL, other control characters and numbers that name no character. */
    private static String character(int codePoint) {
        boolean control = codePoint < 0x20 && codePoint != '\t' && codePoint != '\n' || codePoint == 0x7f;
        if (control || codePoint > Character.MAX_CODE_POINT
                || codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            return ""; // PostgreSQL stores no NUL, and the others carry nothing a reader sees
        }
        return new String(Character.toChars(codePoint));
    }

    /** Spreadsheet cells without the quotes their copy put around them ({@link #QUOTED_CELL}). */
    static TrackedText unquoteCells(TrackedText text) {
        return text.text().indexOf('\t') >= 0 && text.text().indexOf('"') >= 0
                ? text.replaceAll(QUOTED_CELL, m -> m.group(1).replace("\"\"", "\"")) : text;
    }

    /** Empties the lines that hold only a page's number; the source text keeps them. */
    static TrackedText removePageNumbers(TrackedText text) {
        return contains(text.text(), c -> c == '页' || c == '-' || c == '—' || c == '–' || c == '－' || c == '_')
                ? text.replaceAll(PAGE_NUMBER_LINE, "") : text;
    }

    static TrackedText removePinyin(TrackedText text) {
        return contains(text.text(), c -> TONED.indexOf(c) >= 0) ? text.replaceAll(PINYIN, "") : text;
    }

    static TrackedText foldFullWidthAlphanumerics(TrackedText text) {
        return contains(text.text(), c -> c >= '０' && c <= 'ｚ' || c == '％' || c == '＋')
                ? text.replaceAll(FULL_WIDTH_ALNUM, m -> String.valueOf((char) (m.group().charAt(0) - 0xFEE0))) : text;
    }

    /**
     * Whether any character passes the test: most documents have none of the characters a step looks for, and this
     * scan costs a fraction of running the step's expressions over the whole text.
     */
    static boolean contains(String text, java.util.function.IntPredicate test) {
        for (int i = 0; i < text.length(); i++) {
            if (test.test(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a break between these texts (a line break in a table's cell) parts two units' names. */
    static boolean isUnitGap(String before, String after) {
        // as much of the text before as UNIT_GAP's look-behind reads: a unit's last character and a role mark (局（牵头）)
        String tail = before.substring(Math.max(0, before.length() - 8));
        Matcher gap = UNIT_GAP.matcher(tail + " " + after);
        if (gap.find(tail.length()) && gap.start() == tail.length()) {
            return true;
        }
        String joined = before + " " + after;
        Matcher group = GROUP_GAP.matcher(joined);
        return group.find(before.length()) && group.start() == before.length() && nameBefore(joined, before.length());
    }

    /** Whether the stretch of text before {@code gap} (back to a separator) starts as a unit's or a group's name does. */
    private static boolean nameBefore(String text, int gap) {
        int start = gap;
        while (start > 0 && " \u3000\u00A0\t\n，。；、,;:：".indexOf(text.charAt(start - 1)) < 0) {
            if (gap - start > 30) {
                return false; // a sentence, no name
            }
            start--;
        }
        return NAME_START.matcher(text.substring(start, gap)).find();
    }

    /** Spaces between CJK characters, digits and punctuation removed; in OCR text also between digits. */
    static TrackedText collapseOcrSpacing(TrackedText text) {
        boolean ocr = isOcrSpaced(text.text());
        TrackedText out = contains(text.text(), c -> c == '.' || c == '．') ? text.replaceAll(DECIMAL_OR_MARKER, ".") : text;
        if (!contains(out.text(), c -> c == ' ' || c == '\u3000' || c == '\u00A0')) {
            return out; // no spacing to collapse
        }
        if (ocr) {
            String spaced = out.text();
            out = out.replaceAll(SPACED_DIGITS, m -> joinDigits(m, spaced));
        }
        if (!ocr) {
            out = out.replaceAll(UNIT_GAP, "、");
            String separated = out.text();
            out = out.replaceAll(GROUP_GAP, m -> nameBefore(separated, m.start()) ? "、" : m.group());
        }
        String current = out.text();
        out = out.replaceAll(SPACES, m -> isRemovable(current, m, ocr) ? "" : m.group());
        return out.replaceAll(LINE_EDGE_SPACES, "");
    }

    /** Whether more than 5% of the Han characters are followed by spaces and another Han character. */
    static boolean isOcrSpaced(String text) {
        long han = 0;
        long spaced = 0;
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!ChineseText.isHan(c)) {
                continue;
            }
            han++;
            int j = i;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\u3000')) {
                j++;
            }
            if (j > i && j < text.length() && ChineseText.isHan(text.codePointAt(j))) {
                // counted as the expression \p{IsHan}[ 　]+\p{IsHan} matches: both characters taken by the match
                spaced++;
                han++;
                i = j + Character.charCount(text.codePointAt(j));
            }
        }
        return han > 0 && (double) spaced / han > OCR_SPACED_SHARE;
    }

    /**
     * OCR-spaced digits joined; when the digits split into two equally long halves of at least three digits, with a
     * space exactly between them, no leading zero and the first smaller than the second, the run was a range whose
     * dash OCR lost. A run followed by 年, 月 or 日 is a date and always joined.
     */
    private static String joinDigits(MatchResult m, String text) {
        String run = m.group();
        String digits = SPACE_IN_RUN.matcher(run).replaceAll("");
        if (digits.equals(run)) {
            return run;
        }
        String following = text.substring(m.end(), Math.min(text.length(), m.end() + 4)).stripLeading();
        boolean date = !following.isEmpty() && "年月日".indexOf(following.charAt(0)) >= 0;
        int half = digits.length() / 2;
        if (!date && digits.length() % 2 == 0 && half >= 3 && spaceAfterDigit(run, half) && digits.charAt(0) != '0'
                && digits.charAt(half) != '0'
                && Long.parseLong(digits.substring(0, half)) < Long.parseLong(digits.substring(half))) {
            return digits.substring(0, half) + "—" + digits.substring(half);
        }
        return digits;
    }

    private static boolean spaceAfterDigit(String run, int count) {
        int seen = 0;
        for (int i = 0; i < run.length(); i++) {
            if (Character.isDigit(run.charAt(i)) && ++seen == count) {
                return i + 1 < run.length() && !Character.isDigit(run.charAt(i + 1));
            }
        }
        return false;
    }

    private static boolean isRemovable(String text, MatchResult spaces, boolean ocr) {
        if (spaces.start() == 0 || spaces.end() >= text.length()) {
            return false;
        }
        char before = text.charAt(spaces.start() - 1);
        char after = text.charAt(spaces.end());
        if (before == '\n' || after == '\n' || before == '\t' || after == '\t') {
            return false;
        }
        if (ocr) {
            return !(isLatinOrDigit(before) && isLatinOrDigit(after));
        }
        if (Character.isDigit(before) && after == '%') {
            return true;
        }
        boolean cjkBefore = isCjk(before);
        boolean cjkAfter = isCjk(after);
        return (cjkBefore && (cjkAfter || isDigitOrPunctuation(after)))
                || (cjkAfter && isDigitOrPunctuation(before))
                || (isAsciiPunctuation(before) && isAsciiPunctuation(after));
    }

    static boolean isCjk(char c) {
        return ChineseText.isHan(c)
                || (c >= '\u3000' && c <= '\u303F') // CJK Symbols and Punctuation
                || (c >= '\uFF00' && c <= '\uFFEF') // Halfwidth and Fullwidth Forms
                || (c >= '\u2460' && c <= '\u249B') // ① ⑴ ⒈: Chinese texts' enumeration marks
                || "“”‘’—…·".indexOf(c) >= 0;
    }

    private static boolean isLatinOrDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigitOrPunctuation(char c) {
        return (c >= '0' && c <= '9') || c == '%' || isAsciiPunctuation(c);
    }

    private static boolean isAsciiPunctuation(char c) {
        return ",.;:!?()[]<>/|+-".indexOf(c) >= 0;
    }

    /** ASCII punctuation in CJK text in its full-width form; a full stop after a Han character as {@code 。}. */
    static TrackedText unifyPunctuation(TrackedText text) {
        if (!contains(text.text(), c -> ",;:!().".indexOf(c) >= 0)) {
            return text; // no ASCII punctuation to unify
        }
        String parenthesized = text.text();
        TrackedText out = text.replaceAll(PARENTHESIZED, m -> {
            boolean cjk = m.group(1).codePoints().anyMatch(c -> isCjk((char) c))
                    || (m.start() > 0 && isCjk(parenthesized.charAt(m.start() - 1)))
                    || (m.end() < parenthesized.length() && isCjk(parenthesized.charAt(m.end())));
            return cjk ? "（" + m.group(1) + "）" : m.group();
        });
        String current = out.text();
        out = out.replaceAll(ASCII_PUNCTUATION, m -> {
            char before = m.start() > 0 ? current.charAt(m.start() - 1) : ' ';
            char after = m.end() < current.length() ? current.charAt(m.end()) : ' ';
            boolean betweenDigits = Character.isDigit(before) && Character.isDigit(after);
            if (betweenDigits || !(isCjk(before) || isCjk(after))) {
                return m.group();
            }
            return String.valueOf((char) (m.group().charAt(0) + 0xFEE0));
        });
        return out.replaceAll(SENTENCE_DOT, "。");
    }

    /**
     * Labels written in brackets ({@code 【牵头单位】市工信局【责任单位】…【完成时限】2025年底前}) as labels are written
     * elsewhere, each after a ；({@code 牵头单位：市工信局；责任单位：…；完成时限：…}); brackets around anything else stay.
     */
    static TrackedText unbracketLabels(TrackedText text) {
        if (text.text().indexOf('【') < 0) {
            return text;
        }
        String current = text.text();
        return text.replaceAll(BRACKETED_LABEL, m -> {
            String name = HanView.of(m.group(1).strip());
            if (!LABEL_NAME.matcher(name).matches()) {
                return m.group();
            }
            if (BARE_ROLE.matcher(name).matches()) {
                return "（" + m.group(1).strip() + "）"; // 县政务服务中心【牵头】: a role mark, as （牵头） is
            }
            // a label right after the value of the one before it opens a clause of its own, as ；would
            boolean afterValue = m.start() > 0 && "\n。；;，,：:（(".indexOf(current.charAt(m.start() - 1)) < 0;
            return (afterValue ? "；" : "") + m.group(1).strip() + "：";
        });
    }

    /** The OCR confusion table applied; each correction is reported (as a repair) in {@code warnings}. */
    static TrackedText fixOcrConfusions(TrackedText text, List<String> warnings) {
        Map<String, Integer> repaired = new LinkedHashMap<>();
        TrackedText out = text;
        if (out.text().indexOf('囯') >= 0 || out.text().indexOf('増') >= 0) {
            out = out.replaceAll(VARIANT, m -> counted(repaired, m.group(), m.group().equals("囯") ? "国" : "增"));
        }
        if (out.text().indexOf('兀') >= 0) {
            out = out.replaceAll(YUAN, m -> counted(repaired, m.group(), "元"));
        }
        out = out.apply(ruForRen(out.text(), repaired));
        repaired.forEach((confusion, times) -> warnings.add("OCR confusion repaired: " + confusion
                + (times > 1 ? " (" + times + " times)" : "")));
        return out.text().indexOf('、') >= 0 ? out.replaceAll(DASH_FOR_ONE, "一") : out;
    }

    static TrackedText fixOcrConfusions(TrackedText text) {
        return fixOcrConfusions(text, new ArrayList<>());
    }

    private static String counted(Map<String, Integer> repaired, String found, String replacement) {
        repaired.merge("\"" + found + "\" → \"" + replacement + "\"", 1, Integer::sum);
        return replacement;
    }

    /** 人 → 入 after a verb of the reviewed list. */
    private static List<TrackedText.Edit> ruForRen(String text, Map<String, Integer> repaired) {
        List<TrackedText.Edit> edits = new ArrayList<>();
        for (int i = text.indexOf('人', 1); i > 0; i = text.indexOf('人', i + 1)) {
            char verb = text.charAt(i - 1);
            RuVerb rule = RU_VERBS.get(verb);
            if (rule == null || (i >= 2 && rule.notAfter().indexOf(text.charAt(i - 2)) >= 0)) {
                continue;
            }
            if (i + 1 < text.length() && (NOUN_AFTER_RU.indexOf(text.charAt(i + 1)) >= 0
                    || rule.notBefore().indexOf(text.charAt(i + 1)) >= 0)) {
                continue;
            }
            edits.add(new TrackedText.Edit(i, i + 1, "入"));
            counted(repaired, verb + "人", verb + "入");
        }
        return edits;
    }

    /** Convenience for tests and callers holding plain strings. */
    static String apply(java.util.function.UnaryOperator<TrackedText> step, String text) {
        return step.apply(TrackedText.of(text)).text();
    }

    /** Whether text still shows damage the cleaner could not repair (a stray {@code ?} or a replacement char). */
    static boolean containsDamage(String text) {
        return text.indexOf('?') >= 0 || text.indexOf('\uFFFD') >= 0;
    }
}
