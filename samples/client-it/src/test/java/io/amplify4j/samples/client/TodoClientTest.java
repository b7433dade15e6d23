package io.amplify4j.samples.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.client.AuthMode;
import io.amplify4j.client.ConditionalCheckFailedException;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.GraphQLResponseException;
import io.amplify4j.client.GraphQLSubscription;
import io.amplify4j.client.Page;
import io.amplify4j.client.UnauthorizedException;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.samples.client.todo.CreateTodoInput;
import io.amplify4j.samples.client.todo.Todo;
import io.amplify4j.samples.client.todo.TodoApi;
import io.amplify4j.samples.client.todo.UpdateTodoInput;
import io.amplify4j.sandbox.server.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client generated from the Todo fixture (by amplify:generate in this module's build) against the sandbox:
 * owners manage their todos, anyone with the API key reads them.
 */
class TodoClientTest {
    private static Sandbox sandbox;
    private static GraphQLClient aliceClient;
    private static GraphQLClient bobClient;
    private static TodoApi alice;
    private static TodoApi bob;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new TodoBackend()).banner(null).requestLog(line -> { })
                .user("alice", Clients.PASSWORD).user("bob", Clients.PASSWORD).start();
        aliceClient = Clients.signedIn(sandbox, "alice");
        bobClient = Clients.signedIn(sandbox, "bob");
        alice = new TodoApi(aliceClient);
        bob = new TodoApi(bobClient);
    }

    @AfterAll
    static void stop() {
        aliceClient.close();
        bobClient.close();
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.resetData();
    }

    private static Todo create(TodoApi api, String content, int priority) {
        return api.todos().create(CreateTodoInput.builder().content(content).priority(priority).build());
    }

    @Test
    void createsGetsUpdatesAndDeletes() throws Exception {
        Todo created = create(alice, "write the generator", 2);
        assertThat(created.id()).isNotBlank();
        assertThat(created.done()).as("the definition's default").isFalse();
        assertThat(created.owner()).isNotBlank();
        assertThat(created.createdAt()).isNotNull();

        assertThat(alice.todos().get(created.id())).contains(created);
        assertThat(alice.todos().getAsync(created.id()).get(20, TimeUnit.SECONDS)).contains(created);

        Todo updated = alice.todos().update(UpdateTodoInput.builder(created.id()).done(true).priority(null).build());
        assertThat(updated.done()).isTrue();
        assertThat(updated.priority()).as("set to null: cleared").isNull();
        assertThat(updated.content()).as("not set: unchanged").isEqualTo("write the generator");

        Todo deleted = alice.todos().deleteAsync(created.id(), null).get(20, TimeUnit.SECONDS);
        assertThat(deleted.id()).isEqualTo(created.id());
        assertThat(alice.todos().get(created.id())).isEmpty();
    }

    @Test
    void filtersByTypedFields() {
        create(alice, "alpha", 1);
        create(alice, "beta", 4);
        Todo gamma = create(alice, "gamma", 5);
        alice.todos().update(UpdateTodoInput.builder(gamma.id()).done(true).build());

        List<String> urgentOpen = alice.todos().listAll(Todo.PRIORITY.ge(4).and(Todo.DONE.eq(false))).stream()
                .map(Todo::content).toList();
        assertThat(urgentOpen).containsExactly("beta");
        List<String> greek = alice.todos().listAll(Todo.CONTENT.beginsWith("a").or(Todo.CONTENT.contains("mm")))
                .stream().map(Todo::content).sorted().toList();
        assertThat(greek).containsExactly("alpha", "gamma");
        assertThat(alice.todos().list(Todo.CONTENT.eq("beta").not()).items()).hasSize(2);
    }

    @Test
    void pagesFollowNextTokenAcrossPages() {
        for (int i = 0; i < 7; i++) {
            create(alice, "item " + i, 1 + i % 5);
        }
        List<Todo> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            Page<Todo> page = alice.todos().list(null, 3, token.orElse(null));
            seen.addAll(page.items());
            token = page.nextToken();
            pages++;
        } while (token.isPresent());
        assertThat(seen).hasSize(7);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        // A filter matching few items leaves empty pages behind with a next token; listAll walks on.
        List<Todo> rare = alice.todos().listAll(Todo.CONTENT.eq("item 6")).stream().toList();
        assertThat(rare).extracting(Todo::content).containsExactly("item 6");
    }

    @Test
    void ownersAreIsolatedAndTheApiKeyOnlyReads() {
        Todo mine = create(alice, "alice's", 3);
        assertThatThrownBy(() -> bob.todos().update(UpdateTodoInput.builder(mine.id()).content("bob's").build()))
                .isInstanceOf(GraphQLResponseException.class);
        assertThatThrownBy(() -> bob.todos().delete(mine.id())).isInstanceOf(GraphQLResponseException.class);
        assertThat(alice.todos().get(mine.id()).orElseThrow().content()).isEqualTo("alice's");

        TodoApi anonymous = bob.withAuthMode(AuthMode.API_KEY);
        assertThat(anonymous.todos().list().items()).extracting(Todo::id).containsExactly(mine.id());
        assertThatThrownBy(() -> create(anonymous, "by key", 1)).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void conditionsThatDoNotHoldFailTheWrite() {
        Todo todo = create(alice, "conditional", 3);
        assertThatThrownBy(() -> alice.todos().update(UpdateTodoInput.builder(todo.id()).priority(1).build(),
                Todo.DONE.eq(true))).isInstanceOf(ConditionalCheckFailedException.class);
        Todo changed = alice.todos().update(UpdateTodoInput.builder(todo.id()).priority(1).build(),
                Todo.DONE.eq(false).and(Todo.PRIORITY.between(2, 4)));
        assertThat(changed.priority()).isEqualTo(1);
        assertThatThrownBy(() -> alice.todos().delete(todo.id(), Todo.PRIORITY.gt(3)))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void subscriptionsDeliverOnlyMatchingEvents() throws Exception {
        Clients.Events<Todo> urgent = new Clients.Events<>();
        Clients.Events<Todo> deletions = new Clients.Events<>();
        TodoApi reader = bob.withAuthMode(AuthMode.API_KEY);
        try (GraphQLSubscription<Todo> created = reader.todos().onCreate(Todo.PRIORITY.subscription().ge(4));
                GraphQLSubscription<Todo> deleted = reader.todos().onDelete()) {
            created.subscribe(urgent::add, urgent::error).established().get(20, TimeUnit.SECONDS);
            deleted.subscribe(deletions::add, deletions::error).established().get(20, TimeUnit.SECONDS);
            create(alice, "someday", 1);
            Todo now = create(alice, "now", 5);
            assertThat(urgent.next().id()).isEqualTo(now.id());
            assertThat(urgent.poll()).isNull();
            alice.todos().delete(now.id());
            assertThat(deletions.next().content()).isEqualTo("now");
        }
    }

    @Test
    void ownersReceiveOnlyTheirOwnEvents() throws Exception {
        Clients.Events<Todo> alicesEvents = new Clients.Events<>();
        try (GraphQLSubscription<Todo> subscription = alice.todos().onCreate()) {
            subscription.subscribe(alicesEvents::add, alicesEvents::error).established().get(20, TimeUnit.SECONDS);
            create(bob, "bob's", 2);
            Todo own = create(alice, "alice's", 2);
            assertThat(alicesEvents.next().id()).isEqualTo(own.id());
            assertThat(alicesEvents.poll()).isNull();
        }
    }
}
