package io.amplify4j.client.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sign-in returns: the ID token (what Amplify's clients send to AppSync in user pool mode), the access token,
 * the refresh token when the issuer gives one, and when the ID and access tokens expire.
 *
 * @param idToken the ID token (a JWT)
 * @param accessToken the access token (a JWT)
 * @param refreshToken the refresh token, when the issuer returns one (Cognito does; the sandbox does not)
 * @param expiresAt when the ID and access tokens stop being accepted
 */
public record Tokens(String idToken, String accessToken, Optional<String> refreshToken, Instant expiresAt) {
    public Tokens {
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Hides the tokens themselves, which are credentials. */
    @Override
    public String toString() {
        return "Tokens[expiresAt=" + expiresAt + ", refreshToken=" + (refreshToken.isPresent() ? "***" : "none") + "]";
    }
}
