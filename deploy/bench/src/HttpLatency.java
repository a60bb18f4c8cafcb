import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP latency of Luoshi reads against a running local stack (deploy/local/up.sh). Not a test: it prints numbers.
 *
 * <pre>
 * java HttpLatency.java agencies <count> <seconds> <concurrency>   # creates count agencies, then GETs them by id
 * java HttpLatency.java tasks <count> <seconds> <concurrency>      # creates a document with count tasks, then GETs them
 * </pre>
 * Needs TOKEN (an admin bearer token) and optionally AGENCY_URL / TASK_URL in the environment.
 */
public final class HttpLatency {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int count = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        String token = System.getenv("TOKEN");
        String agencyUrl = System.getenv().getOrDefault("AGENCY_URL", "http://127.0.0.1:8081");
        String taskUrl = System.getenv().getOrDefault("TASK_URL", "http://127.0.0.1:8082");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

        List<String> urls;
        long t0 = System.nanoTime();
        if (mode.equals("agencies")) {
            // one generated jurisdiction per run, so names never collide with earlier runs
            String division = String.format("%06d", 500000 + ThreadLocalRandom.current().nextInt(400000));
            urls = create(count, concurrency, i -> post(token, agencyUrl + "/api/v1/agencies", """
                    {"name": "基准测试%s单位%d", "classification": "DEPARTMENT", "level": "PREFECTURE", "divisionCode": "%s"}"""
                    .formatted(run, i, division))).stream().map(id -> agencyUrl + "/api/v1/agencies/" + id).toList();
        } else {
            String document = post(token, taskUrl + "/api/v1/documents", """
                    {"docNumber": "基准〔%s〕1号", "title": "基准测试文件", "jurisdiction": "430000"}""".formatted(run));
            urls = create(count, concurrency, i -> post(token, taskUrl + "/api/v1/documents/" + document + "/tasks", """
                    {"seq": "%d", "title": "基准测试任务%d", "assignments": [{"rawName": "有关部门", "kind": "UNSPECIFIED", "role": "RESPONSIBLE"}],
                     "milestones": [{"title": "完成", "dueDate": "2030-12-31"}]}""".formatted(i, i)))
                    .stream().map(id -> taskUrl + "/api/v1/tasks/" + id).toList();
        }
        System.out.printf("created %d %s in %.1f s%n", urls.size(), mode, (System.nanoTime() - t0) / 1e9);

        measure(token, urls, 5, concurrency); // warm-up
        Result result = measure(token, urls, seconds, concurrency);
        System.out.printf("GET %s by id: %d requests in %d s with %d connections: %.0f req/s, p50 %.2f ms, p90 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms, errors %d%n", mode, result.latencies.length, seconds, concurrency,
                result.latencies.length / (double) seconds, pct(result.latencies, 50), pct(result.latencies, 90),
                pct(result.latencies, 99), pct(result.latencies, 100), result.errors);
    }

    interface Creator {
        String create(int i) throws Exception;
    }

    private static List<String> create(int count, int concurrency, Creator creator) throws Exception {
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
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
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        }
        return ids;
    }

    private record Result(double[] latencies, int errors) {
    }

    private static Result measure(String token, List<String> urls, int seconds, int concurrency) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<double[]> perThread = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
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
        } finally {
            pool.shutdown();
            pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        }
        double[] all = perThread.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        return new Result(all, errors.get());
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String post(String token, String url, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        Matcher id = ID.matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return id.group(1);
    }
}
