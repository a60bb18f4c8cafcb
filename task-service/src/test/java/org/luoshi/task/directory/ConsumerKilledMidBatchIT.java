package org.luoshi.task.directory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.ConsumerCrash;
import org.luoshi.platform.testing.KafkaBrokerProcess;
import org.luoshi.platform.testing.KafkaResource;
import org.luoshi.platform.testing.PostgresResource;
import org.luoshi.platform.testing.ServiceProcess;
import org.luoshi.platform.testing.Sql;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.platform.testing.TopicReader;
import org.luoshi.platform.testing.TopicWriter;
import org.luoshi.platform.testing.TopicWriter.CloudEvent;

/**
 * Reorganizations under a real crash. The packaged task-service follows a backlog of mergers on agency.events, each
 * moving one task to the successor unit and announcing it as TaskReassigned through the outbox, and is SIGKILLed
 * half-way, with mergers applied since the group's last offset commit. The restarted service goes on from the
 * positions its database saved with them (not from the group's offsets): each task must be moved once, with one
 * history line and one TaskReassigned (published maybe twice, by a relay killed mid-send, but with one id).
 */
class ConsumerKilledMidBatchIT {

    private static final Path RUNNER = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String DATABASE = "luoshi_task_consumer_kill";
    private static final String GROUP = "task-service-directory";
    private static final String SUPERVISOR = TestTokens.user("supervisor", "supervisor");
    /**
     * Tasks, each led by a unit that merges into a successor: enough that the kill finds mergers still to apply (a
     * poll applies up to 200 events at once; with 300, a whole backlog could be applied between two looks).
     */
    private static final int MERGERS = 600;

    private final List<UUID> merged = new ArrayList<>();
    private final List<UUID> successors = new ArrayList<>();
    private final Set<String> agencyEventIds = new HashSet<>();

    @Test
    void aConsumerKilledMidBatchMovesEachTaskOnceAndAnnouncesItOnce() throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.startNew();
        try {
            broker.createTopics(KafkaResource.TOPICS);
            String jdbcUrl = new PostgresResource().freshDatabase(DATABASE);
            announceAgencies(broker);
            long events = 2L * MERGERS + MERGERS;

            try (ServiceProcess service = new ServiceProcess("task-service", RUNNER, serviceConfig(jdbcUrl, broker),
                    Path.of("target", "consumer-kill"))) {
                service.start();
                await("the directory knows every unit").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                        .until(() -> Sql.number(jdbcUrl, "select count(*) from directory_agency") == 2L * MERGERS);
                Map<String, String> taskBySeq = createTasks(service.url());

                announceMergers(broker);
                ConsumerCrash.Outcome kill = ConsumerCrash.killMidBacklog(service, 2L * MERGERS, MERGERS,
                        () -> applied(jdbcUrl), () -> broker.committedOffsets(GROUP, "agency.events"));
                long appliedBeforeKill = kill.applied();
                long committedBeforeKill = kill.committed();
                assertTrue(appliedBeforeKill < events,
                        "the kill must land mid-batch, but all " + events + " events were applied: raise MERGERS");
                // otherwise the group's offsets and the database's positions would agree and the test would prove nothing
                assertTrue(committedBeforeKill < appliedBeforeKill, "the group's committed offsets lag the events applied ("
                        + committedBeforeKill + " committed, " + appliedBeforeKill + " applied)");
                // saved with the events: the restarted service goes on from there, not from the group's offsets
                assertEquals(appliedBeforeKill, ConsumerCrash.savedPositions(jdbcUrl, AgencyEventsConsumer.CONSUMER),
                        "the database's positions stand where its events applied do");

                service.start();
                await("every merger applied and committed, every event published").atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500)).until(() -> {
                            service.checkAlive();
                            return applied(jdbcUrl) == events && broker.committedOffsets(GROUP, "agency.events") == events
                                    && Sql.number(jdbcUrl, "select count(*) from outbox_event where published_at is null") == 0;
                        });

                Map<String, String> expected = new HashMap<>();
                Map<String, String> movedTo = new HashMap<>();
                for (int i = 0; i < MERGERS; i++) {
                    expected.put(taskBySeq.get(String.valueOf(i)), successors.get(i) + " formerly " + merged.get(i));
                }
                Sql.rows(jdbcUrl, "select task_id, agency_id || ' formerly ' || former_agency_id from task_assignment",
                        (task, assignment) -> assertNull(movedTo.put(task, assignment), "one assignment per task"));
                assertEquals(expected, movedTo, "each task led by the successor of the unit that merged");
                assertEquals(MERGERS, Sql.number(jdbcUrl, "select count(*) from assignment_history"), "one history line per task");
                assertEquals(MERGERS, Sql.number(jdbcUrl, "select count(distinct task_id) from assignment_history"));

                Map<String, String> announced = new HashMap<>();
                Sql.rows(jdbcUrl, "select id::text, aggregate_id from outbox_event where event_type = 'org.luoshi.TaskReassigned'",
                        announced::put);
                assertEquals(Set.copyOf(taskBySeq.values()), Set.copyOf(announced.values()), "a TaskReassigned per task");
                assertEquals(MERGERS, announced.size(), "and only one");

                List<ConsumerRecord<String, String>> published = TopicReader.all(broker.clientProperties(), "task.events",
                        Duration.ofMinutes(1)).stream()
                        .filter(r -> "org.luoshi.TaskReassigned".equals(TopicReader.header(r, "ce_type"))).toList();
                Set<String> publishedIds = new HashSet<>();
                published.forEach(r -> publishedIds.add(TopicReader.header(r, "ce_id")));
                // the relay may have been killed between the broker's ack and its mark: a copy keeps its id
                assertEquals(announced.keySet(), publishedIds, "task.events carries exactly the outbox's TaskReassigned ids");
                System.out.printf("%d TaskReassigned published for %d tasks (copies of the same event after the kill: %d)%n",
                        published.size(), MERGERS, published.size() - publishedIds.size());

                assertEquals(agencyEventIds, ledger(jdbcUrl), "the processed-event ledger holds every event id, none twice");
                assertEquals(0, broker.endOffsets("agency.events.dlq"), "a restart is not a failure: nothing dead-lettered");
            }
        } finally {
            broker.stop();
        }
    }

    /** Each merging unit and its successor, as agency-service announces new units. */
    private void announceAgencies(KafkaBrokerProcess broker) {
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < MERGERS; i++) {
            merged.add(UUID.randomUUID());
            successors.add(UUID.randomUUID());
            events.add(agencyEvent("AgencyCreated", merged.get(i), "湖南省撤并局" + i, "ACTIVE", "", 0, null));
            events.add(agencyEvent("AgencyCreated", successors.get(i), "湖南省整合局" + i, "ACTIVE", "", 0, null));
        }
        publish(broker, events);
    }

    /** One merger per unit, each announced as agency-service does: the dissolved unit's snapshot with the merger. */
    private void announceMergers(KafkaBrokerProcess broker) {
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < MERGERS; i++) {
            String merger = """
                    {"id": "%s", "type": "MERGE", "effectiveOn": "2018-10-19", "originalIds": ["%s"], "resultingIds": ["%s"]}"""
                    .formatted(UUID.randomUUID(), merged.get(i), successors.get(i));
            events.add(agencyEvent("AgenciesMerged", merged.get(i), "湖南省撤并局" + i, "DISSOLVED",
                    "\"" + successors.get(i) + "\"", 1, merger));
        }
        publish(broker, events);
    }

    /** An agency event as agency-service publishes it: the agency's snapshot, and the reorganization if one. */
    static CloudEvent agencyEvent(String type, UUID id, String name, String status, String successorIds,
            long version, String reorganization) {
        return new CloudEvent(id.toString(), TopicWriter.newId(), type, """
                {"agency": {"id": "%s", "name": "%s", "classification": "DEPARTMENT", "level": "PROVINCE",
                 "divisionCode": "430000", "status": "%s", "successorIds": [%s], "version": %d}%s}"""
                .formatted(id, name, status, successorIds, version,
                        reorganization == null ? "" : ", \"reorganization\": " + reorganization));
    }

    private void publish(KafkaBrokerProcess broker, List<CloudEvent> events) {
        TopicWriter.cloudEvents(broker.clientProperties(), "agency.events", events);
        events.forEach(event -> agencyEventIds.add(event.id()));
    }

    /** One document, and task i led by merging unit i; answers the task ids by seq. */
    private Map<String, String> createTasks(String url) {
        String document = given().baseUri(url).auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("docNumber", "湘政办发〔2018〕99号", "title", "关于机构改革后工作衔接的通知",
                        "jurisdiction", "430000", "issuedOn", "2018-12-12"))
                .when().post("/api/v1/documents")
                .then().statusCode(201).extract().path("id");
        Map<String, String> taskBySeq = new HashMap<>();
        for (int i = 0; i < MERGERS; i++) {
            String seq = String.valueOf(i);
            taskBySeq.put(seq, given().baseUri(url).auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                    .body(Map.of("seq", seq, "title", "任务" + seq, "assignments",
                            List.of(Map.of("agencyId", merged.get(i).toString(), "role", "LEAD"))))
                    .when().post("/api/v1/documents/" + document + "/tasks")
                    .then().statusCode(201).extract().path("id"));
        }
        return taskBySeq;
    }

    /** The packaged task-service on the test infrastructure, with nothing of its own adding events. */
    static Map<String, String> serviceConfig(String jdbcUrl, KafkaBrokerProcess broker) {
        Map<String, String> config = ConsumerCrash.serviceConfig(jdbcUrl, broker.bootstrapServers(), "agency-events");
        // nothing here imports: no token endpoint, no agency-service, and no deadline sweep adding events of its own
        config.put("quarkus.oidc-client.enabled", "false");
        config.put("luoshi.agency-service.authentication", "propagate");
        config.put("quarkus.rest-client.agency-service.url", "http://127.0.0.1:1");
        config.put("luoshi.supervision.interval", "off");
        return config;
    }

    /** Events in the consumer's processed-event ledger. */
    static long applied(String jdbcUrl) throws SQLException {
        return Sql.number(jdbcUrl, "select count(*) from processed_event where consumer = '" + AgencyEventsConsumer.CONSUMER + "'");
    }

    private static Set<String> ledger(String jdbcUrl) throws SQLException {
        Set<String> ids = new HashSet<>();
        Sql.rows(jdbcUrl, "select event_id, consumer from processed_event where consumer = '" + AgencyEventsConsumer.CONSUMER + "'",
                (id, consumer) -> assertTrue(ids.add(id), "event " + id + " recorded twice"));
        return ids;
    }
}
