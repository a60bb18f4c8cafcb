package org.luoshi.task.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.luoshi.platform.testing.KafkaResource;
import org.luoshi.platform.testing.PostgresResource;
import org.luoshi.platform.testing.ServiceProcess;

/**
 * The real agency-service, as a child JVM from the reactor's build (agency-service/target/quarkus-app), with its
 * own database in the test PostgreSQL, the test Kafka broker, the test token keys, and the reference data in
 * seeds/agencies. The importer's tests resolve names through it exactly as in production.
 */
public class AgencyServiceProcess implements QuarkusTestResourceLifecycleManager {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path RUNNER = ROOT.resolve("agency-service/target/quarkus-app/quarkus-run.jar");
    private ServiceProcess service;

    @Override
    public Map<String, String> start() {
        Map<String, String> database = new PostgresResource().start();
        String kafka = new KafkaResource().start().get("kafka.bootstrap.servers");
        createDatabase(database.get("quarkus.datasource.jdbc.url"));

        Map<String, String> config = ServiceProcess.testInfrastructure(
                database.get("quarkus.datasource.jdbc.url").replace("/luoshi_test", "/luoshi_agency_it"), kafka);
        config.put("luoshi.reference-data.directory", ROOT.resolve("seeds/agencies").toString());
        config.put("quarkus.log.level", "WARN");
        service = new ServiceProcess("agency-service", RUNNER, config, Path.of("target", "agency-service-it"));
        try {
            service.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start agency-service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.rest-client.agency-service.url", service.url());
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

    @Override
    public void stop() {
        if (service != null) {
            try {
                service.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
