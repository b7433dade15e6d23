package io.amplify4j.sandbox.ai;

import java.util.Objects;

/**
 * A model call that failed as Bedrock reports failures: an HTTP status, an error type (Bedrock's
 * {@code x-amzn-ErrorType}, for example {@code ValidationException}, {@code AccessDeniedException},
 * {@code ThrottlingException}) and a message.
 */
public final class ModelProviderException extends RuntimeException {
    private final int statusCode;
    private final String errorType;

    public ModelProviderException(int statusCode, String errorType, String message) {
        this(statusCode, errorType, message, null);
    }

    public ModelProviderException(int statusCode, String errorType, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        if (statusCode < 400 || statusCode > 599) {
            throw new IllegalArgumentException("statusCode must be an HTTP error status (400-599); got " + statusCode);
        }
        this.statusCode = statusCode;
        this.errorType = Objects.requireNonNull(errorType, "errorType");
    }

    /** The HTTP status Bedrock answers with (400 validation, 403 access denied, 429 throttled, 5xx service). */
    public int statusCode() {
        return statusCode;
    }

    /** Bedrock's error type, such as {@code ValidationException}. */
    public String errorType() {
        return errorType;
    }
}
