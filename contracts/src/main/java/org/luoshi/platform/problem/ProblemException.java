package org.luoshi.platform.problem;

import java.util.List;
import org.luoshi.common.model.FieldError;

/** A failure the client can act on, answered as RFC 9457 problem details with this status and type. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Request is not valid", detail);
    }

    /**
     * The text stripped of surrounding spaces; a 400 naming the field when nothing is left, where a schema's
     * minLength would have let "   " through as an empty title.
     */
    public static String requireText(String field, String value) {
        String stripped = value == null ? null : value.strip();
        if (stripped == null || stripped.isEmpty()) {
            throw new ProblemException(400, "validation", "Request is not valid", field + ": must not be blank",
                    List.of(new FieldError(field, "must not be blank")));
        }
        return stripped;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict with the current state", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Not allowed", detail);
    }

    public static ProblemException preconditionFailed(long current) {
        return new ProblemException(412, "stale-version", "Version is not current",
                "the resource has changed; its current ETag is \"" + current + "\"");
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "if-match-required", "If-Match required",
                "send the resource's ETag in If-Match so that concurrent changes are detected");
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "unprocessable", "Request cannot be applied", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
