package org.luoshi.task.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.luoshi.platform.idempotency.Idempotency;
import org.luoshi.platform.security.Roles;
import org.luoshi.task.api.DocumentsApi;
import org.luoshi.task.api.model.Document;
import org.luoshi.task.api.model.DocumentCreate;
import org.luoshi.task.api.model.DocumentPage;
import org.luoshi.task.api.model.TaskCreate;
import org.luoshi.task.api.model.TaskList;
import org.luoshi.task.tracking.TaskMapper;
import org.luoshi.task.tracking.TaskService;

/** HTTP mapping of policy documents, the task lists under them and their ledgers (台账). */
public class DocumentResource implements DocumentsApi {

    private final DocumentService service;
    private final DocumentMapper mapper;
    private final TaskService tasks;
    private final TaskMapper taskMapper;

    private final Idempotency idempotency;

    public DocumentResource(DocumentService service, DocumentMapper mapper, TaskService tasks, TaskMapper taskMapper,
            Idempotency idempotency) {
        this.idempotency = idempotency;
        this.service = service;
        this.mapper = mapper;
        this.tasks = tasks;
        this.taskMapper = taskMapper;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public CompletionStage<Response> createDocument(DocumentCreate documentCreate, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "createDocument", documentCreate, () -> service.register(documentCreate)
                .map(view -> Response.created(URI.create("/api/v1/documents/" + view.document().id))
                        .tag(String.valueOf(view.document().version)).entity(mapper.toApi(view)).build()))
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR})
    public CompletionStage<Response> getDocument(UUID id) {
        return service.get(id)
                .map(view -> Response.ok(mapper.toApi(view)).tag(String.valueOf(view.document().version)).build())
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR})
    public CompletionStage<Response> listDocuments(String jurisdiction, String q, String after, Integer limit) {
        return service.list(jurisdiction, q, after, limit == null ? 50 : limit)
                .map(page -> Response.ok(new DocumentPage(page.items().stream().map(mapper::toApi).toList())
                        .next(page.next())).build())
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public CompletionStage<Response> createTask(UUID id, TaskCreate taskCreate, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "createTask " + id, taskCreate, () -> tasks.create(id, taskCreate)
                .map(view -> Response.created(URI.create("/api/v1/tasks/" + view.task().id))
                        .tag(String.valueOf(view.task().version)).entity(taskMapper.toApi(view)).build()))
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR})
    public CompletionStage<Response> exportDocumentLedger(UUID id) {
        return service.get(id).flatMap(document -> tasks.ofDocument(id).map(views -> {
                    Document api = mapper.toApi(document);
                    byte[] workbook = LedgerWorkbook.write(api, views.stream().map(taskMapper::toApi).toList());
                    String fileName = LedgerWorkbook.fileName(api);
                    return Response.ok(workbook, LedgerWorkbook.MEDIA_TYPE)
                            .header("Content-Disposition", "attachment; filename=\"ledger.xlsx\"; filename*=UTF-8''"
                                    + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                            .build();
                }))
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR})
    public CompletionStage<Response> listDocumentTasks(UUID id) {
        return tasks.ofDocument(id)
                .map(views -> Response.ok(new TaskList(views.stream().map(taskMapper::toApi).toList())).build())
                .subscribeAsCompletionStage();
    }
}
