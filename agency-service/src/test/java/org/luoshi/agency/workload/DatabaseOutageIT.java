package org.luoshi.agency.workload;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.ConsumerCrash;
import org.luoshi.platform.testing.DatabaseOutage;
import org.luoshi.platform.testing.KafkaBrokerProcess;
import org.luoshi.platform.testing.KafkaResource;
import org.luoshi.platform.testing.PostgresResource;
import org.luoshi.platform.testing.ServiceProcess;

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

    @Test
    void aDatabaseOutageStopsTheConsumerWithoutDeadLetteringAndTheRestartedServiceAppliesEveryEventOnce()
            throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.startNew();
        try {
            broker.createTopics(KafkaResource.TOPICS);
            String jdbcUrl = new PostgresResource().freshDatabase(DATABASE);
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
                try (DatabaseOutage outage = DatabaseOutage.of(jdbcUrl)) {
                    String live = DatabaseOutage.awaitLivenessDown(service, Duration.ofMinutes(2));
                    assertTrue(live.contains("task-events"), "liveness names the failed channel: " + live);
                    assertEquals(0, broker.endOffsets("task.events.dlq"), "an outage is no reason to dead-letter good events");
                }
                long appliedBeforeOutage = CitationBacklog.applied(jdbcUrl);
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
}
