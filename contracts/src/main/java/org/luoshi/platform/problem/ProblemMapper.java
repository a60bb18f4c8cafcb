package org.luoshi.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.luoshi.common.model.FieldError;
import org.luoshi.common.model.Problem;
import org.luoshi.platform.http.StrictParameters;
import org.luoshi.platform.sql.SqlState;

/**
 * The one place that turns failures into RFC 9457 {@code application/problem+json}. Responses name the field and the
 * rule that failed, never a class, a stack trace or SQL; unexpected failures are logged with an id the client sees.
 */
public class ProblemMapper {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://luoshi.org/problems/";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.type(), e.title(), e.getMessage(), e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .toList();
        String detail = errors.stream().map(f -> f.getField() + ": " + f.getMessage()).collect(Collectors.joining("; "));
        return respond(400, "validation", "Request is not valid", detail, errors, uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(400, "malformed-body", "Request body is not valid",
                "unknown property '" + e.getPropertyName() + "'" + at(e), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response badValue(InvalidFormatException e, UriInfo uri) {
        return respond(400, "malformed-body", "Request body is not valid",
                "value '" + e.getValue() + "' is not allowed" + at(e), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        if (e instanceof InvalidNullException) {
            return respond(400, "malformed-body", "Request body is not valid", "null is not allowed" + at(e), List.of(), uri);
        }
        String detail = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Missing required creator property")
                ? "a required property is missing" + at(e)
                : "a value has the wrong type or shape" + at(e);
        return respond(400, "malformed-body", "Request body is not valid", detail, List.of(), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        var location = e.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return respond(400, "malformed-body", "Request body is not valid JSON", "the body could not be parsed" + where,
                List.of(), uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        if (headers.getHeaderString(HttpHeaders.IF_MATCH) != null) {
            // the version sent was current when read, and another change committed before this one: the tag is stale
            // by the time it counts, as the contract's 412 says
            return respond(412, "stale-version", "Version is not current",
                    "the resource changed while this request was applied; read it again for its current ETag", List.of(),
                    uri);
        }
        return respond(409, "concurrent-change", "Changed concurrently",
                "another request changed the resource at the same time; read it again and retry", List.of(), uri);
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Response response = respond(401, "unauthenticated", "Authentication required",
                "send a valid bearer token issued by the Luoshi realm", List.of(), uri);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Not allowed", "your roles or agency do not allow this operation", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response notConstructible(ValueInstantiationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        String reason = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? Character.toLowerCase(cause.getMessage().charAt(0)) + cause.getMessage().substring(1)
                : "the value is not allowed";
        return respond(400, "malformed-body", "Request body is not valid", reason + at(e), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof ValueInstantiationException cause) {
            return notConstructible(cause, uri);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return mismatchedInput(cause, uri);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformedJson(cause, uri);
        }
        if (e instanceof StrictParameters.InvalidParameterException invalid && invalid.inPath(uri)) {
            return respond(404, "not-found", "Not found", "no resource at " + uri.getPath() + ": " + invalid.detail(uri),
                    List.of(), uri);
        }
        if (e instanceof StrictParameters.InvalidParameterException invalid) {
            return respond(400, "invalid-parameter", "Invalid parameter", invalid.detail(uri), List.of(), uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType info = e.getResponse().getStatusInfo();
        String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "this method is not supported at " + uri.getPath();
            case 406 -> "the requested media type is not offered";
            case 413 -> "the request body is too large";
            case 415 -> "the request's content type is not accepted here";
            default -> info.getReasonPhrase();
        };
        return respond(status, slug(info.getReasonPhrase()), info.getReasonPhrase(), detail, List.of(), uri);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (SqlState.isUniqueViolation(e)) {
            // two requests creating the same thing at once: the check before the insert passed for both, the unique
            // index refused the second
            return respond(409, "conflict", "Conflict",
                    "a resource with the same name or number was created at the same time; read it and retry if needed",
                    List.of(), uri);
        }
        if (SqlState.isTransactionConflict(e)) {
            // a deadlock with another transaction (a task assigned a unit while its reorganization is applied): rolled
            // back whole, so the request can be sent again
            return respond(409, "concurrent-change", "Changed concurrently",
                    "the request ran into another change at the same time and was undone; send it again", List.of(), uri);
        }
        Optional<String> invalid = SqlState.invalidValueReason(e);
        if (invalid.isPresent()) {
            // within the contract's schema but not storable (a NUL character, a year past 294276): the caller's to change
            LOG.infof("a request's value was refused by the database at %s: %s", uri.getPath(), invalid.get());
            return respond(400, "invalid-value", "Invalid value",
                    "a value of the request cannot be stored or compared: " + invalid.get(), List.of(), uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return respond(500, "internal", "Internal error",
                "the server could not complete the request; incident " + incident, List.of(), uri);
    }

    private static Response respond(int status, String type, String title, String detail, List<FieldError> errors,
            UriInfo uri) {
        Problem problem = new Problem(TYPE_BASE + type, title, status).detail(detail).instance(uri.getPath());
        if (!errors.isEmpty()) {
            problem.setErrors(errors);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // "createAgency.agencyCreate.name" -> "name"; "listAgencies.limit" -> "limit"
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }

    private static String at(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "" : " at '" + path.replace(".[", "[") + "'";
    }

    private static String slug(String phrase) {
        return phrase.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
