package org.luoshi.task.tracking;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.luoshi.task.api.model.TaskStatus;

/** One numbered task of a document (or a sub-item of one). */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    @Column(nullable = false)
    public String seq;

    @Column(name = "parent_id")
    public UUID parentId;

    public String category;

    @Column(nullable = false)
    public String title;

    public String content;

    @Column(name = "source_text")
    public String sourceText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    /** A key task (重点任务): marked ★ or ☆ in the plan, or so set. */
    @Column(name = "key_task", nullable = false)
    public boolean keyTask;

    /** Set when a reorganization split an assigned unit. */
    @Column(name = "review_required", nullable = false)
    public boolean reviewRequired;

    @Version
    public long version;

    @Column(name = "last_progress_at")
    public OffsetDateTime lastProgressAt;

    /** Open and without progress for too long; maintained by the supervision sweep. */
    @Column(nullable = false)
    public boolean stale;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
