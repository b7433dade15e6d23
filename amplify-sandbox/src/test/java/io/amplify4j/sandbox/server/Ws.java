package io.amplify4j.sandbox.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain JDK WebSocket client speaking AppSync's real-time protocol, collecting what the server sends. */
final class Ws implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    final WebSocket socket;
    final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private Ws(WebSocket.Builder builder, URI uri) {
        try {
            this.socket = builder.buildAsync(uri, new Listener()).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot connect to " + uri, e);
        }
    }

    /** The auth JSON AppSync expects: {@code host} plus one auth header. */
    static Map<String, Object> auth(URI endpoint, String header, String value) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("host", endpoint.getHost() + ":" + endpoint.getPort());
        auth.put(header, value);
        return auth;
    }

    /** Connects with {@code ?header=<base64 JSON>&payload=e30=}, the AWS docs' style. */
    static Ws withQueryAuth(URI realtime, Map<String, Object> auth) {
        String header = Base64.getEncoder().encodeToString(json(auth).getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(realtime + "?header=" + java.net.URLEncoder.encode(header, StandardCharsets.UTF_8)
                + "&payload=e30=");
        return new Ws(CLIENT.newWebSocketBuilder().subprotocols("graphql-ws"), uri);
    }

    /** Connects with the {@code header-<base64url>} subprotocol, Amplify JS v6's style. */
    static Ws withSubprotocolAuth(URI realtime, Map<String, Object> auth) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json(auth).getBytes(StandardCharsets.UTF_8));
        return new Ws(CLIENT.newWebSocketBuilder().subprotocols("graphql-ws", "header-" + header), realtime);
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(Map<String, Object> message) {
        sendText(json(message));
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** connection_init, then the connection_ack. */
    Map<String, Object> init() {
        send(Map.of("type", "connection_init"));
        return next("connection_ack");
    }

    /** Sends a start for {@code query} with this start's own authorization. */
    void start(String id, String query, Map<String, Object> variables, Map<String, Object> authorization) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("query", query);
        data.put("variables", variables);
        send(Map.of("id", id, "type", "start", "payload",
                Map.of("data", json(data), "extensions", Map.of("authorization", authorization))));
    }

    /** The next message of {@code type} (skipping {@code ka}), waiting up to 10 s. */
    Map<String, Object> next(String type) {
        Map<String, Object> message = next();
        if (message == null) {
            throw new AssertionError("No `" + type + "` message within " + WAIT);
        }
        if (!type.equals(message.get("type"))) {
            throw new AssertionError("Expected a `" + type + "` message, got " + message);
        }
        return message;
    }

    /** The next message other than {@code ka}, waiting up to 10 s; null when none came. */
    Map<String, Object> next() {
        return next(WAIT);
    }

    Map<String, Object> next(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Map<String, Object> message = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (message == null || !"ka".equals(message.get("type"))) {
                    return message;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every non-ka message already received. */
    List<Map<String, Object>> drain() {
        List<Map<String, Object>> out = new ArrayList<>();
        received.drainTo(out);
        out.removeIf(m -> "ka".equals(m.get("type")));
        return out;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    static String json(Object value) {
        try {
            return Http.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    received.add(Http.JSON.readValue(text.toString(), Map.class));
                } catch (IOException e) {
                    received.add(Map.of("type", "unparseable", "text", text.toString()));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
