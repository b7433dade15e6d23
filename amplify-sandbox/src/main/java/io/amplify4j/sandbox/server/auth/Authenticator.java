package io.amplify4j.sandbox.server.auth;

import com.nimbusds.jwt.SignedJWT;
import io.amplify4j.sandbox.function.AuthorizerRequest;
import io.amplify4j.sandbox.function.LambdaAuthorizer;
import io.amplify4j.sandbox.runtime.Caller;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides who makes a request from its headers, as AppSync does before any GraphQL runs. An {@code Authorization}
 * header wins over {@code x-api-key}. A JWT in it naming the local user pool's issuer must verify as a token of that
 * pool; one naming the OIDC provider's issuer must verify as that provider's; any other value goes to the Lambda
 * authorizer when the API has one (else it must verify as a user pool token). Without it, an {@code x-api-key} must
 * be a current key. Anything else, or a mode the definition does not enable, is refused with HTTP 401
 * ({@link AuthenticationException}); there is no fallback from a bad token to another mode. The issuer is read
 * from an unverified token only to pick its verifier; nothing else is trusted before the signature is checked.
 *
 * <p>Not yet handled (later slices): SigV4 ({@code AWS4-HMAC-SHA256}) IAM and identity pool callers; such requests
 * are refused.
 */
public final class Authenticator {
    private final Optional<ApiKeys> apiKeys;
    private final Optional<TokenVerifier> userPool;
    private final Optional<TokenVerifier> oidc;
    private final Optional<LambdaAuthorizer> lambda;

    /**
     * @param apiKeys the keys, when the definition enables API keys
     * @param userPool the user pool's verifier, when the backend has auth
     */
    public Authenticator(Optional<ApiKeys> apiKeys, Optional<TokenVerifier> userPool) {
        this(apiKeys, userPool, Optional.empty(), Optional.empty());
    }

    /**
     * @param oidc the OpenID Connect provider's verifier, when the API enables OIDC
     * @param lambda the Lambda authorizer, when the API enables {@code AWS_LAMBDA}
     */
    public Authenticator(Optional<ApiKeys> apiKeys, Optional<TokenVerifier> userPool, Optional<TokenVerifier> oidc,
            Optional<LambdaAuthorizer> lambda) {
        this.apiKeys = apiKeys;
        this.userPool = userPool;
        this.oidc = oidc;
        this.lambda = lambda;
    }

    /** The caller, or why the request is refused, when nothing is known of the request beyond its headers. */
    public Caller authenticate(String apiKeyHeader, String authorizationHeader) throws AuthenticationException {
        return authenticate(apiKeyHeader, authorizationHeader, AuthorizerRequest::empty);
    }

    /**
     * The caller, or why the request is refused; {@code request} is what a Lambda authorizer is told (read only
     * when the authorizer runs).
     */
    public Caller authenticate(String apiKeyHeader, String authorizationHeader, Supplier<AuthorizerRequest> request)
            throws AuthenticationException {
        if (authorizationHeader != null && !authorizationHeader.isBlank()) {
            String value = authorizationHeader.strip();
            if (value.startsWith("AWS4-HMAC-SHA256")) {
                throw new AuthenticationException("IAM (SigV4) authorization is not supported by this sandbox yet.");
            }
            // Amplify sends the raw token; some clients prefix it with "Bearer ".
            String token = value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : value;
            Optional<String> issuer = unverifiedIssuer(token);
            if (issuer.isPresent() && userPool.isPresent() && issuer.get().equals(userPool.get().issuer())) {
                return Caller.userPool(userPool.get().verify(token));
            }
            if (issuer.isPresent() && oidc.isPresent() && issuer.get().equals(oidc.get().issuer())) {
                return Caller.oidc(oidc.get().verify(token));
            }
            if (lambda.isPresent()) {
                try {
                    LambdaAuthorizer.Allowed allowed = lambda.get().authorize(value, request.get());
                    return Caller.lambda(allowed.resolverContext(), allowed.deniedFields());
                } catch (LambdaAuthorizer.Denied e) {
                    throw new AuthenticationException(e.getMessage());
                }
            }
            if (userPool.isEmpty()) {
                throw new AuthenticationException("Valid authorization header not provided.");
            }
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

    /** The {@code iss} a token claims, unverified: only to choose the verifier that will check it. */
    private static Optional<String> unverifiedIssuer(String token) {
        try {
            return Optional.ofNullable(SignedJWT.parse(token).getJWTClaimsSet().getIssuer());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
