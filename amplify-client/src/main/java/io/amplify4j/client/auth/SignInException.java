package io.amplify4j.client.auth;

import java.util.Optional;

/**
 * A sign-in was refused or failed: {@link #errorType()} is the issuer's name for it ({@code NotAuthorizedException}
 * for a wrong user name or password, {@code UserNotFoundException}, a challenge this client does not answer, ...).
 */
public class SignInException extends RuntimeException {
    private final String errorType;
    private final int httpStatus;

    public SignInException(String errorType, String message, int httpStatus) {
        super(errorType + ": " + message);
        this.errorType = errorType;
        this.httpStatus = httpStatus;
    }

    public SignInException(String message, Throwable cause) {
        super(message, cause);
        this.errorType = "ClientError";
        this.httpStatus = 0;
    }

    /** The issuer's error name. */
    public String errorType() {
        return errorType;
    }

    /** The HTTP status, when a response arrived. */
    public Optional<Integer> httpStatus() {
        return httpStatus == 0 ? Optional.empty() : Optional.of(httpStatus);
    }
}
