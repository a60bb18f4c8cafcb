package org.luoshi.task.importing;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.rest.client.reactive.ReactiveClientHeadersFactory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How task-service authenticates to agency-service. In production it calls as itself: a client-credentials token of its
 * own Keycloak client, cached until shortly before it expires, so that an import does not depend on the importing
 * user's token living long enough. With {@code propagate} the user's token (passed by the caller) goes on unchanged.
 */
@ApplicationScoped
public class AgencyServiceAuthorization extends ReactiveClientHeadersFactory {

    private final boolean clientCredentials;
    private final Instance<OidcClient> oidcClient;
    private final AtomicReference<Tokens> cached = new AtomicReference<>();

    public AgencyServiceAuthorization(
            @ConfigProperty(name = "luoshi.agency-service.authentication") String authentication,
            Instance<OidcClient> oidcClient) {
        if (!authentication.equals("client-credentials") && !authentication.equals("propagate")) {
            throw new IllegalArgumentException(
                    "luoshi.agency-service.authentication must be client-credentials or propagate, not " + authentication);
        }
        this.clientCredentials = authentication.equals("client-credentials");
        this.oidcClient = oidcClient;
    }

    @Override
    public Uni<MultivaluedMap<String, String>> getHeaders(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (!clientCredentials) {
            return Uni.createFrom().item(headers);
        }
        return tokens().map(tokens -> {
            headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.getAccessToken());
            return headers;
        });
    }

    private Uni<Tokens> tokens() {
        Tokens current = cached.get();
        if (current != null && !current.isAccessTokenExpired() && !current.isAccessTokenWithinRefreshInterval()) {
            return Uni.createFrom().item(current);
        }
        return oidcClient.get().getTokens().invoke(cached::set);
    }
}
