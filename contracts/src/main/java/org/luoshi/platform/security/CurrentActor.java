package org.luoshi.platform.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.luoshi.events.model.Actor;

/** Who is acting: the caller's token in a request, otherwise this service itself (consumers, schedulers). */
@ApplicationScoped
public class CurrentActor {

    public static final String AGENCY_CLAIM = "agency_id";

    private final String serviceName;

    public CurrentActor(@ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.serviceName = serviceName;
    }

    public Actor get() {
        SecurityIdentity identity = requestIdentity();
        if (identity == null || identity.isAnonymous()) {
            return new Actor("service:" + serviceName).username(serviceName);
        }
        Actor actor = new Actor(identity.getPrincipal().getName());
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            actor.setSubject(token.getSubject() != null ? token.getSubject() : token.getName());
            actor.setUsername(token.getClaim("preferred_username"));
            Object agency = token.getClaim(AGENCY_CLAIM);
            actor.setAgencyId(parseUuid(agency));
        }
        return actor;
    }

    /** Whether the caller's token carries the role (false outside a request). */
    public boolean hasRole(String role) {
        SecurityIdentity identity = requestIdentity();
        return identity != null && identity.hasRole(role);
    }

    /**
     * The identity already established for this request, without blocking: outside an HTTP request (start-up,
     * consumers) there is none, and waiting for one on an event loop is not allowed.
     */
    private static SecurityIdentity requestIdentity() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        var association = Arc.container().instance(CurrentIdentityAssociation.class);
        if (!association.isAvailable()) {
            return null;
        }
        AtomicReference<SecurityIdentity> identity = new AtomicReference<>();
        association.get().getDeferredIdentity().subscribe().with(identity::set, failure -> { });
        return identity.get();
    }

    private static UUID parseUuid(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
