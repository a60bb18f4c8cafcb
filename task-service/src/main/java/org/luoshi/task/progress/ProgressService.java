package org.luoshi.task.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.luoshi.events.model.Actor;
import org.luoshi.events.model.ProgressEvent;
import org.luoshi.events.model.ProgressMetric;
import org.luoshi.events.model.ProgressSnapshot;
import org.luoshi.events.model.TaskEvent;
import org.luoshi.platform.problem.ProblemException;
import org.luoshi.platform.security.CurrentActor;
import org.luoshi.platform.security.Roles;
import org.luoshi.task.api.model.MetricValue;
import org.luoshi.task.api.model.MilestoneStatus;
import org.luoshi.task.api.model.ProgressCreate;
import org.luoshi.task.api.model.TaskStatus;
import org.luoshi.task.milestone.Milestone;
import org.luoshi.task.milestone.MilestoneAlerts;
import org.luoshi.task.tracking.Task;
import org.luoshi.task.tracking.TaskEvents;
import org.luoshi.task.tracking.TaskMapper;
import org.luoshi.task.tracking.TaskService;
import org.luoshi.task.tracking.TaskView;

/**
 * 填报: progress reports on a task. A report records who reported for which unit; metric values move the
 * milestones' achieved amounts, and one that reaches its target is ACHIEVED. The first report starts the task.
 */
@ApplicationScoped
public class ProgressService {

    private static final TypeReference<List<MetricValue>> METRICS = new TypeReference<>() {
    };
    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {
    };

    private final TaskService tasks;
    private final TaskMapper mapper;
    private final TaskEvents events;
    private final MilestoneAlerts milestones;
    private final CurrentActor caller;
    private final ObjectMapper json;
    private final Clock clock;

    public ProgressService(TaskService tasks, TaskMapper mapper, TaskEvents events, MilestoneAlerts milestones,
            CurrentActor caller, ObjectMapper json, Clock clock) {
        this.tasks = tasks;
        this.mapper = mapper;
        this.events = events;
        this.milestones = milestones;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ProgressReport> report(UUID taskId, ProgressCreate request) {
        return tasks.find(taskId).flatMap(tasks::load).flatMap(view -> {
            Task task = view.task();
            if (task.status == TaskStatus.COMPLETED || task.status == TaskStatus.CANCELLED) {
                throw ProblemException.conflict("task " + task.seq + " is " + task.status + "; it takes no more reports");
            }
            Actor actor = events.actor();
            ProgressReport report = new ProgressReport();
            report.id = UUID.randomUUID();
            report.taskId = task.id;
            report.agencyId = reportingAgency(view, request.getAgencyId(), actor);
            report.period = ProblemException.requireText("period", request.getPeriod());
            report.text = ProblemException.requireText("text", request.getText());
            report.percent = request.getPercent();
            List<MetricValue> metrics = request.getMetrics() == null ? List.of() : request.getMetrics();
            report.metrics = write(metrics);
            report.reportedBy = actor.getUsername() != null ? actor.getUsername() : actor.getSubject();
            report.reportedAt = OffsetDateTime.now(clock);
            Map<UUID, Milestone> own = view.milestones().stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
            List<Milestone> reached = applyMetrics(own, metrics);
            List<Milestone> declared = declaredAchieved(own, request.getAchievedMilestoneIds());
            reached.addAll(declared);
            List<UUID> declaredIds = declared.stream().map(m -> m.id).toList();
            report.achievedMilestones = write(declaredIds);

            TaskStatus previous = task.status;
            if (task.status == TaskStatus.NOT_STARTED) {
                task.status = TaskStatus.IN_PROGRESS;
            }
            task.lastProgressAt = report.reportedAt;
            task.stale = false;
            task.updatedAt = report.reportedAt;
            return report.persist()
                    .flatMap(saved -> Panache.flush())
                    .flatMap(flushed -> tasks.load(task))
                    .call(current -> previous != task.status
                            ? events.publish("TaskStatusChanged", current, new TaskEvent(mapper.toSnapshot(current))
                                    .changedFields(List.of("status")).previousStatus(previous.toString()))
                            : Uni.createFrom().item(current))
                    .call(current -> events.publish("ProgressReported", task.id,
                            new ProgressEvent(mapper.toSnapshot(current), snapshot(report, metrics, declaredIds)).actor(actor)))
                    .call(current -> milestones.achieved(reached, current))
                    .replaceWith(report);
        });
    }

    @WithSession
    public Uni<List<ProgressReport>> of(UUID taskId) {
        return tasks.find(taskId).flatMap(task -> ProgressReport.<ProgressReport>list(
                "taskId = ?1 order by reportedAt desc, id", taskId));
    }

    /** The milestones the report declared done. */
    public List<UUID> achievedMilestones(ProgressReport report) {
        try {
            return json.readValue(report.achievedMilestones, IDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored milestone ids of report " + report.id + " are not readable", e);
        }
    }

    public List<MetricValue> metrics(ProgressReport report) {
        try {
            return json.readValue(report.metrics, METRICS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metrics of report " + report.id + " are not readable", e);
        }
    }

    /**
     * The unit a report speaks for. An officer reports for their own agency, which must be assigned to the task
     * (directly or as a member of an assigned group);
     * others may name any assigned agency, or none.
     */
    private UUID reportingAgency(TaskView view, UUID requested, Actor actor) {
        // a member of an assigned group (各市州人民政府 …) is responsible too
        Set<UUID> assigned = view.assignments().stream()
                .flatMap(org.luoshi.task.tracking.Assignment::agencies)
                .collect(Collectors.toSet());
        boolean officerOnly = caller.hasRole(Roles.OFFICER) && !caller.hasRole(Roles.ADMIN) && !caller.hasRole(Roles.SUPERVISOR);
        if (officerOnly) {
            UUID own = actor.getAgencyId();
            if (own == null || !assigned.contains(own) || (requested != null && !requested.equals(own))) {
                throw ProblemException.forbidden("an officer reports only for their own agency on tasks assigned to it");
            }
            return own;
        }
        if (requested != null && !assigned.contains(requested)) {
            throw ProblemException.unprocessable("agency " + requested + " is not assigned to this task");
        }
        return requested;
    }

    /** Sets each milestone's achieved amount; returns those whose target is now met. */
    private static List<Milestone> applyMetrics(Map<UUID, Milestone> own, List<MetricValue> metrics) {
        List<Milestone> reached = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (MetricValue metric : metrics) {
            if (!seen.add(metric.getMilestoneId())) {
                throw ProblemException.unprocessable("metrics name milestone " + metric.getMilestoneId()
                        + " twice: one value per milestone");
            }
            Milestone milestone = ownMilestone(own, metric.getMilestoneId());
            milestone.achieved = metric.getValue();
            if (milestone.status == MilestoneStatus.OPEN && targetMet(milestone)) {
                milestone.status = MilestoneStatus.ACHIEVED;
                reached.add(milestone);
            }
        }
        return reached;
    }

    /**
     * The milestones without a target that the report declares done: a date-only stage has no amount to reach, and
     * without this it could only stay open (and, once due, overdue) until the whole task is completed.
     */
    private static List<Milestone> declaredAchieved(Map<UUID, Milestone> own, Collection<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<Milestone> achieved = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            Milestone milestone = ownMilestone(own, id);
            if (milestone.targetQuantity != null) {
                throw ProblemException.unprocessable("milestone " + id + " has a target (" + milestone.targetQuantity.toPlainString()
                        + (milestone.targetUnit == null ? "" : milestone.targetUnit) + "): report its amount in metrics");
            }
            if (milestone.status != MilestoneStatus.OPEN) {
                throw ProblemException.conflict("milestone " + id + " is already " + milestone.status);
            }
            milestone.status = MilestoneStatus.ACHIEVED;
            achieved.add(milestone);
        }
        return achieved;
    }

    private static Milestone ownMilestone(Map<UUID, Milestone> own, UUID id) {
        Milestone milestone = own.get(id);
        if (milestone == null) {
            throw ProblemException.unprocessable("milestone " + id + " is not a milestone of this task");
        }
        return milestone;
    }

    static boolean targetMet(Milestone milestone) {
        if (milestone.targetQuantity == null || milestone.achieved == null || milestone.targetComparator == null) {
            return false;
        }
        int cmp = milestone.achieved.compareTo(milestone.targetQuantity);
        return switch (milestone.targetComparator) {
            // a plain number (建成50个) is reached by 50 and by more (超额完成): 55 must not leave it open for ever
            case AT_LEAST, RANGE, EXACT -> cmp >= 0;
            // 左右: within 5 % of the target counts as reaching it
            case ABOUT -> milestone.achieved.compareTo(milestone.targetQuantity.multiply(new BigDecimal("0.95"))) >= 0;
            // a ceiling is only known to hold at the due date: the supervision sweep decides it then (Supervision)
            case AT_MOST -> false;
        };
    }

    /** The report as announced, with its metrics: they change milestones, which the task snapshot does not carry. */
    private static ProgressSnapshot snapshot(ProgressReport report, List<MetricValue> metrics, List<UUID> declared) {
        return new ProgressSnapshot(report.id, report.period, report.reportedBy, report.reportedAt)
                .agencyId(report.agencyId).percent(report.percent).text(report.text)
                .metrics(metrics.isEmpty() ? null
                        : metrics.stream().map(m -> new ProgressMetric(m.getMilestoneId(), m.getValue())).toList())
                .achievedMilestoneIds(declared.isEmpty() ? null : declared);
    }

    private String write(List<?> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
