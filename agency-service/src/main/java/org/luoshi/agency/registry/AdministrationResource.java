package org.luoshi.agency.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.luoshi.agency.api.AdministrationApi;
import org.luoshi.agency.api.model.Republished;
import org.luoshi.platform.security.Roles;

/** Administrative operations on the registry. */
public class AdministrationResource implements AdministrationApi {

    private final SnapshotRepublisher republisher;

    public AdministrationResource(SnapshotRepublisher republisher) {
        this.republisher = republisher;
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public CompletionStage<Response> republishAgencySnapshots() {
        return republisher.republishAll()
                .map(count -> Response.accepted(new Republished(count)).build())
                .subscribeAsCompletionStage();
    }
}
