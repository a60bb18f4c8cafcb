package org.luoshi.task.tracking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.luoshi.platform.security.Roles;
import org.luoshi.task.api.TasksApi;
import org.luoshi.task.api.model.TaskPage;
import org.luoshi.task.api.model.TaskPatch;
import org.luoshi.task.api.model.TaskStatus;

/** HTTP mapping of tasks; paths and parameters come from the contract's generated interface. */
public class TaskResource implements TasksApi {

    private final TaskService service;
    private final TaskMapper mapper;

    public TaskResource(TaskService service, TaskMapper mapper) {
        this.service = service;
        this.mapper = mapper;
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
            String q, String after, Integer limit) {
        TaskFilter filter = new TaskFilter(documentId, agencyId, status, blankToNull(category), blankToNull(q));
        return service.search(filter, after, limit == null ? 50 : limit)
                .map(page -> Response.ok(new TaskPage(page.items().stream().map(mapper::toApi).toList()).next(page.next()))
                        .build())
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public CompletionStage<Response> updateTask(UUID id, TaskPatch taskPatch, String ifMatch) {
        return service.update(id, ifMatch, taskPatch)
                .map(view -> Response.ok(mapper.toApi(view)).tag(String.valueOf(view.task().version)).build())
                .subscribeAsCompletionStage();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
