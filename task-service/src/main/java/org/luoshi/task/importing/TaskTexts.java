package org.luoshi.task.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How every layout turns the cleaned texts of one task into a {@link ParsedTask}. */
final class TaskTexts {

    private static final Pattern FIRST_SENTENCE = Pattern.compile("^[^。；;！!？?]+");
    private static final int LONG_TITLE = 60;
    private static final int SHORT_CLAUSE = 6;
    private static final int MILESTONE_TITLE = 80;
    private static final String EDGE_PUNCTUATION = "，,；;。.、：:　 ";

    private TaskTexts() {
    }

    /**
     * @param title    a title the document gives, or null to take the content's first sentence
     * @param units    the responsible-unit text, or null when the task has none of its own
     * @param deadline the text of a deadline column (时间进度, 完成时限), or null: it dates the content's undated
     *                 targets and, when no milestone falls on it, becomes a milestone titled by the task
     * @param keyTask  the task's own opening line carries a key-task star ({@link #starred})
     */
    static ParsedTask task(String seq, String parentSeq, String category, String title, String content,
            String sourceText, String units, String deadline, boolean keyTask) {
        String normalizedContent = CleanDocument.normalized(content);
        String normalizedTitle = CleanDocument.normalized(title == null || title.isBlank() ? firstSentence(content) : trim(title));
        if (normalizedTitle == null) {
            normalizedTitle = CleanDocument.normalized(category);
        }
        List<UnitMention> mentions = units == null ? List.of() : UnitSplitter.split(units);
        String normalizedDeadline = CleanDocument.normalized(trim(deadline));
        Optional<LocalDate> due = normalizedDeadline == null ? Optional.empty() : MilestoneExtractor.deadline(normalizedDeadline);
        List<ParsedMilestone> milestones = normalizedContent == null ? List.of()
                : MilestoneExtractor.extract(normalizedContent, due.orElse(null));
        if (due.isPresent() && normalizedTitle != null) {
            milestones = withDeadline(milestones, normalizedTitle, normalizedDeadline, due.get());
        }
        return new ParsedTask(seq, parentSeq, CleanDocument.normalized(trim(category)), normalizedTitle,
                normalizedContent, sourceText, mentions, milestones, keyTask);
    }

    /**
     * The milestones of a task's text dated by its deadline {@code due} (the latest date of the deadline text), and the
     * deadline itself when none is due then; a deadline text in steps (2024年6月底前启动，2024年12月底前完成) gives
     * each earlier step too.
     */
    private static List<ParsedMilestone> withDeadline(List<ParsedMilestone> found, String title, String deadline, LocalDate due) {
        List<ParsedMilestone> milestones = new ArrayList<>();
        for (ParsedMilestone m : found) {
            milestones.add(m.datedBy(due));
        }
        List<ParsedMilestone> steps = MilestoneExtractor.extract(deadline).stream()
                .filter(step -> step.target() == null && step.dueDate() != null).toList();
        boolean inSteps = steps.stream().map(ParsedMilestone::dueDate).distinct().count() >= 2;
        for (ParsedMilestone step : inSteps ? steps : List.<ParsedMilestone>of()) {
            if (step.dueDate().isBefore(due) && milestones.stream().noneMatch(m -> step.dueDate().equals(m.dueDate()))) {
                milestones.add(new ParsedMilestone(named(title, step.title()), step.dueDate(), null));
            }
        }
        if (milestones.stream().noneMatch(m -> due.equals(m.dueDate()))) {
            milestones.add(new ParsedMilestone(named(title, deadline), due, null));
        }
        return milestones;
    }

    /** A milestone's title: the task's with the text of its deadline in brackets, cut to what the column holds. */
    private static String named(String title, String deadline) {
        String named = title + "（" + deadline + "）";
        return named.length() <= MILESTONE_TITLE ? named : named.substring(0, MILESTONE_TITLE);
    }

    /** Whether the first line of a task's source carries a star (★, ☆) where plans mark a key task (重点任务). */
    static boolean starred(String source) {
        if (source == null) {
            return false;
        }
        int end = source.indexOf('\n');
        String first = end < 0 ? source : source.substring(0, end);
        // most lines have no star: no scan
        return (first.indexOf('★') >= 0 || first.indexOf('☆') >= 0) && TextCleaner.KEY_TASK_MARK.matcher(first).find();
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

    /** Whether the text ends a sentence or clause, so that what is added after it needs no full stop of its own. */
    static boolean endsClause(String text) {
        return text.isEmpty() || "。；;！!？?".indexOf(text.charAt(text.length() - 1)) >= 0;
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
