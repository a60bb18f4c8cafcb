package org.luoshi.task.tracking;

import java.time.LocalDate;
import java.util.UUID;
import org.luoshi.task.api.model.AssignmentRole;
import org.luoshi.task.api.model.Health;
import org.luoshi.task.api.model.TaskStatus;

/** Criteria of a task search; null means "any". */
public record TaskFilter(UUID documentId, UUID agencyId, boolean includeDescendants, AssignmentRole role, TaskStatus status,
        Health health, LocalDate dueBefore, String category, Boolean keyTask, String text) {
}
