package org.luoshi.agency.curation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A spelling no agency matched in a jurisdiction, and how often tasks cited it. */
@Entity
@Table(name = "unresolved_name")
public class UnresolvedName extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String MAPPED = "MAPPED";

    @Id
    public UUID id;

    /** The comparison key (ChineseText.nameKey): spellings differing only in script, spaces or brackets meet here. */
    @Column(name = "name_key", nullable = false)
    public String nameKey;

    @Column(name = "raw_name", nullable = false)
    public String rawName;

    @Column(nullable = false)
    public String jurisdiction;

    @Column(nullable = false)
    public long occurrences;

    @Column(nullable = false)
    public String status;

    @Column(name = "agency_id")
    public UUID agencyId;

    @Column(name = "last_task_id")
    public UUID lastTaskId;

    @Column(name = "first_seen_at", nullable = false)
    public OffsetDateTime firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public OffsetDateTime lastSeenAt;
}
