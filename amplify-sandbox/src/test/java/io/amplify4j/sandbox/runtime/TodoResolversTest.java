package io.amplify4j.sandbox.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.resolver.ResolverNames;
import io.amplify4j.sandbox.js.GraphQLError;
import io.amplify4j.sandbox.js.ResolverResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The todo plan's generated resolvers, run by the engine against the DynamoDB interpreter. */
class TodoResolversTest {
    static final String ISSUER = "https://cognito-idp.local/pool";
    static final Caller ALICE = Caller.user(ISSUER, "sub-a", "alice", List.of());
    static final Caller BOB = Caller.user(ISSUER, "sub-b", "bob", List.of());
    static PlanResolvers api;

    @BeforeAll
    static void start() {
        api = PlanResolvers.builder(BackendPlan.of(new TodoBackend().define()).data().orElseThrow())
                .env(ResolverNames.USER_POOL_ISSUER_ENV, ISSUER)
                .build();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> create(Caller caller, String content) {
        ResolverResult result = api.execute("Mutation", "createTodo",
                Map.of("input", Map.of("content", content, "done", false)), null, caller);
        assertThat(result.errors()).isEmpty();
        return (Map<String, Object>) result.data();
    }

    private static List<String> errorTypes(ResolverResult result) {
        return result.errors().stream().map(e -> e.errorType().orElse("")).toList();
    }

    @Test
    void anOwnerCreatesAndReadsBackTheirTodo() {
        Map<String, Object> todo = create(ALICE, "buy milk");
        assertThat(todo).containsEntry("owner", "sub-a::alice").containsEntry("priority", 3L);

        ResolverResult got = api.execute("Query", "getTodo", Map.of("id", todo.get("id")), null, ALICE);
        assertThat(got.errors()).isEmpty();
        assertThat(got.data()).isEqualTo(todo);
    }

    @Test
    void anotherUserCanNeitherReadNorChangeIt() {
        Map<String, Object> todo = create(ALICE, "secret");

        ResolverResult got = api.execute("Query", "getTodo", Map.of("id", todo.get("id")), null, BOB);
        assertThat(got.data()).isNull();
        assertThat(errorTypes(got)).containsExactly("Unauthorized");

        ResolverResult updated = api.execute("Mutation", "updateTodo",
                Map.of("input", Map.of("id", todo.get("id"), "content", "mine now")), null, BOB);
        assertThat(updated.data()).isNull();
        assertThat(errorTypes(updated)).containsExactly("DynamoDB:ConditionalCheckFailedException");

        ResolverResult deleted = api.execute("Mutation", "deleteTodo",
                Map.of("input", Map.of("id", todo.get("id"))), null, BOB);
        assertThat(errorTypes(deleted)).containsExactly("DynamoDB:ConditionalCheckFailedException");
        assertThat(api.execute("Query", "getTodo", Map.of("id", todo.get("id")), null, ALICE).data())
                .isEqualTo(todo);
    }

    @Test
    void theOwnerCannotHandTheTodoToSomeoneElse() {
        Map<String, Object> todo = create(ALICE, "keep");
        ResolverResult transfer = api.execute("Mutation", "updateTodo",
                Map.of("input", Map.of("id", todo.get("id"), "owner", "sub-b::bob")), null, ALICE);
        assertThat(errorTypes(transfer)).containsExactly("Unauthorized");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWrappedDataSourceSeesTheRequestsAndAnswersForTheStore() {
        List<Map<String, Object>> requests = new ArrayList<>();
        try (PlanResolvers traced = PlanResolvers.builder(BackendPlan.of(new TodoBackend().define()).data().orElseThrow())
                .env(ResolverNames.USER_POOL_ISSUER_ENV, ISSUER)
                .wrapDataSources((plan, dataSource) -> request -> {
                    requests.add(request);
                    return dataSource.invoke(request);
                })
                .build()) {
            ResolverResult created = traced.execute("Mutation", "createTodo",
                    Map.of("input", Map.of("content", "traced", "done", false)), null, ALICE);
            assertThat(created.errors()).isEmpty();
            assertThat(((Map<String, Object>) created.data())).containsEntry("content", "traced");
        }
        assertThat(requests).extracting(r -> r.get("operation")).containsExactly(null, "PutItem");
    }

    @Test
    void validatorsRejectBadValues() {
        ResolverResult result = api.execute("Mutation", "createTodo",
                Map.of("input", Map.of("content", "", "done", false)), null, ALICE);
        assertThat(errorTypes(result)).containsExactly("ValidationError");
    }
}
