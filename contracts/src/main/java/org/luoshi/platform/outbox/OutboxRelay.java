package org.luoshi.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka as binary-mode CloudEvents, in commit order, and marks them published only after
 * the broker acknowledged them. It wakes when a transaction that wrote events commits (LISTEN/NOTIFY, see
 * {@link OutboxNotifications}) and polls only as a fallback. A crash between publish and mark republishes the same
 * rows with the same ids, which consumers discard: delivery is at least once, exactly once in effect.
 *
 * <p>One relay publishes at a time, whichever replica holds the transaction-scoped advisory lock: two replicas
 * publishing batches side by side could put two changes of one aggregate on Kafka in the wrong order, and so could a
 * pass that claimed rows past a stuck one's. Each batch is bounded in time (its statements, its idle time in the
 * transaction, and the whole batch), so a lost database connection releases the lock instead of stopping publishing.
 * A row that Kafka refuses for what it is (too large, unserializable) is parked with the reason and the rows after
 * it go on; a broker that cannot be reached fails the pass, which is tried again, with every row in its place.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * The advisory lock of the relay, the same in every replica of a service (each service has its own database); an
     * operator holding it ({@code select pg_advisory_lock(…)}) pauses publishing.
     */
    public static final long RELAY_LOCK = 0x6c756f736869L; // "luoshi"
    /** The batch's bounds (local to its transaction) and the relay's lock, in one round trip. */
    private static final String LOCK = """
            select set_config('statement_timeout', $1, true), set_config('idle_in_transaction_session_timeout', $1, true),
                   pg_try_advisory_xact_lock($2) as locked""";
    private static final String CLAIM = """
            select id, topic, aggregate_id, event_type, payload::text as payload, occurred_at
            from outbox_event where published_at is null and parked_at is null
            order by position limit $1""";
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = now() where id = any($1)";
    private static final String PARK = "update outbox_event set parked_at = now(), park_reason = $2 where id = $1";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final OutboxNotifications notifications;
    private final URI source;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile boolean stopped;

    public OutboxRelay(Pool pool, @Channel("outbox") MutinyEmitter<String> emitter, OutboxConfig config,
            OutboxNotifications notifications) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.notifications = notifications;
        this.source = URI.create(config.source());
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            notifications.listen(this::wake);
            wake();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    @Scheduled(every = "${luoshi.outbox.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (config.relayEnabled()) {
            wake();
        }
    }

    /** Asks for a drain; at most one runs at a time, and a wake during a drain causes one more pass. */
    public void wake() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            runPass();
        }
    }

    private void runPass() {
        requested.set(false);
        drainAll().subscribe().with(published -> finishPass(), failure -> {
            LOG.warnf("outbox relay could not publish, will retry: %s", failure.getMessage());
            finishPass();
        });
    }

    private void finishPass() {
        running.set(false);
        if (requested.get() && !stopped && running.compareAndSet(false, true)) {
            runPass();
        }
    }

    /**
     * Publishes batches until the outbox is empty; answers how many rows were published. Each batch is bounded in
     * time, not the drain: a backlog after an outage takes as long as it takes.
     */
    public Uni<Integer> drainAll() {
        return publishBatch().ifNoItem().after(config.passTimeout()).fail().flatMap(count -> count < config.batchSize()
                ? Uni.createFrom().item(count)
                : drainAll().map(more -> count + more));
    }

    /**
     * Claims one batch, publishes it and marks it, all in one transaction; nothing when another relay is publishing
     * (it drains what this one was woken for).
     */
    public Uni<Integer> publishBatch() {
        String timeout = Math.max(1, config.passTimeout().toMillis()) + "ms";
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK).execute(Tuple.of(timeout, RELAY_LOCK))
                .flatMap(lock -> !lock.iterator().next().getBoolean("locked") ? Uni.createFrom().item(0)
                        : connection.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize()))
                                .flatMap(rows -> publishAndMark(connection, rows))));
    }

    /**
     * What became of one row's send: acknowledged when failure is null; refusal is why Kafka refuses the record itself,
     * null for a failure of the broker or the network.
     */
    private record Sent(UUID id, String eventType, Throwable failure, String refusal) {
    }

    private Uni<Integer> publishAndMark(SqlConnection connection, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Sent>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            UUID id = row.getUUID("id");
            String type = row.getString("event_type");
            sends.add(emitter.sendMessage(toMessage(row)).replaceWith(new Sent(id, type, null, null))
                    .onFailure().recoverWithItem(failure -> new Sent(id, type, failure, refusedForWhatItIs(failure))));
        }
        // every send settles before the transaction ends: a row is marked only once the broker has it
        return Uni.join().all(sends).andFailFast().flatMap(sent -> {
            List<Sent> failed = sent.stream().filter(s -> s.failure() != null).toList();
            Sent transientFailure = failed.stream().filter(s -> s.refusal() == null).findFirst().orElse(null);
            if (transientFailure != null) {
                // the broker or the network: every row stays where it is and the pass is tried again
                return Uni.createFrom().failure(transientFailure.failure());
            }
            UUID[] published = sent.stream().filter(s -> s.failure() == null).map(Sent::id).toArray(UUID[]::new);
            Uni<Void> parked = Uni.createFrom().voidItem();
            for (Sent refused : failed) {
                LOG.errorf("outbox event %s (%s) parked, Kafka refuses it: %s; the events after it go on."
                        + " See docs/operations.md, parked outbox events", refused.id(), refused.eventType(), refused.refusal());
                parked = parked.flatMap(x -> connection.preparedQuery(PARK).execute(Tuple.of(refused.id(), refused.refusal()))
                        .replaceWithVoid());
            }
            return parked.flatMap(x -> connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(published)))
                    .map(marked -> sent.size());
        });
    }

    /**
     * The reason Kafka refused the record itself (the same record would be refused at every try), or null when the
     * failure is the broker's or the network's.
     */
    static String refusedForWhatItIs(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof SerializationException
                    || cause instanceof InvalidRecordException) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return null;
    }

    private Message<String> toMessage(Row row) {
        String aggregateId = row.getString("aggregate_id");
        var cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.getUUID("id").toString())
                .withType(row.getString("event_type"))
                .withSource(source)
                .withSubject(aggregateId)
                .withDataContentType("application/json")
                .withTimestamp(row.getOffsetDateTime("occurred_at").atZoneSameInstant(ZoneOffset.UTC))
                .build();
        var kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(aggregateId)
                .build();
        return Message.of(row.getString("payload")).addMetadata(cloudEvent).addMetadata(kafka);
    }
}
