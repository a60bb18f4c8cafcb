package org.luoshi.platform.sql;

import io.vertx.pgclient.PgException;
import org.hibernate.exception.ConstraintViolationException;

/** A unique index refused a row (SQLSTATE 23505): another transaction wrote the same key first. */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    /** Whether {@code failure} or one of its causes is one, however the database client and Hibernate wrapped it. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())
                    || t instanceof ConstraintViolationException c && "23505".equals(c.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
