package io.amplify4j.model.data;

import java.util.Objects;
import java.util.Optional;

/**
 * How callers of the API may authenticate. The plan computes the effective default and additional modes.
 *
 * @param defaultMode the explicit default mode; derived as Amplify does when absent
 * @param apiKey API key settings, when API keys are enabled
 * @param lambdaAuthorizer the Lambda authorizer, when enabled
 * @param oidc the OpenID Connect provider, when enabled
 */
public record AuthorizationModes(
        Optional<Mode> defaultMode,
        Optional<ApiKey> apiKey,
        Optional<LambdaAuthorizer> lambdaAuthorizer,
        Optional<Oidc> oidc) {

    public AuthorizationModes {
        Objects.requireNonNull(defaultMode, "defaultMode");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(lambdaAuthorizer, "lambdaAuthorizer");
        Objects.requireNonNull(oidc, "oidc");
    }

    public static AuthorizationModes none() {
        return new AuthorizationModes(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** AppSync's authorization types. */
    public enum Mode {
        API_KEY("API_KEY"),
        USER_POOL("AMAZON_COGNITO_USER_POOLS"),
        IAM("AWS_IAM"),
        OIDC("OPENID_CONNECT"),
        LAMBDA("AWS_LAMBDA");

        private final String appSyncName;

        Mode(String appSyncName) {
            this.appSyncName = appSyncName;
        }

        /** The authorization type's name in AppSync and in {@code amplify_outputs.json}. */
        public String appSyncName() {
            return appSyncName;
        }
    }

    /** API key settings. {@code expiresInDays} must be 1 to 365 (AppSync's limit). */
    public record ApiKey(int expiresInDays, Optional<String> description) {
        public static final int DEFAULT_EXPIRES_IN_DAYS = 7;

        public ApiKey {
            Objects.requireNonNull(description, "description");
        }
    }

    /** A Lambda authorizer: a function of this backend and how long AppSync caches its answers. */
    public record LambdaAuthorizer(String function, int timeToLiveSeconds) {
        public static final int DEFAULT_TTL_SECONDS = 60;

        public LambdaAuthorizer {
            Objects.requireNonNull(function, "function");
        }
    }

    /** An OpenID Connect provider. */
    public record Oidc(
            String providerName,
            String issuerUrl,
            Optional<String> clientId,
            int tokenExpiryFromAuthSeconds,
            int tokenExpiryFromIssueSeconds) {
        public Oidc {
            Objects.requireNonNull(providerName, "providerName");
            Objects.requireNonNull(issuerUrl, "issuerUrl");
            Objects.requireNonNull(clientId, "clientId");
        }
    }
}
