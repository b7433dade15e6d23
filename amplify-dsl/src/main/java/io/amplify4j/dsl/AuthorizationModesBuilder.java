package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthorizationModes;
import io.amplify4j.model.data.AuthorizationModes.Mode;
import io.amplify4j.validate.Problems;
import java.util.Objects;
import java.util.Optional;

/**
 * How callers of the API authenticate. Without a default mode, the plan picks one as Amplify does: the user pool
 * when the backend has auth, otherwise the only configured mode.
 */
public final class AuthorizationModesBuilder {
    private final BackendBuilder backend;
    private Mode defaultMode;
    private AuthorizationModes.ApiKey apiKey;
    private FunctionRef authorizer;
    private int authorizerTtlSeconds = AuthorizationModes.LambdaAuthorizer.DEFAULT_TTL_SECONDS;
    private AuthorizationModes.Oidc oidc;

    AuthorizationModesBuilder(BackendBuilder backend) {
        this.backend = backend;
    }

    /** The mode used when a request does not say which. */
    public AuthorizationModesBuilder defaultMode(Mode mode) {
        this.defaultMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** Enables API keys that expire after 7 days. */
    public AuthorizationModesBuilder apiKey() {
        return apiKey(AuthorizationModes.ApiKey.DEFAULT_EXPIRES_IN_DAYS);
    }

    /** Enables API keys that expire after {@code expiresInDays} days (1 to 365). */
    public AuthorizationModesBuilder apiKey(int expiresInDays) {
        this.apiKey = new AuthorizationModes.ApiKey(expiresInDays, Optional.empty());
        return this;
    }

    /** Enables a Lambda authorizer whose answers AppSync caches for 60 seconds. */
    public AuthorizationModesBuilder lambdaAuthorizer(FunctionRef function) {
        return lambdaAuthorizer(function, AuthorizationModes.LambdaAuthorizer.DEFAULT_TTL_SECONDS);
    }

    /** Enables a Lambda authorizer whose answers AppSync caches for {@code ttlSeconds}. */
    public AuthorizationModesBuilder lambdaAuthorizer(FunctionRef function, int ttlSeconds) {
        this.authorizer = Objects.requireNonNull(function, "function");
        this.authorizerTtlSeconds = ttlSeconds;
        return this;
    }

    /**
     * Enables an OpenID Connect provider.
     *
     * @param providerName a name for the provider
     * @param issuerUrl the issuer, an https URL
     * @param clientId the client id tokens must carry, or null to accept any
     * @param tokenExpiryFromAuthSeconds how long after authentication a token is accepted, 0 for no limit
     * @param tokenExpiryFromIssueSeconds how long after issue a token is accepted, 0 for no limit
     */
    public AuthorizationModesBuilder oidc(String providerName, String issuerUrl, String clientId,
            int tokenExpiryFromAuthSeconds, int tokenExpiryFromIssueSeconds) {
        this.oidc = new AuthorizationModes.Oidc(providerName, issuerUrl, Optional.ofNullable(clientId),
                tokenExpiryFromAuthSeconds, tokenExpiryFromIssueSeconds);
        return this;
    }

    AuthorizationModes toModel(Problems problems) {
        if (authorizer != null) {
            authorizer.checkSameBackend(backend, "data.authorizationModes.lambdaAuthorizer", problems);
        }
        return new AuthorizationModes(
                Optional.ofNullable(defaultMode),
                Optional.ofNullable(apiKey),
                Optional.ofNullable(authorizer)
                        .map(f -> new AuthorizationModes.LambdaAuthorizer(f.name(), authorizerTtlSeconds)),
                Optional.ofNullable(oidc));
    }
}
