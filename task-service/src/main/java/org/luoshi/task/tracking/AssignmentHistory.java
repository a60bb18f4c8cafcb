package org.luoshi.task.tracking;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.luoshi.task.api.model.AssignmentRole;

/** Who was assigned when: an assignment moved from a unit that ended to its successor. */
@Entity
@Table(name = "assignment_history")
public class AssignmentHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "from_agency_id", nullable = false)
    public UUID fromAgencyId;

    @Column(name = "to_agency_id", nullable = false)
    public UUID toAgencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentRole role;

    @Column(name = "reorganization_id")
    public UUID reorganizationId;

    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
