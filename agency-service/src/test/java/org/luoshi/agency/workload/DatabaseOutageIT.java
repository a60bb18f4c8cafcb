package org.luoshi.agency.workload;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.ConsumerCrash;
import org.luoshi.platform.testing.KafkaBrokerProcess;
import org.luoshi.platform.testing.KafkaResource;
import org.luoshi.platform.testing.PostgresResource;
import org.luoshi.platform.testing.ServiceProcess;
import org.luoshi.platform.testing.Sql;

/**
 * The inbox's promise when the database goes away mid-backlog: good events are never dead-lettered for it. The
 * packaged agency-service works through a backlog of task.events; then its database refuses connections and drops
 * the open ones. The consumer retries, then stops: its channel fails, liveness turns DOWN (an orchestrator restarts
 * the service) and the dead-letter topic stays empty. With the database back, the restarted service applies every
 * event exactly once.
 */
class DatabaseOutageIT {

    private static final Path RUNNER = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String DATABASE = "luoshi_agency_db_outage";
    private static final String GROUP = "agency-service-workload";
    private static final CitationBacklog BACKLOG = new CitationBacklog(List.of("市科技创新局", "区数据资源局",
            "市营商环境建设局", "县乡村振兴局"), 1500, "341502");
    private static final int EVENTS = BACKLOG.events();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aDatabaseOutageStopsTheConsumerWithoutDeadLetteringAndTheRestartedServiceAppliesEveryEventOnce()
            throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.startNew();
        try {
            broker.createTopics(KafkaResource.TOPICS);
            String jdbcUrl = new PostgresResource().freshDatabase(DATABASE);
            String administration = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + "postgres";
            BACKLOG.publish(broker);

            try (ServiceProcess service = new ServiceProcess("agency-service", RUNNER,
                    ConsumerCrash.serviceConfig(jdbcUrl, broker.bootstrapServers(), "task-events"),
                    Path.of("target", "database-outage"))) {
                // not waiting for readiness: the consumer starts on the backlog before the HTTP port opens
                service.launch();
                await("a part of the backlog applied").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                        .until(() -> {
                            service.checkAlive();
                            return CitationBacklog.applied(jdbcUrl) >= EVENTS / 10;
                        });
                // the outage: no new connections to the service's database, and the open ones dropped
                Sql.execute(administration, "alter database " + DATABASE + " allow_connections false",
                        "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + DATABASE + "'");
                long appliedBeforeOutage;
                try {
                    await("the consumer's channel failed: liveness DOWN").atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                                service.checkAlive();
                                return liveness(service).statusCode() == 503;
                            });
                    String live = liveness(service).body();
                    assertTrue(live.contains("task-events"), "liveness names the failed channel: " + live);
                    assertEquals(0, broker.endOffsets("task.events.dlq"),
                            "an outage is no reason to dead-letter good events");
                } finally {
                    Sql.execute(administration, "alter database " + DATABASE + " allow_connections true");
                }
                appliedBeforeOutage = CitationBacklog.applied(jdbcUrl);
                assertTrue(appliedBeforeOutage < EVENTS, "the outage must come mid-backlog, but all " + EVENTS
                        + " events were applied before it: raise the backlog");

                // what an orchestrator does when liveness is DOWN
                service.kill();
                service.start();
                await("the whole backlog applied and committed").atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500)).until(() -> {
                            service.checkAlive();
                            return CitationBacklog.applied(jdbcUrl) == EVENTS
                                    && broker.committedOffsets(GROUP, "task.events") == EVENTS;
                        });
                assertEquals(BACKLOG.expectedOccurrences(), BACKLOG.occurrences(jdbcUrl),
                        "each citation counted once, " + appliedBeforeOutage + " of them before the outage");
                assertEquals(0, broker.endOffsets("task.events.dlq"), "nothing dead-lettered after the restart either");
            }
        } finally {
            broker.stop();
        }
    }

    private static HttpResponse<String> liveness(ServiceProcess service) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/health/live"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
