package org.luoshi.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A service's database gone, as a failover or a network cut takes it: the database refuses new connections and the
 * open ones are dropped, while the server (which other databases of the test share) keeps running. Closing ends the
 * outage.
 */
public final class DatabaseOutage implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String administration;
    private final String database;

    private DatabaseOutage(String jdbcUrl) {
        int slash = jdbcUrl.lastIndexOf('/');
        this.administration = jdbcUrl.substring(0, slash + 1) + "postgres";
        this.database = jdbcUrl.substring(slash + 1);
    }

    /** Starts the outage of the database at this JDBC URL. */
    public static DatabaseOutage of(String jdbcUrl) throws SQLException {
        DatabaseOutage outage = new DatabaseOutage(jdbcUrl);
        Sql.execute(outage.administration, "alter database " + outage.database + " allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + outage.database + "'");
        return outage;
    }

    /**
     * Waits until the service's liveness check is DOWN (503) and answers its report: an orchestrator would restart
     * the service now. Fails after {@code timeout}, or at once when the service has exited.
     */
    public static String awaitLivenessDown(ServiceProcess service, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            service.checkAlive();
            try {
                HttpResponse<String> live = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/health/live"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (live.statusCode() == 503) {
                    return live.body();
                }
                last = live.statusCode() + " " + live.body();
            } catch (IOException e) {
                last = e.toString(); // the HTTP port may not be open yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(service.name() + " still live after " + timeout + ": " + last);
    }

    @Override
    public void close() throws SQLException {
        Sql.execute(administration, "alter database " + database + " allow_connections true");
    }
}
