package org.luoshi.task.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What table rows of every layout share: a content cell that is only a short title (no sentence end, at most
 * {@value #TITLE_LENGTH} characters) takes its detailed content from the body paragraph with the same number; a
 * category still damaged after cleaning is replaced by the body heading it starts like.
 */
final class AnnexRows {

    static final int TITLE_LENGTH = 40;
    /** A deadline cell holding a year alone: 2025. */
    private static final Pattern BARE_YEAR = Pattern.compile("^(?:19|20)\\d{2}$");
    /** A deadline cell naming a period of the year only: due at its end. */
    private static final Pattern BARE_PERIOD = Pattern.compile(
            "^(?:\\d{4}年)?(?:第?[一二三四]季度|上半年|下半年)$");

    private AnnexRows() {
    }

    /**
     * @param notes the cells of the table's other columns as {@code 名称：text} (备注：…): kept after the content, each a
     *              sentence of its own, their targets the task's too, dated by the deadline cell when they name no date
     */
    static ParsedTask task(String seq, String category, String contentCell, String units, String deadline,
            List<String> notes, String source, BodyParagraphs body, List<String> warnings) {
        return task(seq, category, null, contentCell, units, deadline, notes, source, body, warnings);
    }

    /** @param title the row's own title (重点任务 beside 具体措施 under a chapter row), or null: from the content */
    static ParsedTask task(String seq, String category, String title, String contentCell, String units, String deadline,
            List<String> notes, String source, BodyParagraphs body, List<String> warnings) {
        String cat = category;
        if (cat != null && TextCleaner.containsDamage(cat)) {
            Optional<String> heading = body.heading(cat);
            String message = heading
                    .map(h -> "damaged category \"" + category + "\" taken from the body heading \"" + h + "\"")
                    .orElse("category \"" + category + "\" is damaged and no body heading matches it");
            if (!warnings.contains(message)) {
                warnings.add(message);
            }
            cat = heading.orElse(cat);
        }
        // kept, not dropped, but the reader is told: such a row is often a merged cell or a row cut in two
        if (contentCell.isBlank() && category != null && !category.isBlank()) {
            warnings.add("annex row " + seq + " has no task text: titled by its category");
        }
        if (units == null || units.isBlank()) {
            warnings.add("annex row " + seq + " names no responsible unit: stored without assignments");
        }
        String due = CleanDocument.normalized(TaskTexts.trim(deadline));
        if (due != null && BARE_PERIOD.matcher(due).matches()) {
            // a deadline cell naming a period alone (第三季度, 上半年) means by its end, as 三季度末 does
            deadline = due + "末";
            due = deadline;
        } else if (due != null && BARE_YEAR.matcher(due).matches()) {
            // a year alone (a spreadsheet's number cell 2025): by its end
            deadline = due + "年";
            due = deadline;
        }
        Optional<LocalDate> date = due == null ? Optional.empty() : MilestoneExtractor.deadline(due);
        if (due != null && due.chars().anyMatch(Character::isDigit) && date.isEmpty()) {
            // 6月底前 without a year, 每年12月, 2021年起: a reader could guess a date, the importer does not
            warnings.add("annex row " + seq + ": deadline \"" + due + "\" gives no date of completion: not dated");
        }
        boolean titleOnly = contentCell.length() <= TITLE_LENGTH && contentCell.indexOf('。') < 0;
        Optional<BodyParagraphs.Paragraph> paragraph = titleOnly ? body.numbered(seq, contentCell) : Optional.empty();
        String bodySource = paragraph.map(body::source).orElse(null);
        ParsedTask task = paragraph.isPresent()
                ? TaskTexts.task(seq, null, cat, contentCell, paragraph.get().text(), source + "\n" + bodySource, units,
                        deadline, TaskTexts.starred(source) || TaskTexts.starred(bodySource))
                : TaskTexts.task(seq, null, cat, title, contentCell, source, units, deadline, TaskTexts.starred(source));
        for (String note : notes) {
            task = withNote(task, note, date);
        }
        return task;
    }

    private static ParsedTask withNote(ParsedTask task, String note, Optional<LocalDate> due) {
        String normalized = CleanDocument.normalized(TaskTexts.trim(note));
        if (normalized == null || normalized.isEmpty()) {
            return task;
        }
        String content = task.content() == null ? "" : task.content();
        // a target in such a column (主要目标：建成示范校5所) is the task's as well
        List<ParsedMilestone> milestones = new ArrayList<>(task.milestones());
        List<ParsedMilestone> noted = MilestoneExtractor.extract(normalized).stream()
                .filter(m -> milestones.stream().noneMatch(known -> known.title().equals(m.title())))
                .map(m -> due.isPresent() ? m.datedBy(due.get()) : m)
                .toList();
        milestones.addAll(noted);
        // the row's deadline stood alone as a milestone while no target was due then: a target of the note now is
        // (目标值：12个 due with the row), and the plain one goes
        String deadlineOnly = task.title() + "（";
        milestones.removeIf(m -> TableColumns.isTargetNote(note) && m.target() == null
                && m.title().startsWith(deadlineOnly) && noted.stream()
                .anyMatch(n -> n.target() != null && m.dueDate() != null && m.dueDate().equals(n.dueDate())));
        return new ParsedTask(task.seq(), task.parentSeq(), task.category(), task.title(),
                content + (TaskTexts.endsClause(content) ? "" : "。") + normalized
                        + (TaskTexts.endsClause(normalized) ? "" : "。"), task.sourceText(), task.units(), milestones,
                task.keyTask());
    }
}
