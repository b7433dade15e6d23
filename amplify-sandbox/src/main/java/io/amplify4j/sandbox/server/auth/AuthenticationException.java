package io.amplify4j.sandbox.server.auth;

/**
 * A request the sandbox refuses before any GraphQL runs: AppSync answers these with HTTP 401 and
 * {@code {"errors":[{"errorType":"UnauthorizedException","message":...}]}}.
 */
public final class AuthenticationException extends Exception {
    public AuthenticationException(String message) {
        super(message, null, false, false);
    }
}
