package org.luoshi.task.tracking;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.luoshi.task.directory.DirectoryAgency;
import org.luoshi.task.milestone.Milestone;

/** A task with what is read alongside it: its assignments, milestones and the directory entries they name. */
public record TaskView(Task task, List<Assignment> assignments, List<Milestone> milestones,
        Map<UUID, DirectoryAgency> agencies) {
}
