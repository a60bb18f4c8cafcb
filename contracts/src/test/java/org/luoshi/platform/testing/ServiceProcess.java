package org.luoshi.platform.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Luoshi service (its target/quarkus-app/quarkus-run.jar) in a child JVM of the test's own JDK,
 * configured by system properties and listening on 127.0.0.1 only. A test can kill it outright, as the kernel's
 * OOM killer or a node loss would, and start it again on the same configuration. Each start writes its own log,
 * under the directory given, for when a test fails.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private final String name;
    private final Path runner;
    private final Map<String, String> config;
    private final List<String> jvmOptions;
    private final Path logs;
    private final Thread reaper = new Thread(this::destroyNow, "service-process-reaper");
    private Process process;
    private int port;
    private Path log;
    private int starts;

    public ServiceProcess(String name, Path runner, Map<String, String> config, Path logs) {
        this(name, runner, List.of("-Xmx512m"), config, logs);
    }

    /** @param jvmOptions options of the child JVM, e.g. its heap, or a flight recording for a benchmark */
    public ServiceProcess(String name, Path runner, List<String> jvmOptions, Map<String, String> config, Path logs) {
        if (!Files.exists(runner)) {
            throw new IllegalStateException(runner + " is missing: package the service first (./mvnw verify does)");
        }
        this.name = name;
        this.runner = runner;
        this.config = new TreeMap<>(config);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logs = logs;
        // a test JVM ended by a timeout must not leave the service running
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * What any packaged Luoshi service needs on the test infrastructure: the database (user postgres) at this JDBC URL,
     * the broker, and the test token keys. Callers add their own settings to the returned map.
     */
    public static Map<String, String> testInfrastructure(String jdbcUrl, String kafkaBootstrap) {
        Map<String, String> config = new java.util.HashMap<>(new TestTokens().start());
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.reactive.url", jdbcUrl.substring("jdbc:".length()));
        config.put("kafka.bootstrap.servers", kafkaBootstrap);
        return config;
    }

    /** Starts the service on a fresh loopback port and waits until /q/health/ready answers 200. */
    public synchronized void start() throws IOException, InterruptedException {
        launch();
        awaitReady();
    }

    /**
     * Starts the service without waiting for it: its consumers may be at work before its HTTP port opens, and a test
     * that must catch them mid-way watches their effects instead.
     */
    public synchronized void launch() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.addAll(List.of("-jar", runner.toString()));
        log = Files.createDirectories(logs).resolve(name + "-" + ++starts + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        this.port = port;
    }

    /** Fails at once when the service has exited on its own (a crash at startup, say), naming its log. */
    public synchronized void checkAlive() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name + " is not running" + (process == null ? "" : ", exit value "
                    + process.exitValue()) + "; see " + log);
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    /** The base URL of the running service, http://127.0.0.1:port. */
    public synchronized String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hooks, no last offset commit, no rollback sent to the database; the socket just drops. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL for 30 s");
            }
        }
    }

    /** Stops the service as an orchestrator would: SIGTERM, then SIGKILL after 20 s. */
    @Override
    public synchronized void close() throws InterruptedException {
        try {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private void destroyNow() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    /** Waits until /q/health/ready answers 200; kills the service if it does not within 180 s. */
    public synchronized void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            checkAlive();
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(250);
        }
        kill();
        throw new IllegalStateException(name + " was not ready within " + READY_WITHIN.toSeconds() + " s; see " + log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
