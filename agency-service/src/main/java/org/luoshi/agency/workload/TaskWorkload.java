package org.luoshi.agency.workload;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A task as agency-service knows it from task.events: enough to count who carries what. */
@Entity
@Table(name = "task_workload")
public class TaskWorkload extends PanacheEntityBase {

    @Id
    @Column(name = "task_id")
    public UUID taskId;

    @Column(nullable = false)
    public String status;

    @Column(name = "due_date")
    public LocalDate dueDate;

    /** The task's version in task-service; an older snapshot never overwrites a newer one. */
    @Column(nullable = false)
    public long version;
}
