package org.luoshi.platform.sql;

import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;

/**
 * PostgreSQL rolled a transaction back because it ran into another (SQLSTATE 40001 serialization failure, 40P01
 * deadlock): nothing was written, and the same request sent again normally succeeds.
 */
public final class TransactionConflict {

    private TransactionConflict() {
    }

    /** Whether {@code failure} or one of its causes is one, however the database client and Hibernate wrapped it. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && isConflict(pg.getSqlState())
                    || t instanceof JDBCException j && isConflict(j.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConflict(String sqlState) {
        return "40001".equals(sqlState) || "40P01".equals(sqlState);
    }
}
