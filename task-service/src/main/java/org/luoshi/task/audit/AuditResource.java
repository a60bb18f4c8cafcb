package org.luoshi.task.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletionStage;
import org.luoshi.task.api.AuditApi;
import org.luoshi.platform.audit.AuditQuery;
import org.luoshi.platform.security.Roles;

/** HTTP mapping of this service's audit trail. */
public class AuditResource implements AuditApi {

    private final AuditQuery query;

    public AuditResource(AuditQuery query) {
        this.query = query;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public CompletionStage<Response> listAuditEntries(String entity, String id, String actor, OffsetDateTime from,
            OffsetDateTime to, String after, Integer limit) {
        return query.list(new AuditQuery.Filter(entity, id, actor, from, to), after, limit == null ? 50 : limit)
                .map(page -> Response.ok(page).build())
                .subscribeAsCompletionStage();
    }
}
