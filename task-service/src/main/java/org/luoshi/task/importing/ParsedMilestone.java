package org.luoshi.task.importing;

import java.time.LocalDate;

/**
 * A dated goal found in a task's text. {@code dueDate} is null for a target the text gives no date for (the caller
 * decides whether such a target becomes a milestone); {@code target} is null for a plain deadline.
 */
public record ParsedMilestone(String title, LocalDate dueDate, Target target) {

    /**
     * This milestone dated by a deadline column or bracket ({@code due}) where its text gives no date, or only 年内
     * and the column writes one out.
     */
    ParsedMilestone datedBy(LocalDate due) {
        boolean dated = dueDate != null
                && !(MilestoneExtractor.inYearOfIssue(dueDate) && !MilestoneExtractor.inYearOfIssue(due));
        return dated ? this : new ParsedMilestone(title, due, target);
    }
}
