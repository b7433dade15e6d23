package io.amplify4j.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs in to a Cognito user pool with {@code InitiateAuth} ({@code USER_PASSWORD_AUTH}, and
 * {@code REFRESH_TOKEN_AUTH} to refresh), over Cognito's JSON HTTP API: {@code POST https://cognito-idp.<region>
 * .amazonaws.com/} with {@code X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth}. These calls need no
 * AWS credentials, so no SDK is needed. The app client must allow {@code ALLOW_USER_PASSWORD_AUTH}.
 *
 * <p>Challenges (MFA, a new password) are not answered: they end in a {@link SignInException} naming the challenge.
 *
 * <pre>{@code
 * CognitoSignIn cognito = CognitoSignIn.builder("eu-west-1", outputs.userPoolClientId()).build();
 * Tokens tokens = cognito.signIn("alice@example.com", password);
 * }</pre>
 */
public final class CognitoSignIn {
    static final String TARGET = "AWSCognitoIdentityProviderService.InitiateAuth";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final URI endpoint;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;

    private CognitoSignIn(Builder builder) {
        this.endpoint = builder.endpoint;
        this.clientId = builder.clientId;
        this.clientSecret = builder.clientSecret;
        this.http = builder.http == null ? HttpClient.newHttpClient() : builder.http;
        this.clock = builder.clock;
        this.timeout = builder.timeout;
    }

    /** Sign-in to the user pool app client {@code clientId} in {@code region} ({@code auth.aws_region}). */
    public static Builder builder(String region, String clientId) {
        return new Builder(URI.create("https://cognito-idp." + Objects.requireNonNull(region, "region")
                + ".amazonaws.com/"), clientId);
    }

    /** Sign-in against another endpoint speaking Cognito's JSON API (a local stand-in in tests). */
    public static Builder builder(URI endpoint, String clientId) {
        return new Builder(endpoint, clientId);
    }

    /**
     * Tokens for {@code username} with {@code password}.
     *
     * @throws SignInException with Cognito's {@code __type} ({@code NotAuthorizedException},
     *     {@code UserNotFoundException}, {@code UserNotConfirmedException}, ...) or the challenge Cognito asked for
     */
    public Tokens signIn(String username, String password) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USERNAME", username);
        parameters.put("PASSWORD", password);
        secretHash(username).ifPresent(hash -> parameters.put("SECRET_HASH", hash));
        return initiateAuth("USER_PASSWORD_AUTH", parameters, Optional.empty());
    }

    /**
     * Fresh ID and access tokens from a refresh token; the result keeps {@code refreshToken} (Cognito does not
     * return a new one). {@code username} is needed only when the app client has a secret.
     */
    public Tokens refresh(String refreshToken, String username) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("REFRESH_TOKEN", refreshToken);
        if (username != null) {
            secretHash(username).ifPresent(hash -> parameters.put("SECRET_HASH", hash));
        }
        return initiateAuth("REFRESH_TOKEN_AUTH", parameters, Optional.of(refreshToken));
    }

    private Tokens initiateAuth(String flow, Map<String, String> parameters, Optional<String> currentRefresh) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AuthFlow", flow);
        body.put("ClientId", clientId);
        body.put("AuthParameters", parameters);
        JsonPost.Answer answer = JsonPost.post(http, endpoint,
                Map.of("Content-Type", CONTENT_TYPE, "X-Amz-Target", TARGET), body, timeout);
        JsonNode json = answer.body();
        if (answer.status() != 200) {
            String type = json.path("__type").asText("HTTP" + answer.status());
            // Cognito's __type may carry a namespace prefix ("...#NotAuthorizedException").
            type = type.substring(type.lastIndexOf('#') + 1);
            String message = json.has("message") ? json.get("message").asText() : json.path("Message").asText("");
            throw new SignInException(type, message, answer.status());
        }
        JsonNode result = json.path("AuthenticationResult");
        if (!result.isObject()) {
            String challenge = json.path("ChallengeName").asText("none");
            throw new SignInException("ChallengeNotSupported", "Cognito asked for challenge " + challenge
                    + ", which this client does not answer; use the AWS SDK's RespondToAuthChallenge", 200);
        }
        if (!result.path("IdToken").isTextual() || !result.path("AccessToken").isTextual()) {
            throw new SignInException("MalformedResponse", "AuthenticationResult has no IdToken/AccessToken", 200);
        }
        Optional<String> refresh = result.path("RefreshToken").isTextual()
                ? Optional.of(result.get("RefreshToken").asText()) : currentRefresh;
        return new Tokens(result.get("IdToken").asText(), result.get("AccessToken").asText(), refresh,
                clock.instant().plusSeconds(result.path("ExpiresIn").asLong(3600)));
    }

    /** {@code Base64(HMAC-SHA256(clientSecret, username + clientId))}, when the app client has a secret. */
    private Optional<String> secretHash(String username) {
        return clientSecret.map(secret -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return Base64.getEncoder().encodeToString(
                        mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is unavailable", e);
            }
        });
    }

    /** Configures a {@link CognitoSignIn}. */
    public static final class Builder {
        private final URI endpoint;
        private final String clientId;
        private Optional<String> clientSecret = Optional.empty();
        private HttpClient http;
        private Clock clock = Clock.systemUTC();
        private Duration timeout = Duration.ofSeconds(30);

        private Builder(URI endpoint, String clientId) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("clientId must not be empty: use auth.user_pool_client_id from "
                        + "amplify_outputs.json");
            }
            this.clientId = clientId;
        }

        /** The app client's secret, when it has one (then every call carries a {@code SECRET_HASH}). */
        public Builder clientSecret(String secret) {
            this.clientSecret = Optional.of(secret);
            return this;
        }

        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** The clock behind {@link Tokens#expiresAt()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public CognitoSignIn build() {
            return new CognitoSignIn(this);
        }
    }
}
