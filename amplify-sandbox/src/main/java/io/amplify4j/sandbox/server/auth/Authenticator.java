package io.amplify4j.sandbox.server.auth;

import io.amplify4j.sandbox.runtime.Caller;
import java.util.Map;
import java.util.Optional;

/**
 * Decides who makes a request from its headers, as AppSync does before any GraphQL runs. An {@code Authorization}
 * header wins over {@code x-api-key}: a JWT in it must verify as a token of the local user pool. Without it, an
 * {@code x-api-key} must be a current key. Anything else, or a mode the definition does not enable, is refused with
 * HTTP 401 ({@link AuthenticationException}); there is no fallback from a bad token to an API key.
 *
 * <p>Not yet handled (later slices): SigV4 ({@code AWS4-HMAC-SHA256}) IAM and identity pool callers, OIDC
 * providers and Lambda authorizers; such requests are refused.
 */
public final class Authenticator {
    private final Optional<ApiKeys> apiKeys;
    private final Optional<TokenVerifier> userPool;

    /**
     * @param apiKeys the keys, when the definition enables API keys
     * @param userPool the user pool's verifier, when the backend has auth
     */
    public Authenticator(Optional<ApiKeys> apiKeys, Optional<TokenVerifier> userPool) {
        this.apiKeys = apiKeys;
        this.userPool = userPool;
    }

    /**
     * True while a caller this authenticator admitted earlier (a live subscription's) would still be admitted: its API
     * key neither expired nor deleted, its token not expired. Cheap: no signature is checked again.
     *
     * @param apiKeyHeader the {@code x-api-key} the caller presented, for API key callers
     */
    public boolean stillValid(Caller caller, String apiKeyHeader) {
        return switch (caller.authMode()) {
            case API_KEY -> apiKeys.isPresent() && apiKeys.get().isValid(apiKeyHeader == null ? null
                    : apiKeyHeader.strip());
            case USER_POOL -> userPool.isPresent() && caller.identity()
                    .map(identity -> identity.get("claims") instanceof Map<?, ?> claims
                            ? userPool.get().unexpired(stringKeys(claims)) : false)
                    .orElse(false);
            default -> true;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The caller, or why the request is refused. */
    public Caller authenticate(String apiKeyHeader, String authorizationHeader) throws AuthenticationException {
        if (authorizationHeader != null && !authorizationHeader.isBlank()) {
            String value = authorizationHeader.strip();
            if (value.startsWith("AWS4-HMAC-SHA256")) {
                throw new AuthenticationException("IAM (SigV4) authorization is not supported by this sandbox yet.");
            }
            if (userPool.isEmpty()) {
                throw new AuthenticationException("Valid authorization header not provided.");
            }
            // Amplify sends the raw token; some clients prefix it with "Bearer ".
            String token = value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : value;
            Map<String, Object> claims = userPool.get().verify(token);
            return Caller.userPool(claims);
        }
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            if (apiKeys.isPresent() && apiKeys.get().isValid(apiKeyHeader.strip())) {
                return Caller.apiKey();
            }
            throw new AuthenticationException("You are not authorized to make this call.");
        }
        throw new AuthenticationException("Missing authorization header");
    }
}
