package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.TodoBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A sandbox built by hand: its clock, banner, request log, body limit, admin API and API key expiry. */
class SandboxLifecycleTest {
    static final String LIST = "{ listTodos { items { id } } }";

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final MovableClock CLOCK = new MovableClock();
    static final List<String> LOG = new CopyOnWriteArrayList<>();
    static final ByteArrayOutputStream BANNER = new ByteArrayOutputStream();
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new TodoBackend())
                .clock(CLOCK)
                .maxRequestBytes(16 * 1024)
                .requestLog(LOG::add)
                .banner(new PrintStream(BANNER, true, StandardCharsets.UTF_8))
                .user("carol", "carols-password", "Staff")
                .start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Map<String, String> json() {
        return Map.of("content-type", "application/json");
    }

    @Test
    void itListensOnLoopbackAndPrintsHowToUseIt() {
        assertThat(sandbox.graphqlEndpoint().toString()).startsWith("http://127.0.0.1:").endsWith("/graphql");
        assertThat(sandbox.port()).isPositive();
        String banner = BANNER.toString(StandardCharsets.UTF_8);
        assertThat(banner).contains("GraphQL endpoint: " + sandbox.graphqlEndpoint())
                .contains("API key:          " + sandbox.apiKey().orElseThrow())
                .contains("/__sandbox/sign-in").contains("/.well-known/jwks.json");
    }

    @Test
    void usersAreCreatedAndSignInOverTheAdminApi() {
        Http.Response created = Http.post(sandbox.baseUri().resolve("/__sandbox/users"), json(),
                "{\"username\":\"dave\",\"password\":\"daves-password\",\"groups\":[\"Staff\"]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).containsEntry("username", "dave").containsEntry("groups", List.of("Staff"));

        Http.Response again = Http.post(sandbox.baseUri().resolve("/__sandbox/users"), json(),
                "{\"username\":\"dave\",\"password\":\"daves-password\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorTypes()).containsExactly("UsernameExistsException");
        Http.Response weak = Http.post(sandbox.baseUri().resolve("/__sandbox/users"), json(),
                "{\"username\":\"erin\",\"password\":\"short\"}");
        assertThat(weak.errorTypes()).containsExactly("InvalidPasswordException");

        Http.Response signedIn = Http.post(sandbox.baseUri().resolve("/__sandbox/sign-in"), json(),
                "{\"username\":\"dave\",\"password\":\"daves-password\"}");
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body()).containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 3600L)
                .containsKeys("idToken", "accessToken");
        Http.Response list = Http.graphql(sandbox.graphqlEndpoint(), "Authorization",
                (String) signedIn.body().get("idToken"), LIST, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.errors()).isEmpty();

        Http.Response wrong = Http.post(sandbox.baseUri().resolve("/__sandbox/sign-in"), json(),
                "{\"username\":\"dave\",\"password\":\"guess\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(Map.of("errors", List.of(Map.of("errorType", "NotAuthorizedException",
                "message", "Incorrect username or password."))));
    }

    @Test
    void theAdminApiAcceptsJsonOnly() {
        Http.Response form = Http.post(sandbox.baseUri().resolve("/__sandbox/users"),
                Map.of("content-type", "text/plain"), "{\"username\":\"mallory\",\"password\":\"mallorys-password\"}");
        assertThat(form.status()).isEqualTo(415);
        assertThat(sandbox.userPool().orElseThrow().user("mallory")).isEmpty();
    }

    @Test
    void oversizedBodiesAreRefusedWithoutBeingRead() {
        String big = "{\"query\":\"{ listTodos { items { id } } }\",\"variables\":{\"pad\":\"" + "x".repeat(20_000)
                + "\"}}";
        Http.Response response = Http.post(sandbox.graphqlEndpoint(),
                Map.of("content-type", "application/json", "x-api-key", sandbox.apiKey().orElseThrow()), big);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorTypes()).containsExactly("PayloadTooLargeException");
        assertThat(Http.graphql(sandbox.graphqlEndpoint(), "x-api-key", sandbox.apiKey().orElseThrow(), LIST, null)
                .status()).isEqualTo(200);
    }

    @Test
    void everyRequestGetsOneReadableLogLine() {
        LOG.clear();
        Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken("carol"),
                "mutation { createTodo(input: {content: \"log me\", done: false}) { id } }", null);
        Http.graphql(sandbox.graphqlEndpoint(), "x-api-key", sandbox.apiKey().orElseThrow(),
                "mutation { createTodo(input: {content: \"no\", done: false}) { id } }", null);
        Http.graphql(sandbox.graphqlEndpoint(), "x-api-key", "da2-wrong", LIST, null);
        assertThat(LOG).hasSize(3);
        assertThat(LOG.get(0)).startsWith("POST /graphql mutation createTodo caller=user_pool:carol 200 ok ")
                .endsWith(" ms");
        assertThat(LOG.get(1)).startsWith("POST /graphql mutation createTodo caller=apiKey 200 errors=Unauthorized ");
        assertThat(LOG.get(2)).startsWith("POST /graphql - caller=- 401 UnauthorizedException ");
    }

    @Test
    void webSocketMessagesAreLoggedInTheSameFormat() throws Exception {
        LOG.clear();
        Map<String, Object> auth = Ws.auth(sandbox.graphqlEndpoint(), "x-api-key", sandbox.apiKey().orElseThrow());
        try (Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), auth)) {
            ws.init();
            ws.start("1", "subscription { onCreateTodo { id } }", Map.of(), auth);
            ws.next("start_ack");
            ws.start("2", "subscription { onCreateTodo { id } }", Map.of(),
                    Ws.auth(sandbox.graphqlEndpoint(), "x-api-key", "da2-wrong"));
            ws.next("error");
            ws.send(Map.of("id", "1", "type", "stop"));
            ws.next("complete");
        }
        Ws.withQueryAuth(sandbox.realtimeEndpoint(), Ws.auth(sandbox.graphqlEndpoint(), "x-api-key", "da2-wrong"))
                .close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (LOG.size() < 6 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        String time = " \\d+\\.\\d ms";
        assertThat(LOG).hasSize(6);
        assertThat(LOG.get(0)).matches("WS connect - caller=apiKey ok" + time);
        assertThat(LOG.get(1)).matches("WS start subscription onCreateTodo caller=apiKey ok id=1" + time);
        assertThat(LOG.get(2)).matches("WS start - caller=- UnauthorizedException id=2" + time);
        // The stop line is written after the complete message goes out, so the client's next connection (refused)
        // may be logged before it; the last three lines are checked as a set.
        List<String> rest = LOG.subList(3, 6);
        assertThat(rest).anySatisfy(line -> assertThat(line)
                .matches("WS stop subscription onCreateTodo caller=apiKey complete id=1" + time));
        assertThat(rest).anySatisfy(line -> assertThat(line)
                .matches("WS close - caller=apiKey closed code=\\d+ subscriptions=0" + time));
        assertThat(rest).anySatisfy(line -> assertThat(line)
                .matches("WS connect - caller=- refused UnauthorizedException" + time));
    }

    @Test
    void resetDeletesTheDataAndKeepsUsersAndKeys() {
        Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken("carol"),
                "mutation { createTodo(input: {content: \"to be reset\", done: false}) { id } }", null);
        Http.Response reset = Http.post(sandbox.baseUri().resolve("/__sandbox/reset"), json(), "{}");
        assertThat(reset.status()).isEqualTo(200);
        Http.Response list = Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken("carol"),
                LIST, null);
        assertThat(list.body()).isEqualTo(Map.of("data", Map.of("listTodos", Map.of("items", List.of()))));
    }

    @Test
    void theApiKeyExpiresWithTheDefinitionsValidityAndTokensWithTheirs() {
        String token = sandbox.idToken("carol");
        String key = sandbox.apiKey().orElseThrow();
        assertThat(Http.graphql(sandbox.graphqlEndpoint(), "x-api-key", key, LIST, null).status()).isEqualTo(200);
        try {
            CLOCK.advance(Duration.ofDays(30).plusSeconds(1)); // TodoBackend: apiKey(30)
            Http.Response expired = Http.graphql(sandbox.graphqlEndpoint(), "x-api-key", key, LIST, null);
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.errorTypes()).containsExactly("UnauthorizedException");
            Http.Response oldToken = Http.graphql(sandbox.graphqlEndpoint(), "Authorization", token, LIST, null);
            assertThat(oldToken.status()).isEqualTo(401);
            assertThat(oldToken.errors().get(0)).containsEntry("message", "Token has expired.");
            // A token issued now (by the moved clock) is fine.
            assertThat(Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken("carol"), LIST, null)
                    .status()).isEqualTo(200);
        } finally {
            CLOCK.advance(Duration.ofDays(-30).minusSeconds(1));
        }
    }
}
