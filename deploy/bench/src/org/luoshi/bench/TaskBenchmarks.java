package org.luoshi.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Read and event benchmarks against the running local stack (deploy/local/up.sh). Not tests: they print numbers.
 *
 * <pre>
 * agencies [count] [seconds] [connections]  GET /api/v1/agencies/{id} over that many generated agencies
 * reads    [tasks] [seconds] [connections]  GET /api/v1/tasks/{id} beside a raw Vert.x PostgreSQL-client handler
 *                                           running the same SELECTs on the same database
 * reassign [merges]                         merge in agency-service → TaskReassigned on task.events, p50/p99
 * list     [tasks] [seconds] [connections]  filtered GET /api/v1/tasks over that many generated tasks
 * </pre>
 * Needs TOKEN (admin bearer token); AGENCY_URL, TASK_URL, KAFKA, PG_PORT as the local stack's defaults.
 */
public final class TaskBenchmarks {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AGENCY_URL = env("AGENCY_URL", "http://127.0.0.1:8081");
    private static final String TASK_URL = env("TASK_URL", "http://127.0.0.1:8082");
    /**
     * Load before each measurement, unmeasured: a service's request path reaches its compiled steady state only after
     * one to two minutes of load (measured: GET /api/v1/tasks/{id} went 170, 370, 430, 520, 800 req/s in consecutive
     * 20 s runs from a fresh start, then stayed there).
     */
    private static final int WARM_UP_SECONDS = Integer.parseInt(env("WARM_UP_SECONDS", "120"));
    private static final String RUN = Long.toString(System.currentTimeMillis() % 10_000_000, 36);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "agencies" -> agencies(arg(args, 1, 10_000), arg(args, 2, 30), arg(args, 3, 8));
            case "reads" -> reads(arg(args, 1, 1000), arg(args, 2, 20), arg(args, 3, 8));
            case "reassign" -> reassign(arg(args, 1, 100));
            case "list" -> list(arg(args, 1, 1_000_000), arg(args, 2, 20), arg(args, 3, 8));
            default -> throw new IllegalArgumentException("agencies | reads | reassign | list");
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- agencies

    static void agencies(int count, int seconds, int connections) throws Exception {
        // one generated jurisdiction per run, so names never collide with earlier runs
        String division = String.format("%06d", 500000 + ThreadLocalRandom.current().nextInt(400000));
        List<String> urls = create(count, connections, i -> post(AGENCY_URL + "/api/v1/agencies",
                agency("基准测试%s单位%d".formatted(RUN, i), division)))
                .stream().map(id -> AGENCY_URL + "/api/v1/agencies/" + id).toList();
        System.out.printf("created %d agencies%n", urls.size());
        measure(urls, WARM_UP_SECONDS, connections);
        // latency depends on the load: from one client at a time to the given number of connections (the load
        // generator runs on the same machine and takes CPU of its own)
        for (int clients : java.util.stream.IntStream.of(1, 2, 4, connections).distinct().toArray()) {
            report("agency-service GET /api/v1/agencies/{id} over " + urls.size() + " agencies",
                    measure(urls, seconds, clients), seconds, clients);
        }
    }

    // ---------------------------------------------------------------- reads

    static void reads(int count, int seconds, int connections) throws Exception {
        String document = post(TASK_URL + "/api/v1/documents", """
                {"docNumber": "基准〔%s〕1号", "title": "读取基准", "jurisdiction": "430000"}""".formatted(RUN));
        List<String> ids = create(count, connections, i -> post(TASK_URL + "/api/v1/documents/" + document + "/tasks", """
                {"seq": "%d", "title": "基准任务%d", "assignments": [{"rawName": "有关部门", "kind": "UNSPECIFIED", "role": "RESPONSIBLE"}],
                 "milestones": [{"title": "完成", "dueDate": "2030-12-31"}]}""".formatted(i, i)));
        System.out.printf("created %d tasks%n", ids.size());

        Vertx vertx = Vertx.vertx();
        PgPool pool = pool(vertx, 20);
        int port = 20000 + ThreadLocalRandom.current().nextInt(20000);
        vertx.createHttpServer().requestHandler(request -> {
            UUID id = UUID.fromString(request.path().substring(request.path().lastIndexOf('/') + 1));
            rawTask(pool, id).onComplete(result -> {
                if (result.failed() || result.result() == null) {
                    request.response().setStatusCode(result.failed() ? 500 : 404).end();
                } else {
                    request.response().putHeader("Content-Type", "application/json").end(result.result().encode());
                }
            });
        }).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get();

        List<String> quarkus = ids.stream().map(id -> TASK_URL + "/api/v1/tasks/" + id).toList();
        List<String> raw = ids.stream().map(id -> "http://127.0.0.1:" + port + "/raw/tasks/" + id).toList();
        measure(quarkus, WARM_UP_SECONDS, connections);
        measure(raw, WARM_UP_SECONDS, connections);
        double[] q = report("task-service GET /api/v1/tasks/{id} (JWT check, 4 SELECTs)", measure(quarkus, seconds, connections), seconds, connections);
        double[] r = report("raw Vert.x PgPool handler, same SELECTs, no auth", measure(raw, seconds, connections), seconds, connections);
        System.out.printf("task-service / raw throughput: %.2f×%n", q[0] / r[0]);
        vertx.close();
    }

    /** The SELECTs task-service runs for one task: the task, its assignments, milestones, and the agencies named. */
    private static Future<JsonObject> rawTask(PgPool pool, UUID id) {
        return pool.preparedQuery("select id, document_id, seq, parent_id, category, title, content, status, version "
                + "from task where id = $1").execute(Tuple.of(id)).compose(tasks -> {
            if (tasks.size() == 0) {
                return Future.succeededFuture(null);
            }
            Row t = tasks.iterator().next();
            JsonObject task = new JsonObject().put("id", t.getUUID("id").toString()).put("documentId", t.getUUID("document_id").toString())
                    .put("seq", t.getString("seq")).put("category", t.getString("category")).put("title", t.getString("title"))
                    .put("content", t.getString("content")).put("status", t.getString("status")).put("version", t.getLong("version"));
            return pool.preparedQuery("select position, agency_id, raw_name, kind, role from task_assignment where task_id = $1 "
                    + "order by position").execute(Tuple.of(id)).compose(assignments -> {
                JsonArray list = new JsonArray();
                List<UUID> agencyIds = new ArrayList<>();
                assignments.forEach(a -> {
                    list.add(new JsonObject().put("order", a.getInteger("position")).put("rawName", a.getString("raw_name"))
                            .put("kind", a.getString("kind")).put("role", a.getString("role")));
                    if (a.getUUID("agency_id") != null) {
                        agencyIds.add(a.getUUID("agency_id"));
                    }
                });
                task.put("assignments", list);
                return pool.preparedQuery("select id, title, due_date, status from milestone where task_id = $1")
                        .execute(Tuple.of(id)).compose(milestones -> {
                            JsonArray ms = new JsonArray();
                            milestones.forEach(m -> ms.add(new JsonObject().put("id", m.getUUID("id").toString())
                                    .put("title", m.getString("title")).put("dueDate", m.getLocalDate("due_date").toString())
                                    .put("status", m.getString("status"))));
                            task.put("milestones", ms);
                            return pool.preparedQuery("select id, name from directory_agency where id = any($1)")
                                    .execute(Tuple.of(agencyIds.toArray(new UUID[0]))).map(agencies -> task);
                        });
            });
        });
    }

    // ---------------------------------------------------------------- reassign

    static void reassign(int merges) throws Exception {
        String division = String.format("%06d", 500000 + ThreadLocalRandom.current().nextInt(400000));
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < merges; i++) {
            String ended = post(AGENCY_URL + "/api/v1/agencies", agency("基准%s撤并单位%d".formatted(RUN, i), division));
            // a merger joins at least two units
            String partner = post(AGENCY_URL + "/api/v1/agencies", agency("基准%s合并单位%d".formatted(RUN, i), division));
            String successor = post(AGENCY_URL + "/api/v1/agencies", agency("基准%s承继单位%d".formatted(RUN, i), division));
            pairs.add(new String[] {ended, successor, partner});
        }
        String document = post(TASK_URL + "/api/v1/documents", """
                {"docNumber": "基准〔%s〕2号", "title": "重组基准", "jurisdiction": "430000"}""".formatted(RUN));
        Map<String, String> taskOfAgency = new ConcurrentHashMap<>();
        for (int i = 0; i < merges; i++) {
            String body = """
                    {"seq": "%d", "title": "重组基准任务%d", "assignments": [{"agencyId": "%s", "role": "LEAD"}]}"""
                    .formatted(i, i, pairs.get(i)[0]);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (true) { // task-service learns new agencies from agency.events
                try {
                    taskOfAgency.put(post(TASK_URL + "/api/v1/documents/" + document + "/tasks", body), pairs.get(i)[0]);
                    break;
                } catch (IllegalStateException notYetKnown) {
                    if (System.nanoTime() > deadline) {
                        throw notYetKnown;
                    }
                    Thread.sleep(100);
                }
            }
        }
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env("KAFKA", "127.0.0.1:19092"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + RUN);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("task.events"));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        Thread listener = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Iterable<ConsumerRecord<String, String>> records;
                try {
                    records = consumer.poll(Duration.ofMillis(50));
                } catch (org.apache.kafka.common.errors.InterruptException stopped) {
                    return;
                }
                for (ConsumerRecord<String, String> record : records) {
                    var type = record.headers().lastHeader("ce_type");
                    if (type != null && new String(type.value()).endsWith("TaskReassigned") && taskOfAgency.containsKey(record.key())) {
                        arrived.putIfAbsent(record.key(), System.nanoTime());
                    }
                }
            }
        });
        listener.start();
        Map<String, String> taskByEnded = new ConcurrentHashMap<>();
        taskOfAgency.forEach((task, agency) -> taskByEnded.put(agency, task));
        double[] latencies = new double[merges];
        for (int i = 0; i < merges; i++) {
            String[] pair = pairs.get(i);
            String task = taskByEnded.get(pair[0]);
            long start = System.nanoTime();
            post(AGENCY_URL + "/api/v1/reorganizations", """
                    {"type": "MERGE", "effectiveOn": "%s", "originalIds": ["%s", "%s"], "resulting": [{"id": "%s"}]}"""
                    .formatted(java.time.LocalDate.now(), pair[0], pair[2], pair[1]));
            long deadline = start + 10_000_000_000L;
            while (!arrived.containsKey(task) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            latencies[i] = arrived.containsKey(task) ? (arrived.get(task) - start) / 1e6 : Double.POSITIVE_INFINITY;
        }
        listener.interrupt();
        listener.join();
        consumer.close();
        Arrays.sort(latencies);
        System.out.printf("merge (POST /api/v1/reorganizations) → TaskReassigned on task.events, %d merges one at a time: "
                        + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", merges, pct(latencies, 50), pct(latencies, 90),
                pct(latencies, 99), pct(latencies, 100));
    }

    private static String agency(String name, String division) {
        return """
                {"name": "%s", "classification": "DEPARTMENT", "level": "PREFECTURE", "divisionCode": "%s"}""".formatted(name, division);
    }

    // ---------------------------------------------------------------- list

    /**
     * Generates the tasks straight into task-service's database (a REST import of a million tasks would take hours),
     * under one generated document and 1,000 generated directory agencies, then times filtered lists through the API.
     * Everything generated is removed at the end.
     */
    static void list(int count, int seconds, int connections) throws Exception {
        Vertx vertx = Vertx.vertx();
        PgPool pool = pool(vertx, 4);
        UUID document = UUID.randomUUID();
        String jurisdiction = "99" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
        long t0 = System.nanoTime();
        await(pool.query("""
                insert into directory_agency (id, name, parent_id, classification, division_code, status, successor_ids, version)
                select md5('bench-agency-%1$s-' || g)::uuid, '基准单位' || g, null, 'DEPARTMENT', '%2$s', 'ACTIVE', '[]', 0
                from generate_series(1, 1000) g""".formatted(RUN, jurisdiction)).execute());
        await(pool.preparedQuery("""
                insert into policy_document (id, doc_number, title, jurisdiction, version, created_at)
                values ($1, $2, '列表基准', $3, 0, now())""").execute(Tuple.of(document, "列表基准〔" + RUN + "〕号", jurisdiction)));
        int batch = 50_000;
        for (int from = 0; from < count; from += batch) {
            int to = Math.min(count, from + batch);
            await(pool.preparedQuery("""
                    insert into task (id, document_id, seq, category, title, content, status, version, created_at, updated_at)
                    select md5($2 || g)::uuid, $1, g::text, '类别' || (g % 20), '基准任务' || g || (case when g % 97 = 0 then '产教融合' else '' end),
                           '内容', (array['NOT_STARTED','IN_PROGRESS','COMPLETED','SUSPENDED'])[1 + (g / 20) % 4], 0,
                           now() - make_interval(secs => $4 - g), now()
                    from generate_series($3::int, $4::int) g""")
                    .execute(Tuple.of(document, "bench-task-" + RUN + "-", from + 1, to)));
            await(pool.preparedQuery("""
                    insert into task_assignment (task_id, position, agency_id, kind, role)
                    select md5($1 || g)::uuid, r, md5($2 || (1 + (g * 7 + r * 13) % 1000))::uuid, 'AGENCY',
                           case when r = 0 then 'LEAD' else 'PARTICIPANT' end
                    from generate_series($3::int, $4::int) g, generate_series(0, 2) r""")
                    .execute(Tuple.of("bench-task-" + RUN + "-", "bench-agency-" + RUN + "-", from + 1, to)));
            await(pool.preparedQuery("""
                    insert into milestone (id, document_id, task_id, title, due_date, status)
                    select md5('m' || $1 || g)::uuid, $2, md5($1 || g)::uuid, '完成', date '2026-01-01' + (g % 1500), 'OPEN'
                    from generate_series($3::int, $4::int) g""")
                    .execute(Tuple.of("bench-task-" + RUN + "-", document, from + 1, to)));
        }
        await(pool.query("analyze task; analyze task_assignment; analyze milestone").execute());
        System.out.printf("generated %,d tasks (3 assignments and a milestone each) in %.0f s%n", count, (System.nanoTime() - t0) / 1e9);
        try {
            List<UUID> agencies = new ArrayList<>();
            await(pool.preparedQuery("select id from directory_agency where division_code = $1").execute(Tuple.of(jurisdiction)))
                    .forEach(row -> agencies.add(row.getUUID("id")));
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                UUID agency = agencies.get(i % agencies.size());
                urls.add(switch (i % 4) {
                    case 0 -> TASK_URL + "/api/v1/tasks?agencyId=" + agency + "&limit=50";
                    case 1 -> TASK_URL + "/api/v1/tasks?agencyId=" + agency + "&role=LEAD&status=IN_PROGRESS&limit=50";
                    case 2 -> TASK_URL + "/api/v1/tasks?documentId=" + document + "&status=IN_PROGRESS&category=" + enc("类别" + (i % 20)) + "&limit=50";
                    default -> TASK_URL + "/api/v1/tasks?documentId=" + document + "&q=" + enc("产教融合") + "&limit=50";
                });
            }
            measure(urls, WARM_UP_SECONDS, connections);
            report("filtered GET /api/v1/tasks over " + String.format("%,d", count) + " tasks (agency, agency+role+status, "
                    + "document+status+category, keyword; 50 per page)", measure(urls, seconds, connections), seconds, connections);
        } finally {
            await(pool.preparedQuery("delete from milestone where document_id = $1").execute(Tuple.of(document)));
            await(pool.preparedQuery("delete from task where document_id = $1").execute(Tuple.of(document)));
            await(pool.preparedQuery("delete from policy_document where id = $1").execute(Tuple.of(document)));
            await(pool.preparedQuery("delete from directory_agency where division_code = $1").execute(Tuple.of(jurisdiction)));
            vertx.close();
        }
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- shared

    private static PgPool pool(Vertx vertx, int size) {
        return PgPool.pool(vertx, new PgConnectOptions().setHost("127.0.0.1").setPort(Integer.parseInt(env("PG_PORT", "15432")))
                .setDatabase(env("PG_DATABASE", "luoshi_task")).setUser(env("PG_USER", "luoshi")).setPassword(env("PG_PASSWORD", "luoshi"))
                .setCachePreparedStatements(true), new PoolOptions().setMaxSize(size));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES);
    }

    interface Creator {
        String create(int i) throws Exception;
    }

    private static List<String> create(int count, int concurrency, Creator creator) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        ids.add(creator.create(i));
                    } catch (Exception e) {
                        System.err.println("create " + i + " failed: " + e.getMessage());
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        return ids;
    }

    private record Result(double[] latencies, int errors) {
    }

    private static Result measure(List<String> urls, int seconds, int concurrency) throws Exception {
        String token = System.getenv("TOKEN");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<double[]> perThread = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                double[] mine = new double[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    String url = urls.get(ThreadLocalRandom.current().nextInt(urls.size()));
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = (System.nanoTime() - start) / 1e6;
                }
                perThread.add(Arrays.copyOf(mine, n));
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return new Result(perThread.stream().flatMapToDouble(Arrays::stream).sorted().toArray(), errors.get());
    }

    private static double[] report(String what, Result result, int seconds, int connections) {
        double rate = result.latencies.length / (double) seconds;
        System.out.printf("%s: %,d requests in %d s over %d connections: %.0f req/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                        + "max %.2f ms, errors %d%n", what, result.latencies.length, seconds, connections, rate,
                pct(result.latencies, 50), pct(result.latencies, 90), pct(result.latencies, 99), pct(result.latencies, 100),
                result.errors);
        return new double[] {rate};
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String post(String url, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + System.getenv("TOKEN")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        Matcher id = ID.matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return id.group(1);
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
