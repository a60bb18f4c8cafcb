package org.luoshi.task.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.luoshi.platform.idempotency.Idempotency;
import org.luoshi.platform.security.Roles;
import org.luoshi.task.api.SupervisionApi;
import org.luoshi.task.api.model.MilestoneAssessmentCreate;
import org.luoshi.task.api.model.MilestoneReschedule;
import org.luoshi.task.milestone.MilestoneDecisions;
import org.luoshi.task.milestone.MilestoneMapper;

/** HTTP mapping of supervision: statistics, and supervisors' decisions on milestones (verdicts, new due dates). */
public class SupervisionResource implements SupervisionApi {

    private final Statistics statistics;
    private final MilestoneDecisions decisions;
    private final MilestoneMapper milestones;
    private final Idempotency idempotency;

    public SupervisionResource(Statistics statistics, MilestoneDecisions decisions, MilestoneMapper milestones,
            Idempotency idempotency) {
        this.statistics = statistics;
        this.decisions = decisions;
        this.milestones = milestones;
        this.idempotency = idempotency;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public CompletionStage<Response> assessMilestone(UUID id, MilestoneAssessmentCreate request, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "assessMilestone " + id, request, () -> decisions.assess(id, request)
                .map(m -> Response.ok(milestones.toApi(m)).build())).subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public CompletionStage<Response> rescheduleMilestone(UUID id, MilestoneReschedule request, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "rescheduleMilestone " + id, request, () -> decisions.reschedule(id, request)
                .map(m -> Response.ok(milestones.toApi(m)).build())).subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.INTEGRATOR, Roles.OFFICER})
    public CompletionStage<Response> taskStatistics(String groupBy, UUID documentId, Boolean keyTask) {
        return statistics.compute(groupBy, documentId, keyTask)
                .map(rows -> Response.ok(new org.luoshi.task.api.model.Statistics(groupBy, statistics.today(), rows)).build())
                .subscribeAsCompletionStage();
    }
}
