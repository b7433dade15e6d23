package io.amplify4j.sandbox.resolvers;

import static io.amplify4j.sandbox.resolvers.PlanRuntime.errorType;
import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.sandbox.js.ResolverResult;
import io.amplify4j.sandbox.js.SubscriptionFilter;
import io.amplify4j.sandbox.resolvers.PlanRuntime.Callers;
import io.amplify4j.sandbox.runtime.Caller;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The todo plan's generated resolvers, run by the GraalJS engine against the DynamoDB interpreter: owners manage
 * their todos, API key callers read them (regressions O1-O4, P1, username reuse, short pages, validators).
 */
class TodoEndToEndTest {
    static final Caller ALICE = Callers.user("sub-a", "alice");
    static final Caller BOB = Callers.user("sub-b", "bob");
    static final Caller KEY = Callers.apiKey();

    PlanRuntime runtime;

    @BeforeEach
    void start() {
        runtime = new PlanRuntime(BackendPlan.of(new TodoBackend().define()).data().orElseThrow(), Map.of());
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    ResolverResult create(Caller caller, Map<String, Object> input) {
        return runtime.call(caller, "Mutation", "createTodo", Map.of("input", input));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> created(Caller caller, Map<String, Object> input) {
        ResolverResult result = create(caller, input);
        assertThat(result.errors()).isEmpty();
        return (Map<String, Object>) result.data();
    }

    ResolverResult get(Caller caller, String id) {
        return runtime.call(caller, "Query", "getTodo", Map.of("id", id));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items(ResolverResult result) {
        assertThat(result.errors()).isEmpty();
        return (List<Map<String, Object>>) ((Map<String, Object>) result.data()).get("items");
    }

    @Test
    void o1OwnerCreatesWithDefaultsTimestampsAndGeneratedIdAndReadsItBack() {
        Map<String, Object> todo = created(ALICE, Map.of("content", "Buy milk"));
        assertThat(todo).containsEntry("owner", "sub-a::alice").containsEntry("done", false)
                .containsEntry("priority", 3L).containsKeys("id", "createdAt", "updatedAt");
        assertThat(todo.get("createdAt")).isEqualTo(todo.get("updatedAt"));
        ResolverResult got = get(ALICE, (String) todo.get("id"));
        assertThat(got.errors()).isEmpty();
        assertThat(got.data()).isEqualTo(todo);
    }

    @Test
    void o2AnotherUserCannotGetUpdateOrDeleteTheRecord() {
        String id = (String) created(ALICE, Map.of("content", "Secret")).get("id");
        ResolverResult got = get(BOB, id);
        assertThat(got.data()).isNull();
        assertThat(errorType(got)).contains("Unauthorized");

        ResolverResult updated = runtime.call(BOB, "Mutation", "updateTodo",
                Map.of("input", Map.of("id", id, "content", "Mine now")));
        assertThat(updated.data()).isNull();
        assertThat(errorType(updated)).contains("DynamoDB:ConditionalCheckFailedException");
        ResolverResult deleted = runtime.call(BOB, "Mutation", "deleteTodo", Map.of("input", Map.of("id", id)));
        assertThat(errorType(deleted)).contains("DynamoDB:ConditionalCheckFailedException");
        assertThat(((Map<?, ?>) get(ALICE, id).data()).get("content")).isEqualTo("Secret");
    }

    @Test
    void o3OwnerFieldIsImmutable() {
        String id = (String) created(ALICE, Map.of("content", "Mine")).get("id");
        ResolverResult transfer = runtime.call(ALICE, "Mutation", "updateTodo",
                Map.of("input", Map.of("id", id, "owner", "sub-b::bob")));
        assertThat(errorType(transfer)).contains("Unauthorized");
        assertThat(((Map<?, ?>) get(ALICE, id).data()).get("owner")).isEqualTo("sub-a::alice");
    }

    @Test
    void o4CreateForSomeoneElseIsRefusedButNamingYourselfIsFine() {
        assertThat(errorType(create(ALICE, Map.of("content", "x", "owner", "sub-b::bob")))).contains("Unauthorized");
        assertThat(errorType(create(ALICE, Map.of("content", "x", "owner", "bob")))).contains("Unauthorized");
        assertThat(created(ALICE, Map.of("content", "x", "owner", "sub-a")).get("owner")).isEqualTo("sub-a");
        assertThat(created(ALICE, Map.of("content", "x", "owner", "sub-a::alice")).get("owner")).isEqualTo("sub-a::alice");
    }

    @Test
    void usernameReuseDoesNotInheritRecordsAndABareSubStillMatches() {
        String old = (String) created(ALICE, Map.of("content", "old alice")).get("id");
        Caller newAlice = Callers.user("sub-c", "alice");
        assertThat(get(newAlice, old).data()).isNull();
        assertThat(items(runtime.call(newAlice, "Query", "listTodos", Map.of()))).isEmpty();
        String bySub = (String) created(ALICE, Map.of("content", "by sub", "owner", "sub-a")).get("id");
        assertThat(get(ALICE, bySub).data()).isNotNull();
        assertThat(get(Callers.user("sub-z", "sub-a"), bySub).data()).isNull();
    }

    @Test
    void p1ApiKeyReadsEverythingButCannotWrite() {
        String id = (String) created(ALICE, Map.of("content", "Public")).get("id");
        assertThat(get(KEY, id).errors()).isEmpty();
        assertThat(items(runtime.call(KEY, "Query", "listTodos", Map.of()))).hasSize(1);
        assertThat(errorType(create(KEY, Map.of("content", "x")))).contains("Unauthorized");
        assertThat(errorType(runtime.call(KEY, "Mutation", "deleteTodo", Map.of("input", Map.of("id", id)))))
                .contains("Unauthorized");
    }

    @Test
    void foreignIssuerAndUngrantedIamCallersAreDenied() {
        String id = (String) created(ALICE, Map.of("content", "x")).get("id");
        assertThat(errorType(get(Callers.userWithIssuer("https://evil.example.com", "sub-a", "alice"), id)))
                .contains("Unauthorized");
        assertThat(errorType(get(Callers.role("some-admin-role"), id))).contains("Unauthorized");
        assertThat(errorType(get(Callers.guest(PlanRuntime.IDENTITY_POOL), id))).contains("Unauthorized");
    }

    @Test
    void listGivesOwnersTheirOwnItemsAndNeverLosesOneWhenFollowingNextToken() {
        for (int i = 0; i < 40; i++) {
            created(BOB, Map.of("content", "bob " + i));
        }
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add((String) created(ALICE, Map.of("content", "alice " + i)).get("id"));
        }
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("limit", 5);
            if (token != null) {
                args.put("nextToken", token);
            }
            ResolverResult page = runtime.call(ALICE, "Query", "listTodos", args);
            List<Map<String, Object>> items = items(page);
            assertThat(items).hasSizeLessThanOrEqualTo(5);
            items.forEach(item -> {
                assertThat(item.get("owner")).isEqualTo("sub-a::alice");
                seen.add((String) item.get("id"));
            });
            token = (String) ((Map<?, ?>) page.data()).get("nextToken");
            pages++;
        } while (token != null && pages < 50);
        assertThat(seen).isEqualTo(mine);
    }

    @Test
    void listFilterNarrowsButNeverWidens() {
        created(ALICE, Map.of("content", "a1", "priority", 1));
        created(ALICE, Map.of("content", "a5", "priority", 5));
        created(BOB, Map.of("content", "b1", "priority", 1));
        List<Map<String, Object>> low = items(runtime.call(ALICE, "Query", "listTodos",
                Map.of("filter", Map.of("priority", Map.of("eq", 1)))));
        assertThat(low).extracting(m -> m.get("content")).containsExactly("a1");
        List<Map<String, Object>> bobs = items(runtime.call(ALICE, "Query", "listTodos",
                Map.of("filter", Map.of("or", List.of(Map.of("owner", Map.of("eq", "sub-b::bob")),
                        Map.of("content", Map.of("beginsWith", "b")))))));
        assertThat(bobs).isEmpty();
    }

    @Test
    void validatorsOnCreateAndUpdate() {
        ResolverResult empty = create(ALICE, Map.of("content", ""));
        assertThat(errorType(empty)).contains("ValidationError");
        assertThat(empty.errors().get(0).message()).isEqualTo("content must be at least 1 characters long");
        assertThat(create(ALICE, Map.of("content", "x", "priority", 6)).errors().get(0).message())
                .isEqualTo("priority must be at most 5");
        String id = (String) created(ALICE, Map.of("content", "ok")).get("id");
        ResolverResult update = runtime.call(ALICE, "Mutation", "updateTodo",
                Map.of("input", Map.of("id", id, "priority", 0)));
        assertThat(errorType(update)).contains("ValidationError");
        assertThat(runtime.store.itemCount("todo-Todo")).isEqualTo(1);
    }

    @Test
    void createNeverOverwritesAndUpdateNeverUpserts() {
        created(ALICE, Map.of("id", "t1", "content", "first"));
        assertThat(errorType(create(ALICE, Map.of("id", "t1", "content", "second"))))
                .contains("DynamoDB:ConditionalCheckFailedException");
        assertThat(errorType(runtime.call(ALICE, "Mutation", "updateTodo",
                Map.of("input", Map.of("id", "nope", "content", "x")))))
                .contains("DynamoDB:ConditionalCheckFailedException");
        assertThat(runtime.store.itemCount("todo-Todo")).isEqualTo(1);
    }

    @Test
    void ownerUpdatesAndDeletesWithTheCallersConditionAndedIn() {
        created(ALICE, Map.of("id", "t1", "content", "first", "priority", 2));
        ResolverResult refused = runtime.call(ALICE, "Mutation", "updateTodo", Map.of(
                "input", Map.of("id", "t1", "done", true),
                "condition", Map.of("priority", Map.of("eq", 3))));
        assertThat(errorType(refused)).contains("DynamoDB:ConditionalCheckFailedException");
        ResolverResult updated = runtime.call(ALICE, "Mutation", "updateTodo", Map.of(
                "input", Map.of("id", "t1", "done", true),
                "condition", Map.of("priority", Map.of("eq", 2))));
        assertThat(updated.errors()).isEmpty();
        assertThat((Map<String, Object>) updated.data()).containsEntry("done", true)
                .containsEntry("content", "first");
        ResolverResult deleted = runtime.call(ALICE, "Mutation", "deleteTodo", Map.of("input", Map.of("id", "t1")));
        assertThat(deleted.errors()).isEmpty();
        assertThat(runtime.store.itemCount("todo-Todo")).isZero();
    }

    @Test
    void s1SubscriptionsOfOwnersAreFilteredToTheirOwnRecordsAndTheClientOnlyNarrows() {
        ResolverResult bob = runtime.call(BOB, "Subscription", "onCreateTodo",
                Map.of("filter", Map.of("owner", Map.of("eq", "sub-a::alice"))));
        assertThat(bob.errors()).isEmpty();
        Map<String, Object> filter = bob.extensions().subscriptionFilter().orElseThrow();
        Map<String, Object> aliceTodo = Map.of("id", "1", "content", "x", "owner", "sub-a::alice");
        Map<String, Object> bobTodo = Map.of("id", "2", "content", "x", "owner", "sub-b::bob");
        assertThat(SubscriptionFilter.matches(filter, aliceTodo)).isFalse();
        assertThat(SubscriptionFilter.matches(filter, bobTodo)).isFalse();

        Map<String, Object> plain = runtime.call(BOB, "Subscription", "onUpdateTodo", Map.of())
                .extensions().subscriptionFilter().orElseThrow();
        assertThat(SubscriptionFilter.matches(plain, bobTodo)).isTrue();
        assertThat(SubscriptionFilter.matches(plain, aliceTodo)).isFalse();

        ResolverResult key = runtime.call(KEY, "Subscription", "onDeleteTodo", Map.of());
        assertThat(key.errors()).isEmpty();
        assertThat(key.extensions().subscriptionFilter()).isEmpty();
        Map<String, Object> narrowed = runtime.call(KEY, "Subscription", "onDeleteTodo",
                Map.of("filter", Map.of("content", Map.of("eq", "x")))).extensions().subscriptionFilter().orElseThrow();
        assertThat(SubscriptionFilter.matches(narrowed, bobTodo)).isTrue();
        assertThat(SubscriptionFilter.matches(narrowed, Map.of("id", "3", "content", "y"))).isFalse();

        assertThat(errorType(runtime.call(Callers.role("x"), "Subscription", "onCreateTodo", Map.of())))
                .contains("Unauthorized");
    }

    @Test
    void sameRecordsInAndOutOfAListWhenBothCallersMayRead() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add((String) created(ALICE, Map.of("content", "c" + i)).get("id"));
        }
        assertThat(items(runtime.call(KEY, "Query", "listTodos", Map.of())))
                .extracting(m -> (String) m.get("id")).containsExactlyInAnyOrderElementsOf(ids);
    }
}
