package org.luoshi.task.importing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.luoshi.events.model.Actor;
import org.luoshi.events.model.DocumentEvent;
import org.luoshi.events.model.TaskEvent;
import org.luoshi.events.model.UnresolvedReference;
import org.luoshi.platform.outbox.Outbox;
import org.luoshi.task.api.model.AssignmentKind;
import org.luoshi.task.document.DocumentMapper;
import org.luoshi.task.document.DocumentService;
import org.luoshi.task.document.PolicyDocument;
import org.luoshi.task.tracking.Assignment;
import org.luoshi.task.tracking.TaskEvents;
import org.luoshi.task.tracking.TaskMapper;
import org.luoshi.task.tracking.TaskView;

/**
 * The events of one import, appended together in the import's transaction: DocumentImported, then per task TaskCreated
 * and its unresolved names.
 */
@ApplicationScoped
public class ImportEvents {

    private final Outbox outbox;
    private final DocumentMapper documents;
    private final TaskMapper tasks;
    private final TaskEvents events;

    public ImportEvents(Outbox outbox, DocumentMapper documents, TaskMapper tasks, TaskEvents events) {
        this.outbox = outbox;
        this.documents = documents;
        this.tasks = tasks;
        this.events = events;
    }

    /** @param supersedes the document this import replaced, or null */
    public Uni<Void> imported(PolicyDocument document, List<TaskView> views, String jurisdiction, UUID supersedes) {
        Actor actor = events.actor();
        List<Outbox.Pending> pending = new ArrayList<>(views.size() + 1);
        pending.add(new Outbox.Pending(DocumentService.TOPIC, "document", document.id, "DocumentImported",
                new DocumentEvent(documents.toSnapshot(document)).taskCount(views.size()).supersedes(supersedes).actor(actor)));
        for (TaskView view : views) {
            pending.add(TaskEvents.pending("TaskCreated", view.task().id, new TaskEvent(tasks.toSnapshot(view)).actor(actor)));
            for (Assignment assignment : view.assignments()) {
                if (assignment.agencyId == null && assignment.kind == AssignmentKind.AGENCY) {
                    UnresolvedReference reference = new UnresolvedReference(view.task().id, document.id, assignment.rawName,
                            jurisdiction, UnresolvedReference.RoleEnum.fromValue(assignment.role.toString()))
                            .seq(view.task().seq).actor(actor);
                    pending.add(TaskEvents.pending("AgencyReferenceUnresolved", view.task().id, reference));
                }
            }
        }
        return outbox.appendAll(pending);
    }
}
