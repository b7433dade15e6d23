package io.amplify4j.client.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amplify4j.client.AuthMode;
import io.amplify4j.client.GraphQLTransportException;
import io.amplify4j.client.auth.AuthProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One WebSocket to AppSync's real-time endpoint, in one auth mode, carrying any number of subscriptions: AppSync's
 * {@code graphql-ws} protocol ({@code connection_init} → {@code connection_ack}, {@code ka}, {@code start} →
 * {@code start_ack} / {@code data} / {@code error}, {@code stop} → {@code complete}).
 *
 * <p>The connection authenticates with a {@code header-<base64url>} subprotocol next to {@code graphql-ws}; each
 * {@code start} carries its own authorization. It watches for keep-alives: when nothing arrives within the
 * {@code connectionTimeoutMs} that {@code connection_ack} announced, or the socket closes or fails, it reconnects
 * with exponential backoff and sends every subscription's {@code start} again. It opens when the first subscription
 * is added and closes when the last one is removed.
 */
final class Connection {
    static final String SUBPROTOCOL = "graphql-ws";
    private static final long DEFAULT_TIMEOUT_MS = 300_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private enum State { IDLE, CONNECTING, READY }

    private final HttpClient http;
    private final URI graphqlEndpoint;
    private final URI realtimeEndpoint;
    private final AuthProvider auth;
    private final RealtimeSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Consumer<String> log;
    private final Map<String, LiveSubscription<?>> subscriptions = new ConcurrentHashMap<>();

    // Guarded by this.
    private State state = State.IDLE;
    private volatile long generation;
    private WebSocket socket;
    private int failedAttempts;
    private long timeoutMs = DEFAULT_TIMEOUT_MS;
    private ScheduledFuture<?> timer;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private boolean closed;
    private int connects;

    private volatile long lastMessageNanos;

    Connection(HttpClient http, URI graphqlEndpoint, URI realtimeEndpoint, AuthProvider auth,
            RealtimeSettings settings, ScheduledExecutorService scheduler, Consumer<String> log) {
        this.http = http;
        this.graphqlEndpoint = graphqlEndpoint;
        this.realtimeEndpoint = realtimeEndpoint;
        this.auth = auth;
        this.settings = settings;
        this.scheduler = scheduler;
        this.log = log;
    }

    AuthMode mode() {
        return auth.mode();
    }

    /** How many times a socket was opened (for tests and diagnostics). */
    synchronized int connects() {
        return connects;
    }

    // ------------------------------------------------------------------------------------------ subscriptions

    synchronized void add(LiveSubscription<?> subscription) {
        if (closed) {
            subscription.fail(new IllegalStateException("The GraphQLClient is closed"));
            return;
        }
        subscription.attach(this);
        subscriptions.put(subscription.id(), subscription);
        switch (state) {
            case READY -> start(subscription);
            case IDLE -> connect();
            case CONNECTING -> { } // started once the connection is acknowledged
        }
    }

    synchronized void remove(LiveSubscription<?> subscription) {
        if (subscriptions.remove(subscription.id()) == null) {
            return;
        }
        if (state == State.READY) {
            send("{\"type\":\"stop\",\"id\":\"" + subscription.id() + "\"}");
        }
        if (subscriptions.isEmpty()) {
            disconnect("no subscriptions left");
        }
    }

    /** Closes the socket and fails nothing: what the client's close does after closing every subscription. */
    synchronized void close() {
        closed = true;
        List<LiveSubscription<?>> left = new ArrayList<>(subscriptions.values());
        subscriptions.clear();
        left.forEach(LiveSubscription::close);
        disconnect("client closed");
    }

    // ------------------------------------------------------------------------------------------ socket lifecycle

    private void connect() {
        state = State.CONNECTING;
        long current = ++generation;
        Map<String, String> header;
        try {
            header = auth.realtimeAuthorization(URI.create(graphqlEndpoint + "/connect"), "{}");
        } catch (RuntimeException e) {
            failAll(new GraphQLTransportException("Cannot authorize the real-time connection: " + e.getMessage(), e));
            state = State.IDLE;
            return;
        }
        String encoded;
        try {
            encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(header));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        connects++;
        cancelTimer();
        timer = scheduler.schedule(() -> handshakeTimedOut(current), settings.handshakeTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        http.newWebSocketBuilder()
                .subprotocols(SUBPROTOCOL, "header-" + encoded)
                .connectTimeout(settings.handshakeTimeout())
                .buildAsync(realtimeEndpoint, new Listener(current))
                .whenComplete((webSocket, failure) -> opened(current, webSocket, failure));
    }

    private synchronized void opened(long gen, WebSocket webSocket, Throwable failure) {
        if (gen != generation || state != State.CONNECTING) {
            if (webSocket != null) {
                webSocket.abort();
            }
            return;
        }
        if (failure != null) {
            dropped(gen, failure);
            return;
        }
        socket = webSocket;
        sending = CompletableFuture.completedFuture(null);
        lastMessageNanos = System.nanoTime();
        send("{\"type\":\"connection_init\"}");
    }

    private synchronized void handshakeTimedOut(long gen) {
        if (gen == generation && state == State.CONNECTING) {
            dropped(gen, new TimeoutException("no connection_ack within " + settings.handshakeTimeout()));
        }
    }

    private synchronized void acknowledged(long gen, JsonNode payload) {
        if (gen != generation || state != State.CONNECTING) {
            return;
        }
        state = State.READY;
        failedAttempts = 0;
        long announced = payload == null ? 0 : payload.path("connectionTimeoutMs").asLong(0);
        timeoutMs = announced > 0 ? announced : DEFAULT_TIMEOUT_MS;
        scheduleWatchdog(gen, timeoutMs);
        subscriptions.values().forEach(this::start);
    }

    private void scheduleWatchdog(long gen, long delayMs) {
        cancelTimer();
        timer = scheduler.schedule(() -> watchdog(gen), Math.max(1, delayMs), TimeUnit.MILLISECONDS);
    }

    /** Fires when the keep-alive window may have passed: drops the connection if it has, else waits the rest. */
    private synchronized void watchdog(long gen) {
        if (gen != generation || state != State.READY) {
            return;
        }
        long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastMessageNanos);
        if (silentMs >= timeoutMs) {
            dropped(gen, new TimeoutException("no keep-alive from AppSync for " + silentMs + " ms (connectionTimeoutMs "
                    + timeoutMs + ")"));
        } else {
            scheduleWatchdog(gen, timeoutMs - silentMs);
        }
    }

    /** The socket is gone or unusable: reconnect after a backoff, or give up and tell the subscribers. */
    private void dropped(long gen, Throwable cause) {
        if (gen != generation || state == State.IDLE) {
            return;
        }
        generation++;
        abortSocket();
        cancelTimer();
        if (subscriptions.isEmpty() || closed) {
            state = State.IDLE;
            return;
        }
        failedAttempts++;
        if (failedAttempts > settings.maxReconnectAttempts()) {
            state = State.IDLE;
            failAll(new GraphQLTransportException("The real-time connection to " + realtimeEndpoint + " was lost and "
                    + settings.maxReconnectAttempts() + " attempts to reconnect failed: " + cause, cause));
            return;
        }
        java.time.Duration wait = settings.backoff(failedAttempts, ThreadLocalRandom.current().nextDouble());
        log.accept("real-time connection lost (" + cause + "); reconnecting in " + wait.toMillis() + " ms, attempt "
                + failedAttempts);
        state = State.CONNECTING;
        long next = generation;
        timer = scheduler.schedule(() -> reconnect(next), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void reconnect(long gen) {
        if (gen == generation && state == State.CONNECTING && !closed) {
            if (subscriptions.isEmpty()) {
                state = State.IDLE;
                return;
            }
            connect();
        }
    }

    private synchronized void refusedForGood(long gen, JsonNode errors, int status) {
        if (gen != generation) {
            return;
        }
        generation++;
        abortSocket();
        cancelTimer();
        state = State.IDLE;
        List<LiveSubscription<?>> all = new ArrayList<>(subscriptions.values());
        subscriptions.clear();
        all.forEach(s -> s.refused(errors, status));
    }

    private void disconnect(String why) {
        generation++;
        cancelTimer();
        state = State.IDLE;
        WebSocket current = socket;
        socket = null;
        if (current != null) {
            sending.whenComplete((r, e) -> current.sendClose(WebSocket.NORMAL_CLOSURE, why)
                    .whenComplete((ws, f) -> current.abort()));
        }
    }

    private void abortSocket() {
        WebSocket current = socket;
        socket = null;
        if (current != null) {
            current.abort();
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void failAll(Throwable cause) {
        List<LiveSubscription<?>> all = new ArrayList<>(subscriptions.values());
        subscriptions.clear();
        all.forEach(s -> s.fail(cause));
    }

    // ------------------------------------------------------------------------------------------ messages

    private void start(LiveSubscription<?> subscription) {
        Map<String, String> authorization;
        try {
            authorization = auth.realtimeAuthorization(graphqlEndpoint, subscription.data());
        } catch (RuntimeException e) {
            subscriptions.remove(subscription.id());
            subscription.fail(new GraphQLTransportException("Cannot authorize the subscription: " + e.getMessage(), e));
            return;
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("id", subscription.id());
        message.put("type", "start");
        ObjectNode payload = message.putObject("payload");
        payload.put("data", subscription.data());
        payload.putObject("extensions").set("authorization", JSON.valueToTree(authorization));
        send(message.toString());
        long gen = generation;
        scheduler.schedule(() -> startTimedOut(gen, subscription), settings.startTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private synchronized void startTimedOut(long gen, LiveSubscription<?> subscription) {
        if (gen == generation && state == State.READY && !subscription.isEstablished()
                && subscriptions.remove(subscription.id()) != null) {
            send("{\"type\":\"stop\",\"id\":\"" + subscription.id() + "\"}");
            subscription.fail(new GraphQLTransportException("AppSync did not acknowledge the subscription within "
                    + settings.startTimeout(), null));
        }
    }

    /** Sends one text message after the previous one finished (the WebSocket API allows one pending send). */
    private void send(String text) {
        WebSocket current = socket;
        if (current == null) {
            return;
        }
        long gen = generation;
        sending = sending.handle((r, e) -> null)
                .thenCompose(ignored -> current.sendText(text, true))
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        synchronized (Connection.this) {
                            dropped(gen, failure);
                        }
                    }
                });
    }

    private void received(long gen, String text) {
        if (gen != generation) {
            return;
        }
        lastMessageNanos = System.nanoTime();
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            log.accept("real-time message is not JSON, ignored: " + text);
            return;
        }
        String type = message.path("type").asText("");
        String id = message.path("id").asText(null);
        LiveSubscription<?> subscription = id == null ? null : subscriptions.get(id);
        switch (type) {
            case "connection_ack" -> acknowledged(gen, message.get("payload"));
            case "ka" -> { }
            case "start_ack" -> {
                if (subscription != null) {
                    subscription.started();
                }
            }
            case "data" -> {
                if (subscription != null) {
                    subscription.deliver(message.path("payload"));
                }
            }
            case "complete" -> {
                if (subscription != null && subscriptions.remove(id) != null) {
                    subscription.completedByServer();
                }
            }
            case "error" -> {
                JsonNode errors = message.path("payload").path("errors");
                if (subscription != null) {
                    synchronized (this) {
                        subscriptions.remove(id);
                    }
                    subscription.refused(errors, 200);
                } else if (id == null) {
                    connectionError(gen, errors);
                }
            }
            case "connection_error" -> connectionError(gen, message.path("payload").path("errors"));
            default -> log.accept("real-time message of unknown type ignored: " + type);
        }
    }

    /** 400, 401 and 403 are final (as Amplify treats them); anything else is worth another attempt. */
    private synchronized void connectionError(long gen, JsonNode errors) {
        int code = errors.path(0).path("errorCode").asInt(0);
        String errorType = errors.path(0).path("errorType").asText("");
        if (code == 400 || code == 401 || code == 403 || errorType.contains("Unauthorized")) {
            refusedForGood(gen, errors, code == 0 ? 401 : code);
        } else {
            dropped(gen, new GraphQLTransportException("connection_error: " + errors, null));
        }
    }

    /** Receives one socket's events; events of a socket that was replaced are ignored. */
    private final class Listener implements WebSocket.Listener {
        private final long gen;
        private final StringBuilder partial = new StringBuilder();

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(gen, text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            synchronized (Connection.this) {
                dropped(gen, new IOException("the server closed the real-time connection: " + statusCode + " "
                        + reason));
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            synchronized (Connection.this) {
                dropped(gen, error);
            }
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
