package io.amplify4j.sandbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.sandbox.dynamodb.AttributeValue;
import io.amplify4j.sandbox.dynamodb.DynamoDbStore;
import io.amplify4j.sandbox.dynamodb.KeyAttribute;
import io.amplify4j.sandbox.dynamodb.TableDefinition;
import io.amplify4j.sandbox.server.Sandbox;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test (D5, D6): a child JVM serves a sandbox with a data directory under load from this test and writes
 * transactions and batches to a second store; it is killed with SIGKILL ({@code destroyForcibly}) mid-load. After
 * a restart every write acknowledged before the kill is there, whole; every transaction and batch is all there or
 * not at all; and no subscription event is replayed for writes made before the crash.
 */
class KillNineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int CLIENTS = 6;
    private static final String CREATE = "mutation C($input: CreateTodoInput!) { createTodo(input: $input) { id } }";

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesAKillNineMidLoad() throws Exception {
        Process child = startChild();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong lastGroup = new AtomicLong(-1);
        List<Thread> clients = new ArrayList<>();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> readLines(child, lines, lastGroup), "crash-child-output");
            reader.setDaemon(true);
            reader.start();
            int port = awaitReady(lines, child);
            URI endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
            String token = signIn(URI.create("http://127.0.0.1:" + port + "/__sandbox/sign-in"));

            CountDownLatch stopped = new CountDownLatch(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread thread = new Thread(() -> {
                    try {
                        for (int n = 0; ; n++) {
                            String id = "c" + client + "-" + n;
                            if (!create(endpoint, token, id)) {
                                return;
                            }
                            acknowledged.add(id);
                        }
                    } finally {
                        stopped.countDown();
                    }
                }, "crash-load-" + c);
                thread.setDaemon(true);
                thread.start();
                clients.add(thread);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((acknowledged.size() < 300 || lastGroup.get() < 200) && System.nanoTime() < deadline
                    && child.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("the child is still serving when it is killed").isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(stopped.await(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        checkSandboxData(acknowledged);
        checkTransactionsAndBatches(lastGroup.get());
    }

    private void checkSandboxData(Set<String> acknowledged) throws Exception {
        try (Sandbox restarted = Sandbox.builder(new TodoBackend()).dataDirectory(dir.resolve("sandbox"))
                .banner(null).requestLog(line -> {}).start()) {
            String key = restarted.apiKey().orElseThrow();
            Map<String, Map<String, Object>> items = listAll(restarted.graphqlEndpoint(), key);
            System.out.printf("kill -9 test: %d todo writes acknowledged before the kill, %d present after the"
                    + " restart (writes in flight may or may not be there)%n", acknowledged.size(), items.size());
            assertThat(items.keySet()).containsAll(acknowledged);
            for (Map.Entry<String, Map<String, Object>> item : items.entrySet()) {
                String id = item.getKey();
                // whole items only: every field as the one write that made it
                assertThat(item.getValue()).containsEntry("content", "content of " + id)
                        .containsEntry("priority", (Object) priority(id)).containsEntry("done", false);
            }

            // D6, at most once: a subscriber of the restarted sandbox gets no event for writes made before the
            // crash; its first event is for the first write after it subscribed.
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            WebSocket socket = subscribe(restarted, key, events);
            try {
                String token = restarted.idToken("crash");
                assertThat(create(restarted.graphqlEndpoint(), token, "after-restart")).isTrue();
                String first = events.poll(10, TimeUnit.SECONDS);
                assertThat(first).isNotNull().contains("\"type\":\"data\"").contains("after-restart");
            } finally {
                socket.abort();
            }
        }
    }

    private void checkTransactionsAndBatches(long lastAcknowledged) {
        PersistentTables tables = PersistentTables.in(dir.resolve("ledger"), 64 * 1024, line -> {});
        DynamoDbStore store = new DynamoDbStore(tables);
        store.createTable(TableDefinition.of("Ledger", KeyAttribute.string("id")));
        tables.recover(store);
        try {
            Map<Long, Integer> parts = new HashMap<>();
            store.quiesced(all -> {
                for (Map<String, AttributeValue> item : all.get("Ledger")) {
                    long group = ((AttributeValue.N) item.get("group")).value().longValueExact();
                    parts.merge(group, 1, Integer::sum);
                }
                return null;
            });
            System.out.printf("kill -9 test: %d transactions/batches acknowledged, %d present, each whole%n",
                    lastAcknowledged + 1, parts.size());
            for (long group = 0; group <= lastAcknowledged; group++) {
                assertThat(parts).as("acknowledged group %d", group).containsKey(group);
            }
            assertThat(parts).allSatisfy((group, count) ->
                    assertThat(count).as("items of group %d", group).isEqualTo(CrashChild.PARTS));
        } finally {
            tables.close();
        }
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private Process startChild() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--enable-native-access") || argument.startsWith("--sun-misc-unsafe")) {
                command.add(argument);
            }
        }
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashChild.class.getName());
        command.add(dir.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void readLines(Process child, BlockingQueue<String> lines, AtomicLong lastGroup) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    lastGroup.set(Long.parseLong(line.substring(4).trim()));
                } else {
                    lines.add(line);
                }
            }
        } catch (Exception e) {
            lines.add("output ended: " + e);
        }
    }

    private static int awaitReady(BlockingQueue<String> lines, Process child) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!child.isAlive()) {
                    break;
                }
                continue;
            }
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring(6).trim());
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The child sandbox did not start:\n" + seen);
    }

    private static String signIn(URI signIn) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(signIn)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"crash\",\"password\":\"crash-password-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return (String) JSON.readValue(response.body(), Map.class).get("idToken");
    }

    private static int priority(String id) {
        return Math.floorMod(id.hashCode(), 5) + 1;
    }

    /** Creates a todo; true only when the sandbox acknowledged it (200, no errors, the id echoed). */
    @SuppressWarnings("unchecked")
    private static boolean create(URI endpoint, String token, String id) {
        try {
            Map<String, Object> input = Map.of("id", id, "content", "content of " + id, "done", false,
                    "priority", priority(id));
            String body = JSON.writeValueAsString(Map.of("query", CREATE, "variables", Map.of("input", input)));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint)
                    .header("content-type", "application/json").header("Authorization", token)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            Map<String, Object> json = JSON.readValue(response.body(), Map.class);
            Map<String, Object> data = (Map<String, Object>) json.get("data");
            return json.get("errors") == null && data != null && data.get("createTodo") instanceof Map<?, ?> todo
                    && id.equals(todo.get("id"));
        } catch (Exception e) {
            return false; // the connection died with the child: not acknowledged
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> listAll(URI endpoint, String key) throws Exception {
        Map<String, Map<String, Object>> items = new LinkedHashMap<>();
        String next = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("token", next);
            String body = JSON.writeValueAsString(Map.of("query", "query L($token: String) { listTodos(limit: 1000,"
                    + " nextToken: $token) { items { id content priority done } nextToken } }",
                    "variables", variables));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint)
                    .header("content-type", "application/json").header("x-api-key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> json = JSON.readValue(response.body(), Map.class);
            assertThat(json.get("errors")).isNull();
            Map<String, Object> page = (Map<String, Object>) ((Map<String, Object>) json.get("data")).get("listTodos");
            for (Map<String, Object> item : (List<Map<String, Object>>) page.get("items")) {
                items.put((String) item.get("id"), item);
            }
            next = (String) page.get("nextToken");
        } while (next != null);
        return items;
    }

    private static WebSocket subscribe(Sandbox sandbox, String key, BlockingQueue<String> events) throws Exception {
        Map<String, Object> auth = Map.of("host", "127.0.0.1:" + sandbox.port(), "x-api-key", key);
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsBytes(auth));
        CompletableFuture<Void> acked = new CompletableFuture<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        WebSocket socket = HTTP.newWebSocketBuilder().subprotocols("graphql-ws", "header-" + header)
                .buildAsync(sandbox.realtimeEndpoint(), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            String message = text.toString();
                            text.setLength(0);
                            if (message.contains("\"connection_ack\"")) {
                                acked.complete(null);
                            } else if (message.contains("\"start_ack\"")) {
                                started.complete(null);
                            } else if (!message.contains("\"ka\"")) {
                                events.add(message);
                            }
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"connection_init\"}", true).join();
        acked.get(10, TimeUnit.SECONDS);
        String data = JSON.writeValueAsString(Map.of("query", "subscription { onCreateTodo { id } }",
                "variables", Map.of()));
        socket.sendText(JSON.writeValueAsString(Map.of("id", "s", "type", "start", "payload",
                Map.of("data", data, "extensions", Map.of("authorization", auth)))), true).join();
        started.get(10, TimeUnit.SECONDS);
        return socket;
    }
}
