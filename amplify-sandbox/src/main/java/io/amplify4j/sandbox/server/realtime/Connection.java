package io.amplify4j.sandbox.server.realtime;

import io.amplify4j.sandbox.runtime.Caller;
import io.amplify4j.sandbox.server.auth.AuthenticationException;
import io.amplify4j.sandbox.server.graphql.GraphQLService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;

/**
 * One real-time WebSocket connection, speaking AppSync's {@code graphql-ws} protocol: {@code connection_init} →
 * {@code connection_ack}, {@code ka} periodically, {@code start} → {@code start_ack} or {@code error}, {@code data},
 * {@code stop} → {@code complete}. The connection's own auth (the {@code header} query parameter or a
 * {@code header-<base64url>} subprotocol) must be valid; every {@code start} is then authorized on its own
 * {@code extensions.authorization}.
 */
public final class Connection implements Session.Listener.AutoDemanding {
    static final String SUBPROTOCOL = "graphql-ws";
    private static final String HEADER_SUBPROTOCOL = "header-";

    private final RealtimeHub hub;
    /** Why the connection is refused (sent as {@code connection_error} once open), or null. */
    private final Map<String, Object> refusal;
    private final String who;
    private final Map<String, RealtimeHub.Live> subscriptions = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;
    private volatile boolean acknowledged;
    private volatile Session session;

    private Connection(RealtimeHub hub, Map<String, Object> refusal, String who) {
        this.hub = hub;
        this.refusal = refusal;
        this.who = who;
    }

    /** Accepts an upgrade: echoes {@code graphql-ws} and authenticates the connection's auth header. */
    static Connection accept(RealtimeHub hub, ServerUpgradeRequest request, ServerUpgradeResponse response) {
        if (!request.hasSubProtocol(SUBPROTOCOL)) {
            return new Connection(hub, connectionError("UnsupportedOperation", "SubProtocolNotSupportedError", 400),
                    "-");
        }
        response.setAcceptedSubProtocol(SUBPROTOCOL);
        Optional<Map<String, Object>> header = Optional.empty();
        try {
            Fields query = Request.extractQueryParameters(request);
            String encoded = query.getValue("header");
            if (encoded != null && !encoded.isBlank()) {
                header = Optional.of(decodeHeader(encoded));
            }
            for (String protocol : request.getSubProtocols()) {
                if (header.isEmpty() && protocol.startsWith(HEADER_SUBPROTOCOL)) {
                    header = Optional.of(decodeHeader(protocol.substring(HEADER_SUBPROTOCOL.length())));
                }
            }
        } catch (IllegalArgumentException | IOException e) {
            return new Connection(hub, connectionError("MalformedHeader",
                    "The connection's header is not base64-encoded JSON.", 400), "-");
        }
        if (header.isEmpty()) {
            return new Connection(hub, connectionError("UnauthorizedException", "Missing authorization header", 401),
                    "-");
        }
        try {
            Caller caller = authenticate(hub, header.get());
            return new Connection(hub, null, RealtimeHub.describe(caller));
        } catch (AuthenticationException e) {
            return new Connection(hub, connectionError("UnauthorizedException", e.getMessage(), 401), "-");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decodeHeader(String encoded) throws IOException {
        String standard = encoded.replace('-', '+').replace('_', '/');
        byte[] json = Base64.getDecoder().decode(standard);
        Object value = RealtimeHub.JSON.readValue(new String(json, StandardCharsets.UTF_8), Object.class);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IOException("not an object");
        }
        return (Map<String, Object>) map;
    }

    /** Authenticates an auth object ({@code {"host":..., "x-api-key":...}} or {@code {"Authorization":...}}). */
    private static Caller authenticate(RealtimeHub hub, Map<String, Object> auth) throws AuthenticationException {
        return authenticate(hub, auth, io.amplify4j.sandbox.function.AuthorizerRequest::empty);
    }

    /** As above; {@code request} is what a Lambda authorizer is told about the subscription being started. */
    private static Caller authenticate(RealtimeHub hub, Map<String, Object> auth,
            java.util.function.Supplier<io.amplify4j.sandbox.function.AuthorizerRequest> request)
            throws AuthenticationException {
        String apiKey = null;
        String authorization = null;
        for (Map.Entry<String, Object> entry : auth.entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (entry.getValue() instanceof String value) {
                if (name.equals("x-api-key")) {
                    apiKey = value;
                } else if (name.equals("authorization")) {
                    authorization = value;
                }
            }
        }
        return hub.authenticator.authenticate(apiKey, authorization, request);
    }

    private static Map<String, Object> connectionError(String errorType, String message, int code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorType", errorType);
        error.put("message", message);
        error.put("errorCode", code);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "connection_error");
        out.put("payload", Map.of("errors", List.of(error)));
        return out;
    }

    // ------------------------------------------------------------------------------------------ events

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        if (refusal != null) {
            hub.log.accept("WS connect refused " + refusal);
            session.sendText(RealtimeHub.write(refusal), Callback.from(session::close, failure -> session.close()));
            return;
        }
        hub.opened(this);
        hub.log.accept("WS connect caller=" + who);
    }

    @Override
    public void onWebSocketText(String text) {
        if (refusal != null) {
            return;
        }
        Map<String, Object> message;
        try {
            Object parsed = RealtimeHub.JSON.readValue(text, Object.class);
            if (!(parsed instanceof Map<?, ?>)) {
                throw new IOException("not an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) parsed;
            message = map;
        } catch (IOException e) {
            error(null, "MalformedMessage", "The message is not a JSON object.");
            return;
        }
        Object type = message.get("type");
        try {
            switch (type instanceof String s ? s : "") {
                case "connection_init" -> {
                    acknowledged = true;
                    send(Map.of("type", "connection_ack",
                            "payload", Map.of("connectionTimeoutMs", RealtimeHub.CONNECTION_TIMEOUT_MS)));
                    send(Map.of("type", "ka"));
                }
                case "start" -> start(message);
                case "stop" -> stop(message);
                default -> error(message.get("id") instanceof String id ? id : null, "UnsupportedOperation",
                        (type == null ? "A message without a type is" : "Type `" + type + "` is")
                                + " not supported through the realtime channel.");
            }
        } catch (RuntimeException e) {
            hub.internalErrors.accept(e);
            error(message.get("id") instanceof String id ? id : null, "InternalFailure",
                    "An internal failure occurred.");
        }
    }

    @SuppressWarnings("unchecked")
    private void start(Map<String, Object> message) {
        if (!(message.get("id") instanceof String id) || id.isBlank()) {
            error(null, "MalformedMessage", "A start message needs an `id`.");
            return;
        }
        if (!(message.get("payload") instanceof Map<?, ?> payload) || !(payload.get("data") instanceof String data)) {
            error(id, "MalformedMessage", "A start message needs `payload.data`, the request as a JSON string.");
            return;
        }
        if (subscriptions.containsKey(id)) {
            error(id, "DuplicatedOperationError", "Subscription with id `" + id + "` already exists.");
            return;
        }
        if (subscriptions.size() >= RealtimeHub.MAX_SUBSCRIPTIONS_PER_CONNECTION) {
            error(id, "MaxSubscriptionsReachedError", "Max number of " + RealtimeHub.MAX_SUBSCRIPTIONS_PER_CONNECTION
                    + " subscriptions reached on this connection.");
            return;
        }
        Map<String, Object> authorization = payload.get("extensions") instanceof Map<?, ?> extensions
                && extensions.get("authorization") instanceof Map<?, ?> auth ? (Map<String, Object>) auth : Map.of();
        Caller caller;
        try {
            caller = authenticate(hub, authorization, () -> io.amplify4j.sandbox.function.AuthorizerRequest.fromBody(
                    data.getBytes(StandardCharsets.UTF_8), Map.of()));
        } catch (AuthenticationException e) {
            hub.log.accept("WS start id=" + id + " caller=- UnauthorizedException");
            error(id, "UnauthorizedException", e.getMessage());
            return;
        }
        GraphQLService.Request request;
        try {
            Object parsed = RealtimeHub.JSON.readValue(data, Object.class);
            if (!(parsed instanceof Map<?, ?> body) || !(body.get("query") instanceof String query)) {
                throw new IOException("no query");
            }
            Object variables = body.get("variables");
            Object operationName = body.get("operationName");
            request = new GraphQLService.Request(query,
                    variables instanceof Map<?, ?> vars ? (Map<String, Object>) vars : null,
                    Optional.ofNullable(operationName instanceof String name ? name : null));
        } catch (IOException e) {
            error(id, "MalformedMessage", "`payload.data` must be a JSON string of {query, variables}.");
            return;
        }
        GraphQLService.SubscribeOutcome outcome = hub.graphQL.subscribe(request, caller);
        String subscriber = RealtimeHub.describe(caller);
        if (outcome.subscription().isEmpty()) {
            hub.log.accept("WS start id=" + id + " caller=" + subscriber + " errors="
                    + outcome.errors().stream().map(e -> String.valueOf(e.get("errorType"))).toList());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", "error");
            out.put("id", id);
            out.put("payload", Map.of("errors", outcome.errors()));
            send(out);
            return;
        }
        RealtimeHub.Live live = new RealtimeHub.Live(this, id, outcome.subscription().get());
        if (subscriptions.putIfAbsent(id, live) != null) {
            error(id, "DuplicatedOperationError", "Subscription with id `" + id + "` already exists.");
            return;
        }
        hub.add(live);
        hub.log.accept("WS start id=" + id + " subscription " + live.subscription().fieldName() + " caller="
                + subscriber + " ok");
        send(Map.of("type", "start_ack", "id", id));
    }

    private void stop(Map<String, Object> message) {
        if (!(message.get("id") instanceof String id)) {
            error(null, "MalformedMessage", "A stop message needs an `id`.");
            return;
        }
        RealtimeHub.Live live = subscriptions.remove(id);
        if (live != null) {
            hub.remove(live);
        }
        send(Map.of("type", "complete", "id", id));
    }

    private void error(String id, String errorType, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorType", errorType);
        error.put("message", message);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "error");
        if (id != null) {
            out.put("id", id);
        }
        out.put("payload", Map.of("errors", List.of(error)));
        send(out);
    }

    void keepAlive() {
        if (acknowledged) {
            send("{\"type\":\"ka\"}");
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        shutDown();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        shutDown();
    }

    private void shutDown() {
        synchronized (lock) {
            closed = true;
            queue.clear();
        }
        subscriptions.clear();
        hub.closed(this);
    }

    void close(int status, String reason) {
        Session current = session;
        shutDown();
        if (current != null && current.isOpen()) {
            current.close(status, reason, Callback.NOOP);
        }
    }

    // ------------------------------------------------------------------------------------------ sending

    private void send(Map<String, Object> message) {
        send(RealtimeHub.write(message));
    }

    /** Queues a message; never blocks. A client that lets its queue fill up is disconnected. */
    void send(String text) {
        boolean overflow = false;
        synchronized (lock) {
            if (closed || session == null) {
                return;
            }
            if (queue.size() >= hub.queueCapacity) {
                overflow = true;
            } else {
                queue.add(text);
                if (writing) {
                    return;
                }
                writing = true;
            }
        }
        if (overflow) {
            hub.log.accept("WS caller=" + who + " closed: more than " + hub.queueCapacity + " messages waiting");
            close(1013, "Too many messages waiting: the client does not read.");
            return;
        }
        drain();
    }

    /** Writes queued messages one at a time; a write completing on this thread loops rather than recursing. */
    private void drain() {
        while (true) {
            String next;
            synchronized (lock) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    writing = false;
                    return;
                }
            }
            AtomicInteger done = new AtomicInteger();
            session.sendText(next, Callback.from(() -> {
                if (done.incrementAndGet() == 2) {
                    drain();
                }
            }, failure -> close(1011, "Write failed.")));
            if (done.incrementAndGet() != 2) {
                return;
            }
        }
    }
}
