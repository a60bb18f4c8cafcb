package org.luoshi.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BiConsumer;

/** Plain JDBC on a test database (user postgres), for tests that look at a service's tables from outside. */
public final class Sql {

    private Sql() {
    }

    /** The single number a query answers, e.g. a count. */
    public static long number(String jdbcUrl, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                ResultSet rows = c.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Runs statements that answer no rows (DDL, administration), in order. */
    public static void execute(String jdbcUrl, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            for (String statement : statements) {
                c.createStatement().execute(statement);
            }
        }
    }

    /** The first two columns of each row, as text. */
    public static void rows(String jdbcUrl, String query, BiConsumer<String, String> row) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                ResultSet rows = c.createStatement().executeQuery(query)) {
            while (rows.next()) {
                row.accept(rows.getString(1), rows.getString(2));
            }
        }
    }
}
