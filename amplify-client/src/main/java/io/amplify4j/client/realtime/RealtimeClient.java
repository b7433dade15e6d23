package io.amplify4j.client.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.amplify4j.client.AuthMode;
import io.amplify4j.client.GraphQLSubscription;
import io.amplify4j.client.auth.AuthProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The real-time side of a {@link io.amplify4j.client.GraphQLClient}: one {@link Connection} per auth mode (AppSync
 * authenticates a connection in one mode), opened on demand, plus the threads that run timers and subscriber
 * callbacks. Used by the client; not meant to be called directly.
 */
public final class RealtimeClient implements AutoCloseable {
    private final HttpClient http;
    private final URI graphqlEndpoint;
    private final URI realtimeEndpoint;
    private final RealtimeSettings settings;
    private final Consumer<String> log;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService ownExecutor;
    private final Executor executor;
    private final Map<AuthMode, Connection> connections = new EnumMap<>(AuthMode.class);
    private boolean closed;

    public RealtimeClient(HttpClient http, URI graphqlEndpoint, URI realtimeEndpoint, RealtimeSettings settings,
            Consumer<String> log) {
        this.http = Objects.requireNonNull(http, "http");
        this.graphqlEndpoint = Objects.requireNonNull(graphqlEndpoint, "graphqlEndpoint");
        this.realtimeEndpoint = Objects.requireNonNull(realtimeEndpoint, "realtimeEndpoint");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.log = Objects.requireNonNull(log, "log");
        this.scheduler = new ScheduledThreadPoolExecutor(1, daemon("amplify4j-realtime-timer"));
        scheduler.setRemoveOnCancelPolicy(true);
        if (settings.executor() == null) {
            this.ownExecutor = Executors.newCachedThreadPool(daemon("amplify4j-subscriber"));
            this.executor = ownExecutor;
        } else {
            this.ownExecutor = null;
            this.executor = settings.executor();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Starts a subscription: {@code data} is the JSON text of {@code {query, variables}}, {@code decoder} turns an
     * event's {@code data} object into the event (null to skip it).
     */
    public <T> GraphQLSubscription<T> subscribe(String data, AuthProvider auth, Function<JsonNode, T> decoder) {
        LiveSubscription<T> subscription = new LiveSubscription<>(data, decoder, executor, settings.bufferSize());
        Connection connection;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The GraphQLClient is closed");
            }
            connection = connections.computeIfAbsent(auth.mode(),
                    mode -> new Connection(http, graphqlEndpoint, realtimeEndpoint, auth, settings, scheduler, log));
        }
        connection.add(subscription);
        return subscription;
    }

    /** How many sockets the connection for {@code mode} has opened so far (reconnects included). */
    public synchronized int connects(AuthMode mode) {
        Connection connection = connections.get(mode);
        return connection == null ? 0 : connection.connects();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        connections.values().forEach(Connection::close);
        scheduler.shutdownNow();
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }
}
