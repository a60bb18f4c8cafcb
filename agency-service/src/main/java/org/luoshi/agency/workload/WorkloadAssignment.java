package org.luoshi.agency.workload;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One unit assigned to a task in one role. */
@Entity
@Table(name = "task_workload_assignment")
public class WorkloadAssignment extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public static WorkloadAssignment of(Key key) {
        WorkloadAssignment assignment = new WorkloadAssignment();
        assignment.key = key;
        return assignment;
    }

    @Embeddable
    public record Key(@Column(name = "task_id") UUID taskId,
            @Column(name = "agency_id") UUID agencyId,
            @Column(name = "role") String role) implements Serializable {
    }
}
