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
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka as binary-mode CloudEvents, in commit order, and marks them published only after
 * the broker acknowledged them. It wakes when a transaction that wrote events commits (LISTEN/NOTIFY, see
 * {@link OutboxNotifications}) and polls only as a fallback. A crash between publish and mark republishes the same
 * rows with the same ids, which consumers discard: delivery is at least once, exactly once in effect.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = """
            select id, topic, aggregate_id, event_type, payload::text as payload, occurred_at
            from outbox_event where published_at is null
            order by position limit $1 for update skip locked""";
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = now() where id = any($1)";

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

    /** Publishes batches until the outbox is empty; answers how many rows were published. */
    public Uni<Integer> drainAll() {
        return publishBatch().flatMap(count -> count < config.batchSize()
                ? Uni.createFrom().item(count)
                : drainAll().map(more -> count + more));
    }

    /** Claims one batch, publishes it and marks it, all in one transaction. */
    public Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(config.batchSize()))
                .flatMap(rows -> publishAndMark(connection, rows)));
    }

    private Uni<Integer> publishAndMark(SqlConnection connection, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> sends = new ArrayList<>(rows.size());
        List<UUID> ids = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getUUID("id"));
            sends.add(emitter.sendMessage(toMessage(row)));
        }
        return Uni.join().all(sends).andFailFast()
                .flatMap(acknowledged -> connection.preparedQuery(MARK_PUBLISHED)
                        .execute(Tuple.of(ids.toArray(UUID[]::new))))
                .map(marked -> ids.size());
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
