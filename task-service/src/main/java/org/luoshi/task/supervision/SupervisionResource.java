package org.luoshi.task.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.luoshi.platform.security.Roles;
import org.luoshi.task.api.SupervisionApi;

/** HTTP mapping of supervision statistics. */
public class SupervisionResource implements SupervisionApi {

    private final Statistics statistics;

    public SupervisionResource(Statistics statistics) {
        this.statistics = statistics;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.INTEGRATOR, Roles.OFFICER})
    public CompletionStage<Response> taskStatistics(String groupBy, UUID documentId, Boolean keyTask) {
        return statistics.compute(groupBy, documentId, keyTask)
                .map(rows -> Response.ok(new org.luoshi.task.api.model.Statistics(groupBy, statistics.today(), rows)).build())
                .subscribeAsCompletionStage();
    }
}
