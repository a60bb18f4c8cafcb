package org.luoshi.platform.testing;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * A service's consumer killed part-way through a backlog of events, as a crash would kill it, for tests of what the
 * restarted service makes of the events it had applied but whose offsets the group had not yet committed to Kafka.
 */
public final class ConsumerCrash {

    /** A count read from outside the service: events in its ledger, offsets the broker holds for its group. */
    @FunctionalInterface
    public interface Count {
        long get() throws Exception;
    }

    /** Where the service stood when it was killed the last time. */
    public record Outcome(long applied, long committed) {
    }

    private ConsumerCrash() {
    }

    /**
     * Lets the service work on a backlog of {@code backlog} events following {@code before} already applied ones and
     * SIGKILLs it once a quarter of the backlog is applied. A kill right after an offset commit leaves nothing to
     * redeliver, so then it starts the service again and kills it further on (at most three kills). The service is
     * launched when it is not running.
     */
    public static Outcome killMidBacklog(ServiceProcess service, long before, long backlog, Count applied, Count committed)
            throws Exception {
        Outcome outcome;
        int kills = 0;
        do {
            long target = before + backlog * ++kills / 4;
            if (!service.isRunning()) {
                // not waiting for readiness: the consumer starts on the backlog before the HTTP port opens
                service.launch();
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (applied.get() < target) {
                service.checkAlive();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.name() + " applied fewer than " + target + " events in 3 min");
                }
                Thread.sleep(20);
            }
            service.kill();
            outcome = new Outcome(applied.get(), committed.get());
            System.out.printf("%s killed with %d of %d events applied, %d of them committed%n", service.name(),
                    outcome.applied(), before + backlog, outcome.committed());
        } while (outcome.committed() == outcome.applied() && kills < 3);
        return outcome;
    }

    /**
     * The sum of the next offsets the service's database saved for {@code consumer} in every partition: the number of
     * events it read, when each was read once (offsets start at 0).
     */
    public static long savedPositions(String jdbcUrl, String consumer) throws SQLException {
        return Sql.number(jdbcUrl, "select coalesce(sum(next_offset), 0) from consumer_position where consumer = '"
                + consumer + "'");
    }

    /**
     * A packaged service's configuration on the test infrastructure: its own database, the broker, the test token
     * keys; and the shortest consumer session the broker allows on the incoming channel, so that the restarted service
     * takes over the killed member's partitions within seconds (not the default 45 s).
     */
    public static Map<String, String> serviceConfig(String jdbcUrl, String kafkaBootstrap, String channel) {
        Map<String, String> config = ServiceProcess.testInfrastructure(jdbcUrl, kafkaBootstrap);
        config.put("mp.messaging.incoming." + channel + ".session.timeout.ms", "6000");
        config.put("mp.messaging.incoming." + channel + ".heartbeat.interval.ms", "2000");
        return config;
    }
}
