package org.luoshi.platform.audit;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The request id of each HTTP request: the caller's {@code X-Request-Id} when it is a sane token (so a gateway's id
 * follows the request), otherwise a new UUID. It is echoed in the response and recorded with every change the request
 * makes.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String LOCAL_KEY = "luoshi.request-id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String offered = request.getHeaderString(HEADER);
        String id = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        request.setProperty(LOCAL_KEY, id);
        if (onDuplicatedContext()) {
            ContextLocals.put(LOCAL_KEY, id);
        }
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(LOCAL_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The id of the request being served on this context, if any (none for consumers and schedulers). */
    public static Optional<String> current() {
        return onDuplicatedContext() ? ContextLocals.<String>get(LOCAL_KEY) : Optional.empty();
    }

    private static boolean onDuplicatedContext() {
        Context context = Vertx.currentContext();
        return context != null && io.smallrye.common.vertx.VertxContext.isDuplicatedContext(context);
    }
}
