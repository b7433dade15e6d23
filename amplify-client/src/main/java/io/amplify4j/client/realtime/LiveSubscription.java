package io.amplify4j.client.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.amplify4j.client.GraphQLError;
import io.amplify4j.client.GraphQLResponseException;
import io.amplify4j.client.GraphQLSubscription;
import io.amplify4j.client.SubscriptionOverflowException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One subscription on a {@link Connection}: the {@code start} it sends (again after each reconnect), and the Flow
 * side towards its one subscriber, which gets events only as it requests them. Events wait in a bounded buffer;
 * signals are serialized through a drain loop that runs on the executor, never on the socket's thread.
 */
final class LiveSubscription<T> implements GraphQLSubscription<T>, Flow.Subscription {
    private final String id = UUID.randomUUID().toString();
    private final String data;
    private final Function<JsonNode, T> decoder;
    private final Executor executor;
    private final int capacity;
    private final CompletableFuture<Void> established = new CompletableFuture<>();
    private final AtomicInteger wip = new AtomicInteger();
    private Connection connection;

    // Guarded by this.
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private long demand;
    private Flow.Subscriber<? super T> subscriber;
    private boolean onSubscribeSignalled;
    private boolean cancelled;
    private boolean done;
    private Throwable error;
    private boolean terminalSignalled;

    LiveSubscription(String data, Function<JsonNode, T> decoder, Executor executor, int capacity) {
        this.data = data;
        this.decoder = decoder;
        this.executor = executor;
        this.capacity = capacity;
    }

    void attach(Connection connection) {
        this.connection = connection;
    }

    String id() {
        return id;
    }

    /** The start's {@code data}: the JSON text of {@code {query, variables, operationName}}. */
    String data() {
        return data;
    }

    @Override
    public CompletableFuture<Void> established() {
        return established;
    }

    boolean isEstablished() {
        return established.isDone() && !established.isCompletedExceptionally();
    }

    // ------------------------------------------------------------------------------------------ from the connection

    void started() {
        established.complete(null);
    }

    /** A {@code data} message's payload: {@code {"data": {...}, "errors": [...]}}. */
    void deliver(JsonNode payload) {
        JsonNode dataNode = payload.get("data");
        JsonNode errors = payload.get("errors");
        T item;
        try {
            item = dataNode == null || dataNode.isNull() ? null : decoder.apply(dataNode);
        } catch (RuntimeException e) {
            stopOnServer();
            fail(e);
            return;
        }
        if (item == null) {
            if (errors != null && errors.isArray() && !errors.isEmpty()) {
                stopOnServer();
                fail(GraphQLResponseException.of(errors(errors), Optional.ofNullable(dataNode), 200));
            }
            return;
        }
        boolean overflow = false;
        synchronized (this) {
            if (done || cancelled) {
                return;
            }
            if (queue.size() >= capacity) {
                overflow = true;
            } else {
                queue.add(item);
            }
        }
        if (overflow) {
            stopOnServer();
            fail(new SubscriptionOverflowException("The subscriber fell " + capacity + " events behind (it requested "
                    + "too few); the subscription is stopped. Request more, or raise the buffer size."));
            return;
        }
        drain();
    }

    /** AppSync refused or ended the subscription with errors. */
    void refused(JsonNode errors, int status) {
        fail(GraphQLResponseException.of(errors(errors), Optional.empty(), status));
    }

    /**
     * The subscription ends with {@code cause}: events already buffered are still delivered as far as the
     * subscriber has requested them, the rest are dropped, then {@code onError}.
     */
    void fail(Throwable cause) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            error = cause;
        }
        established.completeExceptionally(cause);
        drain();
    }

    /** The server sent {@code complete}: deliver what is buffered, then complete. */
    void completedByServer() {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        established.complete(null);
        drain();
    }

    static List<GraphQLError> errors(JsonNode errors) {
        List<GraphQLError> out = new ArrayList<>();
        if (errors != null && errors.isArray()) {
            errors.forEach(e -> out.add(GraphQLError.fromJson(e)));
        }
        if (out.isEmpty()) {
            out.add(GraphQLError.of("The subscription was refused without an error message", null));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ Flow

    @Override
    public void subscribe(Flow.Subscriber<? super T> s) {
        java.util.Objects.requireNonNull(s, "subscriber");
        synchronized (this) {
            if (subscriber == null) {
                subscriber = s;
                drain();
                return;
            }
        }
        executor.execute(() -> {
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            });
            s.onError(new IllegalStateException("A GraphQLSubscription has one subscriber; subscribe again for another"));
        });
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            stopOnServer();
            fail(new IllegalArgumentException("request(" + n + "): Reactive Streams rule 3.9 requires n > 0"));
            return;
        }
        synchronized (this) {
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        }
        drain();
    }

    @Override
    public void cancel() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            queue.clear();
        }
        established.completeExceptionally(new CancellationException("cancelled before AppSync acknowledged it"));
        stopOnServer();
    }

    @Override
    public void close() {
        boolean first;
        synchronized (this) {
            first = !done && !cancelled;
            if (first) {
                done = true;
                queue.clear();
            }
        }
        if (first) {
            established.completeExceptionally(new CancellationException("closed before AppSync acknowledged it"));
            stopOnServer();
            drain();
        }
    }

    private void stopOnServer() {
        Connection current = connection;
        if (current != null) {
            current.remove(this);
        }
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        try {
            executor.execute(this::drainLoop);
        } catch (RuntimeException rejected) {
            // The executor is shut down (the client closed): nothing can be delivered any more.
            wip.set(0);
        }
    }

    private void drainLoop() {
        int missed = 1;
        while (true) {
            Flow.Subscriber<? super T> s;
            boolean signalSubscribe;
            synchronized (this) {
                s = subscriber;
                signalSubscribe = s != null && !onSubscribeSignalled;
                if (signalSubscribe) {
                    onSubscribeSignalled = true;
                }
            }
            if (s != null) {
                if (signalSubscribe && !safely(() -> s.onSubscribe(this))) {
                    return;
                }
                while (true) {
                    T item;
                    synchronized (this) {
                        if (cancelled || demand == 0 || queue.isEmpty()) {
                            break;
                        }
                        item = queue.poll();
                        if (demand != Long.MAX_VALUE) {
                            demand--;
                        }
                    }
                    if (!safely(() -> s.onNext(item))) {
                        return;
                    }
                }
                Throwable failure = null;
                boolean complete = false;
                synchronized (this) {
                    if (error != null) {
                        queue.clear();   // what the subscriber did not ask for before the failure is dropped
                    }
                    if (done && queue.isEmpty() && !terminalSignalled && !cancelled) {
                        terminalSignalled = true;
                        failure = error;
                        complete = error == null;
                    }
                }
                if (failure != null) {
                    Throwable f = failure;
                    safely(() -> s.onError(f));
                } else if (complete) {
                    safely(s::onComplete);
                }
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }

    /** Runs a subscriber callback; one that throws cancels the subscription (Reactive Streams rule 2.13). */
    private boolean safely(Runnable callback) {
        try {
            callback.run();
            return true;
        } catch (RuntimeException e) {
            cancel();
            wip.set(0);
            return false;
        }
    }

    @Override
    public String toString() {
        return "LiveSubscription[" + id + "]";
    }
}
