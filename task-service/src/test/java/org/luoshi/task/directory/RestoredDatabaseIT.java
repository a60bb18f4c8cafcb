package org.luoshi.task.directory;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.ConsumerCrash;
import org.luoshi.platform.testing.KafkaBrokerProcess;
import org.luoshi.platform.testing.KafkaResource;
import org.luoshi.platform.testing.PostgresResource;
import org.luoshi.platform.testing.ServiceProcess;
import org.luoshi.platform.testing.Sql;
import org.luoshi.platform.testing.TopicWriter;
import org.luoshi.platform.testing.TopicWriter.CloudEvent;

/**
 * The packaged task-service on a database restored to an earlier point, on a new database, and on one from before
 * positions were kept, while its consumer group's offsets in Kafka stay where the service last committed them: each
 * time the directory replica must end up with every unit on agency.events, each event applied once. Offsets taken
 * from the group would leave the restored replica without the later units and the new one empty; the one from before
 * positions goes on from them.
 */
class RestoredDatabaseIT {

    private static final Path RUNNER = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String DATABASE = "luoshi_task_restore";
    private static final String BACKUP = "luoshi_task_restore_backup";
    private static final String GROUP = "task-service-directory";
    private static final int UNITS = 30;

    private final PostgresResource postgres = new PostgresResource();

    @Test
    void aRestoredOrNewDatabaseReadsAgainTheAgencyEventsItLacks() throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.startNew();
        try {
            broker.createTopics(KafkaResource.TOPICS);
            String jdbcUrl = postgres.freshDatabase(DATABASE);
            announceUnits(broker, "湖南省先设局");
            follow(jdbcUrl, broker, "first", UNITS);

            // the backup, taken with the service stopped: the database as it stands after the first units
            String backupUrl = sibling(jdbcUrl, BACKUP);
            Sql.execute(sibling(jdbcUrl, "postgres"), "drop database if exists " + BACKUP,
                    "create database " + BACKUP + " template " + DATABASE);
            announceUnits(broker, "湖南省后设局");
            follow(jdbcUrl, broker, "second", 2 * UNITS);
            assertEquals(2L * UNITS, broker.committedOffsets(GROUP, "agency.events"), "the group stands past every event");

            // restored: the group's offsets are past the later units, the database's positions before them
            assertEquals(UNITS, Sql.number(backupUrl, "select count(*) from directory_agency"));
            follow(backupUrl, broker, "restored", 2 * UNITS);
            assertEquals(2L * UNITS, positions(backupUrl), "positions saved with the events, past all of them");

            // new: no positions at all, the compacted topic read from its beginning
            follow(postgres.freshDatabase(DATABASE + "_new"), broker, "new", 2 * UNITS);

            // from before positions were kept (its inbox holds events): the group's offsets, as then, and not the
            // beginning, where events wait whose inbox records housekeeping may have deleted
            Sql.execute(backupUrl, "delete from consumer_position");
            announceUnits(broker, "湖南省再设局");
            Path log = follow(backupUrl, broker, "without-positions", 3 * UNITS);
            assertTrue(Files.readString(log).contains("has applied events; reading from the group's committed offsets"),
                    "the service took up the group's offsets");
            assertEquals(3L * UNITS, positions(backupUrl));
        } finally {
            broker.stop();
        }
    }

    /** Runs the service on that database until its replica holds {@code units} and its positions are past them. */
    private static Path follow(String jdbcUrl, KafkaBrokerProcess broker, String run, long units) throws Exception {
        try (ServiceProcess service = new ServiceProcess("task-service", RUNNER,
                ConsumerKilledMidBatchIT.serviceConfig(jdbcUrl, broker), Path.of("target", "restored-database", run))) {
            service.start();
            await(run + ": the directory holds every unit").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        service.checkAlive();
                        return Sql.number(jdbcUrl, "select count(*) from directory_agency") == units
                                && positions(jdbcUrl) == units && broker.committedOffsets(GROUP, "agency.events") == units;
                    });
            assertEquals(units, Sql.number(jdbcUrl, "select count(*) from processed_event"), run + ": each event applied once");
            return service.log();
        }
    }

    /** New units, as agency-service announces them. */
    private static void announceUnits(KafkaBrokerProcess broker, String namePrefix) {
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            events.add(ConsumerKilledMidBatchIT.agencyEvent("AgencyCreated", UUID.randomUUID(), namePrefix + i, "ACTIVE", "", 0,
                    null));
        }
        TopicWriter.cloudEvents(broker.clientProperties(), "agency.events", events);
    }

    private static long positions(String jdbcUrl) throws SQLException {
        return ConsumerCrash.savedPositions(jdbcUrl, AgencyEventsConsumer.CONSUMER);
    }

    /** The URL of another database on the same server. */
    private static String sibling(String jdbcUrl, String database) {
        return jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + database;
    }
}
