package org.luoshi.agency.curation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.luoshi.agency.api.CurationApi;
import org.luoshi.agency.api.model.NameMapping;
import org.luoshi.agency.api.model.UnresolvedNamePage;
import org.luoshi.agency.api.model.UnresolvedNameStatus;
import org.luoshi.platform.security.Roles;

/** HTTP mapping of the curation queue. */
public class CurationResource implements CurationApi {

    private final CurationService service;

    public CurationResource(CurationService service) {
        this.service = service;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public CompletionStage<Response> listUnresolvedNames(UnresolvedNameStatus status, String jurisdiction, String after,
            Integer limit) {
        return service.list(status == null ? null : status.toString(), jurisdiction, after, limit == null ? 50 : limit)
                .map(page -> Response.ok(new UnresolvedNamePage(page.items().stream().map(CurationResource::toApi).toList())
                        .next(page.next())).build())
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public CompletionStage<Response> mapUnresolvedName(UUID id, NameMapping mapping) {
        return service.map(id, mapping.getAgencyId())
                .map(name -> Response.ok(toApi(name)).build())
                .subscribeAsCompletionStage();
    }

    static org.luoshi.agency.api.model.UnresolvedName toApi(UnresolvedName name) {
        return new org.luoshi.agency.api.model.UnresolvedName(name.id, name.rawName, name.jurisdiction, name.occurrences,
                UnresolvedNameStatus.fromValue(name.status), name.firstSeenAt, name.lastSeenAt)
                .agencyId(name.agencyId)
                .lastTaskId(name.lastTaskId);
    }
}
