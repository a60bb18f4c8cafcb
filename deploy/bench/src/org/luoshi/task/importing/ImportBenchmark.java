package org.luoshi.task.importing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.luoshi.platform.testing.KafkaBrokerProcess;
import org.luoshi.platform.testing.KafkaResource;
import org.luoshi.platform.testing.PostgresResource;
import org.luoshi.platform.testing.ServiceProcess;
import org.luoshi.platform.testing.Sql;
import org.luoshi.platform.testing.TestTokens;
import org.luoshi.task.support.AgencyServiceProcess;

/**
 * The importer's throughput. First in process: the five seeds (the first parse of each in a fresh JVM, then warm) and
 * a generated corpus in the text shapes of the document family (tab tables with a deadline column, numbered prose with
 * sub-items and units in parentheses, numbered items with {@code [责任单位：…]}), in tasks per second. Then through
 * HTTP, against a task-service and an agency-service started here on 127.0.0.1 with their own PostgreSQL and Kafka
 * (the test infrastructure) and signed test tokens: the five seeds as the first requests of a freshly started system,
 * and again by a warmed-up task-service on another fresh database; and generated documents whose units all resolve in
 * Hunan, imported as a dry run (parse and resolve) and for real (parse, resolve and persist).
 * Run from task-service/ with its test class path (deploy/bench/import.sh).
 */
public final class ImportBenchmark {

    private static final String[] UNITS = {"省教育厅", "省发展改革委", "省财政厅", "省人力资源社会保障厅", "省工业和信息化厅", "省国资委",
            "省科技厅", "省民政厅", "省自然资源厅", "省商务厅", "省农业农村厅", "省总工会", "省税务局"};
    private static final String[] DROPPED = {"发展改革委", "财政厅", "人力资源社会保障厅", "科技厅", "商务厅"};
    private static final String[] CATEGORIES = {"构建教育和产业统筹融合发展格局", "强化企业重要主体作用", "推进产教融合人才培养改革",
            "促进产教供需双向对接", "完善政策支持体系", "加强组织实施"};
    private static final String[] VERBS = {"完善", "健全", "推进", "深化", "建立", "落实", "加强", "创新", "优化", "扩大"};
    private static final String[] OBJECTS = {"产教融合协调推进机制", "校企合作制度", "职业院校专业设置管理办法", "生产性实训基地建设",
            "现代学徒制试点", "双师型教师队伍建设", "企业职工在岗教育培训", "产教融合型企业认定办法", "学科专业动态调整机制",
            "产教融合信息服务平台", "职业教育集团化办学", "学生实习强制保险制度"};
    private static final String[] DETAILS = {"支持职业院校与行业企业共建共享实训资源,推动专业设置与产业需求对接",
            "鼓励企业以独资、合资、合作等方式依法参与举办职业教育（具体办法另行制定）",
            "将企业需求融入人才培养环节,推行面向企业真实生产环境的任务式培养模式",
            "统筹发挥好政府和市场作用,形成校企协同推进的工作格局"};
    private static final String[] SEEDS = {"000_7ee7fc4c83a814af.txt", "001_b7e3cdbe936b95a0.txt", "002_e9cd305580c4bbfd.txt",
            "003_592ce857e5741a20.txt", "004_08e53e4f462999ca.txt"};
    private static final String[] SEED_JURISDICTIONS = {"430000", "430000", "211100", "341500", "220000"};

    /** One generated document and the number of tasks it holds. */
    record Generated(String name, String shape, String text, int tasks) {
    }

    /** BENCH_COLD_ONLY=true: through HTTP, only the five seeds as a freshly started system's first requests. */
    private static final boolean COLD_ONLY = Boolean.parseBoolean(System.getenv().getOrDefault("BENCH_COLD_ONLY", "false"));
    /** Unmeasured rounds (a dry run and a stored import of the corpus) before the warm service is measured. */
    private static final int WARM_UP_ROUNDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARM_UP_ROUNDS", "3"));

    /** BENCH_PARSE_ROUNDS: rounds over the generated corpus in process (8). */
    private static final int PARSE_ROUNDS = Math.max(1,
            Integer.parseInt(System.getenv().getOrDefault("BENCH_PARSE_ROUNDS", "8")));

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int tasksPerDocument = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        int imported = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Path root = Path.of("..").toAbsolutePath().normalize();

        System.out.println("== parse, in process");
        seedsParsed(root, "first parse in this JVM (cold)", 1);
        List<Generated> corpus = corpus(documents, tasksPerDocument, new Random(7));
        parseThroughput(corpus);
        seedsParsed(root, "warm, best of 5", 5);

        int status = 0;
        try {
            if (imported > 0) {
                System.out.println();
                System.out.println("== import through HTTP (task-service and agency-service on 127.0.0.1, own PostgreSQL and Kafka)");
                importThroughput(root, corpus.subList(0, Math.min(imported, corpus.size())));
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // the servers started here run on non-daemon threads: end them with the benchmark
        System.exit(status);
    }

    private static void seedsParsed(Path root, String label, int rounds) throws IOException {
        long total = 0;
        StringBuilder each = new StringBuilder();
        for (String seed : SEEDS) {
            byte[] bytes = Files.readAllBytes(root.resolve("seeds").resolve(seed));
            long best = Long.MAX_VALUE;
            int tasks = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                tasks = PolicyDocumentParser.parse(seed, bytes).tasks().size();
                best = Math.min(best, System.nanoTime() - t0);
            }
            total += best;
            each.append(String.format("  %s: %d tasks in %.1f ms%n", seed.substring(0, 3), tasks, best / 1e6));
        }
        System.out.printf("five seeds, %s: %.1f ms%n%s", label, total / 1e6, each);
    }

    private static void parseThroughput(List<Generated> corpus) {
        int tasks = corpus.stream().mapToInt(Generated::tasks).sum();
        long bytes = corpus.stream().mapToLong(g -> g.text().getBytes(StandardCharsets.UTF_8).length).sum();
        Map<String, byte[]> encoded = new HashMap<>();
        corpus.forEach(g -> encoded.put(g.name(), g.text().getBytes(StandardCharsets.UTF_8)));
        for (Generated g : corpus) { // warm-up, and a check that every generated task is found
            int found = PolicyDocumentParser.parse(g.name(), encoded.get(g.name())).tasks().size();
            if (found != g.tasks()) {
                throw new IllegalStateException(g.name() + ": " + found + " tasks parsed, " + g.tasks() + " generated");
            }
        }
        System.out.printf("corpus: %d documents, %d tasks, %.1f MB (tab tables, numbered prose, inline units)%n",
                corpus.size(), tasks, bytes / 1e6);
        // the JIT keeps compiling for several rounds: the best round, and each document's best time, tell the code's speed
        double best = 0;
        Map<String, Long> fastest = new HashMap<>();
        for (int round = 1; round <= PARSE_ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (Generated g : corpus) {
                long d0 = System.nanoTime();
                PolicyDocumentParser.parse(g.name(), encoded.get(g.name()));
                fastest.merge(g.name(), System.nanoTime() - d0, Math::min);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            best = Math.max(best, tasks / seconds);
            System.out.printf("  round %d: %.2f s, %,.0f tasks/s, %.1f MB/s%n", round, seconds, tasks / seconds, bytes / 1e6 / seconds);
        }
        for (String shape : List.of("table", "prose", "inline")) {
            List<Generated> of = corpus.stream().filter(g -> g.shape().equals(shape)).toList();
            int n = of.stream().mapToInt(Generated::tasks).sum();
            long nanos = of.stream().mapToLong(g -> fastest.get(g.name())).sum();
            System.out.printf("  %s: %,.0f tasks/s (each document's best round)%n", shape, n / (nanos / 1e9));
        }
        System.out.printf("parse throughput (best round): %,.0f tasks/s, one thread%n", best);
    }

    // ---- through HTTP ----

    private static void importThroughput(Path root, List<Generated> documents) throws Exception {
        PostgresResource postgres = new PostgresResource();
        String kafka = new KafkaResource().start().get("kafka.bootstrap.servers");
        AgencyServiceProcess agencyService = new AgencyServiceProcess();
        String agencyUrl = agencyService.start().get("quarkus.rest-client.agency-service.url");
        ServiceProcess taskService = null;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // cold: the first requests of a freshly started system (both services just started, nothing compiled yet),
            // sent as soon as task-service is ready, while both JVMs are still compiling what their start-up ran
            String coldDatabase = postgres.freshDatabase("luoshi_task_bench_cold");
            taskService = startTaskService(root, "task-service-cold", coldDatabase, kafka, agencyUrl);
            firstRequests(http, taskService, coldDatabase, root, "five seeds imported on a fresh database, first requests of both services"
                    + " as soon as task-service is ready", false);
            taskService.close();
            agencyService.stop();

            // cold again, on another fresh system, its first requests once the start-up work has died down: as a system
            // deployed a moment before its first import is
            agencyService = new AgencyServiceProcess();
            agencyUrl = agencyService.start().get("quarkus.rest-client.agency-service.url");
            String settledDatabase = postgres.freshDatabase("luoshi_task_bench_settled");
            taskService = startTaskService(root, "task-service-settled", settledDatabase, kafka, agencyUrl);
            firstRequests(http, taskService, settledDatabase, root, "five seeds imported on a fresh database, first requests of both services"
                    + " once their start-up work is done", true);
            taskService.close();
            if (COLD_ONLY) {
                return;
            }

            // warm: another task-service on another fresh database, its import path exercised by generated documents
            String taskDatabase = postgres.freshDatabase("luoshi_task_bench");
            taskService = startTaskService(root, "task-service-warm", taskDatabase, kafka, agencyUrl);
            String base = taskService.url() + "/api/v1/imports";
            int tasks = documents.stream().mapToInt(Generated::tasks).sum();
            // the service was just started: its import path is compiled by C2 only after a few thousand tasks, so
            // unmeasured rounds of each kind first (under other document numbers)
            long w0 = System.nanoTime();
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                run(http, base, documents, 2, "&dryRun=true", String.valueOf(2020 + 2 * round));
                run(http, base, documents, 2, "", String.valueOf(2021 + 2 * round));
                settle(taskDatabase);
            }
            System.out.printf("warm-up: %d round(s) of %d documents as a dry run and stored, %.1f s (not measured)%n",
                    WARM_UP_ROUNDS, documents.size(), (System.nanoTime() - w0) / 1e9);
            importSeeds(http, base, root, "five seeds imported by the warmed-up service (parsed, resolved and stored)");
            settle(taskDatabase);
            // each measurement starts on a quiet system: the events of the one before are published and applied by
            // agency-service (on this machine the consumers share the cores with the importer)
            for (int concurrency : new int[] {1, 2}) {
                String year = String.valueOf(2040 + concurrency);
                Map<String, Double> cpu0 = CpuShares.now();
                double dry = run(http, base, documents, concurrency, "&dryRun=true", year);
                Map<String, Double> cpu1 = CpuShares.now();
                double stored = run(http, base, documents, concurrency, "", year);
                Map<String, Double> cpu2 = CpuShares.now();
                double downstream = settle(taskDatabase);
                Map<String, Double> cpu3 = CpuShares.now();
                System.out.printf("%d documents, %d tasks, %d client(s): dry run (parse + resolve) %,.0f tasks/s;"
                        + " import (parse + resolve + persist) %,.0f tasks/s; their %d TaskCreated events published and"
                        + " applied by agency-service %.1f s after the last import answered%n", documents.size(), tasks,
                        concurrency, tasks / dry, tasks / stored, tasks, downstream);
                // where the two cores went: during the dry run, the stored import, and the publishing after it
                System.out.printf("  dry run, %.1f s: %s%n  import, %.1f s: %s%n  after it, %.1f s: %s%n", dry,
                        CpuShares.used(cpu0, cpu1), stored, CpuShares.used(cpu1, cpu2), downstream, CpuShares.used(cpu2, cpu3));
            }
            importSeeds(http, base, root, "five seeds again, warm (unchanged: parsed and resolved, nothing stored)");
        } finally {
            if (taskService != null) {
                taskService.close();
            }
            agencyService.stop();
        }
    }

    /**
     * The five seeds as the first imports of a freshly started task-service: after its directory replica has followed
     * agency.events and a readiness probe has answered, and with {@code settled}, once the processes this benchmark
     * started (the two services, PostgreSQL, Kafka) have used less than a tenth of a core for a second.
     */
    private static void firstRequests(HttpClient http, ServiceProcess taskService, String database, Path root, String label,
            boolean settled) throws Exception {
        // a fresh task-service first replicates the agency directory (a burst of events): the imports wait for it, as
        // they would on a system that has been up for a moment
        System.out.printf("task-service's directory replica applied agency.events %.1f s after the service was ready%n",
                directoryApplied(database));
        if (settled) {
            System.out.printf("start-up work done (the processes idle) %.1f s later%n", quiet());
        }
        // as a readiness probe asks before traffic is sent; it also opens this client's connection, whose own start-up
        // (the bench's HTTP client classes, the h2c upgrade) is no part of the service's first request
        int probed = http.send(HttpRequest.newBuilder(URI.create(taskService.url() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (probed != 200) {
            throw new IllegalStateException("task-service is not ready: /q/health/ready answered " + probed);
        }
        importSeeds(http, taskService.url() + "/api/v1/imports", root, label);
    }

    /**
     * Waits until this JVM's child processes together use less than a tenth of a core over one second (at most a
     * minute); the seconds waited.
     */
    private static double quiet() throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofMinutes(1).toNanos();
        long before = childrenCpuNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = childrenCpuNanos();
            if (now - before < 100_000_000L) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long childrenCpuNanos() {
        return ProcessHandle.current().descendants().mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos)
                .orElse(0L)).sum();
    }

    /** Imports the five seeds one after the other and prints the time of each and of all five. */
    private static void importSeeds(HttpClient http, String base, Path root, String label) throws Exception {
        long t0 = System.nanoTime();
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < SEEDS.length; i++) {
            long s0 = System.nanoTime();
            HttpResponse<String> response = post(http, base, SEEDS[i], SEED_JURISDICTIONS[i], "",
                    Files.readAllBytes(root.resolve("seeds").resolve(SEEDS[i])));
            each.append(String.format("  %s: HTTP %d in %.0f ms%n", SEEDS[i].substring(0, 3), response.statusCode(),
                    (System.nanoTime() - s0) / 1e6));
        }
        System.out.printf("%s: %.2f s%n%s", label, (System.nanoTime() - t0) / 1e9, each);
    }

    /**
     * Waits until the outbox holds no unpublished event and agency-service's consumer has committed every record of
     * task.events; answers the seconds waited.
     */
    private static double settle(String taskDatabase) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofMinutes(10).toNanos();
        Properties broker = KafkaResource.clientProperties();
        while (System.nanoTime() < deadline) {
            long unpublished = Sql.number(taskDatabase, "select count(*) from outbox_event where published_at is null");
            if (unpublished == 0 && KafkaBrokerProcess.committedOffsets(broker, "agency-service-workload", "task.events")
                    >= KafkaBrokerProcess.endOffsets(broker, "task.events")) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the import events were not applied by agency-service within 10 minutes");
    }

    /**
     * Waits until task-service's directory consumer has applied as many events as agency.events holds (its inbox rows;
     * its committed offsets lag by the commit interval); the seconds waited.
     */
    private static double directoryApplied(String taskDatabase) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofMinutes(5).toNanos();
        long events = KafkaBrokerProcess.endOffsets(KafkaResource.clientProperties(), "agency.events");
        while (System.nanoTime() < deadline) {
            if (Sql.number(taskDatabase, "select count(*) from processed_event where consumer = 'task-service-directory'")
                    >= events) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("task-service's directory did not follow agency.events within 5 minutes");
    }

    /** Seconds to import every document once, numbered in {@code year}, with this many clients. */
    private static double run(HttpClient http, String base, List<Generated> documents, int concurrency, String extra,
            String year) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        AtomicInteger failures = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> pending = new ArrayList<>();
        for (Generated g : documents) {
            String text = g.text().replace("〔2040〕", "〔" + year + "〕");
            pending.add(clients.submit(() -> {
                HttpResponse<String> response = post(http, base, g.name(), "430000", extra, text.getBytes(StandardCharsets.UTF_8));
                if (response.statusCode() / 100 != 2 || response.body().contains("UNRESOLVED_UNIT")) {
                    if (failures.incrementAndGet() == 1) {
                        System.out.println("  unexpected answer: " + response.statusCode() + " " + response.body()
                                .substring(0, Math.min(300, response.body().length())));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : pending) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        clients.shutdown();
        if (failures.get() > 0) {
            // a rate over failed requests would be no measurement
            throw new IllegalStateException(failures.get() + " of " + documents.size()
                    + " requests failed or left names unresolved: nothing measured");
        }
        return seconds;
    }

    private static HttpResponse<String> post(HttpClient http, String base, String fileName, String jurisdiction, String extra,
            byte[] body) throws IOException, InterruptedException {
        String url = base + "?fileName=" + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                + "&jurisdiction=" + jurisdiction + extra;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + TestTokens.user("bench", "supervisor"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * task-service in a child JVM on a fresh database, full JIT, its log in task-service/target/{@code name}-1.log;
     * BENCH_SERVICE_JAVA_OPTS adds JVM options.
     */
    private static ServiceProcess startTaskService(Path root, String name, String jdbcUrl, String kafka, String agencyUrl)
            throws IOException, InterruptedException {
        Map<String, String> config = ServiceProcess.testInfrastructure(jdbcUrl, kafka);
        config.put("quarkus.rest-client.agency-service.url", agencyUrl);
        config.put("luoshi.supervision.interval", "off");
        // the benchmark's task-services may run side by side, each on its own database: in one group they would share
        // the partitions of agency.events and each replica would get part of the units
        config.put("mp.messaging.incoming.agency-events.group.id", "task-service-directory-" + name);
        // the signed test tokens have no token endpoint behind them: forward the caller's token to agency-service
        config.put("luoshi.agency-service.authentication", "propagate");
        config.put("quarkus.log.level", "WARN");
        // each import's phases (parse, resolve, store) in the service's log
        config.put("quarkus.log.category.\"org.luoshi.task.importing\".level", "DEBUG");
        List<String> jvmOptions = new ArrayList<>(List.of("-Xmx1g"));
        // e.g. a flight recording of the service: BENCH_SERVICE_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/t.jfr
        String extraOptions = System.getenv().getOrDefault("BENCH_SERVICE_JAVA_OPTS", "");
        if (!extraOptions.isBlank()) {
            jvmOptions.addAll(List.of(extraOptions.trim().split("\\s+")));
        }
        ServiceProcess service = new ServiceProcess(name,
                root.resolve("task-service/target/quarkus-app/quarkus-run.jar"), jvmOptions, config, Path.of("target"));
        service.start();
        return service;
    }

    // ---- the generated corpus ----

    static List<Generated> corpus(int documents, int tasksPerDocument, Random random) {
        List<Generated> corpus = new ArrayList<>();
        for (int d = 1; d <= documents; d++) {
            String number = "湘教函〔2040〕" + d + "号";
            corpus.add(switch (d % 3) {
                case 0 -> table(d, number, tasksPerDocument, random);
                case 1 -> prose(d, number, tasksPerDocument, random);
                default -> inline(d, number, tasksPerDocument, random);
            });
        }
        return corpus;
    }

    private static Generated table(int d, String number, int tasks, Random random) {
        StringBuilder text = header(d, number).append("序号\t工作任务\t主要内容\t责任单位\t完成时限\n");
        for (int t = 1; t <= tasks; t++) {
            String category = t % 6 == 1 ? CATEGORIES[(t / 6) % CATEGORIES.length] : "";
            text.append(t).append('\t').append(category).append('\t').append(content(random)).append('\t')
                    .append(units(random)).append('\t').append(random.nextBoolean() ? (2021 + random.nextInt(10)) + "年底前" : "持续推进")
                    .append('\n');
        }
        return new Generated("table-" + d + ".txt", "table", text.toString(), tasks);
    }

    private static Generated prose(int d, String number, int tasks, Random random) {
        StringBuilder text = header(d, number);
        int written = 0;
        int paragraph = 0;
        int chapter = 0;
        while (written < tasks) {
            if (paragraph % 8 == 0) {
                text.append(Numerals.chinese(++chapter)).append('、').append(CATEGORIES[(chapter - 1) % CATEGORIES.length]).append('\n');
            }
            paragraph++;
            text.append('（').append(Numerals.chinese(paragraph)).append('）');
            if (paragraph % 5 == 0 && tasks - written >= 3) {
                text.append(content(random)).append('\n');
                for (int item = 1; item <= 2; item++) {
                    text.append(item).append('.').append(content(random)).append('（').append(units(random)).append('）').append('\n');
                }
                written += 3;
            } else {
                text.append(content(random)).append('（').append(units(random)).append('）').append('\n');
                written++;
            }
        }
        text.append("湖南省教育厅\n2040年1月2日\n");
        return new Generated("prose-" + d + ".txt", "prose", text.toString(), written);
    }

    private static Generated inline(int d, String number, int tasks, Random random) {
        StringBuilder text = header(d, number);
        for (int t = 1; t <= tasks; t++) {
            if (t % 10 == 1) {
                text.append(Numerals.chinese(t / 10 + 1)).append('、').append(CATEGORIES[(t / 10) % CATEGORIES.length]).append('\n');
            }
            text.append(t).append('.').append(content(random)).append("[责任单位:").append(units(random)).append("]\n");
        }
        return new Generated("inline-" + d + ".txt", "inline", text.toString(), tasks);
    }

    private static StringBuilder header(int d, String number) {
        return new StringBuilder("湖南省教育厅关于推进产教融合第").append(d).append("批重点任务的通知\n").append(number).append('\n')
                .append("为贯彻落实《国务院办公厅关于深化产教融合的若干意见》（国办发〔2017〕95号），现将重点任务通知如下。\n");
    }

    private static String content(Random random) {
        String head = pick(VERBS, random) + pick(OBJECTS, random);
        String target = switch (random.nextInt(4)) {
            case 0 -> "到" + (2021 + random.nextInt(10)) + "年建成实训基地" + (5 + random.nextInt(50)) + "个以上";
            case 1 -> "遴选产教融合型企业" + (10 + random.nextInt(300)) + "家左右";
            case 2 -> (2021 + random.nextInt(10)) + "年底前出台实施细则";
            default -> "每年培训企业职工" + (1 + random.nextInt(20)) + "万人次";
        };
        return head + "。" + pick(DETAILS, random) + "," + target + "。";
    }

    private static String units(Random random) {
        List<String> pool = new ArrayList<>(Arrays.asList(UNITS));
        java.util.Collections.shuffle(pool, random);
        return switch (random.nextInt(5)) {
            case 0 -> pool.get(0) + "牵头，" + pool.get(1) + "、" + pool.get(2) + "参与";
            case 1 -> pool.get(0) + "、" + pool.get(1) + "会同有关部门，各市州人民政府";
            case 2 -> pool.get(0) + "、" + pool.get(1) + "按职责分工负责";
            case 3 -> pool.get(0) + "、" + pool.get(1) + "、" + pool.get(2);
            default -> "省教育厅、" + pick(DROPPED, random) + "按照职责分工负责";
        };
    }

    private static String pick(String[] from, Random random) {
        return from[random.nextInt(from.length)];
    }

}
