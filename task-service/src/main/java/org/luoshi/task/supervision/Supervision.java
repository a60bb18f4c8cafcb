package org.luoshi.task.supervision;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.luoshi.events.model.TaskEvent;
import org.luoshi.task.api.model.Comparator;
import org.luoshi.task.api.model.MilestoneStatus;
import org.luoshi.task.api.model.TaskStatus;
import org.luoshi.task.milestone.HealthRules;
import org.luoshi.task.milestone.Milestone;
import org.luoshi.task.milestone.MilestoneAlert;
import org.luoshi.task.milestone.MilestoneAlerts;
import org.luoshi.task.tracking.Task;
import org.luoshi.task.tracking.TaskEvents;
import org.luoshi.task.tracking.TaskMapper;
import org.luoshi.task.tracking.TaskService;
import org.luoshi.task.tracking.TaskView;

/**
 * 逾期预警 and silence detection. Each sweep announces milestones that became due soon or overdue (once per
 * milestone and threshold; a superseded document's milestones are no longer swept) and flags open tasks without
 * progress for too long as stale. Each step (ceilings, overdue, due soon, stale) is a transaction of its own: a
 * progress report changing a task or a milestone while the sweep runs makes that step lose on the version and roll
 * back alone, to be done at the next sweep, and the alerts of the other steps stand. With several replicas a
 * concurrent sweep loses a step on the alert key the same way, changing nothing.
 */
@ApplicationScoped
public class Supervision {

    private static final List<TaskStatus> OPEN = List.of(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS);

    private final MilestoneAlerts alerts;
    private final TaskService tasks;
    private final TaskMapper mapper;
    private final TaskEvents events;
    private final SupervisionConfig config;
    private final Clock clock;

    public Supervision(MilestoneAlerts alerts, TaskService tasks, TaskMapper mapper, TaskEvents events,
            SupervisionConfig config, Clock clock) {
        this.alerts = alerts;
        this.tasks = tasks;
        this.mapper = mapper;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${luoshi.supervision.interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledSweep() {
        return sweep().onItem().invoke(result -> {
            if (result.total() > 0) {
                Log.infof("supervision: %d due soon, %d overdue, %d stale, %d ceilings held", result.dueSoon(), result.overdue(),
                        result.stale(), result.ceilingsHeld());
            }
        }).onFailure().invoke(e -> Log.warn("supervision sweep failed; the next one retries", e)).onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<Result> sweep() {
        LocalDate today = LocalDate.now(clock);
        Result result = new Result();
        // ceilings first: one that held is achieved, not announced overdue
        return step("ceilings", () -> ceilings(today), n -> result.ceilingsHeld = n)
                // a ceiling that held is not overdue even when the ceilings step could not record it (it rolled back, or
                // another replica's has not committed yet): the next sweep achieves it
                .flatMap(x -> step("overdue", () -> due(MilestoneAlert.OVERDUE, "m.dueDate < :today and not"
                        + " (m.targetComparator = :atMost and m.achieved is not null and m.achieved <= m.targetQuantity)", today),
                        n -> result.overdue = n))
                .flatMap(x -> step("due soon", () -> due(MilestoneAlert.DUE_SOON, "m.dueDate >= :today and m.dueDate <= :soon",
                        today), n -> result.dueSoon = n))
                .flatMap(x -> step("stale", this::stale, n -> result.stale = n))
                .replaceWith(result);
    }

    /** One step in a transaction of its own; a step that fails is logged and left to the next sweep. */
    private Uni<Void> step(String name, Supplier<Uni<Integer>> work, IntConsumer counted) {
        return Panache.withTransaction(work)
                .invoke(n -> counted.accept(n))
                .onFailure().invoke(e -> Log.warnf("supervision sweep: the %s step rolled back (%s); the next sweep does it",
                        name, e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Integer> due(String threshold, String window, LocalDate today) {
        return Milestone.<Milestone>find("from Milestone m where m.status = :open and " + window
                        + " and not exists (from MilestoneAlert a where a.key.milestoneId = m.id and a.key.threshold = :threshold)"
                        + " and (m.taskId is null or m.taskId in (select t.id from Task t where t.status in :active))"
                        + " and m.documentId in (select d.id from PolicyDocument d where d.supersededBy is null)"
                        + " order by m.dueDate, m.id",
                        parameters(threshold, window, today))
                // locked: a report or a verdict settling one of them meanwhile commits first and the milestone drops
                // out (PostgreSQL re-checks a row it waited for), or waits for this step: never announced overdue
                // after it was announced achieved or missed
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .flatMap(due -> views(due).flatMap(byTask -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Milestone milestone : due) {
                        TaskView task = milestone.taskId == null ? null : byTask.get(milestone.taskId);
                        chain = chain.flatMap(x -> alerts.raise(milestone, threshold, task));
                    }
                    return chain.replaceWith(due.size());
                }));
    }

    /**
     * A ceiling (控制在5%以内, AT_MOST) holds or not only at its due date, so a report cannot achieve it early: the day
     * after, the last value reported within it achieves it (MilestoneAchieved); one above it, or none, stays open and is
     * announced overdue.
     */
    private Uni<Integer> ceilings(LocalDate today) {
        return Milestone.<Milestone>list("status = ?1 and targetComparator = ?2 and dueDate < ?3 and achieved is not null"
                        + " and achieved <= targetQuantity and taskId in (select t.id from Task t where t.status in ?4)"
                        + " and documentId in (select d.id from PolicyDocument d where d.supersededBy is null)"
                        + " order by dueDate, id",
                        MilestoneStatus.OPEN, Comparator.AT_MOST, today, OPEN)
                .flatMap(held -> views(held).flatMap(byTask -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Milestone milestone : held) {
                        milestone.status = MilestoneStatus.ACHIEVED;
                        chain = chain.flatMap(x -> alerts.achieved(List.of(milestone), byTask.get(milestone.taskId)));
                    }
                    return chain.replaceWith(held.size());
                }));
    }

    private Map<String, Object> parameters(String threshold, String window, LocalDate today) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("open", MilestoneStatus.OPEN);
        parameters.put("today", today);
        parameters.put("threshold", threshold);
        parameters.put("active", OPEN);
        if (window.contains(":atMost")) {
            parameters.put("atMost", Comparator.AT_MOST);
        }
        if (window.contains(":soon")) {
            parameters.put("soon", today.plusDays(HealthRules.WARNING_DAYS));
        }
        return parameters;
    }

    private Uni<Map<UUID, TaskView>> views(List<Milestone> milestones) {
        List<UUID> ids = milestones.stream().map(m -> m.taskId).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Task.<Task>list("id in ?1", ids).flatMap(tasks::loadAll).map(views -> {
            Map<UUID, TaskView> byId = new HashMap<>();
            views.forEach(v -> byId.put(v.task().id, v));
            return byId;
        });
    }

    private Uni<Integer> stale() {
        OffsetDateTime silentSince = OffsetDateTime.now(clock).minusDays(config.staleAfterDays());
        return Task.<Task>list("stale = false and status in ?1 and coalesce(lastProgressAt, createdAt) < ?2 order by createdAt, id",
                OPEN, silentSince).flatMap(silent -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Task task : silent) {
                task.stale = true;
                task.updatedAt = OffsetDateTime.now(clock);
                chain = chain.flatMap(x -> Panache.flush()).flatMap(x -> tasks.load(task))
                        .flatMap(view -> events.publish("TaskUpdated", view,
                                new TaskEvent(mapper.toSnapshot(view)).changedFields(List.of("stale"))))
                        .replaceWithVoid();
            }
            return chain.replaceWith(silent.size());
        });
    }

    /** What one sweep announced. */
    public static final class Result {
        private int dueSoon;
        private int overdue;
        private int stale;
        private int ceilingsHeld;

        public int dueSoon() {
            return dueSoon;
        }

        public int overdue() {
            return overdue;
        }

        public int stale() {
            return stale;
        }

        public int ceilingsHeld() {
            return ceilingsHeld;
        }

        public int total() {
            return dueSoon + overdue + stale + ceilingsHeld;
        }
    }
}
