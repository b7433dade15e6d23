package io.amplify4j.samples.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.client.AuthMode;
import io.amplify4j.client.ConditionalCheckFailedException;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.UnauthorizedException;
import io.amplify4j.client.auth.AuthProviders;
import io.amplify4j.samples.todo.client.CreateTodoInput;
import io.amplify4j.samples.todo.client.Todo;
import io.amplify4j.samples.todo.client.TodoApi;
import io.amplify4j.samples.todo.client.UpdateTodoInput;
import io.amplify4j.sandbox.server.Sandbox;
import io.amplify4j.sandbox.server.junit.SandboxTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The todo sample on the local sandbox through its generated client ({@code TodoApi}, made by amplify:generate in
 * this module's build): owners write their own items, the API key reads everybody's.
 */
@SandboxTest(definition = TodoBackend.class, users = {"ana", "ben"}, resetData = true, logRequests = false)
class TodoBackendTest {
    private final List<GraphQLClient> clients = new ArrayList<>();

    /** The API as {@code user} (user pool, the default mode), with the API key as second mode. */
    private TodoApi as(Sandbox sandbox, String user) {
        GraphQLClient graphql = GraphQLClient.builder()
                .endpoint(sandbox.graphqlEndpoint())
                .auth(AuthProviders.userPool(() -> sandbox.idToken(user)))
                .auth(AuthMode.API_KEY, AuthProviders.apiKey(sandbox.apiKey().orElseThrow()))
                .build();
        clients.add(graphql);
        return new TodoApi(graphql);
    }

    @AfterEach
    void close() {
        clients.forEach(GraphQLClient::close);
    }

    @Test
    void ownersCreateAndTheApiKeyReadsEverybodysTodos(Sandbox sandbox) {
        TodoApi ana = as(sandbox, "ana");
        Todo created = ana.todos().create(CreateTodoInput.builder().content("buy milk").build());
        assertThat(created.done()).as("the definition's default").isFalse();
        assertThat(created.owner()).endsWith("::ana");

        List<String> listed = as(sandbox, "ben").withAuthMode(AuthMode.API_KEY).todos().listAll().stream()
                .map(Todo::content).toList();
        assertThat(listed).containsExactly("buy milk");
    }

    @Test
    void anotherUserCannotChangeSomeonesTodo(Sandbox sandbox) {
        TodoApi ana = as(sandbox, "ana");
        String id = ana.todos().create(CreateTodoInput.builder().content("call mum").build()).id();

        // As on AppSync: the owner check on a write is a condition on the item, so the refusal is a failed condition.
        assertThatThrownBy(() -> as(sandbox, "ben").todos().update(UpdateTodoInput.builder(id).done(true).build()))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(ana.todos().update(UpdateTodoInput.builder(id).done(true).build()).done()).isTrue();
    }

    @Test
    void theApiKeyCannotWrite(Sandbox sandbox) {
        TodoApi anonymous = as(sandbox, "ana").withAuthMode(AuthMode.API_KEY);
        assertThatThrownBy(() -> anonymous.todos().create(CreateTodoInput.builder().content("spam").build()))
                .isInstanceOf(UnauthorizedException.class);
    }
}
