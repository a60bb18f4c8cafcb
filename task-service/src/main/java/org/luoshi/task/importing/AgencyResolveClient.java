package org.luoshi.task.importing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.luoshi.agency.api.model.ResolveBatch;
import org.luoshi.agency.api.model.ResolveBatchResult;

/**
 * agency-service's batch resolve, with the types of its contract. The Authorization passed in is the importing user's;
 * {@link AgencyServiceAuthorization} replaces it with task-service's own token unless configured to propagate it.
 */
@RegisterRestClient(configKey = "agency-service")
@RegisterClientHeaders(AgencyServiceAuthorization.class)
@Path("/api/v1/agencies/resolve")
public interface AgencyResolveClient {

    @POST
    Uni<ResolveBatchResult> resolve(ResolveBatch batch, @HeaderParam("Authorization") String authorization);

    /**
     * The answer read leniently, unlike the requests task-service takes: a field a newer agency-service adds (as
     * memberRule was) is passed over, so that the services can be upgraded in either order.
     */
    @ClientObjectMapper
    static ObjectMapper answers(ObjectMapper defaults) {
        return defaults.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
