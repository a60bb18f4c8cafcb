package org.luoshi.agency.registry;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.luoshi.agency.api.model.AgencyStatus;
import org.luoshi.agency.api.model.Classification;
import org.luoshi.agency.api.model.Level;

/** A responsible unit (org:Organization / Popolo Organization). */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "short_name")
    public String shortName;

    @Convert(converter = JsonColumns.Names.class)
    @Column(name = "other_names", nullable = false)
    public List<NameEntry> otherNames = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Classification classification;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Column(name = "parent_id")
    public UUID parentId;

    @Convert(converter = JsonColumns.Identifiers.class)
    @Column(nullable = false)
    public List<IdentifierEntry> identifiers = new ArrayList<>();

    @Column(name = "founding_date")
    public LocalDate foundingDate;

    @Column(name = "dissolution_date")
    public LocalDate dissolutionDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgencyStatus status;

    @Convert(converter = JsonColumns.Ids.class)
    @Column(name = "successor_ids", nullable = false)
    public List<UUID> successorIds = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Another name of the agency and what kind of name it is (SHORT, FORMER, VARIANT). */
    public record NameEntry(String name, String kind) {
    }

    /** An identifier in some scheme, e.g. a unified social credit code. */
    public record IdentifierEntry(String scheme, String identifier) {
    }
}
