package io.amplify4j.client.realtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How the real-time channel behaves: per-subscription buffer size, reconnect backoff and give-up point, how long to
 * wait for {@code connection_ack} and {@code start_ack}, and where subscriber callbacks run.
 *
 * @param bufferSize events a subscription holds for a subscriber that has not requested them
 * @param initialBackoff the wait before the first reconnect attempt (doubling up to {@code maxBackoff}, with jitter)
 * @param maxBackoff the longest wait between attempts
 * @param maxReconnectAttempts failed attempts in a row after which subscribers get {@code onError}
 * @param handshakeTimeout how long to wait for the socket and {@code connection_ack}
 * @param startTimeout how long to wait for {@code start_ack}
 * @param executor where subscriber callbacks run; {@code null} for the client's own daemon threads
 */
public record RealtimeSettings(int bufferSize, Duration initialBackoff, Duration maxBackoff,
        int maxReconnectAttempts, Duration handshakeTimeout, Duration startTimeout, Executor executor) {

    public RealtimeSettings {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("subscription buffer size must be at least 1; got " + bufferSize);
        }
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        if (maxReconnectAttempts < 0) {
            throw new IllegalArgumentException("maxReconnectAttempts must not be negative; got "
                    + maxReconnectAttempts);
        }
        requirePositive(handshakeTimeout, "handshakeTimeout");
        requirePositive(startTimeout, "startTimeout");
    }

    /** 1,000 buffered events; reconnect after 0.5 s doubling to 30 s, 10 attempts; 15 s handshake and start. */
    public static RealtimeSettings defaults() {
        return new RealtimeSettings(1000, Duration.ofMillis(500), Duration.ofSeconds(30), 10, Duration.ofSeconds(15),
                Duration.ofSeconds(15), null);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive; got " + value);
        }
    }

    /** The wait before reconnect attempt {@code attempt} (1-based): exponential, capped, with up to 50% jitter. */
    Duration backoff(int attempt, double random) {
        long base = initialBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        long exponential = attempt >= 31 ? cap : Math.min(cap, base * (1L << (attempt - 1)));
        return Duration.ofMillis(Math.max(1, (long) (exponential * (0.5 + random / 2))));
    }
}
