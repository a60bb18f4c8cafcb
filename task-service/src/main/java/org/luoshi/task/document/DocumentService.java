package org.luoshi.task.document;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.luoshi.events.model.DocumentEvent;
import org.luoshi.task.api.model.DocumentCreate;
import org.luoshi.task.milestone.Milestones;
import org.luoshi.platform.http.Cursor;
import org.luoshi.platform.outbox.Outbox;
import org.luoshi.platform.problem.ProblemException;
import org.luoshi.platform.security.CurrentActor;
import org.luoshi.task.tracking.TaskService;

/**
 * Registering, reading and superseding policy documents; each change and its event commit together. Only one
 * current (not superseded) document may carry a docNumber.
 */
@ApplicationScoped
public class DocumentService {

    public static final String TOPIC = "task.events";

    /** The cursor key of a document without 成文日期: those come last. */
    private static final String UNDATED = "undated";

    private final DocumentMapper mapper;
    private final Milestones milestones;
    private final TaskService tasks;
    private final Outbox outbox;
    private final CurrentActor actor;

    public DocumentService(DocumentMapper mapper, Milestones milestones, TaskService tasks, Outbox outbox, CurrentActor actor) {
        this.mapper = mapper;
        this.milestones = milestones;
        this.tasks = tasks;
        this.outbox = outbox;
        this.actor = actor;
    }

    @WithTransaction
    public Uni<DocumentView> register(DocumentCreate request) {
        PolicyDocument document = new PolicyDocument();
        document.id = UUID.randomUUID();
        document.docNumber = ProblemException.requireText("docNumber", request.getDocNumber());
        document.title = ProblemException.requireText("title", request.getTitle());
        document.issuerId = request.getIssuerId();
        document.jurisdiction = request.getJurisdiction();
        document.issuedOn = request.getIssuedOn();
        document.publishedOn = request.getPublishedOn();
        document.implementsDocNumber = request.getImplements() == null ? null : request.getImplements().strip();
        document.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return PolicyDocument.count("docNumber = ?1 and supersededBy is null", document.docNumber)
                .flatMap(existing -> {
                    if (existing > 0) {
                        throw ProblemException.conflict("a document numbered " + document.docNumber + " is already registered");
                    }
                    return document.persist();
                })
                .flatMap(saved -> milestones.addToDocument(document.id, request.getMilestones()))
                .flatMap(saved -> Panache.flush())
                .flatMap(flushed -> outbox.append(TOPIC, "document", document.id, "DocumentRegistered",
                        new DocumentEvent(mapper.toSnapshot(document)).actor(actor.get())))
                .flatMap(appended -> view(document));
    }

    /** The current document numbered {@code docNumber}, or null. Call inside a session. */
    public Uni<PolicyDocument> current(String docNumber) {
        return PolicyDocument.<PolicyDocument>find("docNumber = ?1 and supersededBy is null", docNumber).firstResult();
    }

    /**
     * Marks {@code previous} as superseded by the document {@code replacement} (about to be stored in the same
     * transaction) and cancels its open tasks; announces DocumentSuperseded after their TaskStatusChanged events. The
     * change is flushed, so the replacement may take the docNumber at once. Call inside the caller's transaction.
     *
     * @return the number of tasks cancelled
     */
    public Uni<Integer> supersede(PolicyDocument previous, UUID replacement) {
        // locked before its open tasks are listed: a task being added to it (which reads it FOR SHARE) commits first
        // and is listed, or sees the replacement and is refused
        return Panache.getSession().flatMap(session -> session.lock(previous, LockModeType.PESSIMISTIC_WRITE))
                .invoke(() -> {
                    previous.supersededBy = replacement;
                    previous.supersededAt = OffsetDateTime.now(ZoneOffset.UTC);
                })
                .flatMap(locked -> tasks.cancelOpen(previous.id))
                .flatMap(cancelled -> Panache.flush()
                        .flatMap(flushed -> outbox.append(TOPIC, "document", previous.id, "DocumentSuperseded",
                                new DocumentEvent(mapper.toSnapshot(previous)).taskCount(cancelled).actor(actor.get())))
                        .replaceWith(cancelled));
    }

    @WithSession
    public Uni<DocumentView> get(UUID id) {
        return PolicyDocument.<PolicyDocument>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("document", id))
                .flatMap(this::view);
    }

    @WithSession
    public Uni<Page> list(String jurisdiction, String text, String after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (jurisdiction != null) {
            where.add("jurisdiction = :jurisdiction");
            parameters.and("jurisdiction", jurisdiction);
        }
        if (text != null && !text.isBlank()) {
            where.add("(title like :text or docNumber like :text)");
            parameters.and("text", "%" + text.strip() + "%");
        }
        // newest issued first, undated documents last; the id breaks ties so that keyset pages neither skip nor repeat
        Cursor cursor = Cursor.decode(after);
        if (cursor != null && cursor.key().equals(UNDATED)) {
            where.add("(issuedOn is null and id < :afterId)");
            parameters.and("afterId", cursor.id());
        } else if (cursor != null) {
            where.add("(issuedOn < :afterIssued or (issuedOn = :afterIssued and id < :afterId) or issuedOn is null)");
            parameters.and("afterIssued", cursor.dateKey()).and("afterId", cursor.id());
        }
        String query = (String.join(" and ", where) + " order by issuedOn desc nulls last, id desc").strip();
        // range is inclusive: limit + 1 rows, the last only telling whether a next page exists
        return PolicyDocument.<PolicyDocument>find(query, parameters).range(0, limit).list()
                .flatMap(rows -> viewPage(rows, limit));
    }

    private Uni<Page> viewPage(List<PolicyDocument> rows, int limit) {
        boolean more = rows.size() > limit;
        List<PolicyDocument> items = more ? rows.subList(0, limit) : rows;
        PolicyDocument last = items.isEmpty() ? null : items.get(items.size() - 1);
        String next = more ? new Cursor(last.issuedOn == null ? UNDATED : last.issuedOn.toString(), last.id).encode() : null;
        Uni<List<DocumentView>> views = Uni.createFrom().item(new ArrayList<>());
        for (PolicyDocument document : items) {
            views = views.flatMap(list -> view(document).map(v -> {
                list.add(v);
                return list;
            }));
        }
        return views.map(list -> new Page(list, next));
    }

    private Uni<DocumentView> view(PolicyDocument document) {
        return milestones.ofDocument(document.id)
                .flatMap(goals -> org.luoshi.task.tracking.Task.count("documentId", document.id)
                        .flatMap(count -> implemented(document)
                                .map(implemented -> new DocumentView(document, goals, count.intValue(), implemented))));
    }

    /** The current document under the number this one implements, when it is stored here. */
    private static Uni<UUID> implemented(PolicyDocument document) {
        if (document.implementsDocNumber == null) {
            return Uni.createFrom().nullItem();
        }
        return PolicyDocument.<PolicyDocument>find("docNumber = ?1 and supersededBy is null", document.implementsDocNumber)
                .firstResult().map(found -> found == null ? null : found.id);
    }

    /** A page of documents and the cursor of the next one (null on the last). */
    public record Page(List<DocumentView> items, String next) {
    }
}
