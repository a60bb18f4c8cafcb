package org.luoshi.task.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

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
}
