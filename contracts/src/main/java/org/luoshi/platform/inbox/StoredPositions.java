package org.luoshi.platform.inbox;

import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Starts a consumer, whenever partitions are assigned to it, where its database says it stands
 * ({@link ConsumerPositions}) rather than at the group's committed offsets, and at the beginning of a partition the
 * database holds no position for (a new database; one from before positions were kept): the inbox makes an event read
 * again harmless, and the topics keep what a new replica needs (agency.events is compacted). A service declares one
 * per incoming channel, named in {@code mp.messaging.incoming.<channel>.consumer-rebalance-listener.name}.
 */
public abstract class StoredPositions implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(StoredPositions.class);
    /** The polling thread waits this long for the database before it goes on from the group's offsets. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final String consumer;
    private final ConsumerPositions positions;

    /** @param consumer the name the consumer's inbox and positions go by ({@link IdempotentConsumer#applyBatch}) */
    protected StoredPositions(String consumer, ConsumerPositions positions) {
        this.consumer = consumer;
        this.positions = positions;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> kafka, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> saved;
        try {
            saved = positions.load(consumer, partitions, READ_TIMEOUT);
        } catch (RuntimeException e) {
            // the first transaction will meet the same database: the consumer fails then, and is not stopped here
            LOG.warnf(e, "%s: positions not readable from the database; reading %s from the group's committed offsets",
                    consumer, partitions);
            return;
        }
        List<TopicPartition> unknown = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long next = saved.get(partition);
            if (next == null) {
                unknown.add(partition);
            } else {
                kafka.seek(partition, next);
            }
        }
        if (!unknown.isEmpty()) {
            LOG.infof("%s: the database holds no position in %s; reading from the beginning", consumer, unknown);
            kafka.seekToBeginning(unknown);
        }
        LOG.debugf("%s: assigned %s, from the database's positions %s", consumer, partitions, saved);
    }
}
