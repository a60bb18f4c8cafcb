package org.luoshi.platform.sql;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.exception.DataException;

/**
 * PostgreSQL refused a value of the request (SQLSTATE class 22, data exception): a NUL character in a text, a date
 * past the years it stores, a number past numeric's range. Such input passes the contract's schema, and it is the
 * caller's to change, not a failure of the service.
 */
public final class InvalidValue {

    private InvalidValue() {
    }

    /** The database's reason, when {@code failure} or one of its causes is a data exception. */
    public static Optional<String> reasonOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && isDataException(pg.getSqlState())) {
                return Optional.of(pg.getErrorMessage());
            }
            if (t instanceof DataException d && isDataException(d.getSQLState())) {
                // Hibernate's wrapper names the statement; its cause, an SQLException, holds only the database's words
                // ("ERROR: invalid byte sequence for encoding "UTF8": 0x00 (22021)")
                return Optional.of(d.getCause() instanceof SQLException sql && sql.getMessage() != null
                        ? sql.getMessage().replaceFirst("^ERROR: ", "") : "a value could not be stored");
            }
        }
        return Optional.empty();
    }

    private static boolean isDataException(String sqlState) {
        return sqlState != null && sqlState.startsWith("22");
    }
}
