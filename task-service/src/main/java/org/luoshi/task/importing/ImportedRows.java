package org.luoshi.task.importing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.luoshi.platform.sql.BulkInsert;
import org.luoshi.task.document.PolicyDocument;
import org.luoshi.task.milestone.Milestone;
import org.luoshi.task.tracking.Assignment;
import org.luoshi.task.tracking.Task;

/**
 * An import's new rows, written with one INSERT per table whatever the number of tasks (through the ORM each row was
 * its own statement, and an import of a thousand tasks wrote some five thousand). The columns are those the entities
 * map; what the rows hold is checked by reading imported documents back through the API in the import tests.
 */
final class ImportedRows {

    private static final BulkInsert DOCUMENTS = BulkInsert.into("policy_document", "id uuid", "doc_number text",
            "title text", "jurisdiction text", "issued_on date", "published_on date", "implements_doc_number text",
            "source_file text", "source_sha256 text", "version bigint", "created_at timestamptz");
    private static final BulkInsert TASKS = BulkInsert.into("task", "id uuid", "document_id uuid", "seq text",
            "parent_id uuid", "category text", "title text", "content text", "source_text text", "status text",
            "key_task boolean", "review_required boolean", "stale boolean", "version bigint", "created_at timestamptz", "updated_at timestamptz");
    private static final BulkInsert ASSIGNMENTS = BulkInsert.into("task_assignment", "task_id uuid", "position int",
            "agency_id uuid", "raw_name text", "kind text", "role text", "member_rule text", "member_jurisdiction text");
    private static final BulkInsert MEMBERS = BulkInsert.into("task_assignment_member", "task_id uuid", "position int",
            "agency_id uuid");
    private static final BulkInsert MILESTONES = BulkInsert.into("milestone", "id uuid", "document_id uuid", "task_id uuid",
            "title text", "due_date date", "target_quantity numeric", "target_unit text", "target_comparator text",
            "target_max numeric", "status text");

    private ImportedRows() {
    }

    /**
     * Inserts the document and its rows in the caller's transaction, after the session's pending changes (a superseded
     * document) are flushed; parents come before their sub-tasks in {@code tasks}.
     */
    static Uni<Void> insert(PolicyDocument document, List<Task> tasks, List<Assignment> assignments,
            List<Milestone> milestones) {
        BulkInsert.Rows documentRows = DOCUMENTS.rows().add(document.id, document.docNumber, document.title,
                document.jurisdiction, document.issuedOn, document.publishedOn, document.implementsDocNumber,
                document.sourceFile, document.sourceSha256, document.version, document.createdAt);
        BulkInsert.Rows taskRows = TASKS.rows();
        tasks.forEach(t -> taskRows.add(t.id, t.documentId, t.seq, t.parentId, t.category, t.title, t.content, t.sourceText,
                t.status, t.keyTask, t.reviewRequired, t.stale, t.version, t.createdAt, t.updatedAt));
        BulkInsert.Rows assignmentRows = ASSIGNMENTS.rows();
        BulkInsert.Rows memberRows = MEMBERS.rows();
        for (Assignment a : assignments) {
            assignmentRows.add(a.key.taskId(), a.key.position(), a.agencyId, a.rawName, a.kind, a.role, a.memberRule,
                    a.memberJurisdiction);
            a.memberIds.forEach(member -> memberRows.add(a.key.taskId(), a.key.position(), member));
        }
        BulkInsert.Rows milestoneRows = MILESTONES.rows();
        milestones.forEach(m -> milestoneRows.add(m.id, m.documentId, m.taskId, m.title, m.dueDate, m.targetQuantity,
                m.targetUnit, m.targetComparator, m.targetMax, m.status));
        return Panache.getSession().flatMap(session -> session.flush()
                .flatMap(x -> documentRows.insert(session))
                .flatMap(x -> taskRows.insert(session))
                .flatMap(x -> assignmentRows.insert(session))
                .flatMap(x -> memberRows.insert(session))
                .flatMap(x -> milestoneRows.insert(session))
                .replaceWithVoid());
    }
}
