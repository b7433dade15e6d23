package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.DataType;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.model.data.CustomOperation.MutationKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AppSync's subscription invalidation: a custom subscription's handler sets an invalidation filter
 * ({@code extensions.setSubscriptionInvalidationFilter}) from the subscriber's identity; a custom mutation's
 * handler calls {@code extensions.invalidateSubscriptions}; the subscriptions whose filter matches its payload are
 * ended, each with {@code complete}, and get no further event, while the others go on.
 */
class SubscriptionInvalidationOverWebSocketTest {
    static final String SUBSCRIBE_JS = """
            import { util, extensions } from '@aws-appsync/utils';

            export function request(ctx) {
              return { payload: null };
            }

            export function response(ctx) {
              extensions.setSubscriptionInvalidationFilter(util.transform.toSubscriptionFilter({
                username: { eq: ctx.identity.username },
                room: { eq: ctx.args.room },
              }));
              return null;
            }
            """;
    static final String REMOVE_JS = """
            import { extensions } from '@aws-appsync/utils';

            export function request(ctx) {
              return { payload: null };
            }

            export function response(ctx) {
              extensions.invalidateSubscriptions({
                subscriptionField: 'onRoomMessage',
                payload: { username: ctx.args.username, room: ctx.args.room },
              });
              return ctx.args.username;
            }
            """;
    static final String ON_MESSAGE = "subscription S($room: String) { onRoomMessage(room: $room) { id room text } }";
    static final String SEND = "mutation M($input: CreateMessageInput!) { createMessage(input: $input) {"
            + " id room text } }";
    static final String REMOVE = "mutation R($username: String!, $room: String!) {"
            + " removeFromRoom(username: $username, room: $room) }";

    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        BackendBuilder backend = Backend.builder("rooms");
        backend.auth().loginWithEmail();
        ModelBuilder message = backend.data().model("Message");
        message.string("room").required();
        message.string("text");
        message.authorization(allow -> List.of(allow.authenticated()));
        backend.data().mutation("removeFromRoom")
                .argument("username", DataType.string().required())
                .argument("room", DataType.string().required())
                .returns(DataType.string())
                .customHandler("rooms/remove.js")
                .authorization(allow -> List.of(allow.authenticated()));
        backend.data().subscription("onRoomMessage")
                .argument("room", DataType.string())
                .returns(DataType.ref(message))
                .forMutations(message, MutationKind.CREATE)
                .customHandler("rooms/subscribe.js")
                .authorization(allow -> List.of(allow.authenticated()));
        sandbox = Sandbox.builder(backend.build()).banner(null).requestLog(line -> { })
                .userModule("rooms/subscribe.js", SUBSCRIBE_JS).userModule("rooms/remove.js", REMOVE_JS)
                .user("alice", "a-long-password-1").user("bob", "a-long-password-2").start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Http.Response send(String user, String query, Map<String, Object> variables) {
        return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(user), query, variables);
    }

    private static Ws subscribed(String user, String room) {
        Map<String, Object> auth = Ws.auth(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(user));
        Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), auth);
        ws.init();
        ws.start(user + "-" + room, ON_MESSAGE, Map.of("room", room), auth);
        assertThat(ws.next("start_ack")).containsEntry("id", user + "-" + room);
        return ws;
    }

    @Test
    void aMatchingInvalidationEndsTheSubscriptionWithComplete() {
        try (Ws aliceInRed = subscribed("alice", "red"); Ws bobInRed = subscribed("bob", "red");
                Ws aliceInBlue = subscribed("alice", "blue")) {
            assertThat(send("bob", SEND, Map.of("input", Map.of("room", "red", "text", "hello"))).errors()).isEmpty();
            assertThat(aliceInRed.next("data")).containsEntry("id", "alice-red");
            assertThat(bobInRed.next("data")).containsEntry("id", "bob-red");
            int live = sandbox.realtime().liveSubscriptions();

            Http.Response removed = send("bob", REMOVE, Map.of("username", "alice", "room", "red"));
            assertThat(removed.errors()).isEmpty();
            assertThat(removed.data("removeFromRoom")).isEqualTo("alice");
            assertThat(aliceInRed.next()).isEqualTo(Map.of("type", "complete", "id", "alice-red"));
            assertThat(sandbox.realtime().liveSubscriptions()).isEqualTo(live - 1);

            send("bob", SEND, Map.of("input", Map.of("room", "red", "text", "after")));
            send("bob", SEND, Map.of("input", Map.of("room", "blue", "text", "blue")));
            assertThat(bobInRed.next("data")).containsEntry("id", "bob-red");
            assertThat(aliceInBlue.next("data")).containsEntry("id", "alice-blue");
            assertThat(aliceInRed.next(Duration.ofMillis(300))).isNull();
            assertThat(bobInRed.next(Duration.ofMillis(100))).isNull();
        }
    }
}
