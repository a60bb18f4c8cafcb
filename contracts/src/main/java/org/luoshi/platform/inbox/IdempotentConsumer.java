package org.luoshi.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies an event once per consumer: the event id is recorded in the same transaction as the handler's writes,
 * so a redelivered or replayed event changes nothing twice.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    /** A failing transaction is tried again this often (a restarting database, a lost connection) before giving up. */
    private static final int RETRIES = 3;
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(2);

    private final Inbox inbox;

    public IdempotentConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    public Uni<Void> apply(String consumer, ConsumerRecord<String, String> record, Function<ReceivedEvent, Uni<Void>> handler) {
        ReceivedEvent event = ReceivedEvent.from(record);
        return Panache.withTransaction(() -> inbox.firstDelivery(consumer, event.id())
                .flatMap(first -> first ? handler.apply(event) : Uni.createFrom().voidItem()));
    }

    /**
     * Applies a poll's worth of events in one transaction, which costs little more than one event does: the ledger
     * takes every id with one statement and {@code handler} gets the data of the events not applied before, in the
     * order they came, so that it can write them in bulk. Acknowledges each record itself:
     * <ul>
     * <li>an event {@code read} refuses ({@link PoisonEventException}) is dead-lettered alone and the others go on;</li>
     * <li>a failing transaction is retried; when it keeps failing, each event is tried in a transaction of its own,
     * so that only an event that fails by itself is dead-lettered, never the whole poll.</li>
     * </ul>
     *
     * @param read turns an event into what {@code handler} writes; throws {@link PoisonEventException} for an event
     *        that will never be processable
     */
    public <T> Uni<Void> applyBatch(String consumer, KafkaRecordBatch<String, String> batch, Function<ReceivedEvent, T> read,
            Function<List<T>, Uni<Void>> handler) {
        List<Delivery<T>> readable = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                ReceivedEvent event = ReceivedEvent.from(consumerRecord(record));
                readable.add(new Delivery<>(record, event, read.apply(event)));
            } catch (PoisonEventException e) {
                refused.add(new Refused(record, e));
            }
        }
        // transactions need the consumer's Vert.x context, which acknowledgements and retries may have left
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return applyWithRetries(consumer, readable, handler, onContext)
                .map(applied -> true)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf(e, "%s: a batch of %d events failed; applying them one by one", consumer, readable.size());
                    return false;
                })
                .flatMap(whole -> whole ? acknowledge(readable) : oneByOne(consumer, readable, handler, onContext))
                .flatMap(done -> sequentially(refused, r -> deadLetter(consumer, r.record(), r.reason())));
    }

    private <T> Uni<Void> oneByOne(String consumer, List<Delivery<T>> deliveries, Function<List<T>, Uni<Void>> handler,
            Executor onContext) {
        return sequentially(deliveries, delivery -> applyWithRetries(consumer, List.of(delivery), handler, onContext)
                .flatMap(applied -> Uni.createFrom().completionStage(delivery.record()::ack))
                .onFailure().recoverWithUni(e -> deadLetter(consumer, delivery.record(), e)));
    }

    private <T> Uni<Void> applyWithRetries(String consumer, List<Delivery<T>> deliveries, Function<List<T>, Uni<Void>> handler,
            Executor onContext) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = deliveries.stream().map(d -> d.event().id()).toList();
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> inbox.firstDeliveries(consumer, ids)
                .flatMap(first -> {
                    List<T> fresh = new ArrayList<>();
                    for (Delivery<T> delivery : deliveries) {
                        // remove: an event delivered twice in one poll is applied once
                        if (first.remove(delivery.event().id())) {
                            fresh.add(delivery.data());
                        }
                    }
                    return fresh.isEmpty() ? Uni.createFrom().voidItem() : handler.apply(fresh);
                })))
                .runSubscriptionOn(onContext)
                .onFailure(e -> !(e instanceof PoisonEventException)).retry()
                .withBackOff(FIRST_RETRY, LAST_RETRY).atMost(RETRIES);
    }

    private static <T> Uni<Void> acknowledge(List<Delivery<T>> deliveries) {
        return sequentially(deliveries, delivery -> Uni.createFrom().completionStage(delivery.record()::ack));
    }

    private static Uni<Void> deadLetter(String consumer, KafkaRecord<String, String> record, Throwable reason) {
        ConsumerRecord<String, String> origin = consumerRecord(record);
        LOG.warnf(reason, "%s: event at %s-%d@%d dead-lettered", consumer, origin.topic(), origin.partition(), origin.offset());
        return Uni.createFrom().completionStage(() -> record.nack(reason));
    }

    private static <E> Uni<Void> sequentially(List<E> items, Function<E, Uni<Void>> step) {
        // a Uni<Void> emits no item into the Multi: only completion and failure travel
        return Multi.createFrom().iterable(items).onItem().<Void>transformToUniAndConcatenate(step::apply)
                .collect().last().replaceWithVoid();
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("a record of a batch without its Kafka metadata"));
    }

    private record Delivery<T>(KafkaRecord<String, String> record, ReceivedEvent event, T data) {
    }

    private record Refused(KafkaRecord<String, String> record, PoisonEventException reason) {
    }
}
