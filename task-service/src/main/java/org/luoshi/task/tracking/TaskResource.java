package org.luoshi.task.tracking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.luoshi.platform.idempotency.Idempotency;
import org.luoshi.platform.security.Roles;
import org.luoshi.platform.text.ChineseText;
import org.luoshi.task.api.TasksApi;
import org.luoshi.task.api.model.AssignmentsReplace;
import org.luoshi.task.api.model.AssignmentRole;
import org.luoshi.task.api.model.Health;
import org.luoshi.task.api.model.MilestoneCreate;
import org.luoshi.task.api.model.ProgressCreate;
import org.luoshi.task.api.model.ProgressList;
import org.luoshi.task.api.model.ReminderCreate;
import org.luoshi.task.api.model.ReminderList;
import org.luoshi.task.api.model.TaskPage;
import org.luoshi.task.api.model.TaskPatch;
import org.luoshi.task.api.model.TaskStatus;
import org.luoshi.task.milestone.MilestoneMapper;
import org.luoshi.task.milestone.Milestones;
import org.luoshi.task.progress.ProgressReport;
import org.luoshi.task.progress.ProgressService;
import org.luoshi.task.progress.Reminder;
import org.luoshi.task.progress.ReminderService;

/** HTTP mapping of tasks; paths and parameters come from the contract's generated interface. */
public class TaskResource implements TasksApi {

    private final TaskService service;
    private final TaskMapper mapper;

    private final ProgressService progress;
    private final ReminderService reminders;
    private final Milestones milestones;
    private final MilestoneMapper milestoneMapper;
    private final Idempotency idempotency;

    public TaskResource(TaskService service, TaskMapper mapper, ProgressService progress, ReminderService reminders,
            Milestones milestones, MilestoneMapper milestoneMapper, Idempotency idempotency) {
        this.service = service;
        this.mapper = mapper;
        this.progress = progress;
        this.reminders = reminders;
        this.milestones = milestones;
        this.milestoneMapper = milestoneMapper;
        this.idempotency = idempotency;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR})
    public CompletionStage<Response> getTask(UUID id) {
        return service.get(id)
                .map(view -> Response.ok(mapper.toApi(view)).tag(String.valueOf(view.task().version)).build())
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR})
    public CompletionStage<Response> listTasks(UUID documentId, UUID agencyId, TaskStatus status, String category,
            Boolean keyTask, Boolean includeDescendants, AssignmentRole role, Health health, LocalDate dueBefore, String q, String after,
            Integer limit) {
        // titles are stored simplified with Chinese punctuation: a traditional or spaced keyword finds them too
        String keyword = q == null || q.isBlank() ? null : ChineseText.withChinesePunctuation(ChineseText.simplified(q).strip());
        TaskFilter filter = new TaskFilter(documentId, agencyId, Boolean.TRUE.equals(includeDescendants), role, status, health,
                dueBefore, blankToNull(category), keyTask, keyword);
        return service.search(filter, after, limit == null ? 50 : limit)
                .map(page -> Response.ok(new TaskPage(page.items().stream().map(mapper::toApi).toList()).next(page.next()))
                        .build())
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER})
    public CompletionStage<Response> updateTask(UUID id, TaskPatch taskPatch, String ifMatch) {
        return service.update(id, ifMatch, taskPatch)
                .map(view -> Response.ok(mapper.toApi(view)).tag(String.valueOf(view.task().version)).build())
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public CompletionStage<Response> replaceAssignments(UUID id, AssignmentsReplace request, String ifMatch) {
        return service.replaceAssignments(id, ifMatch, request.getAssignments())
                .map(view -> Response.ok(mapper.toApi(view)).tag(String.valueOf(view.task().version)).build())
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER})
    public CompletionStage<Response> reportProgress(UUID id, ProgressCreate request, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "reportProgress " + id, request, () -> progress.report(id, request)
                .map(report -> Response.created(URI.create("/api/v1/tasks/" + id + "/progress")).entity(toApi(report)).build()))
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR})
    public CompletionStage<Response> listProgress(UUID id) {
        return progress.of(id)
                .map(reports -> Response.ok(new ProgressList(reports.stream().map(this::toApi).toList())).build())
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public CompletionStage<Response> addMilestone(UUID id, MilestoneCreate request, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "addMilestone " + id, request, () -> service.addMilestone(id, request)
                .map(milestone -> Response.created(URI.create("/api/v1/tasks/" + id)).entity(milestoneMapper.toApi(milestone))
                        .build()))
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public CompletionStage<Response> issueReminder(UUID id, ReminderCreate request, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "issueReminder " + id, request, () -> reminders.issue(id, request)
                .map(reminder -> Response.created(URI.create("/api/v1/tasks/" + id + "/reminders")).entity(toApi(reminder))
                        .build()))
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR})
    public CompletionStage<Response> listReminders(UUID id) {
        return reminders.of(id)
                .map(list -> Response.ok(new ReminderList(list.stream().map(this::toApi).toList())).build())
                .subscribeAsCompletionStage();
    }

    private org.luoshi.task.api.model.ProgressReport toApi(ProgressReport report) {
        return new org.luoshi.task.api.model.ProgressReport(report.id, report.taskId, report.period, report.text,
                progress.metrics(report), report.reportedBy, report.reportedAt)
                .agencyId(report.agencyId).percent(report.percent)
                .achievedMilestoneIds(progress.achievedMilestones(report));
    }

    private org.luoshi.task.api.model.Reminder toApi(Reminder reminder) {
        return new org.luoshi.task.api.model.Reminder(reminder.id, reminder.taskId, reminders.recipients(reminder),
                reminder.message, reminder.issuedBy, reminder.issuedAt).respondBy(reminder.respondBy);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
