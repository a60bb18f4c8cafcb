package org.luoshi.platform.sql;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Predicate;
import org.hibernate.JDBCException;

/**
 * What PostgreSQL said when it refused a statement (its SQLSTATE), however the reactive client (PgException) and
 * Hibernate (JDBCException and its subclasses) wrapped the refusal, and the kinds of refusal the services answer for.
 */
public final class SqlState {

    private SqlState() {
    }

    /** A unique index refused a row (23505): another transaction wrote the same key first. */
    public static boolean isUniqueViolation(Throwable failure) {
        return refusal(failure, "23505"::equals).isPresent();
    }

    /**
     * The transaction ran into another and was rolled back (40001 serialization failure, 40P01 deadlock): nothing was
     * written, and the same request sent again normally succeeds.
     */
    public static boolean isTransactionConflict(Throwable failure) {
        return refusal(failure, state -> state.equals("40001") || state.equals("40P01")).isPresent();
    }

    /** The data or a constraint was refused (classes 22 and 23): the same data would be refused again. */
    public static boolean isDataOrConstraintRefusal(Throwable failure) {
        return refusal(failure, state -> state.startsWith("22") || state.startsWith("23")).isPresent();
    }

    /**
     * The database's reason when it refused a value (class 22, data exception: a NUL character in a text, a number
     * past numeric's range). Such input passes the contract's schema, and it is the caller's to change.
     */
    public static Optional<String> invalidValueReason(Throwable failure) {
        return refusal(failure, state -> state.startsWith("22")).map(t -> {
            if (t instanceof PgException pg) {
                return pg.getErrorMessage();
            }
            // Hibernate's wrapper names the statement; its cause, an SQLException, holds only the database's words
            // ("ERROR: invalid byte sequence for encoding "UTF8": 0x00 (22021)")
            return t.getCause() instanceof SQLException sql && sql.getMessage() != null
                    ? sql.getMessage().replaceFirst("^ERROR: ", "") : "a value could not be stored";
        });
    }

    /** The first of {@code failure} and its causes that carries an SQLSTATE {@code wanted} accepts. */
    private static Optional<Throwable> refusal(Throwable failure, Predicate<String> wanted) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String state = t instanceof PgException pg ? pg.getSqlState()
                    : t instanceof JDBCException jdbc ? jdbc.getSQLState() : null;
            if (state != null && wanted.test(state)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
