package org.luoshi.task.document;

import java.util.List;
import java.util.UUID;
import org.luoshi.task.milestone.Milestone;

/**
 * A document with its own goals, the number of its tasks, and the stored document it implements (null when that
 * one is not stored here).
 */
public record DocumentView(PolicyDocument document, List<Milestone> goals, int taskCount, UUID implementsDocumentId) {
}
