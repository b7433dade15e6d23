package io.amplify4j.client.auth;

import io.amplify4j.client.AuthMode;
import java.util.Map;

/** {@link AuthMode#API_KEY}: the {@code x-api-key} header. */
final class ApiKeyAuth implements AuthProvider {
    private final Map<String, String> headers;

    ApiKeyAuth(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("API key must not be empty: pass the key from amplify_outputs.json "
                    + "(data.api_key) or the sandbox's apiKey()");
        }
        this.headers = Map.of("x-api-key", apiKey);
    }

    @Override
    public AuthMode mode() {
        return AuthMode.API_KEY;
    }

    @Override
    public Map<String, String> headers(AuthRequest request) {
        return headers;
    }

    @Override
    public String toString() {
        return "ApiKeyAuth[x-api-key=***]";
    }
}
