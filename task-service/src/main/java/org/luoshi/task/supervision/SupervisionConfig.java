package org.luoshi.task.supervision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** luoshi.supervision.*: how the supervision sweep judges deadlines and silence. */
@ConfigMapping(prefix = "luoshi.supervision")
public interface SupervisionConfig {

    /** How often the sweep runs (a Quarkus duration, e.g. 1h, 15m). */
    @WithDefault("1h")
    String interval();

    /** An open task with no progress for this many days is stale. */
    @WithDefault("30")
    int staleAfterDays();
}
