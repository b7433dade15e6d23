package io.amplify4j.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A live subscription over AppSync's real-time channel: a {@link Flow.Publisher} of the events (one subscriber),
 * and a handle to wait until AppSync has accepted it and to stop it.
 *
 * <ul>
 *   <li>{@link #established()} completes when AppSync acknowledged the subscription ({@code start_ack}); it fails
 *       with a {@link GraphQLResponseException} when AppSync refused it (an unauthorized caller, a bad filter).</li>
 *   <li>Events are delivered as the subscriber requests them ({@link Flow.Subscription#request}); events wait in a
 *       bounded buffer meanwhile. AppSync cannot be slowed down, so a subscriber that falls behind by more than the
 *       buffer ends with {@link SubscriptionOverflowException} rather than holding unbounded memory.</li>
 *   <li>When the connection drops (no keep-alive within AppSync's {@code connectionTimeoutMs}, the server closing
 *       it, a network failure), the client reconnects with backoff and subscribes again; events published while
 *       disconnected are missed, as with any AppSync client. When it gives up, or AppSync refuses it for good
 *       (HTTP 401/403), the subscriber gets {@code onError}.</li>
 *   <li>{@link #close()} (or cancelling the Flow subscription) stops it on the server and completes the subscriber;
 *       events not yet delivered are dropped.</li>
 * </ul>
 *
 * @param <T> the event type
 */
public interface GraphQLSubscription<T> extends Flow.Publisher<T>, AutoCloseable {
    /** Completes once AppSync has acknowledged the subscription; fails if it was refused or could not start. */
    CompletableFuture<Void> established();

    /** Stops the subscription on the server and completes the subscriber. Idempotent. */
    @Override
    void close();

    /**
     * Subscribes with callbacks, requesting every event as it comes.
     *
     * @return this subscription, to wait on {@link #established()} and to close
     */
    default GraphQLSubscription<T> subscribe(Consumer<? super T> onEvent, Consumer<? super Throwable> onError) {
        subscribe(new Flow.Subscriber<T>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T item) {
                onEvent.accept(item);
            }

            @Override
            public void onError(Throwable throwable) {
                onError.accept(throwable);
            }

            @Override
            public void onComplete() {
                // Nothing to do: the caller closed it.
            }
        });
        return this;
    }
}
