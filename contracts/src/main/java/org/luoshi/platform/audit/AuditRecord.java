package org.luoshi.platform.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row of the audit trail. Rows are only ever inserted (a database trigger refuses updates and deletes). */
@Entity
@Table(name = "audit_entry")
public class AuditRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "actor_username")
    public String actorUsername;

    @Column(name = "actor_agency_id")
    public UUID actorAgencyId;

    @Column(nullable = false)
    public String entity;

    @Column(name = "entity_id", nullable = false)
    public String entityId;

    @Column(nullable = false)
    public String action;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "request_id")
    public String requestId;

    /** Entries written before 2026-11-23: the changes were diffed when written, {"fields": [{field, before, after}]}. */
    public static final String CHANGES_FIELD = "fields";
    /**
     * Entries written since: only the event's data beside the snapshot, {"added": [{field, after}]}; the differences
     * from the previous state are taken when the trail is read.
     */
    public static final String ADDED_FIELD = "added";

    /** A JSON object (the reactive PostgreSQL client maps jsonb to an object, not an array): see the two fields above. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String changes;

    /** JSON of the aggregate after the change, when the event carried it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String state;
}
