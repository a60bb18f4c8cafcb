package org.luoshi.task.progress;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 催办: a supervisor's reminder to the units responsible for a task. */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    /** JSON array of agency ids. */
    @Column(name = "agency_ids", nullable = false)
    public String agencyIds;

    @Column(nullable = false)
    public String message;

    @Column(name = "respond_by")
    public LocalDate respondBy;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;
}
