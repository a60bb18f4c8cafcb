package org.luoshi.agency.workload;

import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Singleton;
import org.luoshi.platform.inbox.ConsumerPositions;
import org.luoshi.platform.inbox.StoredPositions;

/** Starts task.events where the workload and citations stand: a restored database reads again what it lost. */
@Singleton
@Identifier("task-events-positions")
public class TaskEventsPositions extends StoredPositions {

    public TaskEventsPositions(ConsumerPositions positions) {
        super(TaskEventsConsumer.CONSUMER, positions);
    }
}
