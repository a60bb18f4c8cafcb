package org.luoshi.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay publishes; see application.properties of each service. */
@ConfigMapping(prefix = "luoshi.outbox")
public interface OutboxConfig {

    /** CloudEvents source of the events this service publishes, e.g. /luoshi/task-service. */
    String source();

    /** Whether this instance runs the relay (every replica may; one publishes at a time, see OutboxRelay). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per transaction. */
    @WithDefault("200")
    int batchSize();

    /**
     * The longest one batch may take to be claimed, published and marked: a batch still running then fails (and is
     * tried again), and its transaction's statements and idle time are bounded by it too, so a lost connection
     * releases the relay's lock. Longer than the producer's delivery.timeout.ms.
     */
    @WithDefault("60s")
    Duration passTimeout();

    /** Fallback poll, for a missed notification or a failed publish; the relay normally wakes on commit. */
    @WithDefault("2s")
    Duration pollInterval();
}
