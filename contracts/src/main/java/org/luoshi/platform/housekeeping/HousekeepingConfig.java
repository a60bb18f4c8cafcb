package org.luoshi.platform.housekeeping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the platform's bookkeeping rows are kept; see {@link Housekeeping}. */
@ConfigMapping(prefix = "luoshi.housekeeping")
public interface HousekeepingConfig {

    /** Whether this instance sweeps (every replica may: the deletes do not conflict). */
    @WithDefault("true")
    boolean enabled();

    /** How often the sweep runs, as the scheduler reads it ({@code 1h}, {@code 15m}, or {@code off}). */
    @WithDefault("1h")
    String every();

    /** An Idempotency-Key's outcome is replayed for at least this long; after it the key is new again. */
    @WithDefault("24h")
    Duration idempotencyKeysKept();

    /**
     * A key claimed by a request that never recorded its outcome (its process died in between) answers "still being
     * processed" for this long, then is freed. Far longer than any request may run.
     */
    @WithDefault("15m")
    Duration unfinishedRequestsKept();

    /**
     * A consumer's record of an applied event is kept this long: a repeat of an event (the relay publishes again what
     * it could not mark) comes within minutes, and older events are behind the consumer's saved position.
     */
    @WithDefault("30d")
    Duration processedEventsKept();

    /** Rows deleted per statement, so that no sweep holds many locks or a long transaction. */
    @WithDefault("5000")
    int batchSize();
}
