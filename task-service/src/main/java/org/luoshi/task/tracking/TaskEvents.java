package org.luoshi.task.tracking;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.luoshi.events.model.Actor;
import org.luoshi.events.model.TaskEvent;
import org.luoshi.events.model.UnresolvedReference;
import org.luoshi.platform.outbox.Outbox;
import org.luoshi.platform.security.CurrentActor;
import org.luoshi.task.document.DocumentService;

/** Writes task events to the outbox, keyed by the task id, with the actor of the change. */
@ApplicationScoped
public class TaskEvents {

    private static final String AGGREGATE = "task";

    private final Outbox outbox;
    private final CurrentActor actor;

    public TaskEvents(Outbox outbox, CurrentActor actor) {
        this.outbox = outbox;
        this.actor = actor;
    }

    /** Call inside the transaction of the change. */
    public Uni<TaskView> publish(String type, TaskView view, TaskEvent event) {
        return outbox.append(DocumentService.TOPIC, AGGREGATE, view.task().id, type, event.actor(actor.get())).replaceWith(view);
    }

    /** Any other event about a task (progress, milestones, reminders), keyed by the task id. */
    public Uni<Void> publish(String type, UUID taskId, Object data) {
        return outbox.append(DocumentService.TOPIC, AGGREGATE, taskId, type, data).replaceWithVoid();
    }

    /** A task event for {@link Outbox#appendAll}, keyed like those published one by one. */
    public static Outbox.Pending pending(String type, UUID taskId, Object data) {
        return new Outbox.Pending(DocumentService.TOPIC, AGGREGATE, taskId, type, data);
    }

    public Actor actor() {
        return actor.get();
    }

    /** AgencyReferenceUnresolved, keyed by the task that cites the name. */
    public Uni<TaskView> unresolved(TaskView view, UnresolvedReference reference) {
        return outbox.append(DocumentService.TOPIC, AGGREGATE, view.task().id, "AgencyReferenceUnresolved",
                reference.actor(actor.get())).replaceWith(view);
    }
}
