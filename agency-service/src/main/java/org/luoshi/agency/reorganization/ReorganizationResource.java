package org.luoshi.agency.reorganization;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import org.luoshi.agency.api.ReorganizationsApi;
import org.luoshi.agency.api.model.ReorganizationCreate;
import org.luoshi.agency.naming.NameResolver;
import org.luoshi.platform.idempotency.Idempotency;
import org.luoshi.platform.security.Roles;

/** HTTP mapping of reorganizations: admins only. */
public class ReorganizationResource implements ReorganizationsApi {

    private final ReorganizationService service;

    private final Idempotency idempotency;
    private final NameResolver names;

    public ReorganizationResource(ReorganizationService service, Idempotency idempotency, NameResolver names) {
        this.idempotency = idempotency;
        this.service = service;
        this.names = names;
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public CompletionStage<Response> applyReorganization(ReorganizationCreate request, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "applyReorganization", request, () -> service.apply(request)
                .map(applied -> Response.created(URI.create("/api/v1/reorganizations/" + applied.getId())).entity(applied).build()))
                // under an Idempotency-Key the change commits with the key's outcome, after the service dropped the
                // name index: dropped again once committed, or a resolution in between rebuilds it from before
                .invoke(names::invalidate)
                .subscribeAsCompletionStage();
    }
}
