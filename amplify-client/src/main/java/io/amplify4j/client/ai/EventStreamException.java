package io.amplify4j.client.ai;

/**
 * A byte stream that is not a valid AWS event stream: a CRC that does not match, lengths that contradict each
 * other, a header of an unknown type, or a message cut short. The stream cannot be read further after it.
 */
public final class EventStreamException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EventStreamException(String message) {
        super(message);
    }

    public EventStreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
