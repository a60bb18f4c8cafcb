package org.luoshi.task.milestone;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.luoshi.task.api.model.Comparator;
import org.luoshi.task.api.model.MilestoneStatus;

/** A dated goal of a task, or of a whole document when taskId is null; optionally with a numeric target. */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    @Column(name = "task_id")
    public UUID taskId;

    @Column(nullable = false)
    public String title;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "target_quantity")
    public BigDecimal targetQuantity;

    @Column(name = "target_unit")
    public String targetUnit;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_comparator")
    public Comparator targetComparator;

    @Column(name = "target_max")
    public BigDecimal targetMax;

    public BigDecimal achieved;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MilestoneStatus status;

    /** A supervisor's verdict (ACHIEVED or MISSED) and its reason; null when reports or the sweep settled it. */
    @Column(name = "assessment_note")
    public String assessmentNote;

    @Column(name = "assessed_by")
    public String assessedBy;

    @Column(name = "assessed_at")
    public OffsetDateTime assessedAt;

    /**
     * Progress reports, the supervision sweep and supervisors' verdicts all write a milestone: none may overwrite
     * another unseen.
     */
    @Version
    public long version;
}
