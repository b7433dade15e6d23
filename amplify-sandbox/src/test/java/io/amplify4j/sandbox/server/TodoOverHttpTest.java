package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.sandbox.server.junit.SandboxTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The todo backend over real HTTP: CRUD, owner isolation, lists, API key reads, and AppSync's error shapes. */
@SandboxTest(definition = TodoBackend.class, users = {"alice", "bob"}, resetData = true)
class TodoOverHttpTest {
    static final String FIELDS = "id content done priority owner createdAt updatedAt";
    static final String CREATE = "mutation Create($input: CreateTodoInput!) { createTodo(input: $input) { " + FIELDS
            + " } }";
    static final String GET = "query Get($id: ID!) { getTodo(id: $id) { " + FIELDS + " } }";
    static final String UPDATE = "mutation Update($input: UpdateTodoInput!) { updateTodo(input: $input) { " + FIELDS
            + " } }";
    static final String DELETE = "mutation Delete($input: DeleteTodoInput!) { deleteTodo(input: $input) { id } }";
    static final String LIST = "query List($filter: ModelTodoFilterInput, $limit: Int, $nextToken: String) { "
            + "listTodos(filter: $filter, limit: $limit, nextToken: $nextToken) { items { id content done } nextToken } }";

    private final Sandbox sandbox;

    TodoOverHttpTest(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    private Http.Response as(String user, String query, Map<String, Object> variables) {
        return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(user), query, variables);
    }

    private Http.Response withApiKey(String query, Map<String, Object> variables) {
        return Http.graphql(sandbox.graphqlEndpoint(), "x-api-key", sandbox.apiKey().orElseThrow(), query, variables);
    }

    private Map<String, Object> create(String user, String content, boolean done) {
        Http.Response response = as(user, CREATE, Map.of("input", Map.of("content", content, "done", done)));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.errors()).isEmpty();
        return response.dataMap("createTodo");
    }

    @Test
    void aSignedInUserCreatesReadsUpdatesAndDeletesATodo() {
        Map<String, Object> todo = create("alice", "buy milk", false);
        String sub = sandbox.userPool().orElseThrow().user("alice").orElseThrow().sub();
        assertThat(todo).containsEntry("content", "buy milk").containsEntry("done", false)
                .containsEntry("priority", 3L).containsEntry("owner", sub + "::alice");
        assertThat((String) todo.get("createdAt")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

        Http.Response got = as("alice", GET, Map.of("id", todo.get("id")));
        assertThat(got.body()).isEqualTo(Map.of("data", Map.of("getTodo", todo)));

        Http.Response updated = as("alice", UPDATE, Map.of("input", Map.of("id", todo.get("id"), "done", true)));
        assertThat(updated.errors()).isEmpty();
        assertThat(updated.dataMap("updateTodo")).containsEntry("done", true).containsEntry("content", "buy milk");

        Http.Response deleted = as("alice", DELETE, Map.of("input", Map.of("id", todo.get("id"))));
        assertThat(deleted.dataMap("deleteTodo")).containsEntry("id", todo.get("id"));
        assertThat(as("alice", GET, Map.of("id", todo.get("id"))).body())
                .isEqualTo(Map.of("data", java.util.Collections.singletonMap("getTodo", null)));
    }

    @Test
    void anotherUserCanNeitherReadNorChangeIt() {
        Map<String, Object> todo = create("alice", "secret", false);

        Http.Response got = as("bob", GET, Map.of("id", todo.get("id")));
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.data("getTodo")).isNull();
        assertThat(got.errors()).hasSize(1);
        Map<String, Object> error = got.errors().get(0);
        assertThat(new ArrayList<>(error.keySet()))
                .containsExactly("path", "data", "errorType", "errorInfo", "locations", "message");
        assertThat(error.get("path")).isEqualTo(List.of("getTodo"));
        assertThat(error.get("errorType")).isEqualTo("Unauthorized");
        assertThat(error.get("message")).isEqualTo("Not Authorized to access getTodo on type Query");

        Http.Response updated = as("bob", UPDATE, Map.of("input", Map.of("id", todo.get("id"), "content", "mine")));
        assertThat(updated.data("updateTodo")).isNull();
        assertThat(updated.errorTypes()).containsExactly("DynamoDB:ConditionalCheckFailedException");

        Http.Response deleted = as("bob", DELETE, Map.of("input", Map.of("id", todo.get("id"))));
        assertThat(deleted.errorTypes()).containsExactly("DynamoDB:ConditionalCheckFailedException");

        Http.Response bobsList = as("bob", LIST, Map.of());
        assertThat(bobsList.errors()).isEmpty();
        assertThat(items(bobsList)).isEmpty();
        assertThat(as("alice", GET, Map.of("id", todo.get("id"))).dataMap("getTodo")).isEqualTo(todo);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Http.Response list) {
        return (List<Map<String, Object>>) list.dataMap("listTodos").get("items");
    }

    @Test
    void listsFilterAndPaginate() {
        for (int i = 0; i < 7; i++) {
            create("alice", "todo " + i, i % 2 == 0);
        }
        create("bob", "bob's", true);

        List<String> seen = new ArrayList<>();
        String nextToken = null;
        int pages = 0;
        do {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("filter", Map.of("done", Map.of("eq", true)));
            variables.put("limit", 2);
            variables.put("nextToken", nextToken);
            Http.Response page = as("alice", LIST, variables);
            assertThat(page.errors()).isEmpty();
            items(page).forEach(item -> {
                assertThat(item).containsEntry("done", true);
                seen.add((String) item.get("content"));
            });
            nextToken = (String) page.dataMap("listTodos").get("nextToken");
            pages++;
        } while (nextToken != null && pages < 20);

        assertThat(seen).containsExactlyInAnyOrder("todo 0", "todo 2", "todo 4", "todo 6");
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void theApiKeyReadsButCannotWrite() {
        Map<String, Object> todo = create("alice", "public", false);

        Http.Response got = withApiKey(GET, Map.of("id", todo.get("id")));
        assertThat(got.errors()).isEmpty();
        assertThat(got.dataMap("getTodo")).containsEntry("content", "public");
        assertThat(items(withApiKey(LIST, Map.of()))).extracting(i -> i.get("id")).containsExactly(todo.get("id"));

        Http.Response created = withApiKey(CREATE, Map.of("input", Map.of("content", "x", "done", false)));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("data")).isEqualTo(java.util.Collections.singletonMap("createTodo", null));
        assertThat(created.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("errorType")).isEqualTo("Unauthorized");
            assertThat(error.get("message")).isEqualTo("Not Authorized to access createTodo on type Mutation");
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("line", 1L);
            location.put("column", 45L);
            location.put("sourceName", null);
            assertThat(error.get("locations")).isEqualTo(List.of(location));
        });
    }

    @Test
    void resolverValidationErrorsComeBackAsFieldErrors() {
        Http.Response response = as("alice", CREATE, Map.of("input", Map.of("content", "", "done", false)));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.errorTypes()).containsExactly("ValidationError");
        assertThat(response.errors().get(0).get("path")).isEqualTo(List.of("createTodo"));
    }
}
