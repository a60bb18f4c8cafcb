package org.luoshi.platform.housekeeping;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes the bookkeeping rows that have done their work, which would otherwise grow without end: outcomes of
 * Idempotency-Keys past their replay window, claims of requests that died before recording an outcome, and the inbox's
 * records of events applied long ago. Published outbox events and audit entries are kept: they are the service's
 * record of what happened.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    // ctid batches: each statement deletes at most $n rows, found by the indexes on the timestamps. The ages ($1, $2
    // in seconds) are counted from the database's clock; processed_event is stamped by it too, idempotency_record by
    // the service's (UTC), so a skew between the two clocks (kept in step by NTP) only moves a key's expiry by as much
    private static final String EXPIRED_KEYS = """
            delete from idempotency_record where ctid = any(array(
                select ctid from idempotency_record
                where (status is not null and created_at < now() - $1::bigint * interval '1 second')
                   or (status is null and created_at < now() - $2::bigint * interval '1 second')
                limit $3))""";
    private static final String OLD_PROCESSED_EVENTS = """
            delete from processed_event where ctid = any(array(
                select ctid from processed_event where processed_at < now() - $1::bigint * interval '1 second' limit $2))""";

    /** Rows deleted by one sweep. */
    public record Swept(long idempotencyKeys, long processedEvents) {
    }

    private final Pool database;
    private final HousekeepingConfig config;

    public Housekeeping(Pool database, HousekeepingConfig config) {
        this.database = database;
        this.config = config;
    }

    // first a few minutes after start, so that a service restarted often still sweeps
    @Scheduled(every = "${luoshi.housekeeping.every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> onSchedule() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return sweep()
                .invoke(swept -> LOG.debugf("housekeeping: %s", swept))
                .onFailure().invoke(e -> LOG.warnf("housekeeping failed, will try at the next run: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes what is past its time now; answers how many rows went. Replicas may sweep at once: deletes do not conflict. */
    public Uni<Swept> sweep() {
        Tuple keys = Tuple.of(config.idempotencyKeysKept().toSeconds(), config.unfinishedRequestsKept().toSeconds(),
                (long) config.batchSize());
        Tuple events = Tuple.of(config.processedEventsKept().toSeconds(), (long) config.batchSize());
        return deleteAll(EXPIRED_KEYS, keys)
                .flatMap(expiredKeys -> deleteAll(OLD_PROCESSED_EVENTS, events)
                        .map(processedEvents -> new Swept(expiredKeys, processedEvents)));
    }

    /** Runs the batch delete until a batch comes back short. */
    private Uni<Long> deleteAll(String delete, Tuple arguments) {
        return database.preparedQuery(delete).execute(arguments).flatMap(result -> result.rowCount() < config.batchSize()
                ? Uni.createFrom().item((long) result.rowCount())
                : deleteAll(delete, arguments).map(more -> more + result.rowCount()));
    }
}
