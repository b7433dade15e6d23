package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.sandbox.server.junit.SandboxTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The resolver issue's bad input, over the wire: a filter or condition naming an unknown field or carrying a value
 * of the wrong type, an oversized item and a malformed nextToken each get an AppSync-shaped error, and the data is
 * unchanged afterwards.
 */
@SandboxTest(definition = TodoBackend.class, users = "alice", resetData = true)
class BadInputOverHttpTest {
    static final String CREATE = "mutation C($input: CreateTodoInput!) { createTodo(input: $input) { id content } }";
    static final String UPDATE = "mutation U($input: UpdateTodoInput!, $condition: ModelTodoConditionInput) {"
            + " updateTodo(input: $input, condition: $condition) { id content } }";
    static final String LIST = "query L($filter: ModelTodoFilterInput, $nextToken: String) {"
            + " listTodos(filter: $filter, nextToken: $nextToken) { items { id content } nextToken } }";

    private final Sandbox sandbox;

    BadInputOverHttpTest(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    private Http.Response send(String query, Map<String, Object> variables) {
        return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken("alice"), query, variables);
    }

    private String createTodo(String content) {
        Http.Response created = send(CREATE, Map.of("input", Map.of("content", content, "done", false)));
        assertThat(created.errors()).isEmpty();
        return (String) created.dataMap("createTodo").get("id");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> contents() {
        Http.Response list = send(LIST, Map.of());
        assertThat(list.errors()).isEmpty();
        return (List<Map<String, Object>>) list.dataMap("listTodos").get("items");
    }

    private static String onlyMessage(Http.Response response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errors()).hasSize(1);
        return (String) response.errors().get(0).get("message");
    }

    @Test
    void aFilterOrConditionNamingAnUnknownFieldIsRefusedBeforeAnyResolverRuns() {
        String id = createTodo("original");
        List<Map<String, Object>> before = contents();

        assertThat(onlyMessage(send(LIST, Map.of("filter", Map.of("colour", Map.of("eq", "red"))))))
                .contains("'colour'", "ModelTodoFilterInput");
        assertThat(onlyMessage(send(UPDATE, Map.of("input", Map.of("id", id, "content", "changed"),
                "condition", Map.of("colour", Map.of("eq", "red")))))).contains("'colour'", "ModelTodoConditionInput");

        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        String id = createTodo("original");
        List<Map<String, Object>> before = contents();

        assertThat(onlyMessage(send(LIST, Map.of("filter", Map.of("priority", Map.of("eq", "high"))))))
                .contains("Variable 'filter'");
        assertThat(onlyMessage(send(UPDATE, Map.of("input", Map.of("id", id, "done", "yes")))))
                .contains("Variable 'input'");

        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void anOversizedItemIsRefusedByDynamoDbRulesAndNothingIsStored() {
        List<Map<String, Object>> before = contents();
        Http.Response created = send(CREATE,
                Map.of("input", Map.of("content", "x".repeat(500), "done", false, "owner", "y".repeat(410_000))));

        assertThat(created.dataMap("createTodo")).isNull();
        assertThat(created.errors()).extracting(e -> e.get("errorType")).isNotEmpty();
        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void aMalformedNextTokenIsAnErrorNotAnEmptyPage() {
        createTodo("one");
        Http.Response page = send(LIST, Map.of("nextToken", "not-a-token"));

        assertThat(page.dataMap("listTodos")).isNull();
        assertThat(page.errors()).extracting(e -> e.get("errorType")).containsExactly("DynamoDB:ValidationException");
    }
}
