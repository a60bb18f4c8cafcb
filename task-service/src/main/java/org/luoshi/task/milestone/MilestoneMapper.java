package org.luoshi.task.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import org.luoshi.task.api.model.MilestoneAssessment;
import org.luoshi.task.api.model.Target;

@ApplicationScoped
public class MilestoneMapper {

    public org.luoshi.task.api.model.Milestone toApi(Milestone m) {
        var milestone = new org.luoshi.task.api.model.Milestone(m.id, m.title, m.dueDate, m.status).achieved(m.achieved);
        if (m.targetQuantity != null) {
            milestone.target(new Target(m.targetQuantity, m.targetComparator).unit(m.targetUnit).max(m.targetMax));
        }
        if (m.assessedAt != null) {
            milestone.assessment(new MilestoneAssessment(m.assessmentNote, m.assessedBy, m.assessedAt));
        }
        return milestone;
    }
}
