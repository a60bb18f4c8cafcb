package org.luoshi.task.progress;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 填报: what a responsible unit reported on a task for a period. */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "agency_id")
    public UUID agencyId;

    @Column(nullable = false)
    public String period;

    @Column(nullable = false)
    public String text;

    public Integer percent;

    /** JSON array of {milestoneId, value}. */
    @Column(nullable = false)
    public String metrics;

    /** JSON array of the ids of the milestones without a target that the report declared done. */
    @Column(name = "achieved_milestones", nullable = false)
    public String achievedMilestones;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;
}
