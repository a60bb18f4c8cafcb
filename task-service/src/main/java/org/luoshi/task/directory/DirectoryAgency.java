package org.luoshi.task.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** task-service's replica of one agency, as last announced on agency.events. */
@Entity
@Table(name = "directory_agency")
public class DirectoryAgency extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public String classification;

    /** NATIONAL, PROVINCE, PREFECTURE or COUNTY; null until the agency's first snapshot since the replica kept it. */
    public String level;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Column(nullable = false)
    public String status;

    /** JSON array of successor ids, as the snapshot gave it. */
    @Column(name = "successor_ids", nullable = false)
    public String successorIds;

    /** The day the agency was or is to be founded, as its snapshot gave it; null when not known. */
    @Column(name = "founding_date")
    public LocalDate foundingDate;

    /**
     * Whether the agency is founded for a later day than the replica took it on, and has not joined the groups whose
     * rule it meets yet: {@link FoundedUnits} joins it the day it comes.
     */
    @Column(name = "founding_pending", nullable = false)
    public boolean foundingPending;

    /**
     * JSON array of the agency's identifiers as {@code scheme:identifier} (kind:HIGHER_VOCATIONAL), as its snapshot gave
     * them; null when the replica does not know them yet.
     */
    public String identifiers;

    /** The agency's own version in agency-service: older snapshots never overwrite newer ones. */
    @Column(nullable = false)
    public long version;

    /** Whether the agency has ended (a reorganization or a dissolution) as last announced. */
    public boolean ended() {
        return !"ACTIVE".equals(status);
    }

    /** The identifiers as {@code scheme:identifier}; null when not known. */
    public java.util.Set<String> identifierSet() {
        try {
            return identifiers == null ? null : java.util.Set.copyOf(List.of(JSON.readValue(identifiers, String[].class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the identifiers of agency " + id + " are not a JSON array of strings", e);
        }
    }

    /** Keeps these identifiers ({@code scheme:identifier}; null: not known). */
    public void identifierSet(java.util.Set<String> known) {
        try {
            identifiers = known == null ? null : JSON.writeValueAsString(new java.util.TreeSet<>(known));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("identifiers are always written as JSON", e);
        }
    }

    /** The successors, in the order the snapshot gave them. */
    public List<UUID> successors() {
        try {
            return successorIds == null ? List.of() : List.of(JSON.readValue(successorIds, UUID[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the successors of agency " + id + " are not a JSON array of ids", e);
        }
    }
}
