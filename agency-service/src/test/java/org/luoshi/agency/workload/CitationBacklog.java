package org.luoshi.agency.workload;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.luoshi.platform.testing.KafkaBrokerProcess;
import org.luoshi.platform.testing.Sql;
import org.luoshi.platform.testing.TopicWriter;
import org.luoshi.platform.testing.TopicWriter.CloudEvent;

/**
 * A backlog of task.events for the tests that disturb agency-service's consumer: each name cited {@code perName}
 * times by different tasks, interleaved as imports would cite them. The curation queue counts each citation, so an
 * event applied twice shows as one too many, one lost as one too few.
 */
record CitationBacklog(List<String> names, int perName, String jurisdiction) {

    int events() {
        return names.size() * perName;
    }

    /** Publishes the backlog; the ids of its events. */
    Set<String> publish(KafkaBrokerProcess broker) {
        List<CloudEvent> events = new ArrayList<>(events());
        for (int i = 0; i < events(); i++) {
            String task = UUID.randomUUID().toString();
            events.add(new CloudEvent(task, TopicWriter.newId(), "AgencyReferenceUnresolved", """
                    {"taskId": "%s", "documentId": "%s", "seq": "%d", "rawName": "%s", "jurisdiction": "%s", "role": "LEAD"}"""
                    .formatted(task, UUID.randomUUID(), i, names.get(i % names.size()), jurisdiction)));
        }
        TopicWriter.cloudEvents(broker.clientProperties(), "task.events", events);
        Set<String> ids = new HashSet<>();
        events.forEach(event -> ids.add(event.id()));
        return ids;
    }

    /** Each name cited once per citation: what the curation queue holds when every event was applied exactly once. */
    Map<String, Long> expectedOccurrences() {
        Map<String, Long> expected = new LinkedHashMap<>();
        names.forEach(name -> expected.put(name, (long) perName));
        return expected;
    }

    /** Events in the consumer's processed-event ledger; none before the service's migrations made it. */
    static long applied(String jdbcUrl) throws SQLException {
        if (Sql.number(jdbcUrl, "select count(*) from pg_tables where tablename = 'processed_event'") == 0) {
            return 0;
        }
        return Sql.number(jdbcUrl, "select count(*) from processed_event where consumer = '" + TaskEventsConsumer.CONSUMER + "'");
    }

    /** The curation queue's count of each name, in the order of {@link #names()} (then any other name). */
    Map<String, Long> occurrences(String jdbcUrl) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        Sql.rows(jdbcUrl, "select raw_name, occurrences from unresolved_name where jurisdiction = '" + jurisdiction + "'",
                (name, occurrences) -> counts.put(name, Long.parseLong(occurrences)));
        Map<String, Long> ordered = new LinkedHashMap<>();
        names.stream().filter(counts::containsKey).forEach(name -> ordered.put(name, counts.remove(name)));
        ordered.putAll(counts);
        return ordered;
    }
}
