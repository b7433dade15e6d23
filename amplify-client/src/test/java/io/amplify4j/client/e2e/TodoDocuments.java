package io.amplify4j.client.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import io.amplify4j.client.AuthMode;
import io.amplify4j.client.GraphQLRequest;
import io.amplify4j.client.Page;
import io.amplify4j.client.filter.ModelCondition;
import io.amplify4j.client.filter.ModelFilter;
import io.amplify4j.client.filter.SubscriptionFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Hand-written documents for the Todo API: what generated clients hold as constants. */
final class TodoDocuments {
    static final String GET = "query GetTodo($id: ID!) { getTodo(id: $id) { " + Todo.FIELDS + " } }";
    static final String LIST = "query ListTodos($filter: ModelTodoFilterInput, $limit: Int, $nextToken: String) "
            + "{ listTodos(filter: $filter, limit: $limit, nextToken: $nextToken) { items { " + Todo.FIELDS
            + " } nextToken } }";
    static final String CREATE = "mutation CreateTodo($input: CreateTodoInput!, $condition: ModelTodoConditionInput) "
            + "{ createTodo(input: $input, condition: $condition) { " + Todo.FIELDS + " } }";
    static final String UPDATE = "mutation UpdateTodo($input: UpdateTodoInput!, $condition: ModelTodoConditionInput) "
            + "{ updateTodo(input: $input, condition: $condition) { " + Todo.FIELDS + " } }";
    static final String DELETE = "mutation DeleteTodo($input: DeleteTodoInput!, $condition: ModelTodoConditionInput) "
            + "{ deleteTodo(input: $input, condition: $condition) { " + Todo.FIELDS + " } }";
    static final String ON_CREATE = "subscription OnCreateTodo($filter: ModelSubscriptionTodoFilterInput, "
            + "$owner: String) { onCreateTodo(filter: $filter, owner: $owner) { " + Todo.FIELDS + " } }";

    private TodoDocuments() {}

    static GraphQLRequest<Todo> get(String id, Optional<AuthMode> mode) {
        GraphQLRequest.Builder<Todo> b = GraphQLRequest.builder(Todo.class).document(GET).variable("id", id)
                .responseField("getTodo");
        mode.ifPresent(b::authMode);
        return b.build();
    }

    static GraphQLRequest<Page<Todo>> list(ModelFilter<Todo> filter, Integer limit, Optional<String> nextToken,
            Optional<AuthMode> mode) {
        GraphQLRequest.Builder<Page<Todo>> b = GraphQLRequest.builder(new TypeReference<Page<Todo>>() {})
                .document(LIST).responseField("listTodos").variable("filter", filter).variable("limit", limit)
                .variable("nextToken", nextToken.orElse(null));
        mode.ifPresent(b::authMode);
        return b.build();
    }

    static GraphQLRequest<Todo> create(String content, boolean done, int priority) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("content", content);
        input.put("done", done);
        input.put("priority", priority);
        return GraphQLRequest.builder(Todo.class).document(CREATE).variable("input", input)
                .responseField("createTodo").build();
    }

    static GraphQLRequest<Todo> update(Map<String, Object> input, ModelCondition<Todo> condition) {
        return GraphQLRequest.builder(Todo.class).document(UPDATE).variable("input", input)
                .variable("condition", condition).responseField("updateTodo").build();
    }

    static GraphQLRequest<Todo> delete(String id) {
        return GraphQLRequest.builder(Todo.class).document(DELETE).variable("input", Map.of("id", id))
                .responseField("deleteTodo").build();
    }

    static GraphQLRequest<Todo> onCreate(SubscriptionFilter<Todo> filter, AuthMode mode) {
        return GraphQLRequest.builder(Todo.class).document(ON_CREATE).variable("filter", filter)
                .responseField("onCreateTodo").authMode(mode).build();
    }
}
