package org.luoshi.task.tracking;

import java.util.UUID;
import org.luoshi.task.api.model.TaskStatus;

/** Criteria of a task search; null means "any". */
public record TaskFilter(UUID documentId, UUID agencyId, TaskStatus status, String category, String text) {
}
