package org.luoshi.agency.workload;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.ConsumerCrash;
import org.luoshi.platform.testing.KafkaBrokerProcess;
import org.luoshi.platform.testing.KafkaResource;
import org.luoshi.platform.testing.PostgresResource;
import org.luoshi.platform.testing.ServiceProcess;
import org.luoshi.platform.testing.Sql;

/**
 * Exactly once under a real crash. The packaged agency-service works through a backlog of task.events and is
 * SIGKILLed half-way, with events applied since the group's last offset commit; the restarted service goes on from
 * the positions its database saved with them. The curation queue counts each citation of a name, so an event applied
 * twice would show as one too many, and one skipped as one too few.
 */
class ConsumerKilledMidBatchIT {

    private static final Path RUNNER = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String DATABASE = "luoshi_agency_consumer_kill";
    private static final String GROUP = "agency-service-workload";
    /** Enough that the service is still at work when the test sees a quarter of it done, however fast it runs. */
    private static final CitationBacklog BACKLOG = new CitationBacklog(List.of("市科技创新局", "区数据资源局",
            "市营商环境建设局", "县乡村振兴局", "市城市更新办公室", "区新质生产力促进中心"), 1000, "341502");
    private static final int EVENTS = BACKLOG.events();

    @Test
    void aConsumerKilledMidBatchAppliesEveryEventExactlyOnceAfterItRestarts() throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.startNew();
        try {
            broker.createTopics(KafkaResource.TOPICS);
            String jdbcUrl = new PostgresResource().freshDatabase(DATABASE);
            Set<String> eventIds = BACKLOG.publish(broker);

            try (ServiceProcess service = new ServiceProcess("agency-service", RUNNER,
                    ConsumerCrash.serviceConfig(jdbcUrl, broker.bootstrapServers(), "task-events"),
                    Path.of("target", "consumer-kill"))) {
                ConsumerCrash.Outcome kill = ConsumerCrash.killMidBacklog(service, 0, EVENTS,
                        () -> CitationBacklog.applied(jdbcUrl), () -> broker.committedOffsets(GROUP, "task.events"));
                long appliedBeforeKill = kill.applied();
                long committedBeforeKill = kill.committed();
                assertTrue(appliedBeforeKill < EVENTS,
                        "the kill must land mid-batch, but all " + EVENTS + " events were applied: raise the backlog");
                // otherwise the group's offsets and the database's positions would agree and the test would prove nothing
                assertTrue(committedBeforeKill < appliedBeforeKill, "the group's committed offsets lag the events applied ("
                        + committedBeforeKill + " committed, " + appliedBeforeKill + " applied)");
                // saved with the events: the restarted service goes on from there, not from the group's offsets
                assertEquals(appliedBeforeKill, ConsumerCrash.savedPositions(jdbcUrl, TaskEventsConsumer.CONSUMER),
                        "the database's positions stand where its events applied do");

                service.start();
                await("the whole backlog applied and committed").atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500)).until(() -> {
                            service.checkAlive();
                            return CitationBacklog.applied(jdbcUrl) == EVENTS
                                    && broker.committedOffsets(GROUP, "task.events") == EVENTS;
                        });

                assertEquals(BACKLOG.expectedOccurrences(), BACKLOG.occurrences(jdbcUrl), "each citation counted once, though the "
                        + "group had committed " + committedBeforeKill + " of the " + appliedBeforeKill + " events applied");
                assertEquals(eventIds, ledger(jdbcUrl), "the processed-event ledger holds every event id, none twice");
                assertEquals(0, broker.endOffsets("task.events.dlq"), "a restart is not a failure: nothing dead-lettered");
            }
        } finally {
            broker.stop();
        }
    }

    private static Set<String> ledger(String jdbcUrl) throws SQLException {
        Set<String> ids = new HashSet<>();
        Sql.rows(jdbcUrl, "select event_id, consumer from processed_event where consumer = '" + TaskEventsConsumer.CONSUMER + "'",
                (id, consumer) -> assertTrue(ids.add(id), "event " + id + " recorded twice"));
        return ids;
    }
}
