package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.sandbox.server.junit.SandboxTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The AppSync real-time protocol over a real WebSocket (the JDK's client): handshakes in both auth styles,
 * per-subscriber authorization through the filters the generated resolvers set, client filters, errors, stop.
 */
@SandboxTest(definition = TodoBackend.class, users = {"alice", "bob"}, resetData = true)
class SubscriptionsOverWebSocketTest {
    static final String ON_CREATE = "subscription OnCreate($filter: ModelSubscriptionTodoFilterInput) { "
            + "onCreateTodo(filter: $filter) { id content done owner } }";
    static final String CREATE = "mutation Create($input: CreateTodoInput!) { createTodo(input: $input) { "
            + "id content done priority owner createdAt updatedAt } }";

    private final Sandbox sandbox;

    SubscriptionsOverWebSocketTest(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    private Map<String, Object> apiKeyAuth() {
        return Ws.auth(sandbox.graphqlEndpoint(), "x-api-key", sandbox.apiKey().orElseThrow());
    }

    private Map<String, Object> userAuth(String user) {
        return Ws.auth(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(user));
    }

    private Map<String, Object> create(String user, String content, boolean done) {
        Http.Response response = Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(user),
                CREATE, Map.of("input", Map.of("content", content, "done", done)));
        assertThat(response.errors()).isEmpty();
        return response.dataMap("createTodo");
    }

    /** A connected, acknowledged client subscribed to onCreateTodo. */
    private Ws subscribed(Map<String, Object> auth, String id, Map<String, Object> variables) {
        Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), auth);
        ws.init();
        ws.start(id, ON_CREATE, variables, auth);
        assertThat(ws.next("start_ack")).isEqualTo(Map.of("type", "start_ack", "id", id));
        return ws;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(Map<String, Object> message, String field) {
        assertThat(message).containsEntry("type", "data");
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) message.get("payload"))
                .get("data")).get(field);
    }

    @Test
    void theHandshakeWithAnApiKeyInTheQueryParameters() throws Exception {
        try (Ws ws = Ws.withQueryAuth(sandbox.realtimeEndpoint(), apiKeyAuth())) {
            assertThat(ws.subprotocol()).isEqualTo("graphql-ws");
            ws.send(Map.of("type", "connection_init"));
            Map<String, Object> ack = ws.received.poll(10, TimeUnit.SECONDS);
            assertThat(ack).isEqualTo(Map.of("type", "connection_ack",
                    "payload", Map.of("connectionTimeoutMs", 300_000L)));
            assertThat(ws.received.poll(10, TimeUnit.SECONDS)).isEqualTo(Map.of("type", "ka"));
        }
    }

    @Test
    void theHandshakeWithAUserTokenInTheHeaderSubprotocol() {
        try (Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), userAuth("alice"))) {
            assertThat(ws.subprotocol()).isEqualTo("graphql-ws");
            assertThat(ws.init()).containsEntry("payload", Map.of("connectionTimeoutMs", 300_000L));
        }
    }

    @Test
    void theUpgradeIsAlsoAcceptedOnTheGraphqlPath() {
        URI graphql = URI.create(sandbox.realtimeEndpoint().toString().replace("/graphql/realtime", "/graphql"));
        try (Ws ws = Ws.withQueryAuth(graphql, apiKeyAuth())) {
            assertThat(ws.init()).containsKey("payload");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConnectionWithBadCredentialsGetsAConnectionError() throws Exception {
        Map<String, Object> forged = Ws.auth(sandbox.graphqlEndpoint(), "x-api-key", "da2-not-a-key");
        try (Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), forged)) {
            Map<String, Object> error = ws.next("connection_error");
            Map<String, Object> first = ((List<Map<String, Object>>) ((Map<String, Object>) error.get("payload"))
                    .get("errors")).get(0);
            assertThat(first).containsEntry("errorType", "UnauthorizedException").containsEntry("errorCode", 401L);
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void ownersReceiveOnlyTheirTodosAndApiKeySubscribersReceiveAll() {
        try (Ws alice = subscribed(userAuth("alice"), "a1", null);
                Ws bob = subscribed(userAuth("bob"), "b1", null);
                Ws key = subscribed(apiKeyAuth(), "k1", null)) {
            Map<String, Object> alicesTodo = create("alice", "alice's", false);
            Map<String, Object> bobsTodo = create("bob", "bob's", true);

            Map<String, Object> toAlice = alice.next("data");
            assertThat(toAlice).containsEntry("id", "a1");
            assertThat(event(toAlice, "onCreateTodo")).isEqualTo(Map.of("id", alicesTodo.get("id"),
                    "content", "alice's", "done", false, "owner", alicesTodo.get("owner")));
            // Alice's todo was published first: had Bob been sent it, it would come before his own.
            assertThat(event(bob.next("data"), "onCreateTodo")).containsEntry("id", bobsTodo.get("id"));
            assertThat(event(key.next("data"), "onCreateTodo")).containsEntry("id", alicesTodo.get("id"));
            assertThat(event(key.next("data"), "onCreateTodo")).containsEntry("id", bobsTodo.get("id"));

            // Bob's todo never reaches Alice: a later todo of hers is the next thing she gets.
            Map<String, Object> later = create("alice", "later", false);
            assertThat(event(alice.next("data"), "onCreateTodo")).containsEntry("id", later.get("id"));
            assertThat(bob.next(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void aClientFilterNarrowsTheEvents() {
        try (Ws alice = subscribed(userAuth("alice"), "f1",
                Map.of("filter", Map.of("done", Map.of("eq", true))))) {
            create("alice", "not done", false);
            Map<String, Object> done = create("alice", "done", true);
            assertThat(event(alice.next("data"), "onCreateTodo")).containsEntry("id", done.get("id"))
                    .containsEntry("done", true);
        }
    }

    @Test
    void theSubscribersSelectionShapesTheEvent() {
        Map<String, Object> auth = userAuth("alice");
        try (Ws alice = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), auth)) {
            alice.init();
            alice.start("s1", "subscription { created: onCreateTodo { __typename text: content } }", Map.of(), auth);
            alice.next("start_ack");
            create("alice", "shaped", false);
            Map<String, Object> message = alice.next("data");
            assertThat(event(message, "created")).isEqualTo(Map.of("__typename", "Todo", "text", "shaped"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStartWithBadCredentialsGetsAnErrorAndTheConnectionStays() {
        Map<String, Object> auth = apiKeyAuth();
        try (Ws ws = Ws.withQueryAuth(sandbox.realtimeEndpoint(), auth)) {
            ws.init();
            ws.start("u1", ON_CREATE, Map.of(), Ws.auth(sandbox.graphqlEndpoint(), "Authorization", "not.a.jwt"));
            Map<String, Object> error = ws.next("error");
            assertThat(error).containsEntry("id", "u1");
            List<Map<String, Object>> errors = (List<Map<String, Object>>) ((Map<String, Object>) error
                    .get("payload")).get("errors");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).containsOnlyKeys("errorType", "message")
                    .containsEntry("errorType", "UnauthorizedException");

            ws.start("u2", ON_CREATE, Map.of(), Map.of("host", "x"));
            assertThat(ws.next("error")).containsEntry("id", "u2");

            ws.start("u3", ON_CREATE, Map.of(), auth);
            assertThat(ws.next("start_ack")).containsEntry("id", "u3");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidSubscriptionsGetValidationErrors() {
        Map<String, Object> auth = apiKeyAuth();
        try (Ws ws = Ws.withQueryAuth(sandbox.realtimeEndpoint(), auth)) {
            ws.init();
            ws.start("v1", "subscription { onCreateTodo { nope } }", Map.of(), auth);
            Map<String, Object> error = ws.next("error");
            assertThat(error).containsEntry("id", "v1");
            Map<String, Object> first = ((List<Map<String, Object>>) ((Map<String, Object>) error.get("payload"))
                    .get("errors")).get(0);
            assertThat(first).containsEntry("errorType", "ValidationError");
            assertThat((String) first.get("message")).contains("FieldUndefined");

            ws.start("v2", "query { listTodos { items { id } } }", Map.of(), auth);
            assertThat(ws.next("error")).containsEntry("id", "v2");
        }
    }

    @Test
    void stopCompletesAndEndsDelivery() {
        Map<String, Object> auth = userAuth("alice");
        try (Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), auth)) {
            ws.init();
            ws.start("x1", ON_CREATE, null, auth);
            ws.next("start_ack");
            ws.start("x2", ON_CREATE, null, auth);
            ws.next("start_ack");
            ws.send(Map.of("type", "stop", "id", "x1"));
            assertThat(ws.next("complete")).isEqualTo(Map.of("type", "complete", "id", "x1"));

            create("alice", "after stop", false);
            Map<String, Object> message = ws.next("data");
            assertThat(message).containsEntry("id", "x2");
            assertThat(ws.next(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMalformedMessageGetsAnErrorAndTheConnectionSurvives() {
        Map<String, Object> auth = apiKeyAuth();
        try (Ws ws = Ws.withQueryAuth(sandbox.realtimeEndpoint(), auth)) {
            ws.init();
            ws.sendText("{not json");
            Map<String, Object> error = ws.next("error");
            assertThat(error).doesNotContainKey("id");
            assertThat(((List<Map<String, Object>>) ((Map<String, Object>) error.get("payload")).get("errors")))
                    .hasSize(1);
            ws.send(Map.of("type", "subscribe", "id", "m0"));
            assertThat(ws.next("error")).containsEntry("id", "m0");
            ws.send(Map.of("type", "start", "id", "m1", "payload", Map.of("data", "{broken")));
            assertThat(ws.next("error")).containsEntry("id", "m1");

            ws.start("m2", ON_CREATE, null, auth);
            assertThat(ws.next("start_ack")).containsEntry("id", "m2");
            Map<String, Object> todo = create("bob", "still alive", false);
            assertThat(event(ws.next("data"), "onCreateTodo")).containsEntry("id", todo.get("id"));
        }
    }

    @Test
    void closedConnectionsLeaveNoSubscriptions() throws Exception {
        Ws ws = subscribed(apiKeyAuth(), "c1", null);
        ws.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sandbox.realtime().liveSubscriptions() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sandbox.realtime().liveSubscriptions()).isZero();
        create("alice", "nobody listens", false);
    }
}
