package org.luoshi.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StoredPositionsTest {

    @Test
    void aDatabaseThatCannotBeReadAtAssignmentStopsTheConsumerRatherThanReadingFromElsewhere() throws Exception {
        int nothingListens;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingListens = probe.getLocalPort();
        }
        Vertx vertx = Vertx.vertx();
        Pool database = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(nothingListens)
                .setDatabase("luoshi").setUser("luoshi").setPassword("luoshi")).using(vertx).build();
        try {
            StoredPositions listener = new StoredPositions("test-consumer", new ConsumerPositions(database),
                    Duration.ofSeconds(3)) {
            };
            // the consumer is not touched: no seek to anywhere, not even the group's offsets, which a restored
            // database would have skipped past
            IllegalStateException stopped = assertThrows(IllegalStateException.class,
                    () -> listener.onPartitionsAssigned(null, List.of(new TopicPartition("agency.events", 0))));
            assertTrue(stopped.getMessage().contains("cannot read its positions from the database"), stopped.getMessage());
        } finally {
            database.closeAndAwait();
            vertx.closeAndAwait();
        }
    }
}
