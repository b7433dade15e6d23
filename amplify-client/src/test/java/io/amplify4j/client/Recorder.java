package io.amplify4j.client;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A Flow subscriber for tests: records events, the terminal signal, and requests only what it is told to. */
public final class Recorder<T> implements Flow.Subscriber<T> {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<T> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private final CompletableFuture<Throwable> terminal = new CompletableFuture<>();
    private final long initialRequest;

    private Recorder(long initialRequest) {
        this.initialRequest = initialRequest;
    }

    /** Requests everything. */
    public static <T> Recorder<T> unbounded() {
        return new Recorder<>(Long.MAX_VALUE);
    }

    /** Requests {@code n} at first, then only when told. */
    public static <T> Recorder<T> requesting(long n) {
        return new Recorder<>(n);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription.complete(s);
        if (initialRequest > 0) {
            s.request(initialRequest);
        }
    }

    @Override
    public void onNext(T item) {
        events.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        terminal.complete(throwable);
    }

    @Override
    public void onComplete() {
        terminal.complete(null);
    }

    /** The next event, waiting up to 20 s; fails the test when none comes. */
    public T next() throws InterruptedException {
        T event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("No event within " + WAIT + (terminal.isDone() ? "; terminated with "
                    + terminal.getNow(null) : ""));
        }
        return event;
    }

    /** The next event if one comes within {@code wait}, else null. */
    public T poll(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int buffered() {
        return events.size();
    }

    public void request(long n) throws Exception {
        subscription.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).request(n);
    }

    public void cancel() throws Exception {
        subscription.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).cancel();
    }

    /** The terminal signal: the error, or null for completion; waits up to 20 s. */
    public Throwable awaitTerminal() throws Exception {
        return terminal.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean terminated() {
        return terminal.isDone();
    }
}
