package org.luoshi.task.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.luoshi.platform.testing.KafkaResource;
import org.luoshi.platform.testing.PostgresResource;
import org.luoshi.platform.testing.TestTokens;

/**
 * The real agency-service, as a child JVM from the reactor's build (agency-service/target/quarkus-app), with its
 * own database in the test PostgreSQL, the test Kafka broker, the test token keys, and the reference data in
 * seeds/agencies. The importer's tests resolve names through it exactly as in production.
 */
public class AgencyServiceProcess implements QuarkusTestResourceLifecycleManager {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path RUNNER = ROOT.resolve("agency-service/target/quarkus-app/quarkus-run.jar");
    private Process process;

    @Override
    public Map<String, String> start() {
        if (!Files.exists(RUNNER)) {
            throw new IllegalStateException(RUNNER + " is missing: build agency-service first (./mvnw verify builds it"
                    + " before task-service)");
        }
        Map<String, String> database = new PostgresResource().start();
        String kafka = new KafkaResource().start().get("kafka.bootstrap.servers");
        String jdbc = database.get("quarkus.datasource.jdbc.url").replace("/luoshi_test", "/luoshi_agency_it");
        String reactive = database.get("quarkus.datasource.reactive.url").replace("/luoshi_test", "/luoshi_agency_it");
        createDatabase(database.get("quarkus.datasource.jdbc.url"));
        int port = freePort();

        Map<String, String> config = new HashMap<>(new TestTokens().start());
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("quarkus.http.port", String.valueOf(port));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("quarkus.datasource.jdbc.url", jdbc);
        config.put("quarkus.datasource.reactive.url", reactive);
        config.put("kafka.bootstrap.servers", kafka);
        config.put("luoshi.reference-data.directory", ROOT.resolve("seeds/agencies").toString());
        config.put("quarkus.log.level", "WARN");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", RUNNER.toString()));
        try {
            File log = Files.createDirectories(Path.of("target")).resolve("agency-service-it.log").toFile();
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            awaitReady(port, log);
        } catch (IOException e) {
            throw new IllegalStateException("could not start agency-service", e);
        }
        return Map.of("quarkus.rest-client.agency-service.url", "http://127.0.0.1:" + port);
    }

    private void awaitReady(int port, File log) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("agency-service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("agency-service was not ready within 120 s; see " + log);
    }

    private static void createDatabase(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            var exists = c.createStatement().executeQuery("select 1 from pg_database where datname = 'luoshi_agency_it'");
            if (!exists.next()) {
                c.createStatement().execute("create database luoshi_agency_it");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create agency-service's test database", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
