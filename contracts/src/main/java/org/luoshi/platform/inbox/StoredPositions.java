package org.luoshi.platform.inbox;

import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Starts a consumer, whenever partitions are assigned to it, where its database says it stands
 * ({@link ConsumerPositions}) rather than at the group's committed offsets. A partition the database holds no position
 * for is read from its beginning when the consumer's inbox is empty too (a new database: the inbox makes an event read
 * again harmless, and the topics keep what a new replica needs, agency.events being compacted), and from the group's
 * committed offsets when the inbox holds events (a database from before positions were kept: reading from the
 * beginning would meet events whose inbox records housekeeping has deleted). A service declares one per incoming
 * channel, named in {@code mp.messaging.incoming.<channel>.consumer-rebalance-listener.name}.
 */
public abstract class StoredPositions implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(StoredPositions.class);
    /** Each read of the positions waits this long for the database. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Reads are tried again for this long before the consumer gives up, well inside the poll interval after which
     * Kafka would take the partitions away (max.poll.interval.ms, 5 minutes).
     */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);
    private static final Duration PAUSE = Duration.ofSeconds(2);

    private final String consumer;
    private final ConsumerPositions positions;
    private final Duration giveUpAfter;

    /** @param consumer the name the consumer's inbox and positions go by ({@link IdempotentConsumer#applyBatch}) */
    protected StoredPositions(String consumer, ConsumerPositions positions) {
        this(consumer, positions, GIVE_UP_AFTER);
    }

    /** @param giveUpAfter how long reads of the positions are tried before the consumer stops (tests shorten it) */
    protected StoredPositions(String consumer, ConsumerPositions positions, Duration giveUpAfter) {
        this.consumer = consumer;
        this.positions = positions;
        this.giveUpAfter = giveUpAfter;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> kafka, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        ConsumerPositions.Saved saved = load(partitions);
        List<TopicPartition> unknown = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long next = saved.positions().get(partition);
            if (next == null) {
                unknown.add(partition);
            } else {
                kafka.seek(partition, next);
            }
        }
        commitToGroup(kafka, saved.positions());
        if (unknown.isEmpty()) {
            LOG.debugf("%s: assigned %s, from the database's positions %s", consumer, partitions, saved.positions());
        } else if (saved.appliedBefore()) {
            LOG.infof("%s: the database holds no position in %s but has applied events; reading from the group's"
                    + " committed offsets", consumer, unknown);
        } else {
            LOG.infof("%s: the database holds no position in %s; reading from the beginning", consumer, unknown);
            kafka.seekToBeginning(unknown);
        }
    }

    /**
     * Tells the group where the consumer stands: the connector commits a partition's offset only after it handles a
     * record there, so a partition whose events were all applied before a crash, but not yet committed, would show a
     * lag to monitoring (and to a consumer without positions) until its next event.
     */
    private void commitToGroup(Consumer<?, ?> kafka, Map<TopicPartition, Long> saved) {
        if (saved.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        saved.forEach((partition, next) -> offsets.put(partition, new OffsetAndMetadata(next)));
        try {
            kafka.commitSync(offsets);
        } catch (RuntimeException e) {
            // the database's positions decide where reading starts; the group's offsets only inform
            LOG.warnf("%s: could not commit the database's positions %s to the group: %s", consumer, saved, e.getMessage());
        }
    }

    /**
     * The saved positions, read on the polling thread (which may block). A database that cannot be read stops the
     * consumer: starting from the group's offsets instead would skip, for good, the events a restored database lacks.
     */
    private ConsumerPositions.Saved load(Collection<TopicPartition> partitions) {
        long giveUpAt = System.nanoTime() + giveUpAfter.toNanos();
        while (true) {
            try {
                return positions.load(consumer, partitions, READ_TIMEOUT);
            } catch (RuntimeException e) {
                if (System.nanoTime() - giveUpAt > 0) {
                    throw new IllegalStateException(consumer + ": cannot read its positions from the database; not"
                            + " reading " + partitions + " from anywhere else", e);
                }
                LOG.warnf("%s: positions not readable from the database, trying again: %s", consumer, e.getMessage());
                try {
                    Thread.sleep(PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(consumer + ": interrupted while reading its positions", e);
                }
            }
        }
    }
}
