package org.luoshi.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The processed-event log: what a consumer has applied, kept in the same transaction as its own change. */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            insert into processed_event (consumer, event_id) values (:consumer, :eventId)
            on conflict do nothing""";

    /** Records the event for this consumer in the current transaction; false when it had been applied before. */
    public Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
