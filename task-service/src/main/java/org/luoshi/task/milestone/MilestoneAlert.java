package org.luoshi.task.milestone;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** That a milestone crossed a threshold (DUE_SOON, OVERDUE) and was announced; the key makes it once only. */
@Entity
@Table(name = "milestone_alert")
public class MilestoneAlert extends PanacheEntityBase {

    public static final String DUE_SOON = "DUE_SOON";
    public static final String OVERDUE = "OVERDUE";

    @EmbeddedId
    public Key key;

    @Column(name = "raised_at", nullable = false)
    public OffsetDateTime raisedAt;

    @Embeddable
    public record Key(@Column(name = "milestone_id") UUID milestoneId, @Column(name = "threshold") String threshold)
            implements Serializable {
    }
}
