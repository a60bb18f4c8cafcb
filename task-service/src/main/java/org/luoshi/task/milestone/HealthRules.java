package org.luoshi.task.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.luoshi.task.api.model.Health;
import org.luoshi.task.api.model.MilestoneStatus;
import org.luoshi.task.api.model.TaskStatus;

/**
 * 逾期预警: RED when an open milestone is past due or a supervisor assessed one MISSED, YELLOW when one is due within
 * the warning window, else GREEN.
 * A closed task (办结 or cancelled) is GREEN whatever its milestones say: nothing is owed on it any more.
 * The clock is a bean so that tests and the scheduler agree on "today".
 */
@ApplicationScoped
public class HealthRules {

    public static final int WARNING_DAYS = 30;

    /** Tasks that owe nothing: their open milestones no longer make them late. */
    public static final Set<TaskStatus> CLOSED = EnumSet.of(TaskStatus.COMPLETED, TaskStatus.CANCELLED);

    private final Clock clock;

    public HealthRules(Clock clock) {
        this.clock = clock;
    }

    public Health health(TaskStatus status, Collection<Milestone> milestones) {
        if (CLOSED.contains(status)) {
            return Health.GREEN;
        }
        if (missed(milestones)) {
            return Health.RED;
        }
        LocalDate today = LocalDate.now(clock);
        Optional<LocalDate> due = nextDue(milestones);
        if (due.isEmpty()) {
            return Health.GREEN;
        }
        if (due.get().isBefore(today)) {
            return Health.RED;
        }
        return due.get().isAfter(today.plusDays(WARNING_DAYS)) ? Health.GREEN : Health.YELLOW;
    }

    /** Whether a supervisor assessed one of these MISSED. */
    public static boolean missed(Collection<Milestone> milestones) {
        return milestones.stream().anyMatch(m -> m.status == MilestoneStatus.MISSED);
    }

    public Optional<LocalDate> nextDue(Collection<Milestone> milestones) {
        return milestones.stream().filter(m -> m.status == MilestoneStatus.OPEN).map(m -> m.dueDate).min(LocalDate::compareTo);
    }
}
