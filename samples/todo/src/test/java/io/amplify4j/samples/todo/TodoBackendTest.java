package io.amplify4j.samples.todo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.sandbox.server.Sandbox;
import io.amplify4j.sandbox.server.junit.SandboxTest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The todo sample on the local sandbox: owners write their own items, the API key reads everybody's. */
@SandboxTest(definition = TodoBackend.class, users = {"ana", "ben"}, resetData = true, logRequests = false)
class TodoBackendTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CREATE = "mutation($in: CreateTodoInput!) { createTodo(input: $in) { id content done owner } }";
    private static final String UPDATE = "mutation($in: UpdateTodoInput!) { updateTodo(input: $in) { id done } }";

    @Test
    void ownersCreateAndTheApiKeyReadsEverybodysTodos(Sandbox sandbox) throws Exception {
        JsonNode created = graphql(sandbox, "Authorization", sandbox.idToken("ana"), CREATE,
                Map.of("in", Map.of("content", "buy milk")));
        assertThat(created.path("errors").isMissingNode()).as("errors: %s", created.path("errors")).isTrue();
        assertThat(created.at("/data/createTodo/done").asBoolean()).isFalse();
        assertThat(created.at("/data/createTodo/owner").asText()).endsWith("::ana");

        JsonNode listed = graphql(sandbox, "x-api-key", sandbox.apiKey().orElseThrow(),
                "{ listTodos { items { content } } }", Map.of());
        assertThat(listed.at("/data/listTodos/items/0/content").asText()).isEqualTo("buy milk");
    }

    @Test
    void anotherUserCannotChangeSomeonesTodo(Sandbox sandbox) throws Exception {
        String id = graphql(sandbox, "Authorization", sandbox.idToken("ana"), CREATE,
                Map.of("in", Map.of("content", "call mum"))).at("/data/createTodo/id").asText();

        JsonNode refused = graphql(sandbox, "Authorization", sandbox.idToken("ben"), UPDATE,
                Map.of("in", Map.of("id", id, "done", true)));
        // As on AppSync: the owner check on a write is a condition on the item, so the refusal is a failed condition.
        assertThat(refused.at("/data/updateTodo").isNull()).isTrue();
        assertThat(refused.at("/errors/0/errorType").asText()).isEqualTo("DynamoDB:ConditionalCheckFailedException");

        JsonNode done = graphql(sandbox, "Authorization", sandbox.idToken("ana"), UPDATE,
                Map.of("in", Map.of("id", id, "done", true)));
        assertThat(done.at("/data/updateTodo/done").asBoolean()).isTrue();
    }

    @Test
    void theApiKeyCannotWrite(Sandbox sandbox) throws Exception {
        JsonNode refused = graphql(sandbox, "x-api-key", sandbox.apiKey().orElseThrow(), CREATE,
                Map.of("in", Map.of("content", "spam")));
        assertThat(refused.at("/errors/0/errorType").asText()).isEqualTo("Unauthorized");
    }

    private static JsonNode graphql(Sandbox sandbox, String header, String value, String query,
            Map<String, Object> variables) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        HttpRequest request = HttpRequest.newBuilder(sandbox.graphqlEndpoint())
                .header("content-type", "application/json")
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
