package org.luoshi.platform.http;

import org.luoshi.platform.problem.ProblemException;

/** Versions as strong entity tags, and the If-Match rules of every PATCH. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header names.
     *
     * @throws ProblemException 428 without the header, 400 when it is not one of our tags (nor *, which names no version)
     */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            // "any version" would overwrite a concurrent change unseen, which is what If-Match is here to prevent
            throw ProblemException.badRequest("If-Match: * is not accepted: send the ETag of the version you read, such as \"3\"");
        }
        // RFC 9110 lets no weak tag match If-Match, but a proxy that compresses answers (nginx's gzip) weakens the
        // strong tags it passes on, and a client can only send back what it got: W/"3" still names version 3
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match must be an ETag this service issued, such as \"3\"");
        }
    }

    /** @throws ProblemException 412 when the client's version is not the current one */
    public static void checkCurrent(long expected, long current) {
        if (expected != current) {
            throw ProblemException.preconditionFailed(current);
        }
    }
}
