package io.amplify4j.client;

/**
 * A subscriber fell behind: more events arrived than it requested plus the subscription's buffer holds. The
 * subscription is stopped; subscribe again (or request more, or raise the buffer) to continue.
 */
public class SubscriptionOverflowException extends RuntimeException {
    public SubscriptionOverflowException(String message) {
        super(message);
    }
}
