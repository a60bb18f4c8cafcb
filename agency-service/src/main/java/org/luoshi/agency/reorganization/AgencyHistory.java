package org.luoshi.agency.reorganization;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of an agency's history: what changed, from when, and the reorganization behind it. */
@Entity
@Table(name = "agency_history")
public class AgencyHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "agency_id", nullable = false)
    public UUID agencyId;

    @Column(name = "reorganization_id")
    public UUID reorganizationId;

    @Column(nullable = false)
    public String change;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    public String detail;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** Of a MOVED line: the parent the unit moved from (null: it had none), when known (lines since 2026-12-07). */
    @Column(name = "previous_parent_id")
    public UUID previousParentId;

    @Column(name = "previous_parent_known", nullable = false)
    public boolean previousParentKnown;
}
