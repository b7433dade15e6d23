package io.amplify4j.sandbox.iam;

import java.util.Objects;

/**
 * A Cognito Identity error, answered as the service does: HTTP 400 with {@code {"__type":..., "message":...}}
 * ({@code NotAuthorizedException}, {@code ResourceNotFoundException}, {@code InvalidParameterException}, ...).
 */
public final class IdentityPoolException extends Exception {
    private final String type;

    public IdentityPoolException(String type, String message) {
        super(message, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The error's {@code __type}, for example {@code NotAuthorizedException}. */
    public String type() {
        return type;
    }
}
