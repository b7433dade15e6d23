package io.amplify4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.sandbox.server.Sandbox;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on a running sandbox over loopback, the way its users load it: HTTP POSTs of GraphQL and AppSync real-time
 * WebSockets from the JDK's clients, in the same JVM as the sandbox (so client and server share the machine's
 * cores, as they do on a developer's laptop). Not JMH: these are whole-system figures (throughput under 16
 * concurrent clients, latency percentiles, delivery to 1,000 subscribers, heap after loading 100,000 items, cold
 * start). Run through the bench module's exec goal; see BENCHMARKS.md, section "Sandbox".
 *
 * <p>Arguments: one or more of {@code mutations}, {@code subscribers}, {@code items}, {@code coldstart}, or
 * {@code all}; {@code coldstart} must come first to mean anything (it times the JVM's own start).
 */
public final class SandboxLoad {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CREATE = "mutation C($input: CreateTodoInput!) { createTodo(input: $input) {"
            + " id content done owner } }";
    static final int CLIENTS = 16;

    private SandboxLoad() {}

    public static void main(String[] args) throws Exception {
        List<String> what = args.length == 0 || Arrays.asList(args).contains("all")
                ? List.of("coldstart", "mutations", "subscribers", "items") : Arrays.asList(args);
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, max heap %d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        for (String scenario : what) {
            switch (scenario) {
                case "coldstart" -> coldStart();
                case "mutations" -> mutations(Duration.ofSeconds(60), Duration.ofSeconds(30));
                case "subscribers" -> subscribers(1000, 300);
                case "items" -> items(100_000);
                default -> throw new IllegalArgumentException("Unknown scenario " + scenario
                        + "; use coldstart, mutations, subscribers, items or all");
            }
        }
    }

    static Sandbox start() {
        return Sandbox.builder(new TodoBackend()).banner(null).requestLog(line -> { })
                .user("alice", "a-long-password-1").realtimeQueueCapacity(10_000).start();
    }

    // ------------------------------------------------------------------------------------------ cold start

    /** JVM start (as the runtime MX bean records it) → sandbox started → first answered GraphQL request. */
    static void coldStart() throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        long t0 = System.nanoTime();
        try (Sandbox sandbox = start()) {
            long started = System.nanoTime();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = sandbox.idToken("alice");
            HttpResponse<String> first = client.send(post(sandbox.graphqlEndpoint(), token,
                    body(CREATE, Map.of("input", Map.of("content", "first", "done", false)))),
                    HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            if (first.statusCode() != 200 || first.body().contains("\"errors\"")) {
                throw new IllegalStateException("The first request failed: " + first.body());
            }
            long cpu = cpuNanos();
            System.out.printf(Locale.ROOT, "coldstart: JVM start to main %d ms, main to sandbox started %d ms,"
                    + " to first answered mutation %d ms; JVM start to first answer %d ms, %.1f s of CPU by then"
                    + " (every thread; JIT compilers included)%n",
                    mainAt - jvmStart, (started - t0) / 1_000_000, (answered - t0) / 1_000_000,
                    mainAt - jvmStart + (answered - t0) / 1_000_000, cpu / 1e9);
        }
    }

    // ------------------------------------------------------------------------------------------ mutations

    /** 16 clients, each a loop of createTodo with a user pool token; warm-up, then a measured period. */
    static void mutations(Duration warmUp, Duration measure) throws Exception {
        try (Sandbox sandbox = start()) {
            String token = sandbox.idToken("alice");
            run(sandbox, token, warmUp, "mutations warm-up");
            run(sandbox, token, measure, "mutations");
        }
    }

    private static void run(Sandbox sandbox, String token, Duration period, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + period.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest request = post(sandbox.graphqlEndpoint(), token, body(CREATE,
                            Map.of("input", Map.of("content", "load " + client + " " + n, "done", false))));
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - start;
                    if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                        failures.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        long elapsed = System.nanoTime() - t0;
        long cpu = cpuNanos() - cpu0;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(merged);
        System.out.printf(Locale.ROOT, "%s: %d clients, %d requests in %.1f s = %.0f/s; latency p50 %.2f ms,"
                + " p99 %.2f ms, max %.1f ms; %d failed; this JVM used %.2f of %d cores, %.0f µs of CPU per"
                + " request (clients included)%n", label, CLIENTS, merged.length, elapsed / 1e9,
                merged.length / (elapsed / 1e9), percentile(merged, 0.50) / 1e6, percentile(merged, 0.99) / 1e6,
                merged[merged.length - 1] / 1e6, failures.get(), cpu / (double) elapsed,
                Runtime.getRuntime().availableProcessors(), cpu / 1e3 / merged.length);
    }

    // ------------------------------------------------------------------------------------------ subscribers

    /**
     * {@code subscribers} API-key subscriptions to onCreateTodo (100 connections of 10), then {@code events}
     * creates at 50 a second; each delivery's latency is from just before the mutation is sent to the moment the
     * subscriber's client has the whole message. The first third of the events warm up and are not counted.
     */
    static void subscribers(int subscribers, int events) throws Exception {
        try (Sandbox sandbox = start()) {
            String token = sandbox.idToken("alice");
            Map<String, Object> auth = new LinkedHashMap<>();
            auth.put("host", "127.0.0.1:" + sandbox.port());
            auth.put("x-api-key", sandbox.apiKey().orElseThrow());
            String header = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(JSON.writeValueAsBytes(auth));
            long[] sentAt = new long[events];
            int warm = events / 3;
            long[] latencies = new long[subscribers * (events - warm)];
            AtomicInteger recorded = new AtomicInteger();
            AtomicLong received = new AtomicLong();
            int perConnection = 10;
            CountDownLatch acks = new CountDownLatch(subscribers);
            HttpClient wsClient = HttpClient.newHttpClient();
            List<WebSocket> sockets = new ArrayList<>();
            long subscribeStart = System.nanoTime();
            for (int c = 0; c < subscribers / perConnection; c++) {
                WebSocket socket = wsClient.newWebSocketBuilder().subprotocols("graphql-ws", "header-" + header)
                        .buildAsync(sandbox.realtimeEndpoint(), new WebSocket.Listener() {
                            private final StringBuilder text = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    long now = System.nanoTime();
                                    String message = text.toString();
                                    text.setLength(0);
                                    if (message.contains("\"start_ack\"")) {
                                        acks.countDown();
                                    } else if (message.contains("\"data\"")) {
                                        received.incrementAndGet();
                                        int at = message.indexOf("seq:");
                                        int seq = Integer.parseInt(message.substring(at + 4,
                                                message.indexOf(';', at)));
                                        if (seq >= warm) {
                                            latencies[recorded.getAndIncrement()] = now - sentAt[seq];
                                        }
                                    }
                                }
                                ws.request(1);
                                return null;
                            }
                        }).get(60, TimeUnit.SECONDS);
                sockets.add(socket);
                socket.sendText("{\"type\":\"connection_init\"}", true).join();
                for (int s = 0; s < perConnection; s++) {
                    Map<String, Object> data = Map.of("query", "subscription { onCreateTodo { id content done } }",
                            "variables", Map.of());
                    socket.sendText(JSON.writeValueAsString(Map.of("id", "s" + s, "type", "start", "payload",
                            Map.of("data", JSON.writeValueAsString(data), "extensions",
                                    Map.of("authorization", auth)))), true).join();
                }
            }
            if (!acks.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Not every subscription was acknowledged");
            }
            long subscribed = System.nanoTime();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            long next = System.nanoTime();
            for (int e = 0; e < events; e++) {
                HttpRequest request = post(sandbox.graphqlEndpoint(), token, body(CREATE,
                        Map.of("input", Map.of("content", "seq:" + e + ";", "done", false))));
                sentAt[e] = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.body().contains("\"errors\"")) {
                    throw new IllegalStateException(response.body());
                }
                next += 20_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.get() < (long) subscribers * events && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            double cores = (cpuNanos() - cpu0) / (double) (System.nanoTime() - t0);
            long[] measured = Arrays.copyOf(latencies, recorded.get());
            Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "subscribers: %d subscriptions made in %.1f s; %d events at 50/s,"
                    + " %d of %d deliveries arrived; delivery latency (last %d events) p50 %.1f ms, p99 %.1f ms,"
                    + " max %.1f ms; this JVM used %.2f cores%n", subscribers, (subscribed - subscribeStart) / 1e9,
                    events, received.get(), (long) subscribers * events, events - warm,
                    percentile(measured, 0.50) / 1e6, percentile(measured, 0.99) / 1e6,
                    measured[measured.length - 1] / 1e6, cores);
            CompletableFuture.allOf(sockets.stream().map(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "done"))
                    .toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------------------------------ items

    /** Loads {@code count} todos over HTTP with 16 clients, then reports the heap in use after a full GC. */
    static void items(int count) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Sandbox sandbox = start()) {
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            String token = sandbox.idToken("alice");
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            long t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                futures.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        HttpResponse<String> response = http.send(post(sandbox.graphqlEndpoint(), token,
                                body(CREATE, Map.of("input", Map.of("content",
                                        String.format(Locale.ROOT, "todo %06d: %s", i, "x".repeat(80)),
                                        "done", i % 2 == 0, "priority", 1 + i % 5)))),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                            throw new IllegalStateException(response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            long loaded = System.nanoTime();
            pool.shutdown();
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            // Prove the items are there and queryable: one page of the list.
            HttpResponse<String> page = HttpClient.newHttpClient().send(post(sandbox.graphqlEndpoint(), token,
                    body("{ listTodos(limit: 1000) { items { id } nextToken } }", Map.of())),
                    HttpResponse.BodyHandlers.ofString());
            if (!page.body().contains("nextToken\":\"")) {
                throw new IllegalStateException("The list did not page: " + page.body().substring(0, 200));
            }
            System.out.printf(Locale.ROOT, "items: %d todos loaded over HTTP in %.1f s (%.0f/s); heap after GC"
                    + " %d MB with them, %d MB before (max heap %d MB): %.0f bytes per item%n", count,
                    (loaded - t0) / 1e9, count / ((loaded - t0) / 1e9), used / (1024 * 1024),
                    baseline / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    (used - baseline) / (double) count);
        }
    }

    // ------------------------------------------------------------------------------------------ plumbing

    static HttpRequest post(URI endpoint, String token, String body) {
        return HttpRequest.newBuilder(endpoint).header("content-type", "application/json")
                .header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    static String body(String query, Map<String, Object> variables) {
        try {
            return JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** CPU time of this whole process (every thread, GC and JIT included). */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
