package org.luoshi.task.directory;

import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Singleton;
import org.luoshi.platform.inbox.ConsumerPositions;
import org.luoshi.platform.inbox.StoredPositions;

/** Starts agency.events where the directory replica stands: a new or restored database is filled in again. */
@Singleton
@Identifier("agency-events-positions")
public class AgencyEventsPositions extends StoredPositions {

    public AgencyEventsPositions(ConsumerPositions positions) {
        super(AgencyEventsConsumer.CONSUMER, positions);
    }
}
