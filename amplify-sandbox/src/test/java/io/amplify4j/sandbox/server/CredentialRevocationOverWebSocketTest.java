package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.sandbox.server.auth.ApiKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * D12: an API key deleted or expired, and a token expired, while a subscription made with it is live. New requests
 * with it get 401 at once. The live subscription is ended, fail closed: at its next event (which it does not get)
 * or at the next keep-alive tick, whichever comes first, the subscriber receives an {@code error} of type
 * {@code UnauthorizedException} for the subscription's id, and the connection stays for its other subscriptions.
 */
class CredentialRevocationOverWebSocketTest {
    static final String ON_CREATE = "subscription { onCreateTodo { id content } }";
    static final String CREATE = "mutation C($input: CreateTodoInput!) { createTodo(input: $input) {"
            + " id content owner } }";

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void advance(Duration by) {
            now.updateAndGet(instant -> instant.plus(by));
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
            return now.get();
        }
    }

    static final MovableClock clock = new MovableClock();
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new TodoBackend()).clock(clock).keepAliveInterval(Duration.ofMillis(200))
                .banner(null).requestLog(line -> { }).user("alice", "a-long-password-1").user("bob", "a-long-password-2")
                .start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Map<String, Object> keyAuth(String key) {
        return Ws.auth(sandbox.graphqlEndpoint(), "x-api-key", key);
    }

    private static void create(String user, String content) {
        Http.Response response = Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(user),
                CREATE, Map.of("input", Map.of("content", content, "done", false)));
        assertThat(response.errors()).isEmpty();
    }

    private static int listWithKey(String key) {
        return Http.graphql(sandbox.graphqlEndpoint(), "x-api-key", key, "{ listTodos { items { id } } }", null)
                .status();
    }

    private static Http.Response listWithToken(String token) {
        return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", token, "{ listTodos { items { id } } }",
                null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyError(Map<String, Object> message) {
        assertThat(message).containsEntry("type", "error");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) ((Map<String, Object>) message.get("payload"))
                .get("errors");
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void aDeletedKeyIsRefusedAndItsSubscriptionEndsBeforeItsNextEvent() {
        ApiKeys keys = sandbox.apiKeys().orElseThrow();
        String doomed = keys.create(Duration.ofDays(1)).value();
        String kept = sandbox.apiKey().orElseThrow();
        try (Ws ws = Ws.withQueryAuth(sandbox.realtimeEndpoint(), keyAuth(kept))) {
            ws.init();
            ws.start("doomed", ON_CREATE, Map.of(), keyAuth(doomed));
            ws.next("start_ack");
            ws.start("kept", ON_CREATE, Map.of(), keyAuth(kept));
            ws.next("start_ack");
            create("alice", "first");
            assertThat(List.of(ws.next("data").get("id"), ws.next("data").get("id")))
                    .containsExactlyInAnyOrder("doomed", "kept");
            assertThat(listWithKey(doomed)).isEqualTo(200);

            keys.delete(doomed);
            assertThat(listWithKey(doomed)).isEqualTo(401);
            assertThat(listWithKey(kept)).isEqualTo(200);
            Map<String, Object> ended = ws.next();
            assertThat(ended).containsEntry("id", "doomed");
            assertThat(onlyError(ended)).containsEntry("errorType", "UnauthorizedException");

            create("alice", "second");
            Map<String, Object> data = ws.next("data");
            assertThat(data).containsEntry("id", "kept");
            assertThat(ws.next(Duration.ofMillis(400))).isNull();
            ws.start("again", ON_CREATE, Map.of(), keyAuth(doomed));
            assertThat(onlyError(ws.next("error"))).containsEntry("errorType", "UnauthorizedException");
        }
    }

    @Test
    void anExpiredKeyOrTokenEndsItsSubscriptionEvenWithoutEvents() {
        String shortLived = sandbox.apiKeys().orElseThrow().create(Duration.ofHours(1)).value();
        String aliceToken = sandbox.idToken("alice");
        Map<String, Object> aliceAuth = Ws.auth(sandbox.graphqlEndpoint(), "Authorization", aliceToken);
        assertThat(listWithToken(aliceToken).status()).isEqualTo(200); // verified once, then remembered
        try (Ws ws = Ws.withQueryAuth(sandbox.realtimeEndpoint(), keyAuth(sandbox.apiKey().orElseThrow()))) {
            ws.init();
            ws.start("key", ON_CREATE, Map.of(), keyAuth(shortLived));
            ws.next("start_ack");
            ws.start("token", ON_CREATE, Map.of(), aliceAuth);
            ws.next("start_ack");
            int live = sandbox.realtime().liveSubscriptions();

            clock.advance(Duration.ofMinutes(65)); // past the key's hour, and alice's token's hour plus the skew
            assertThat(listWithKey(shortLived)).isEqualTo(401);
            Http.Response expired = listWithToken(aliceToken);
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.errors().get(0)).containsEntry("message", "Token has expired.");
            Map<String, Object> first = ws.next();
            Map<String, Object> second = ws.next();
            assertThat(List.of(first.get("id"), second.get("id"))).containsExactlyInAnyOrder("key", "token");
            assertThat(onlyError(first)).containsEntry("errorType", "UnauthorizedException");
            assertThat(onlyError(second)).containsEntry("errorType", "UnauthorizedException");
            assertThat(sandbox.realtime().liveSubscriptions()).isEqualTo(live - 2);

            create("bob", "after expiry"); // a fresh token of the moved clock
            assertThat(ws.next(Duration.ofMillis(400))).isNull();
        }
    }
}
