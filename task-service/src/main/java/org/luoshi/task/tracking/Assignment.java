package org.luoshi.task.tracking;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.luoshi.task.api.model.AssignmentKind;
import org.luoshi.task.api.model.AssignmentRole;

/** A responsible unit of a task, in the order the document lists it. */
@Entity
@Table(name = "task_assignment")
public class Assignment extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "agency_id")
    public UUID agencyId;

    @Column(name = "raw_name")
    public String rawName;

    /** The unit first assigned, when a reorganization moved this assignment to its successor. */
    @Column(name = "former_agency_id")
    public UUID formerAgencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentRole role;

    /**
     * How a GROUP's members are found (JSON of a {@link org.luoshi.common.model.MemberRule}, see {@link MemberRules}), or
     * null: the members stay as given.
     */
    @Column(name = "member_rule")
    public String memberRule;

    /** The rule's jurisdiction apart (GB/T 2260), by which the groups a unit may belong to are found. */
    @Column(name = "member_jurisdiction")
    public String memberJurisdiction;

    /** Keeps the group's rule for its members, or none. */
    public void memberRule(org.luoshi.common.model.MemberRule rule) {
        memberRule = MemberRules.write(rule);
        memberJurisdiction = rule == null ? null : rule.getJurisdiction();
    }

    /** A GROUP's member agencies, stored as {@link AssignmentMember} rows; filled when tasks are loaded. */
    @Transient
    public List<UUID> memberIds = List.of();

    /** The agencies carrying the task through this assignment: its own agency, or the members of its group. */
    public Stream<UUID> agencies() {
        return Stream.concat(Stream.ofNullable(agencyId), memberIds.stream());
    }

    @Embeddable
    public record Key(@Column(name = "task_id") UUID taskId, @Column(name = "position") int position)
            implements Serializable {
    }
}
