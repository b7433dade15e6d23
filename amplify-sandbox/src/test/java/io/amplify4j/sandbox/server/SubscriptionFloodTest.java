package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.TodoBackend;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * D17: 1,000 subscribers (100 connections of 10 subscriptions: alice's, bob's and API key ones) while 100 events
 * are published at about 100 a second, and one more client that stops reading. The stuck client is disconnected
 * once its bounded queue overflows (memory per connection is capped at {@code realtimeQueueCapacity} messages);
 * every other subscriber receives exactly the events its authorization admits (owners their own, API keys all),
 * each once, in publication order.
 */
class SubscriptionFloodTest {
    static final int CONNECTIONS = 100;
    static final int PER_CONNECTION = 10;
    static final int EVENTS = 100;
    static final String ON_CREATE = "subscription { onCreateTodo { id content owner } }";
    static final String CREATE = "mutation C($input: CreateTodoInput!) { createTodo(input: $input) {"
            + " id content owner } }";

    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new TodoBackend()).realtimeQueueCapacity(64).banner(null).requestLog(line -> { })
                .user("alice", "a-long-password-1").user("bob", "a-long-password-2").start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Map<String, Object> auth(int connection) {
        return switch (connection % 3) {
            case 0 -> Ws.auth(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken("alice"));
            case 1 -> Ws.auth(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken("bob"));
            default -> Ws.auth(sandbox.graphqlEndpoint(), "x-api-key", sandbox.apiKey().orElseThrow());
        };
    }

    /** A client that acknowledges its connection, subscribes with a ~150 KB selection, then reads nothing. */
    private static WebSocket stuckClient() throws Exception {
        Map<String, Object> auth = auth(2);
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Ws.json(auth).getBytes(StandardCharsets.UTF_8));
        WebSocket stuck = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-ws", "header-" + header)
                .buildAsync(sandbox.realtimeEndpoint(), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        return null; // never asks for more
                    }
                }).get(10, TimeUnit.SECONDS);
        stuck.sendText(Ws.json(Map.of("type", "connection_init")), true).join();
        StringBuilder selection = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            selection.append(" c").append(i).append(": content");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("query", "subscription { onCreateTodo { id" + selection + " } }");
        data.put("variables", Map.of());
        stuck.sendText(Ws.json(Map.of("id", "stuck", "type", "start", "payload",
                Map.of("data", Ws.json(data), "extensions", Map.of("authorization", auth)))), true).join();
        return stuck;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aThousandSubscribersGetTheirEventsAndASlowOneIsDropped() throws Exception {
        List<Ws> clients = new ArrayList<>();
        WebSocket stuck = null;
        try {
            for (int c = 0; c < CONNECTIONS; c++) {
                Map<String, Object> auth = auth(c);
                Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), auth);
                clients.add(ws);
                ws.init();
                for (int s = 0; s < PER_CONNECTION; s++) {
                    ws.start("s" + s, ON_CREATE, Map.of(), auth);
                }
            }
            for (Ws ws : clients) {
                for (int s = 0; s < PER_CONNECTION; s++) {
                    assertThat(ws.next("start_ack").get("id")).isEqualTo("s" + s);
                }
            }
            stuck = stuckClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sandbox.realtime().liveSubscriptions() < CONNECTIONS * PER_CONNECTION + 1
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(sandbox.realtime().liveSubscriptions()).isEqualTo(CONNECTIONS * PER_CONNECTION + 1);

            List<String> alices = new ArrayList<>();
            List<String> bobs = new ArrayList<>();
            List<String> all = new ArrayList<>();
            long next = System.nanoTime();
            for (int e = 0; e < EVENTS; e++) {
                String user = e % 2 == 0 ? "alice" : "bob";
                Http.Response created = Http.graphql(sandbox.graphqlEndpoint(), "Authorization",
                        sandbox.idToken(user), CREATE,
                        Map.of("input", Map.of("content", "event " + e + " " + "x".repeat(400), "done", false)));
                assertThat(created.errors()).isEmpty();
                String id = (String) created.dataMap("createTodo").get("id");
                (e % 2 == 0 ? alices : bobs).add(id);
                all.add(id);
                next += Duration.ofMillis(10).toNanos(); // about 100 events a second
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }

            for (int c = 0; c < CONNECTIONS; c++) {
                List<String> expected = c % 3 == 0 ? alices : c % 3 == 1 ? bobs : all;
                Map<String, List<String>> bySubscription = new LinkedHashMap<>();
                int total = expected.size() * PER_CONNECTION;
                for (int n = 0; n < total; n++) {
                    Map<String, Object> message = clients.get(c).next("data");
                    Map<String, Object> event = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                            message.get("payload")).get("data")).get("onCreateTodo");
                    bySubscription.computeIfAbsent((String) message.get("id"), k -> new ArrayList<>())
                            .add((String) event.get("id"));
                }
                assertThat(bySubscription).as("connection %d", c).hasSize(PER_CONNECTION)
                        .allSatisfy((id, events) -> assertThat(events).isEqualTo(expected));
            }
            for (Ws ws : clients) {
                assertThat(ws.next(Duration.ofMillis(20))).isNull();
            }
            // The stuck client was dropped; nobody else was.
            assertThat(sandbox.realtime().liveSubscriptions()).isEqualTo(CONNECTIONS * PER_CONNECTION);
            assertThat(clients.stream().map(ws -> ws.closed.isDone()).collect(Collectors.toSet()))
                    .containsExactly(false);
        } finally {
            clients.forEach(Ws::close);
            if (stuck != null) {
                stuck.abort();
            }
        }
    }
}
