package org.luoshi.task.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luoshi.platform.text.ChineseText;

/**
 * Document metadata, where the document states it.
 * <ul>
 *   <li>{@code docNumber}: the 发文字号 field of a web page's header, else a line holding only a document number,
 *       else a number at the start of the title; written {@code X〔YYYY〕N号} whatever brackets the source used.</li>
 *   <li>{@code title}: the 标题 field, else an early line with 关于 ending in a document type (意见, 通知, 方案 …),
 *       else the first short line that is not 附件N; a leading document number is removed.</li>
 *   <li>{@code issuer}: the part of the title before 关于 when it names an organ, else the 发文机关 field, else the
 *       signature line above a date at the end of the text.</li>
 *   <li>{@code issuedOn}: the 成文日期 field, else the signature date ({@code 2019年1月22日} alone on a line);
 *       {@code publishedOn}: the 发布日期 field only (a republishing site's posting time is not it).</li>
 *   <li>{@code implements}: the number in the first citation {@code 《…》（X〔YYYY〕N号）}, or of those joined to it by
 *   和, 及, 、 the last one of a place's government, the level right above (a national and a provincial document: the
 *   provincial one; a provincial and a city's: the city's).</li>
 * </ul>
 * Everything is matched on the simplified view and returned in the normalized simplified form.
 */
final class MetadataExtractor {

    record Metadata(String docNumber, String title, String issuer, LocalDate issuedOn, LocalDate publishedOn,
            String implementsDocNumber) {
    }

    /** 发文字号; a 第 before the serial (浙政办发〔2021〕第9号) is dropped, as the standard form (GB/T 9704) writes none. */
    private static final String DOC_NUMBER = "([\\p{IsHan}]{2,6})[〔\\[［【(（](\\d{4})[〕\\]］】)）]第?(\\d{1,4})号";
    private static final Pattern NUMBER = Pattern.compile(DOC_NUMBER);
    private static final Pattern NUMBER_LINE = Pattern.compile("^" + DOC_NUMBER + "$");
    /** A number of a place's government (the place's one character, then 政, 府 or 办): 桂政办发, 苏府办, 中府. */
    private static final Pattern LOCAL_GOVERNMENT = Pattern.compile("(?!国|中办|中发)\\p{IsHan}(?:政|府|办)");
    /** Between two citations of one clause: 和, 及, 、, 以及. */
    private static final Pattern JOINED_CITATION = Pattern.compile("\\s*(?:和|及|以及|、|与)\\s*");
    private static final Pattern CITATION = Pattern.compile("《([^》\\n]{4,80})》（" + DOC_NUMBER + "）");
    private static final String FIELD_NAMES = "发文字号|文号|标题|成文日期|发布日期|发文机关|索引号|主题分类";
    /** A labelled field of a web page's header; its value ends at a tab or at the next field's label on its line. */
    private static final Pattern FIELD = Pattern.compile(
            "(" + FIELD_NAMES + ")[:：]\\s*\\|?\\s*((?:(?!(?:" + FIELD_NAMES + ")[:：])[^|\\n\\t])*)");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-年./](\\d{1,2})[-月./](\\d{1,2})日?");
    /** A date in Chinese numerals, as signatures write it: 二〇二五年八月二十日. */
    private static final Pattern CHINESE_DATE = Pattern.compile("([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月"
            + "([一二三四五六七八九十]{1,3})日");
    /** A line that is a date alone, as a signature's. */
    static final String WRITTEN_DATE = "(?:\\d{4}年\\d{1,2}月\\d{1,2}日|" + CHINESE_DATE.pattern() + ")";
    static final Pattern DATE_LINE = Pattern.compile("^" + WRITTEN_DATE + "$");
    private static final Pattern TITLE_LINE = Pattern.compile(
            "关于.{2,80}(意见|通知|方案|办法|规定|决定|计划|清单|批复|细则|要点|纲要|分工)$");
    private static final Pattern ORGAN = Pattern.compile("(政府|办公室|办公厅|委员会|厅|局|委|办|部|部门|院|室|党组|党委|党工委)$");
    private static final Pattern ANNEX = Pattern.compile("^附件\\d*[:：]?.*$");
    private static final int HEADER_LINES = 20;
    private static final int SHORT_LINE = 40;

    private MetadataExtractor() {
    }

    static Metadata extract(CleanDocument document) {
        List<CleanDocument.Line> lines = document.lines();
        Map<String, String> fields = fields(document);
        String docNumber = field(fields, "发文字号").or(() -> field(fields, "文号"))
                .flatMap(MetadataExtractor::docNumber)
                .or(() -> lines.stream().map(l -> l.view().strip()).filter(v -> NUMBER_LINE.matcher(v).matches())
                        .findFirst().flatMap(MetadataExtractor::docNumber))
                .orElse(null);
        String title = field(fields, "标题").or(() -> titleLine(lines)).map(t -> withoutNumber(t)).orElse(null);
        if (docNumber == null && title != null) {
            docNumber = NUMBER.matcher(title).lookingAt() ? docNumber(title).orElse(null) : null;
        }
        if (docNumber == null) {
            docNumber = field(fields, "标题").flatMap(MetadataExtractor::docNumber)
                    .or(() -> titleLine(lines).flatMap(MetadataExtractor::docNumber)).orElse(null);
        }
        String issuer = issuerFromTitle(title).or(() -> field(fields, "发文机关")).or(() -> signature(lines))
                .orElse(null);
        LocalDate issuedOn = field(fields, "成文日期").flatMap(MetadataExtractor::date)
                .or(() -> lines.stream().map(l -> l.view().strip()).filter(v -> DATE_LINE.matcher(v).matches())
                        .findFirst().flatMap(MetadataExtractor::date))
                .orElse(null);
        LocalDate publishedOn = field(fields, "发布日期").flatMap(MetadataExtractor::date).orElse(null);
        String view = document.view();
        Matcher citation = CITATION.matcher(view);
        String implemented = null;
        if (citation.find()) {
            // 《国务院办公厅…》（国办发〔2024〕1号）和《江苏省…》（苏政办发〔2024〕30号）: of the citations joined so, the level
            // right above this document, the last one of a place's government, else the first
            List<String> joined = new ArrayList<>();
            int end = citation.end();
            joined.add(normalizedNumber(citation.group(2), citation.group(3), citation.group(4)));
            while (citation.find() && JOINED_CITATION.matcher(view.substring(end, citation.start())).matches()) {
                end = citation.end();
                joined.add(normalizedNumber(citation.group(2), citation.group(3), citation.group(4)));
            }
            implemented = joined.get(0);
            for (String number : joined) {
                // a government's of a place (桂政办发, 苏府办, 中府), not the nation's (国办发, 中办发) nor a ministry's (教基)
                if (LOCAL_GOVERNMENT.matcher(number).lookingAt()) {
                    implemented = number;
                }
            }
        }
        return new Metadata(docNumber, CleanDocument.normalized(title), CleanDocument.normalized(issuer), issuedOn,
                publishedOn, implemented);
    }

    /** A document number in the text, written {@code X〔YYYY〕N号}. */
    static Optional<String> docNumber(String text) {
        Matcher m = NUMBER.matcher(HanView.of(ChineseText.withoutSpaces(text)));
        return m.find() ? Optional.of(normalizedNumber(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    private static String normalizedNumber(String issuer, String year, String serial) {
        return CleanDocument.normalized(issuer) + "〔" + year + "〕" + Integer.parseInt(serial) + "号";
    }

    private static Optional<String> field(Map<String, String> fields, String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** Each labelled field's first non-empty value, from one pass over the document. */
    private static Map<String, String> fields(CleanDocument document) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = FIELD.matcher(document.view());
        while (m.find()) {
            String value = document.text(m.start(2), m.end(2)).strip();
            if (!value.isEmpty()) {
                fields.putIfAbsent(m.group(1), value);
            }
        }
        return fields;
    }

    private static Optional<String> titleLine(List<CleanDocument.Line> lines) {
        List<CleanDocument.Line> header = lines.stream().filter(l -> !l.isBlank()).limit(HEADER_LINES).toList();
        for (int i = 0; i < header.size(); i++) {
            CleanDocument.Line line = header.get(i);
            if (line.text().indexOf('|') >= 0) {
                continue;
            }
            if (TITLE_LINE.matcher(line.view().strip()).find()) {
                return Optional.of(line.text().strip());
            }
            // a title wrapped onto a second line (…关于印发《…⏎…方案》的通知)
            if (i + 1 < header.size() && line.view().contains("关于") && header.get(i + 1).text().indexOf('|') < 0
                    && TITLE_LINE.matcher(line.view().strip() + header.get(i + 1).view().strip()).find()) {
                return Optional.of(line.text().strip() + header.get(i + 1).text().strip());
            }
        }
        for (CleanDocument.Line line : header.subList(0, Math.min(5, header.size()))) {
            String v = line.view().strip();
            if (!ANNEX.matcher(v).matches() && v.length() <= SHORT_LINE && v.indexOf('\t') < 0 && v.indexOf('|') < 0
                    && !NUMBER_LINE.matcher(v).matches() && !ORGAN.matcher(v).find()) {
                return Optional.of(line.text().strip());
            }
        }
        return Optional.empty();
    }

    private static String withoutNumber(String title) {
        String view = HanView.of(title);
        Matcher m = NUMBER.matcher(view);
        return m.lookingAt() ? title.substring(m.end()).strip() : title.strip();
    }

    private static Optional<String> issuerFromTitle(String title) {
        if (title == null) {
            return Optional.empty();
        }
        int about = HanView.of(title).indexOf("关于");
        if (about <= 0) {
            return Optional.empty();
        }
        String issuer = title.substring(0, about).strip();
        return ORGAN.matcher(HanView.of(issuer)).find() ? Optional.of(issuer) : Optional.empty();
    }

    private static Optional<String> signature(List<CleanDocument.Line> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (DATE_LINE.matcher(lines.get(i).view().strip()).matches()) {
                for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
                    String v = lines.get(j).view().strip();
                    // an organ's name, not a labelled line (地址：县政府办公大楼305室)
                    if (!v.isEmpty() && v.length() <= SHORT_LINE && ORGAN.matcher(v).find() && v.indexOf('：') < 0
                            && v.indexOf(':') < 0) {
                        return Optional.of(lines.get(j).text().strip());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String text) {
        Matcher m = DATE.matcher(text);
        if (m.find()) {
            return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        Matcher chinese = CHINESE_DATE.matcher(text);
        return chinese.find() ? date(ChineseNumerals.year(chinese.group(1)), ChineseNumerals.value(chinese.group(2)),
                ChineseNumerals.value(chinese.group(3))) : Optional.empty();
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
