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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.luoshi.platform.sql.SqlState;

/**
 * Applies an event once per consumer: the event id is recorded in the same transaction as the handler's writes,
 * so a redelivered or replayed event changes nothing twice; and so is the consumer's position in each partition
 * ({@link ConsumerPositions}), from which {@link StoredPositions} starts it again.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    /** A failing transaction is tried again this often (a restarting database, a lost connection) before giving up. */
    private static final int RETRIES = 3;
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(2);

    private final Inbox inbox;
    private final ConsumerPositions positions;

    public IdempotentConsumer(Inbox inbox, ConsumerPositions positions) {
        this.inbox = inbox;
        this.positions = positions;
    }

    /**
     * Applies a poll's worth of events in one transaction, which costs little more than one event does: the ledger
     * takes every id with one statement and {@code handler} gets the data of the events not applied before, in the
     * order they came, so that it can write them in bulk. Then:
     * <ul>
     * <li>an event {@code read} refuses is dead-lettered alone and the others go on;</li>
     * <li>a transaction failing for a passing reason (a lost connection) is retried; one the database refuses for the
     * data (SQLSTATE classes 22 and 23), or one still failing after the retries, is split: each event is applied in a
     * transaction of its own, and only the events the database refuses by themselves are dead-lettered;</li>
     * <li>an event that still fails for a passing reason on its own fails the channel (health turns DOWN and the
     * events are delivered again after a restart): a database outage never sends good events to the dead-letter
     * topic.</li>
     * </ul>
     * Dead letters are written before the poll is acknowledged, so a crash in between redelivers the poll rather than
     * losing a dead letter. For the same reason the positions saved with the poll's events stop, in each partition, at
     * its first event to be dead-lettered; the positions past the whole poll are saved once its dead letters are sent.
     *
     * @param read turns an event into what {@code handler} writes; an exception means the event will never be
     *        processable ({@link PoisonEventException} says why)
     */
    public <T> Uni<Void> applyBatch(String consumer, KafkaRecordBatch<String, String> batch, Function<ReceivedEvent, T> read,
            Function<List<T>, Uni<Void>> handler) {
        return Uni.createFrom().deferred(() -> {
            // transactions need the consumer's Vert.x context, which acknowledgements and retries may have left
            Context context = Vertx.currentContext();
            Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
            List<Delivery<T>> readable = new ArrayList<>();
            List<Refused> refused = new ArrayList<>();
            for (KafkaRecord<String, String> record : batch.getRecords()) {
                try {
                    ReceivedEvent event = ReceivedEvent.from(consumerRecord(record));
                    readable.add(new Delivery<>(record, event, read.apply(event)));
                } catch (RuntimeException e) {
                    refused.add(new Refused(record, e));
                }
            }
            // the positions past the poll; saved with its events only up to each partition's first unreadable one
            Map<TopicPartition, Long> past = new HashMap<>();
            batch.getRecords().stream().map(Position::of)
                    .forEach(at -> past.merge(at.topicPartition(), at.offset() + 1, Math::max));
            Map<TopicPartition, Long> savedWithEvents = new HashMap<>(past);
            refused.stream().map(r -> Position.of(r.record()))
                    .forEach(at -> savedWithEvents.merge(at.topicPartition(), at.offset(), Math::min));
            // whether the poll's transaction saved the positions past all of it; else they are saved at the end
            AtomicBoolean pastSaved = new AtomicBoolean();
            return applyWithRetries(consumer, readable, savedWithEvents, handler, onContext)
                    .invoke(() -> pastSaved.set(!readable.isEmpty() && refused.isEmpty()))
                    .map(applied -> List.<Refused>of())
                    .onFailure().recoverWithUni(e -> {
                        LOG.warnf(e, "%s: a poll of %d events failed; applying them one by one", consumer, readable.size());
                        return oneByOne(consumer, readable, handler, onContext);
                    })
                    .flatMap(failed -> {
                        List<Refused> deadLetters = new ArrayList<>(refused);
                        deadLetters.addAll(failed);
                        return sequentially(deadLetters, r -> deadLetter(consumer, r.record(), r.reason()))
                                .flatMap(done -> pastSaved.get() || past.isEmpty() ? Uni.createFrom().voidItem()
                                        : withRetries(() -> positions.save(consumer, past), onContext))
                                .flatMap(done -> acknowledge(batch, deadLetters));
                    });
        });
    }

    /** @return the events the database refused by themselves; fails when one fails for a passing reason */
    private <T> Uni<List<Refused>> oneByOne(String consumer, List<Delivery<T>> deliveries, Function<List<T>, Uni<Void>> handler,
            Executor onContext) {
        List<Refused> refused = new ArrayList<>();
        // no positions: they are saved past the whole poll at its end, once its dead letters are sent
        return sequentially(deliveries, delivery -> applyWithRetries(consumer, List.of(delivery), Map.of(), handler, onContext)
                .onFailure(IdempotentConsumer::isPermanent).recoverWithItem(e -> {
                    refused.add(new Refused(delivery.record(), e));
                    return null;
                }))
                .map(done -> refused);
    }

    private <T> Uni<Void> applyWithRetries(String consumer, List<Delivery<T>> deliveries, Map<TopicPartition, Long> next,
            Function<List<T>, Uni<Void>> handler, Executor onContext) {
        if (deliveries.isEmpty()) {
            // a poll of unreadable events only: nothing moves until they are dead-lettered
            return Uni.createFrom().voidItem();
        }
        List<String> ids = deliveries.stream().map(d -> d.event().id()).toList();
        return withRetries(() -> inbox.firstDeliveries(consumer, ids)
                .flatMap(first -> {
                    List<T> fresh = new ArrayList<>();
                    for (Delivery<T> delivery : deliveries) {
                        // remove: an event delivered twice in one poll is applied once
                        if (first.remove(delivery.event().id())) {
                            fresh.add(delivery.data());
                        }
                    }
                    return fresh.isEmpty() ? Uni.createFrom().voidItem() : handler.apply(fresh);
                })
                .flatMap(applied -> next.isEmpty() ? Uni.createFrom().voidItem() : positions.save(consumer, next)), onContext);
    }

    /** {@code work} in a transaction on the consumer's context, tried again when it fails for a passing reason. */
    private static Uni<Void> withRetries(Supplier<Uni<Void>> work, Executor onContext) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(work))
                .runSubscriptionOn(onContext)
                .onFailure(e -> !isPermanent(e)).retry()
                .withBackOff(FIRST_RETRY, LAST_RETRY).atMost(RETRIES);
    }

    /** Failures that would come again with the same data: an unreadable event, a value or constraint the database refuses. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PoisonEventException) {
                return true;
            }
        }
        return SqlState.isDataOrConstraintRefusal(failure);
    }

    /**
     * Acknowledges the last record of each partition, which commits the partition up to it. (Acknowledging every
     * record would leave their offsets in the commit strategy, which tracks the last ones only; a dead-lettered record
     * was acknowledged by the dead-letter handler already.)
     */
    private static Uni<Void> acknowledge(KafkaRecordBatch<String, String> batch, List<Refused> deadLettered) {
        Set<Position> settled = new HashSet<>();
        deadLettered.forEach(r -> settled.add(Position.of(r.record())));
        List<KafkaRecord<String, String>> last = batch.getLatestOffsetRecords().values().stream()
                .filter(record -> !settled.contains(Position.of(record)))
                .toList();
        return sequentially(last, record -> Uni.createFrom().completionStage(record::ack));
    }

    /** Where a record sits in the topic. */
    private record Position(String topic, int partition, long offset) {
        static Position of(KafkaRecord<String, String> record) {
            ConsumerRecord<String, String> origin = consumerRecord(record);
            return new Position(origin.topic(), origin.partition(), origin.offset());
        }

        TopicPartition topicPartition() {
            return new TopicPartition(topic, partition);
        }
    }

    private static Uni<Void> deadLetter(String consumer, KafkaRecord<String, String> record, Throwable reason) {
        ConsumerRecord<String, String> origin = consumerRecord(record);
        LOG.warnf(reason, "%s: event at %s-%d@%d dead-lettered", consumer, origin.topic(), origin.partition(), origin.offset());
        // the connector's dead-letter handler sends the record and acknowledges it; a failed send fails the channel
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

    private record Refused(KafkaRecord<String, String> record, Throwable reason) {
    }
}
