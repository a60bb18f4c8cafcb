package org.luoshi.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.hibernate.JDBCException;
import org.junit.jupiter.api.Test;

/** Which failures split a poll and dead-letter an event, and which are retried and never dead-letter good events. */
class IdempotentConsumerTest {

    private static JDBCException database(String sqlState) {
        return new JDBCException("statement failed", new SQLException("refused", sqlState));
    }

    @Test
    void unreadableEventsAndDataTheDatabaseRefusesArePermanentHoweverWrapped() {
        assertTrue(IdempotentConsumer.isPermanent(new PoisonEventException("unreadable")));
        assertTrue(IdempotentConsumer.isPermanent(database("22001")), "value too long");
        assertTrue(IdempotentConsumer.isPermanent(database("23505")), "unique violation");
        assertTrue(IdempotentConsumer.isPermanent(new CompletionException(database("23503"))), "wrapped foreign-key violation");
    }

    @Test
    void lostConnectionsTimeoutsAndUnknownFailuresArePassing() {
        assertFalse(IdempotentConsumer.isPermanent(database("08006")), "connection failure");
        assertFalse(IdempotentConsumer.isPermanent(database("40001")), "serialization failure");
        assertFalse(IdempotentConsumer.isPermanent(database("57P01")), "server shutting down");
        assertFalse(IdempotentConsumer.isPermanent(database(null)));
        assertFalse(IdempotentConsumer.isPermanent(new IllegalStateException("pool closed")));
    }
}
