package org.luoshi.task.tracking;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.luoshi.platform.problem.ProblemException;
import org.luoshi.task.api.model.TaskStatus;

/** Which status may follow which: 办结 (COMPLETED) and CANCELLED are final. */
final class StatusTransitions {

    private static final Map<TaskStatus, Set<TaskStatus>> ALLOWED = Map.of(
            TaskStatus.NOT_STARTED, EnumSet.of(TaskStatus.IN_PROGRESS, TaskStatus.SUSPENDED, TaskStatus.CANCELLED),
            TaskStatus.IN_PROGRESS, EnumSet.of(TaskStatus.COMPLETED, TaskStatus.SUSPENDED, TaskStatus.CANCELLED),
            TaskStatus.SUSPENDED, EnumSet.of(TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED),
            TaskStatus.COMPLETED, EnumSet.noneOf(TaskStatus.class),
            TaskStatus.CANCELLED, EnumSet.noneOf(TaskStatus.class));

    private StatusTransitions() {
    }

    static void check(TaskStatus from, TaskStatus to) {
        if (!ALLOWED.get(from).contains(to)) {
            throw ProblemException.conflict("a task cannot move from " + from + " to " + to
                    + (ALLOWED.get(from).isEmpty() ? " (" + from + " is final)" : "; allowed: " + ALLOWED.get(from)));
        }
    }
}
