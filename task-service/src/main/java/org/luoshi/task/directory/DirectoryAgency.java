package org.luoshi.task.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** task-service's replica of one agency, as last announced on agency.events. */
@Entity
@Table(name = "directory_agency")
public class DirectoryAgency extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public String classification;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Column(nullable = false)
    public String status;

    /** JSON array of successor ids, as the snapshot gave it. */
    @Column(name = "successor_ids", nullable = false)
    public String successorIds;

    /** The agency's own version in agency-service: older snapshots never overwrite newer ones. */
    @Column(nullable = false)
    public long version;

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Whether the agency has ended (a reorganization or a dissolution) as last announced. */
    public boolean ended() {
        return !"ACTIVE".equals(status);
    }

    /** The successors, in the order the snapshot gave them. */
    public List<UUID> successors() {
        List<UUID> successors = new ArrayList<>();
        Matcher id = UUID_TEXT.matcher(successorIds == null ? "" : successorIds);
        while (id.find()) {
            successors.add(UUID.fromString(id.group()));
        }
        return successors;
    }
}
