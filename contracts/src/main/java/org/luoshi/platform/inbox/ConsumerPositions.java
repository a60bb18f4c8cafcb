package org.luoshi.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.luoshi.platform.sql.BulkInsert;

/**
 * The offset each consumer reads next in each partition, kept in the service's database beside the inbox. Kafka's
 * committed offsets live outside the database: after a restore to an earlier point they are ahead of the data, and a
 * new database starts from them with nothing. Positions saved in the transaction that applies the events never are.
 */
@ApplicationScoped
public class ConsumerPositions {

    private static final BulkInsert SAVE = BulkInsert.into("consumer_position", "consumer text", "topic text",
            "kafka_partition int", "next_offset bigint")
            .onConflict("(consumer, topic, kafka_partition) do update set next_offset = excluded.next_offset,"
                    + " updated_at = now()");
    private static final String LOAD = "select topic, kafka_partition, next_offset from consumer_position where consumer = $1";
    private static final String APPLIED_BEFORE = "select exists (select 1 from processed_event where consumer = $1)";

    private final Pool database;

    public ConsumerPositions(Pool database) {
        this.database = database;
    }

    /** Saves the positions in the current transaction; a partition appears once in {@code next}. */
    public Uni<Void> save(String consumer, Map<TopicPartition, Long> next) {
        BulkInsert.Rows rows = SAVE.rows();
        next.forEach((partition, offset) -> rows.add(consumer, partition.topic(), partition.partition(), offset));
        return Panache.getSession().flatMap(rows::insert).replaceWithVoid();
    }

    /**
     * What the database says of a consumer.
     *
     * @param positions the partitions that have a saved position, with it
     * @param appliedBefore whether the inbox holds events the consumer applied: a database from before positions were
     *        kept, unless it is new (read only when a partition has no saved position)
     */
    public record Saved(Map<TopicPartition, Long> positions, boolean appliedBefore) {
    }

    /**
     * Reads the consumer's saved positions in {@code partitions}, waiting at most {@code timeout}: for the Kafka
     * polling thread, which may block.
     */
    public Saved load(String consumer, Collection<TopicPartition> partitions, Duration timeout) {
        Map<TopicPartition, Long> saved = new HashMap<>();
        for (Row row : database.preparedQuery(LOAD).execute(Tuple.of(consumer)).await().atMost(timeout)) {
            TopicPartition partition = new TopicPartition(row.getString("topic"), row.getInteger("kafka_partition"));
            if (partitions.contains(partition)) {
                saved.put(partition, row.getLong("next_offset"));
            }
        }
        boolean appliedBefore = saved.size() < partitions.size()
                && database.preparedQuery(APPLIED_BEFORE).execute(Tuple.of(consumer)).await().atMost(timeout)
                        .iterator().next().getBoolean(0);
        return new Saved(saved, appliedBefore);
    }
}
