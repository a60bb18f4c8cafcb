package org.luoshi.task.importing;

import java.util.List;

/**
 * One task of a document, or a numbered sub-item of one.
 *
 * @param seq        the number as written: "1", "（十）", "1."
 * @param parentSeq  the seq of the task this is a sub-item of, or null
 * @param category   the chapter or 工作任务 the task belongs to (normalized simplified form), or null
 * @param title      the task's short title (normalized simplified form)
 * @param content    what must be done (normalized simplified form)
 * @param sourceText the task's text exactly as found in the source file
 * @param units      the responsible units in the order listed
 * @param milestones deadlines and numeric targets found in the text
 * @param keyTask    marked as a key task (重点任务) by a star ★ or ☆ on its own opening line (its row, its
 *                   paragraph's first line, or the body paragraph an annex row names), which the clean text drops
 */
public record ParsedTask(String seq, String parentSeq, String category, String title, String content,
        String sourceText, List<UnitMention> units, List<ParsedMilestone> milestones, boolean keyTask) {

    public ParsedTask {
        units = List.copyOf(units);
        milestones = List.copyOf(milestones);
    }

    /** This task as a sub-item of the task numbered {@code parent}. */
    ParsedTask under(String parent) {
        return new ParsedTask(seq, parent, category, title, content, sourceText, units, milestones, keyTask);
    }

    /** This task with its units read otherwise. */
    ParsedTask withUnits(List<UnitMention> others) {
        return new ParsedTask(seq, parentSeq, category, title, content, sourceText, others, milestones, keyTask);
    }
}
