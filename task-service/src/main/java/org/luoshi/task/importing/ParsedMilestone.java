package org.luoshi.task.importing;

import java.time.LocalDate;

/**
 * A dated goal found in a task's text. {@code dueDate} is null for a target the text gives no date for (the caller
 * decides whether such a target becomes a milestone); {@code target} is null for a plain deadline.
 */
public record ParsedMilestone(String title, LocalDate dueDate, Target target) {

    /**
     * This milestone dated by a deadline column or bracket ({@code due}) where its text gives no date, or only 年内
     * and the column writes one out. A month of the year of issue (今年6月底前, 6月底前完成2个) stays one: the parser
     * places it in that year.
     */
    ParsedMilestone datedBy(LocalDate due) {
        boolean dated = dueDate != null
                && !(dueDate.equals(MilestoneExtractor.THIS_YEAR) && !MilestoneExtractor.inYearOfIssue(due))
                && !(dueDate.getYear() == 2 && !MilestoneExtractor.inYearOfIssue(due));
        return dated ? this : new ParsedMilestone(title, due, target);
    }
}
