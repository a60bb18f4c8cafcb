package org.luoshi.platform.http;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import org.luoshi.platform.problem.ProblemException;

/** An opaque keyset-pagination cursor: the sort key and id of the last row of a page. */
public record Cursor(String key, UUID id) {

    private static final char SEPARATOR = '\u001f';

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @return null for no cursor; @throws ProblemException 400 for a cursor this service did not issue */
    public static Cursor decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int split = text.lastIndexOf(SEPARATOR);
            return new Cursor(text.substring(0, split), UUID.fromString(text.substring(split + 1)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw notIssuedHere();
        }
    }

    /** The key as the instant it was written from; a forged cursor holding something else is a 400, not a 500. */
    public OffsetDateTime timeKey() {
        try {
            return OffsetDateTime.parse(key);
        } catch (DateTimeParseException e) {
            throw notIssuedHere();
        }
    }

    /** The key as the date it was written from (400 for a forged cursor). */
    public LocalDate dateKey() {
        try {
            return LocalDate.parse(key);
        } catch (DateTimeParseException e) {
            throw notIssuedHere();
        }
    }

    private static ProblemException notIssuedHere() {
        return ProblemException.badRequest("'after' is not a cursor returned by this service");
    }
}
