package org.luoshi.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.luoshi.platform.sql.BulkInsert;

/** The processed-event log: what a consumer has applied, kept in the same transaction as its own change. */
@ApplicationScoped
public class Inbox {

    private static final BulkInsert RECORD = BulkInsert.into("processed_event", "consumer text", "event_id text")
            .onConflict("do nothing");

    /** Records the event for this consumer in the current transaction; false when it had been applied before. */
    public Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return firstDeliveries(consumer, List.of(eventId)).map(first -> !first.isEmpty());
    }

    /**
     * Records the events for this consumer with one statement in the current transaction.
     *
     * @return the ids not applied before (each once, though an id may come twice)
     */
    public Uni<Set<String>> firstDeliveries(String consumer, Collection<String> eventIds) {
        BulkInsert.Rows rows = RECORD.rows();
        eventIds.forEach(id -> rows.add(consumer, id));
        return Panache.getSession()
                .flatMap(session -> rows.insertReturning(session, "event_id", String.class))
                .map(HashSet::new);
    }
}
