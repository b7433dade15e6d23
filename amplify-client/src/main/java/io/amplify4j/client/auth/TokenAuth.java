package io.amplify4j.client.auth;

import io.amplify4j.client.AuthMode;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link AuthMode#USER_POOL}, {@link AuthMode#OIDC} and {@link AuthMode#LAMBDA}: a token from a supplier, sent raw
 * in the {@code Authorization} header (AppSync expects no {@code Bearer} prefix).
 */
final class TokenAuth implements AuthProvider {
    private final AuthMode mode;
    private final Supplier<String> token;

    TokenAuth(AuthMode mode, Supplier<String> token) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.token = Objects.requireNonNull(token, "token supplier");
    }

    @Override
    public AuthMode mode() {
        return mode;
    }

    @Override
    public Map<String, String> headers(AuthRequest request) {
        String value = token.get();
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The " + mode + " token supplier returned no token: sign in first");
        }
        return Map.of("Authorization", value);
    }

    @Override
    public String toString() {
        return "TokenAuth[" + mode + "]";
    }
}
