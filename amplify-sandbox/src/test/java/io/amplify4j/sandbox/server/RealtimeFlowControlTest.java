package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.TodoBackend;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keep-alives on their own, and a client that stops reading: dropped, never slowing the mutations down. */
class RealtimeFlowControlTest {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new TodoBackend()).keepAliveInterval(Duration.ofMillis(100))
                .realtimeQueueCapacity(4).banner(null).requestLog(line -> {}).user("alice", "a-long-password-1")
                .start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private Map<String, Object> auth() {
        return Ws.auth(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken("alice"));
    }

    @Test
    void keepAlivesArrivePeriodically() throws Exception {
        try (Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), auth())) {
            ws.init();
            int kas = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (kas < 4 && System.nanoTime() < deadline) {
                Map<String, Object> message = ws.received.poll(1, TimeUnit.SECONDS);
                if (message != null && "ka".equals(message.get("type"))) {
                    kas++;
                }
            }
            assertThat(kas).isEqualTo(4);
        }
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedAndMutationsGoOn() throws Exception {
        Map<String, Object> auth = auth();
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Ws.json(auth).getBytes(StandardCharsets.UTF_8));
        // Reads nothing after the first message it is given: the server's writes back up.
        WebSocket stuck = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-ws", "header-" + header)
                .buildAsync(sandbox.realtimeEndpoint(), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        stuck.sendText(Ws.json(Map.of("type", "connection_init")), true).join();
        Map<String, Object> data = new LinkedHashMap<>();
        // Each alias repeats the content in the event: about 150 KB per message, to fill the socket's buffers soon.
        StringBuilder selection = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            selection.append(" c").append(i).append(": content");
        }
        data.put("query", "subscription { onCreateTodo { id" + selection + " } }");
        data.put("variables", Map.of());
        stuck.sendText(Ws.json(Map.of("id", "s", "type", "start", "payload",
                Map.of("data", Ws.json(data), "extensions", Map.of("authorization", auth)))), true).join();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sandbox.realtime().liveSubscriptions() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sandbox.realtime().liveSubscriptions()).isEqualTo(1);

        String big = "x".repeat(500);
        String create = "mutation($input: CreateTodoInput!) { createTodo(input: $input) { id content owner } }";
        for (int i = 0; i < 500 && sandbox.realtime().liveSubscriptions() > 0; i++) {
            Http.Response response = Http.graphql(sandbox.graphqlEndpoint(), "Authorization",
                    sandbox.idToken("alice"), create, Map.of("input", Map.of("content", big, "done", false)));
            assertThat(response.errors()).isEmpty();
        }
        assertThat(sandbox.realtime().liveSubscriptions()).isZero();
        stuck.abort();
    }
}
