package org.luoshi.task.importing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How every layout turns the cleaned texts of one task into a {@link ParsedTask}. */
final class TaskTexts {

    private static final Pattern FIRST_SENTENCE = Pattern.compile("^[^。；;！!？?]+");
    private static final int LONG_TITLE = 60;
    private static final int SHORT_CLAUSE = 6;
    private static final String EDGE_PUNCTUATION = "，,；;。.、：:　 ";

    private TaskTexts() {
    }

    /**
     * @param title   a title the document gives, or null to take the content's first sentence
     * @param units   the responsible-unit text, or null when the task has none of its own
     */
    static ParsedTask task(String seq, String parentSeq, String category, String title, String content,
            String sourceText, String units) {
        String normalizedContent = CleanDocument.normalized(content);
        String normalizedTitle = CleanDocument.normalized(title == null || title.isBlank() ? firstSentence(content) : trim(title));
        if (normalizedTitle == null) {
            normalizedTitle = CleanDocument.normalized(category);
        }
        List<UnitMention> mentions = units == null ? List.of() : UnitSplitter.split(units);
        List<ParsedMilestone> milestones = normalizedContent == null ? List.of() : MilestoneExtractor.extract(normalizedContent);
        return new ParsedTask(seq, parentSeq, CleanDocument.normalized(trim(category)), normalizedTitle,
                normalizedContent, sourceText, mentions, milestones);
    }

    /** The first sentence; a very long one is cut at its first clause. */
    static String firstSentence(String content) {
        if (content == null) {
            return null;
        }
        Matcher first = FIRST_SENTENCE.matcher(content.strip());
        if (!first.find()) {
            return null;
        }
        String sentence = first.group();
        if (sentence.length() > LONG_TITLE) {
            int comma = indexOfClauseEnd(sentence);
            sentence = comma >= SHORT_CLAUSE ? sentence.substring(0, comma) : sentence.substring(0, LONG_TITLE);
        }
        return trim(sentence);
    }

    private static int indexOfClauseEnd(String sentence) {
        int full = sentence.indexOf('，');
        int half = sentence.indexOf(',');
        if (full < 0) {
            return half;
        }
        return half < 0 ? full : Math.min(full, half);
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        int from = 0;
        int to = s.length();
        while (from < to && (EDGE_PUNCTUATION.indexOf(s.charAt(from)) >= 0 || Character.isWhitespace(s.charAt(from)))) {
            from++;
        }
        while (to > from && (EDGE_PUNCTUATION.indexOf(s.charAt(to - 1)) >= 0 || Character.isWhitespace(s.charAt(to - 1)))) {
            to--;
        }
        return s.substring(from, to);
    }
}
