package io.amplify4j.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.client.AuthMode;
import io.amplify4j.client.ConditionalCheckFailedException;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.GraphQLRequest;
import io.amplify4j.client.GraphQLResponse;
import io.amplify4j.client.GraphQLResponseException;
import io.amplify4j.client.GraphQLSubscription;
import io.amplify4j.client.Page;
import io.amplify4j.client.Pages;
import io.amplify4j.client.Recorder;
import io.amplify4j.client.UnauthorizedException;
import io.amplify4j.client.auth.AuthProviders;
import io.amplify4j.client.auth.SandboxSignIn;
import io.amplify4j.client.auth.SignInException;
import io.amplify4j.client.auth.SignedInUser;
import io.amplify4j.client.auth.Tokens;
import io.amplify4j.client.filter.ModelFilter;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.sandbox.server.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the real sandbox serving the Todo fixture: owners (user pool) manage their todos, anyone
 * with the API key reads them. Documents are hand-written here, as generated clients hold them.
 */
class TodoApiTest {
    private static final String PASSWORD = "correct-horse-battery";
    private static Sandbox sandbox;
    private static GraphQLClient alice;
    private static GraphQLClient bob;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new TodoBackend()).banner(null).requestLog(line -> { })
                .user("alice", PASSWORD).user("bob", PASSWORD).start();
        alice = clientFor("alice");
        bob = clientFor("bob");
    }

    private static GraphQLClient clientFor(String user) {
        SandboxSignIn signIn = SandboxSignIn.at(sandbox.graphqlEndpoint());
        return GraphQLClient.builder()
                .endpoint(sandbox.graphqlEndpoint())
                .auth(AuthProviders.userPool(SignedInUser.of(() -> signIn.signIn(user, PASSWORD))))
                .auth(AuthMode.API_KEY, AuthProviders.apiKey(sandbox.apiKey().orElseThrow()))
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
                .build();
    }

    @AfterAll
    static void stop() {
        alice.close();
        bob.close();
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.resetData();
    }

    @Test
    void createsReadsUpdatesAndDeletesATodo() {
        Todo created = alice.execute(TodoDocuments.create("write the client", false, 2));
        assertThat(created.id()).isNotBlank();
        assertThat(created.content()).isEqualTo("write the client");
        assertThat(created.owner()).contains("alice");
        assertThat(created.createdAt()).isNotNull();

        assertThat(alice.execute(TodoDocuments.get(created.id(), Optional.empty()))).isEqualTo(created);

        Todo updated = alice.execute(TodoDocuments.update(Map.of("id", created.id(), "done", true), null));
        assertThat(updated.done()).isTrue();
        assertThat(updated.content()).isEqualTo("write the client");

        Todo deleted = alice.execute(TodoDocuments.delete(created.id()));
        assertThat(deleted.id()).isEqualTo(created.id());
        assertThat(alice.execute(TodoDocuments.get(created.id(), Optional.empty()))).isNull();
    }

    @Test
    void asyncCallsCompleteWithTheResultOrTheTypedError() throws Exception {
        Todo created = alice.executeAsync(TodoDocuments.create("async", false, 1)).get(20, TimeUnit.SECONDS);
        assertThat(created.content()).isEqualTo("async");

        var refused = alice.executeAsync(TodoDocuments.get(created.id(), Optional.of(AuthMode.API_KEY)).toBuilder()
                .document(TodoDocuments.CREATE).variable("input", Map.of("content", "x")).responseField("createTodo")
                .build());
        assertThatThrownBy(() -> refused.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(UnauthorizedException.class);
    }

    @Test
    void theApiKeyReadsButCannotWrite() {
        Todo created = alice.execute(TodoDocuments.create("public", false, 3));
        Todo read = alice.execute(TodoDocuments.get(created.id(), Optional.of(AuthMode.API_KEY)));
        assertThat(read.content()).isEqualTo("public");

        GraphQLRequest<Todo> create = TodoDocuments.create("by key", false, 1).toBuilder()
                .authMode(AuthMode.API_KEY).build();
        assertThatThrownBy(() -> alice.execute(create))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.errorType()).contains("Unauthorized");
                        assertThat(error.path()).containsExactly("createTodo");
                    });
                });
    }

    @Test
    void aWrongApiKeyIsRefusedWithHttp401() {
        try (GraphQLClient wrong = GraphQLClient.builder().endpoint(sandbox.graphqlEndpoint())
                .auth(AuthProviders.apiKey("da2-notavalidkeyatallxxxxxxxx")).build()) {
            assertThatThrownBy(() -> wrong.execute(TodoDocuments.get("x", Optional.empty())))
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.errorType()).contains("UnauthorizedException");
                        assertThat(e.data()).isEmpty();
                    });
        }
    }

    @Test
    void aWrongPasswordIsRefusedAtSignIn() {
        assertThatThrownBy(() -> SandboxSignIn.at(sandbox.graphqlEndpoint()).signIn("alice", "wrong-password-x"))
                .isInstanceOfSatisfying(SignInException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("NotAuthorizedException");
                    assertThat(e.httpStatus()).contains(401);
                });
        Tokens tokens = SandboxSignIn.at(sandbox.baseUri()).signIn("alice", PASSWORD);
        assertThat(tokens.idToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isEmpty();
    }

    @Test
    void aFailedConditionIsATypedErrorAndWritesNothing() {
        Todo created = alice.execute(TodoDocuments.create("conditional", false, 2));
        assertThatThrownBy(() -> alice.execute(TodoDocuments.update(Map.of("id", created.id(), "content", "changed"),
                Todo.DONE.eq(true))))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e ->
                        assertThat(e.errorType()).contains("DynamoDB:ConditionalCheckFailedException"));
        assertThat(alice.execute(TodoDocuments.get(created.id(), Optional.empty())).content())
                .isEqualTo("conditional");

        Todo updated = alice.execute(TodoDocuments.update(Map.of("id", created.id(), "content", "changed"),
                Todo.DONE.eq(false).and(Todo.PRIORITY.between(1, 3))));
        assertThat(updated.content()).isEqualTo("changed");
    }

    @Test
    void ownersSeeAndChangeOnlyTheirOwnTodos() {
        Todo mine = alice.execute(TodoDocuments.create("alice's", false, 1));
        bob.execute(TodoDocuments.create("bob's", false, 1));

        List<Todo> bobSees = Pages.iterate(token -> bob.execute(TodoDocuments.list(null, 100, token,
                Optional.empty()))).stream().toList();
        assertThat(bobSees).extracting(Todo::content).containsExactly("bob's");

        assertThatThrownBy(() -> bob.execute(TodoDocuments.update(Map.of("id", mine.id(), "content", "hijacked"),
                null))).isInstanceOf(GraphQLResponseException.class);
        assertThatThrownBy(() -> bob.execute(TodoDocuments.delete(mine.id())))
                .isInstanceOf(GraphQLResponseException.class);
        assertThat(alice.execute(TodoDocuments.get(mine.id(), Optional.empty())).content()).isEqualTo("alice's");

        List<Todo> keySees = Pages.iterate(token -> bob.execute(TodoDocuments.list(null, 100, token,
                Optional.of(AuthMode.API_KEY)))).stream().toList();
        assertThat(keySees).extracting(Todo::content).containsExactlyInAnyOrder("alice's", "bob's");
    }

    @Test
    void pagesAreFollowedAcrossEmptyPagesUntilTheLastOne() {
        IntStream.rangeClosed(1, 23).forEach(i ->
                alice.execute(TodoDocuments.create("todo " + i, false, i % 7 == 0 ? 5 : 1)));

        List<Page<Todo>> pages = Pages.iterate(token -> alice.execute(TodoDocuments.list(null, 10, token,
                Optional.empty()))).pages().toList();
        assertThat(pages).hasSize(3);
        assertThat(pages.get(2).hasNext()).isFalse();
        assertThat(pages.stream().mapToInt(p -> p.items().size()).sum()).isEqualTo(23);

        // priority 5 matches 3 of 23 items; with limit 2 the filter leaves some pages empty but with a next token.
        ModelFilter<Todo> urgent = Todo.PRIORITY.eq(5);
        List<Page<Todo>> filtered = Pages.iterate(token -> alice.execute(TodoDocuments.list(urgent, 2, token,
                Optional.empty()))).pages().toList();
        assertThat(filtered).anySatisfy(page -> {
            assertThat(page.items()).isEmpty();
            assertThat(page.hasNext()).isTrue();
        });
        List<String> urgentContents = new ArrayList<>();
        Pages.iterate(token -> alice.execute(TodoDocuments.list(urgent, 2, token, Optional.empty())))
                .forEach(todo -> urgentContents.add(todo.content()));
        assertThat(urgentContents).containsExactlyInAnyOrder("todo 7", "todo 14", "todo 21");
    }

    @Test
    void partialResultsAreAvailableWithoutAnException() {
        GraphQLRequest<Todo> create = TodoDocuments.create("by key", false, 1).toBuilder()
                .authMode(AuthMode.API_KEY).build();
        GraphQLResponse<Todo> response = alice.executeForResponse(create);
        assertThat(response.hasErrors()).isTrue();
        assertThat(response.data()).isEmpty();
        assertThat(response.errors().get(0).errorType()).contains("Unauthorized");
    }

    @Test
    void anInvalidDocumentIsAGraphQLError() {
        GraphQLRequest<Todo> bad = GraphQLRequest.builder(Todo.class)
                .document("query { getTodo(id: \"1\") { noSuchField } }").responseField("getTodo").build();
        assertThatThrownBy(() -> alice.execute(bad))
                .isInstanceOfSatisfying(GraphQLResponseException.class, e -> {
                    assertThat(e.errors()).isNotEmpty();
                    assertThat(e.errors().get(0).message()).contains("noSuchField");
                });
    }

    @Test
    void subscriptionsReceiveOnlyEventsTheirFilterMatches() throws Exception {
        Recorder<Todo> urgent = Recorder.unbounded();
        try (GraphQLSubscription<Todo> subscription = bob.subscribe(TodoDocuments.onCreate(
                Todo.PRIORITY.subscription().in(4, 5).and(Todo.CONTENT.subscription().beginsWith("ship")),
                AuthMode.API_KEY))) {
            subscription.subscribe(urgent);
            subscription.established().get(20, TimeUnit.SECONDS);

            alice.execute(TodoDocuments.create("ship it", false, 1));
            alice.execute(TodoDocuments.create("tidy up", false, 5));
            alice.execute(TodoDocuments.create("ship the client", false, 5));

            assertThat(urgent.next().content()).isEqualTo("ship the client");
            assertThat(urgent.poll(Duration.ofMillis(300))).isNull();
        }
        assertThat(urgent.awaitTerminal()).isNull();
    }

    @Test
    void ownerSubscriptionsInUserPoolModeSeeOnlyTheOwnersEvents() throws Exception {
        // The owner argument is the stored owner value (Amplify's "<sub>::<username>").
        String bobOwner = bob.execute(TodoDocuments.create("first", false, 1)).owner();
        Recorder<Todo> events = Recorder.unbounded();
        GraphQLRequest<Todo> onCreate = GraphQLRequest.builder(Todo.class).document(TodoDocuments.ON_CREATE)
                .variable("owner", bobOwner).responseField("onCreateTodo").build();
        try (GraphQLSubscription<Todo> subscription = bob.subscribe(onCreate)) {
            subscription.subscribe(events);
            subscription.established().get(20, TimeUnit.SECONDS);
            alice.execute(TodoDocuments.create("alice's", false, 1));
            bob.execute(TodoDocuments.create("bob's", false, 1));
            assertThat(events.next().content()).isEqualTo("bob's");
            assertThat(events.poll(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void aConnectionWithABadApiKeyIsRefusedForGood() throws Exception {
        try (GraphQLClient wrong = GraphQLClient.builder().endpoint(sandbox.graphqlEndpoint())
                .auth(AuthProviders.apiKey("da2-notavalidkeyatallxxxxxxxx")).build()) {
            Recorder<Todo> events = Recorder.unbounded();
            GraphQLSubscription<Todo> subscription = wrong.subscribe(TodoDocuments.onCreate(
                    Todo.DONE.subscription().eq(false), AuthMode.API_KEY));
            subscription.subscribe(events);
            assertThatThrownBy(() -> subscription.established().get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(UnauthorizedException.class);
            assertThat(events.awaitTerminal()).isInstanceOf(UnauthorizedException.class);
            assertThat(wrong.realtimeConnects(AuthMode.API_KEY)).isEqualTo(1);
        }
    }

    @Test
    void anInvalidSubscriptionIsRefusedWithItsGraphQLErrors() throws Exception {
        GraphQLRequest<Todo> invalid = GraphQLRequest.builder(Todo.class)
                .document("subscription { onCreateTodo { noSuchField } }").responseField("onCreateTodo")
                .authMode(AuthMode.API_KEY).build();
        Recorder<Todo> events = Recorder.unbounded();
        GraphQLSubscription<Todo> subscription = bob.subscribe(invalid);
        subscription.subscribe(events);
        assertThatThrownBy(() -> subscription.established().get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(GraphQLResponseException.class)
                .hasMessageContaining("noSuchField");
        assertThat(events.awaitTerminal()).isInstanceOf(GraphQLResponseException.class);
    }

    @Test
    void subscriptionsComeBackAfterTheServerDropsTheConnection() throws Exception {
        Recorder<Todo> events = Recorder.unbounded();
        try (GraphQLClient watcher = clientFor("bob");
                GraphQLSubscription<Todo> subscription = watcher.subscribe(TodoDocuments.onCreate(
                        Todo.DONE.subscription().eq(false), AuthMode.API_KEY))) {
            subscription.subscribe(events);
            subscription.established().get(20, TimeUnit.SECONDS);
            alice.execute(TodoDocuments.create("before", false, 1));
            assertThat(events.next().content()).isEqualTo("before");

            sandbox.realtime().close();   // every socket closed by the server (1001 going away)
            awaitLiveSubscriptions(1);

            alice.execute(TodoDocuments.create("after", false, 1));
            assertThat(events.next().content()).isEqualTo("after");
            assertThat(watcher.realtimeConnects(AuthMode.API_KEY)).isGreaterThanOrEqualTo(2);
            assertThat(events.terminated()).isFalse();
        }
    }

    private static void awaitLiveSubscriptions(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        // Wait for the drop to be noticed first, then for the re-subscription.
        while (System.nanoTime() < deadline && sandbox.realtime().liveSubscriptions() != count) {
            Thread.sleep(20);
        }
        assertThat(sandbox.realtime().liveSubscriptions()).isEqualTo(count);
    }
}
