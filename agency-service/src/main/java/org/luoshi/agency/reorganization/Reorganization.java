package org.luoshi.agency.reorganization;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.luoshi.agency.registry.JsonColumns;

/** A reorganization (机构改革): which agencies it ended or changed, which it resulted in, from when and on what basis. */
@Entity
@Table(name = "reorganization")
public class Reorganization extends PanacheEntityBase {

    /** RENAME, MERGE, SPLIT, DISSOLVE, MOVE. */
    public enum Type { RENAME, MERGE, SPLIT, DISSOLVE, MOVE }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    public String basis;

    @Convert(converter = JsonColumns.Ids.class)
    @Column(name = "original_ids", nullable = false)
    public List<UUID> originalIds;

    @Convert(converter = JsonColumns.Ids.class)
    @Column(name = "resulting_ids", nullable = false)
    public List<UUID> resultingIds;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
