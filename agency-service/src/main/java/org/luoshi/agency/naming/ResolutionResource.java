package org.luoshi.agency.naming;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import org.luoshi.agency.api.ResolutionApi;
import org.luoshi.agency.api.model.ResolveBatch;
import org.luoshi.agency.api.model.ResolveBatchResult;
import org.luoshi.platform.problem.ProblemException;
import org.luoshi.platform.security.Roles;

/** HTTP mapping of name resolution, one name or a batch. */
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR, Roles.SERVICE})
public class ResolutionResource implements ResolutionApi {

    private final NameResolver resolver;

    public ResolutionResource(NameResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public CompletionStage<Response> resolveAgencyName(String name, String jurisdiction, LocalDate asOf,
            Boolean followSuccessors) {
        return resolver.resolve(name, jurisdiction, asOf, Boolean.TRUE.equals(followSuccessors))
                .flatMap(found -> found.isPresent()
                        ? Uni.createFrom().item(Response.ok(found.get()).build())
                        : resolver.suggest(name, jurisdiction).map(suggestions -> {
                            throw new ProblemException(404, "unknown-name", "No unit by that name",
                                    "no unit, group or unspecified reference named '" + name + "' in " + jurisdiction
                                            + (suggestions.isEmpty() ? "" : "; close names: " + String.join("、", suggestions)));
                        }))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Response> resolveAgencyNames(ResolveBatch batch) {
        return resolver.resolveAll(batch.getNames(), Boolean.TRUE.equals(batch.getFollowSuccessors()))
                .map(results -> Response.ok(new ResolveBatchResult(results)).build())
                .subscribeAsCompletionStage();
    }
}
