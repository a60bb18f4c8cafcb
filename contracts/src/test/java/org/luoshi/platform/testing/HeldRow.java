package org.luoshi.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A race made to happen: one transaction (over JDBC, on the service's test database) locks a row, a request runs on
 * another thread and waits for that row, then the transaction makes its change and commits, and the request goes on.
 * For tests of what the loser of two concurrent changes gets.
 */
public final class HeldRow {

    /** The change made while the row is held, in the holding transaction. */
    @FunctionalInterface
    public interface Change {
        void run(Connection transaction) throws Throwable;
    }

    private HeldRow() {
    }

    /**
     * Holds {@code table}'s row {@code id} with {@code lock} ("for update", "for no key update"), sends
     * {@code request}, gives it half a second to reach the row (if it has not, it finds the change committed, which a
     * test must accept too), makes {@code change}, commits, and answers the request's outcome.
     */
    public static <T> T racing(String table, Object id, String lock, Supplier<T> request, Change change) throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        CompletableFuture<T> outcome;
        try (Connection holder = DriverManager.getConnection(url, "postgres", "postgres")) {
            holder.setAutoCommit(false);
            try (PreparedStatement select = holder.prepareStatement(
                    "select id from " + table + " where id = ?::uuid " + lock)) {
                select.setString(1, id.toString());
                select.executeQuery().close();
            }
            outcome = CompletableFuture.supplyAsync(request);
            Thread.sleep(500);
            try {
                change.run(holder);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            holder.commit();
        }
        return outcome.get(30, TimeUnit.SECONDS);
    }

    /** A change of one statement with the row's id as its only parameter. */
    public static Change update(String sql, Object id) {
        return transaction -> {
            try (PreparedStatement statement = transaction.prepareStatement(sql)) {
                statement.setString(1, id.toString());
                if (statement.executeUpdate() != 1) {
                    throw new IllegalStateException("the change '" + sql + "' changed no row");
                }
            }
        };
    }
}
