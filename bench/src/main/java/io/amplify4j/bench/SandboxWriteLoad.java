package io.amplify4j.bench;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.sandbox.server.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durability cost seen by a client: {@code createTodo} mutations over loopback HTTP from 16 concurrent clients
 * (JDK HTTP client, one connection each), against the todo sandbox in memory and with a data directory. Prints
 * mutations per second and latency percentiles for each; not JMH, since the load and the server share the JVM's
 * two cores the same way in both runs.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests exec:exec \
 *     -Dbench.main=io.amplify4j.bench.SandboxWriteLoad -Dbench.args="10 20"   (see BENCHMARKS.md)
 * </pre>
 */
public final class SandboxWriteLoad {
    private static final int CLIENTS = 16;
    private static final String CREATE = "{\"query\":\"mutation { createTodo(input: {content: \\\"load\\\", done: "
            + "false}) { id } }\"}";

    private SandboxWriteLoad() {}

    public static void main(String[] args) throws Exception {
        Duration warmUp = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
        Duration measure = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 20);
        // Warm the JVM (GraalJS, the server, the HTTP client) once, on a throw-away sandbox, so that neither
        // measured run pays for it; each measured run then warms its own sandbox for a few seconds.
        run(null, null, warmUp, Duration.ZERO);
        run("memory", null, Duration.ofSeconds(5), measure);
        Path directory = Files.createTempDirectory(Path.of("target"), "write-load");
        run("data directory", directory, Duration.ofSeconds(5), measure);
    }

    private static void run(String name, Path directory, Duration warmUp, Duration measure) throws Exception {
        Sandbox.Builder builder = Sandbox.builder(new TodoBackend()).banner(null).requestLog(line -> {})
                .user("load", "load-password-1");
        if (directory != null) {
            builder.dataDirectory(directory);
        }
        try (Sandbox sandbox = builder.start()) {
            String token = sandbox.idToken("load");
            load(sandbox.graphqlEndpoint(), token, warmUp);
            if (name == null) {
                return;
            }
            long[] latencies = load(sandbox.graphqlEndpoint(), token, measure);
            Arrays.sort(latencies);
            System.out.printf("%-15s %8.0f mutations/s   p50 %6.2f ms   p99 %6.2f ms   (%d in %d s, %d clients)%n",
                    name, latencies.length / (double) measure.toSeconds(), percentile(latencies, 0.50),
                    percentile(latencies, 0.99), latencies.length, measure.toSeconds(), CLIENTS);
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
    }

    private static long[] load(URI endpoint, String token, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        for (int c = 0; c < CLIENTS; c++) {
            long[][] mine = {new long[1 << 16]};
            int[] count = {0};
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Thread thread = new Thread(() -> {
                HttpRequest request = HttpRequest.newBuilder(endpoint).header("content-type", "application/json")
                        .header("Authorization", token).POST(HttpRequest.BodyPublishers.ofString(CREATE)).build();
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                            failures.incrementAndGet();
                            continue;
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        continue;
                    }
                    if (count[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                    }
                    mine[0][count[0]++] = System.nanoTime() - started;
                }
                synchronized (perClient) {
                    perClient.add(Arrays.copyOf(mine[0], count[0]));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " mutations failed");
        }
        return perClient.stream().flatMapToLong(Arrays::stream).toArray();
    }
}
