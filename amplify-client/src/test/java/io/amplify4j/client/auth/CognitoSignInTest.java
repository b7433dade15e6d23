package io.amplify4j.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** InitiateAuth over Cognito's JSON protocol, against a local server answering as Cognito does. */
class CognitoSignInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);

    private HttpServer server;
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private final List<String> contentTypes = new ArrayList<>();
    private URI endpoint;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        requests.add(request);
        targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
        JsonNode parameters = request.path("AuthParameters");
        String flow = request.path("AuthFlow").asText();
        int status = 200;
        String body;
        if (flow.equals("USER_PASSWORD_AUTH") && parameters.path("USERNAME").asText().equals("mfa-user")) {
            body = "{\"ChallengeName\":\"SOFTWARE_TOKEN_MFA\",\"Session\":\"s\",\"ChallengeParameters\":{}}";
        } else if (flow.equals("USER_PASSWORD_AUTH") && parameters.path("PASSWORD").asText().equals("right")) {
            body = "{\"AuthenticationResult\":{\"AccessToken\":\"access-1\",\"ExpiresIn\":3600,\"IdToken\":\"id-1\","
                    + "\"RefreshToken\":\"refresh-1\",\"TokenType\":\"Bearer\"},\"ChallengeParameters\":{}}";
        } else if (flow.equals("REFRESH_TOKEN_AUTH") && parameters.path("REFRESH_TOKEN").asText().equals("refresh-1")) {
            body = "{\"AuthenticationResult\":{\"AccessToken\":\"access-2\",\"ExpiresIn\":600,\"IdToken\":\"id-2\","
                    + "\"TokenType\":\"Bearer\"},\"ChallengeParameters\":{}}";
        } else {
            status = 400;
            body = "{\"__type\":\"NotAuthorizedException\",\"message\":\"Incorrect username or password.\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void signsInWithUserPasswordAuthAndRefreshes() {
        CognitoSignIn cognito = CognitoSignIn.builder(endpoint, "client-1").clock(CLOCK).build();
        Tokens tokens = cognito.signIn("alice", "right");
        assertThat(tokens.idToken()).isEqualTo("id-1");
        assertThat(tokens.accessToken()).isEqualTo("access-1");
        assertThat(tokens.refreshToken()).contains("refresh-1");
        assertThat(tokens.expiresAt()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(tokens.toString()).doesNotContain("id-1", "refresh-1");

        JsonNode sent = requests.get(0);
        assertThat(targets.get(0)).isEqualTo("AWSCognitoIdentityProviderService.InitiateAuth");
        assertThat(contentTypes.get(0)).isEqualTo("application/x-amz-json-1.1");
        assertThat(sent.path("AuthFlow").asText()).isEqualTo("USER_PASSWORD_AUTH");
        assertThat(sent.path("ClientId").asText()).isEqualTo("client-1");
        assertThat(sent.path("AuthParameters").path("USERNAME").asText()).isEqualTo("alice");
        assertThat(sent.path("AuthParameters").has("SECRET_HASH")).isFalse();

        Tokens refreshed = cognito.refresh(tokens.refreshToken().orElseThrow(), "alice");
        assertThat(refreshed.idToken()).isEqualTo("id-2");
        assertThat(refreshed.refreshToken()).contains("refresh-1");
        assertThat(refreshed.expiresAt()).isEqualTo(Instant.parse("2026-11-26T09:10:00Z"));
        assertThat(requests.get(1).path("AuthFlow").asText()).isEqualTo("REFRESH_TOKEN_AUTH");
    }

    @Test
    void aClientSecretAddsTheSecretHash() throws Exception {
        CognitoSignIn.builder(endpoint, "client-1").clientSecret("s3cret").build().signIn("alice", "right");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal("aliceclient-1".getBytes(
                StandardCharsets.UTF_8)));
        assertThat(requests.get(0).path("AuthParameters").path("SECRET_HASH").asText()).isEqualTo(expected);
    }

    @Test
    void refusalsAndChallengesAreTypedErrors() {
        CognitoSignIn cognito = CognitoSignIn.builder(endpoint, "client-1").build();
        assertThatThrownBy(() -> cognito.signIn("alice", "wrong"))
                .isInstanceOfSatisfying(SignInException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("NotAuthorizedException");
                    assertThat(e.httpStatus()).contains(400);
                    assertThat(e.getMessage()).contains("Incorrect username or password.");
                });
        assertThatThrownBy(() -> cognito.signIn("mfa-user", "right"))
                .isInstanceOfSatisfying(SignInException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("ChallengeNotSupported");
                    assertThat(e.getMessage()).contains("SOFTWARE_TOKEN_MFA");
                });
        assertThatThrownBy(() -> CognitoSignIn.builder("eu-west-1", " ")).hasMessageContaining("user_pool_client_id");
    }

    @Test
    void aSignedInUserSignsInOnceAndRenewsNearExpiry() {
        CognitoSignIn cognito = CognitoSignIn.builder(endpoint, "client-1").clock(CLOCK).build();
        AtomicInteger signIns = new AtomicInteger();
        MutableClock now = new MutableClock(CLOCK.instant());
        SignedInUser user = SignedInUser.of(() -> {
            signIns.incrementAndGet();
            return cognito.signIn("alice", "right");
        }, t -> cognito.refresh(t.refreshToken().orElseThrow(), "alice")).withClock(now);
        assertThat(user.get()).isEqualTo("id-1");
        assertThat(user.get()).isEqualTo("id-1");
        assertThat(signIns).hasValue(1);
        now.set(Instant.parse("2026-11-26T09:59:00Z"));
        assertThat(user.get()).isEqualTo("id-2");
        assertThat(user.accessTokens().get()).isEqualTo("access-1");
        assertThat(signIns).hasValue(2);
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
