package org.luoshi.task.importing;

import java.time.LocalDate;

/**
 * A dated goal found in a task's text. {@code dueDate} is null for a target the text gives no date for (the caller
 * decides whether such a target becomes a milestone); {@code target} is null for a plain deadline.
 */
public record ParsedMilestone(String title, LocalDate dueDate, Target target) {

    /**
     * This milestone dated by a deadline column or bracket ({@code due}) where its text gives no date, or only 年内
     * and the column writes one out; a month without its year (6月底前完成2个) in the column's year, when that is not
     * after the column's date.
     */
    ParsedMilestone datedBy(LocalDate due) {
        boolean dated = dueDate != null
                && !(MilestoneExtractor.inYearOfIssue(dueDate) && !MilestoneExtractor.inYearOfIssue(due));
        if (dated) {
            return this;
        }
        if (dueDate != null && dueDate.getYear() == 1 && !MilestoneExtractor.inYearOfIssue(due)
                && !dueDate.equals(MilestoneExtractor.THIS_YEAR)) {
            LocalDate inYear = MilestoneExtractor.placed(dueDate, due.getYear());
            if (!inYear.isAfter(due)) {
                return new ParsedMilestone(title, inYear, target);
            }
        }
        return new ParsedMilestone(title, due, target);
    }
}
