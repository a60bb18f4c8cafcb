package org.luoshi.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies an event once per consumer: the event id is recorded in the same transaction as the handler's writes,
 * so a redelivered or replayed event changes nothing twice.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final Inbox inbox;

    public IdempotentConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    public Uni<Void> apply(String consumer, ConsumerRecord<String, String> record, Function<ReceivedEvent, Uni<Void>> handler) {
        ReceivedEvent event = ReceivedEvent.from(record);
        return Panache.withTransaction(() -> inbox.firstDelivery(consumer, event.id())
                .flatMap(first -> first ? handler.apply(event) : Uni.createFrom().voidItem()));
    }
}
