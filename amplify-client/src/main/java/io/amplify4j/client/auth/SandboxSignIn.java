package io.amplify4j.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs in to the local sandbox's user pool: {@code POST <base>/__sandbox/sign-in} with
 * {@code {"username", "password"}}, answered with {@code {"idToken", "accessToken", "expiresIn", "tokenType"}}.
 * The sandbox issues no refresh token; sign in again when the tokens expire.
 *
 * <pre>{@code
 * Tokens tokens = SandboxSignIn.at(sandbox.graphqlEndpoint()).signIn("alice", password);
 * GraphQLClient client = GraphQLClient.builder().endpoint(sandbox.graphqlEndpoint())
 *         .auth(AuthProviders.userPool(tokens.idToken())).build();
 * }</pre>
 */
public final class SandboxSignIn {
    private final URI signInUri;
    private final HttpClient http;
    private final Clock clock;

    private SandboxSignIn(URI anyUriOfTheSandbox, HttpClient http, Clock clock) {
        this.signInUri = URI.create(anyUriOfTheSandbox.getScheme() + "://" + anyUriOfTheSandbox.getRawAuthority()
                + "/__sandbox/sign-in");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sign-in at the sandbox serving {@code endpoint} (its GraphQL endpoint or base URL). */
    public static SandboxSignIn at(URI endpoint) {
        return new SandboxSignIn(endpoint, HttpClient.newHttpClient(), Clock.systemUTC());
    }

    /** The same, sending through {@code http}. */
    public static SandboxSignIn at(URI endpoint, HttpClient http) {
        return new SandboxSignIn(endpoint, http, Clock.systemUTC());
    }

    /** The URI signed in at. */
    public URI uri() {
        return signInUri;
    }

    /**
     * Tokens for a user of the sandbox's user pool.
     *
     * @throws SignInException {@code NotAuthorizedException} for a wrong user name or password,
     *     {@code ResourceNotFoundException} when the backend has no auth
     */
    public Tokens signIn(String username, String password) {
        JsonPost.Answer answer = JsonPost.post(http, signInUri, Map.of("Content-Type", "application/json"),
                Map.of("username", username, "password", password), Duration.ofSeconds(30));
        JsonNode body = answer.body();
        if (answer.status() != 200) {
            JsonNode error = body.path("errors").path(0);
            throw new SignInException(error.path("errorType").asText("HTTP" + answer.status()),
                    error.path("message").asText("sign-in refused"), answer.status());
        }
        if (!body.path("idToken").isTextual() || !body.path("accessToken").isTextual()) {
            throw new SignInException("MalformedResponse", "the sandbox's sign-in answer has no idToken/accessToken",
                    answer.status());
        }
        return new Tokens(body.get("idToken").asText(), body.get("accessToken").asText(), Optional.empty(),
                clock.instant().plusSeconds(body.path("expiresIn").asLong(3600)));
    }
}
