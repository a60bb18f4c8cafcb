package org.luoshi.task.directory;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.DatabaseOutage;
import org.luoshi.platform.testing.KafkaBrokerProcess;
import org.luoshi.platform.testing.KafkaResource;
import org.luoshi.platform.testing.PostgresResource;
import org.luoshi.platform.testing.ServiceProcess;
import org.luoshi.platform.testing.Sql;
import org.luoshi.platform.testing.TopicWriter;
import org.luoshi.platform.testing.TopicWriter.CloudEvent;

/**
 * The directory's promise when the database goes away mid-backlog: no agency event is dead-lettered for it (the
 * directory would miss that unit for good). The packaged task-service follows a backlog of new units on
 * agency.events; its database then refuses connections and drops the open ones. The consumer retries, then stops:
 * liveness DOWN, the dead-letter topic empty. With the database back, the restarted service holds every unit once.
 */
class DatabaseOutageIT {

    private static final Path RUNNER = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String DATABASE = "luoshi_task_db_outage";
    private static final String GROUP = "task-service-directory";
    /** Enough that the service is still at work when the test sees a tenth of it done. */
    private static final int UNITS = 4000;

    @Test
    void aDatabaseOutageStopsTheDirectoryConsumerWithoutDeadLetteringAndTheRestartedServiceHoldsEveryUnit()
            throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.startNew();
        try {
            broker.createTopics(KafkaResource.TOPICS);
            String jdbcUrl = new PostgresResource().freshDatabase(DATABASE);
            List<CloudEvent> events = new ArrayList<>(UNITS);
            for (int i = 0; i < UNITS; i++) {
                events.add(ConsumerKilledMidBatchIT.agencyEvent("AgencyCreated", UUID.randomUUID(), "湖南省新设局" + i,
                        "ACTIVE", "", 0, null));
            }
            TopicWriter.cloudEvents(broker.clientProperties(), "agency.events", events);

            try (ServiceProcess service = new ServiceProcess("task-service", RUNNER,
                    ConsumerKilledMidBatchIT.serviceConfig(jdbcUrl, broker), Path.of("target", "database-outage"))) {
                // not waiting for readiness: the consumer starts on the backlog before the HTTP port opens
                service.launch();
                await("a part of the backlog applied").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                        .ignoreExceptions() // before the service's migrations made the ledger
                        .until(() -> {
                            service.checkAlive();
                            return ConsumerKilledMidBatchIT.applied(jdbcUrl) >= UNITS / 10;
                        });
                try (DatabaseOutage outage = DatabaseOutage.of(jdbcUrl)) {
                    String live = DatabaseOutage.awaitLivenessDown(service, Duration.ofMinutes(2));
                    assertTrue(live.contains("agency-events"), "liveness names the failed channel: " + live);
                    assertEquals(0, broker.endOffsets("agency.events.dlq"), "an outage is no reason to dead-letter events");
                }
                long appliedBeforeOutage = ConsumerKilledMidBatchIT.applied(jdbcUrl);
                assertTrue(appliedBeforeOutage < UNITS, "the outage must come mid-backlog, but all " + UNITS
                        + " events were applied before it: raise UNITS");

                // what an orchestrator does when liveness is DOWN
                service.kill();
                service.start();
                await("the whole backlog applied and committed").atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500)).until(() -> {
                            service.checkAlive();
                            return ConsumerKilledMidBatchIT.applied(jdbcUrl) == UNITS
                                    && broker.committedOffsets(GROUP, "agency.events") == UNITS;
                        });
                assertEquals(UNITS, Sql.number(jdbcUrl, "select count(*) from directory_agency"),
                        "every unit in the directory, " + appliedBeforeOutage + " of them from before the outage");
                assertEquals(0, broker.endOffsets("agency.events.dlq"), "nothing dead-lettered after the restart either");
            }
        } finally {
            broker.stop();
        }
    }
}
