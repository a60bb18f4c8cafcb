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
 */
public record ParsedTask(String seq, String parentSeq, String category, String title, String content,
        String sourceText, List<UnitMention> units, List<ParsedMilestone> milestones) {

    public ParsedTask {
        units = List.copyOf(units);
        milestones = List.copyOf(milestones);
    }

    /**
     * A key task (重点任务): its first source line (its row, or its paragraph's opening line) carries a star ★ or ☆,
     * which the clean text has dropped; a star on a later line belongs to a sub-item or continues a cell.
     */
    public boolean keyTask() {
        if (sourceText == null) {
            return false;
        }
        int end = sourceText.indexOf('\n');
        String first = end < 0 ? sourceText : sourceText.substring(0, end);
        return first.indexOf('★') >= 0 || first.indexOf('☆') >= 0;
    }
}
