package io.amplify4j.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.client.AuthMode;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.GraphQLRequest;
import io.amplify4j.client.GraphQLSubscription;
import io.amplify4j.client.GraphQLTransportException;
import io.amplify4j.client.Recorder;
import io.amplify4j.client.SubscriptionOverflowException;
import io.amplify4j.client.UnauthorizedException;
import io.amplify4j.client.auth.AuthProviders;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real-time protocol against a scriptable server: handshake and auth payloads, keep-alive timeout and
 * reconnect with re-subscription, back-pressure, stop on close, final refusals and giving up.
 */
class RealtimeProtocolTest {
    record Ping(String message) {}

    private static final GraphQLRequest<Ping> ON_PING = GraphQLRequest.builder(Ping.class)
            .document("subscription OnPing { onPing { message } }").responseField("onPing").build();

    private FakeRealtimeServer server;
    private GraphQLClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeRealtimeServer();
        client = client(b -> { });
    }

    private GraphQLClient client(java.util.function.Consumer<GraphQLClient.Builder> configure) {
        GraphQLClient.Builder builder = GraphQLClient.builder().endpoint(server.graphqlEndpoint())
                .auth(AuthProviders.apiKey("da2-testkey"))
                .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100));
        configure.accept(builder);
        return builder.build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void handshakesWithTheAuthHeaderAndAuthorizesEachStart() throws Exception {
        try (GraphQLSubscription<Ping> subscription = client.subscribe(ON_PING)) {
            subscription.established().get(20, TimeUnit.SECONDS);
        }
        JsonNode header = server.connectionHeaders.get(0);
        assertThat(header.path("host").asText()).isEqualTo(server.graphqlEndpoint().getAuthority());
        assertThat(header.path("x-api-key").asText()).isEqualTo("da2-testkey");
        assertThat(server.count("connection_init")).isEqualTo(1);
        JsonNode start = server.messages("start").get(0);
        assertThat(start.path("payload").path("extensions").path("authorization").path("x-api-key").asText())
                .isEqualTo("da2-testkey");
        JsonNode data = new ObjectMapper().readTree(start.path("payload").path("data").asText());
        assertThat(data.path("query").asText()).isEqualTo("subscription OnPing { onPing { message } }");
        await("stop", () -> server.count("stop") == 1);
    }

    @Test
    void eventsArriveAndCloseStopsAndCompletes() throws Exception {
        Recorder<Ping> events = Recorder.unbounded();
        GraphQLSubscription<Ping> subscription = client.subscribe(ON_PING);
        subscription.subscribe(events);
        subscription.established().get(20, TimeUnit.SECONDS);
        server.publish("{\"onPing\":{\"message\":\"hello\"}}");
        assertThat(events.next()).isEqualTo(new Ping("hello"));
        subscription.close();
        assertThat(events.awaitTerminal()).isNull();
        await("stop", () -> server.count("stop") == 1);
    }

    @Test
    void callbacksReceiveEveryEventInOrder() throws Exception {
        java.util.concurrent.BlockingQueue<Ping> events = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CompletableFuture<Throwable> failure = new java.util.concurrent.CompletableFuture<>();
        try (GraphQLSubscription<Ping> subscription = client.subscribe(ON_PING)
                .subscribe(events::add, failure::complete)) {
            subscription.established().get(20, TimeUnit.SECONDS);
            for (int i = 1; i <= 50; i++) {
                server.publish("{\"onPing\":{\"message\":\"" + i + "\"}}");
            }
            for (int i = 1; i <= 50; i++) {
                assertThat(events.poll(20, TimeUnit.SECONDS)).isEqualTo(new Ping(String.valueOf(i)));
            }
            assertThat(failure).isNotDone();
        }
    }

    @Test
    void silenceLongerThanTheAnnouncedTimeoutReconnectsAndSubscribesAgain() throws Exception {
        server.connectionTimeoutMs = 200;
        server.keepAlive = connection -> connection > 1;   // the first connection never gets a keep-alive
        Recorder<Ping> events = Recorder.unbounded();
        try (GraphQLSubscription<Ping> subscription = client.subscribe(ON_PING)) {
            subscription.subscribe(events);
            subscription.established().get(20, TimeUnit.SECONDS);
            await("a second connection with the subscription started again",
                    () -> server.connections() >= 2 && server.messages("start").size() >= 2
                            && server.liveSubscriptions() == 1);
            JsonNode first = server.messages("start").get(0);
            JsonNode second = server.messages("start").get(1);
            assertThat(second.path("payload").path("data")).isEqualTo(first.path("payload").path("data"));
            server.publish("{\"onPing\":{\"message\":\"after\"}}");
            assertThat(events.next()).isEqualTo(new Ping("after"));
            assertThat(server.connections()).isEqualTo(2);
            assertThat(client.realtimeConnects(AuthMode.API_KEY)).isEqualTo(2);
        }
    }

    @Test
    void aServerThatDropsTheSocketIsReconnected() throws Exception {
        Recorder<Ping> events = Recorder.unbounded();
        try (GraphQLSubscription<Ping> subscription = client.subscribe(ON_PING)) {
            subscription.subscribe(events);
            subscription.established().get(20, TimeUnit.SECONDS);
            server.dropAll();
            await("re-subscription", () -> server.connections() == 2 && server.liveSubscriptions() == 1);
            server.publish("{\"onPing\":{\"message\":\"back\"}}");
            assertThat(events.next()).isEqualTo(new Ping("back"));
        }
    }

    @Test
    void eventsAreDeliveredOnlyAsRequested() throws Exception {
        Recorder<Ping> events = Recorder.requesting(2);
        try (GraphQLSubscription<Ping> subscription = client.subscribe(ON_PING)) {
            subscription.subscribe(events);
            subscription.established().get(20, TimeUnit.SECONDS);
            for (int i = 1; i <= 5; i++) {
                server.publish("{\"onPing\":{\"message\":\"" + i + "\"}}");
            }
            assertThat(events.next()).isEqualTo(new Ping("1"));
            assertThat(events.next()).isEqualTo(new Ping("2"));
            assertThat(events.poll(Duration.ofMillis(200))).isNull();
            events.request(3);
            assertThat(events.next()).isEqualTo(new Ping("3"));
            assertThat(events.next()).isEqualTo(new Ping("4"));
            assertThat(events.next()).isEqualTo(new Ping("5"));
        }
    }

    @Test
    void aSubscriberFallingFurtherBehindThanTheBufferGetsAnOverflowError() throws Exception {
        try (GraphQLClient small = client(b -> b.subscriptionBufferSize(3))) {
            Recorder<Ping> events = Recorder.requesting(1);
            GraphQLSubscription<Ping> subscription = small.subscribe(ON_PING);
            subscription.subscribe(events);
            subscription.established().get(20, TimeUnit.SECONDS);
            for (int i = 1; i <= 6; i++) {
                server.publish("{\"onPing\":{\"message\":\"" + i + "\"}}");
            }
            assertThat(events.awaitTerminal()).isInstanceOf(SubscriptionOverflowException.class);
            assertThat(events.next()).isEqualTo(new Ping("1"));
            await("stop", () -> server.count("stop") == 1);
        }
    }

    @Test
    void anUnauthorizedConnectionIsNotRetried() throws Exception {
        server.connectionError = "{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"nope\","
                + "\"errorCode\":401}]}";
        Recorder<Ping> events = Recorder.unbounded();
        GraphQLSubscription<Ping> subscription = client.subscribe(ON_PING);
        subscription.subscribe(events);
        assertThatThrownBy(() -> subscription.established().get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(UnauthorizedException.class).hasMessageContaining("nope");
        assertThat(events.awaitTerminal()).isInstanceOf(UnauthorizedException.class);
        Thread.sleep(200);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void reconnectingGivesUpAfterTheConfiguredAttempts() throws Exception {
        server.connectionError = "{\"errors\":[{\"errorType\":\"InternalFailure\",\"errorCode\":500}]}";
        try (GraphQLClient impatient = client(b -> b.maxReconnectAttempts(2))) {
            Recorder<Ping> events = Recorder.unbounded();
            GraphQLSubscription<Ping> subscription = impatient.subscribe(ON_PING);
            subscription.subscribe(events);
            assertThat(events.awaitTerminal()).isInstanceOf(GraphQLTransportException.class)
                    .hasMessageContaining("2 attempts to reconnect failed");
            assertThat(server.connections()).isEqualTo(3);
        }
    }

    @Test
    void aSecondSubscriberIsRefused() throws Exception {
        try (GraphQLSubscription<Ping> subscription = client.subscribe(ON_PING)) {
            Recorder<Ping> first = Recorder.unbounded();
            Recorder<Ping> second = Recorder.unbounded();
            subscription.subscribe(first);
            subscription.subscribe(second);
            assertThat(second.awaitTerminal()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("one subscriber");
            assertThat(first.terminated()).isFalse();
        }
    }

    @Test
    void theBackoffDoublesUpToItsCapWithJitter() {
        RealtimeSettings settings = new RealtimeSettings(10, Duration.ofMillis(100), Duration.ofSeconds(1), 5,
                Duration.ofSeconds(1), Duration.ofSeconds(1), null);
        assertThat(settings.backoff(1, 1.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.backoff(3, 1.0)).isEqualTo(Duration.ofMillis(400));
        assertThat(settings.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.backoff(10, 1.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoff(40, 1.0)).isEqualTo(Duration.ofSeconds(1));
    }
}
