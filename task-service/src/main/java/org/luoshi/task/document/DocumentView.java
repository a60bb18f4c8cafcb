package org.luoshi.task.document;

import java.util.List;
import org.luoshi.task.milestone.Milestone;

/** A document with its own goals and the number of its tasks. */
public record DocumentView(PolicyDocument document, List<Milestone> goals, int taskCount) {
}
