package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.sandbox.server.junit.SandboxTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Orders over the real-time endpoint: owners see their own, the ADMINS group sees all, API keys may not listen. */
@SandboxTest(definition = OrderSubscriptionsOverWebSocketTest.Orders.class, users = {"carol", "dave", "boss:ADMINS"}, resetData = true)
class OrderSubscriptionsOverWebSocketTest {
    static final String ON_CREATE = "subscription { onCreateOrder { customerId total owner } }";
    static final String CREATE = "mutation($input: CreateOrderInput!) { createOrder(input: $input) { "
            + "id customerId total owner } }";

    /** Orders: owners create and read theirs, ADMINS read all; the API key is enabled but not for orders. */
    public static final class Orders implements BackendDefinition {
        @Override
        public BackendModel define() {
            BackendBuilder backend = Backend.builder("orders");
            AuthGroup admins = backend.auth().loginWithEmail().group("ADMINS");
            backend.data().authorizationModes(modes -> modes.apiKey(30));
            ModelBuilder order = backend.data().model("Order");
            order.string("customerId").required();
            order.floating("total").required();
            order.authorization(allow -> List.of(allow.owner().to(ModelOperation.CREATE, ModelOperation.READ),
                    allow.group(admins).to(ModelOperation.READ)));
            ModelBuilder note = backend.data().model("Note");
            note.string("text");
            note.authorization(allow -> List.of(allow.publicApiKey()));
            return backend.build();
        }
    }

    private final Sandbox sandbox;

    OrderSubscriptionsOverWebSocketTest(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    private Map<String, Object> userAuth(String user) {
        return Ws.auth(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(user));
    }

    private Ws subscribed(String user) {
        Map<String, Object> auth = userAuth(user);
        Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), auth);
        ws.init();
        ws.start(user, ON_CREATE, Map.of(), auth);
        ws.next("start_ack");
        return ws;
    }

    private void order(String user, String customerId) {
        Http.Response response = Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(user),
                CREATE, Map.of("input", Map.of("customerId", customerId, "total", 12.5)));
        assertThat(response.errors()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Object customer(Map<String, Object> message) {
        Map<String, Object> payload = (Map<String, Object>) message.get("payload");
        return ((Map<String, Object>) ((Map<String, Object>) payload.get("data")).get("onCreateOrder"))
                .get("customerId");
    }

    @Test
    void ownersSeeTheirOrdersAndAdminsSeeAll() {
        try (Ws carol = subscribed("carol"); Ws dave = subscribed("dave"); Ws boss = subscribed("boss")) {
            order("carol", "c-carol");
            order("dave", "c-dave");
            assertThat(customer(carol.next("data"))).isEqualTo("c-carol");
            assertThat(customer(dave.next("data"))).isEqualTo("c-dave");
            assertThat(customer(boss.next("data"))).isEqualTo("c-carol");
            assertThat(customer(boss.next("data"))).isEqualTo("c-dave");
            assertThat(carol.next(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anApiKeySubscriberIsNotAuthorized() {
        Map<String, Object> auth = Ws.auth(sandbox.graphqlEndpoint(), "x-api-key", sandbox.apiKey().orElseThrow());
        try (Ws ws = Ws.withQueryAuth(sandbox.realtimeEndpoint(), auth)) {
            ws.init();
            ws.start("k", ON_CREATE, Map.of(), auth);
            Map<String, Object> error = ws.next("error");
            assertThat(error).containsEntry("id", "k");
            assertThat((List<Map<String, Object>>) ((Map<String, Object>) error.get("payload")).get("errors"))
                    .containsExactly(Map.of("errorType", "Unauthorized",
                            "message", "Not Authorized to access onCreateOrder on type Subscription"));
        }
    }
}
