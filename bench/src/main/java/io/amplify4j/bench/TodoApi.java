package io.amplify4j.bench;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.resolver.DataSourcePlan;
import io.amplify4j.plan.resolver.ResolverNames;
import io.amplify4j.sandbox.datasource.DataSource;
import io.amplify4j.sandbox.datasource.DataSourceException;
import io.amplify4j.sandbox.js.ResolverResult;
import io.amplify4j.sandbox.runtime.Caller;
import io.amplify4j.sandbox.runtime.PlanResolvers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The todo fixture backend made runnable for benchmarks: the plan's own pipelines, a table seeded with todos, and
 * the DynamoDB requests and results of each measured operation, captured from one real run so the data source can
 * be timed alone with exactly the requests the generated code sends (and replayed to time the pipeline without it).
 */
public final class TodoApi implements AutoCloseable {
    static final String ISSUER = "https://cognito-idp.local/bench-pool";
    static final Caller ALICE = Caller.user(ISSUER, "sub-a", "alice", List.of());
    static final Caller BOB = Caller.user(ISSUER, "sub-b", "bob", List.of());
    static final DataPlan PLAN = BackendPlan.of(new TodoBackend().define()).data().orElseThrow();

    /** One DynamoDB data source call: the request the generated code built and what the store answered. */
    record Call(Map<String, Object> request, Object result) {}

    /** Whether DynamoDB data sources run against the store or answer {@link #canned} without touching it. */
    enum Mode { STORE, REPLAY }

    final PlanResolvers api;
    /** The real data source of the todo table, for timing the store alone. */
    DataSource table;
    /** The todo ids in the table, alice's and bob's. */
    final List<String> ids = new ArrayList<>();
    final List<String> aliceIds = new ArrayList<>();

    private final Mode mode;
    private Call last;
    volatile Object canned;

    TodoApi(Mode mode) {
        this.mode = mode;
        this.api = PlanResolvers.builder(PLAN)
                .env(ResolverNames.USER_POOL_ISSUER_ENV, ISSUER)
                .wrapDataSources(this::wrap)
                .build();
    }

    private DataSource wrap(DataSourcePlan plan, DataSource dataSource) {
        if (plan.kind() != DataSourcePlan.Kind.DYNAMODB) {
            return dataSource;
        }
        table = dataSource;
        if (mode == Mode.REPLAY) {
            return request -> canned;
        }
        return request -> {
            Object result = dataSource.invoke(request);
            last = new Call(request, result);
            return result;
        };
    }

    /** Fills the table with {@code count} todos: three in four are alice's, every other one is done. */
    TodoApi seed(int count) {
        if (mode == Mode.REPLAY) {
            throw new IllegalStateException("a replaying api has no store to seed");
        }
        Call template = capture(() -> api.execute("Mutation", "createTodo",
                Map.of("input", Map.of("content", "template", "done", false)), null, ALICE));
        invoke(deleteOf(template));
        for (int i = 0; i < count; i++) {
            String id = String.format("todo-%06d", i);
            boolean alice = i % 4 != 3;
            Map<String, Object> request = withItem(template.request(), id, alice ? "sub-a::alice" : "sub-b::bob",
                    "todo number " + i, i % 2 == 0);
            invoke(request);
            ids.add(id);
            if (alice) {
                aliceIds.add(id);
            }
        }
        return this;
    }

    /** Runs one resolver and returns the DynamoDB call it made; fails when the resolver reported an error. */
    Call capture(java.util.function.Supplier<ResolverResult> run) {
        last = null;
        ResolverResult result = run.get();
        if (!result.ok()) {
            throw new IllegalStateException("The resolver failed: " + result.errors());
        }
        if (last == null) {
            throw new IllegalStateException("The resolver made no DynamoDB call");
        }
        return last;
    }

    Object invoke(Map<String, Object> request) {
        try {
            return table.invoke(request);
        } catch (DataSourceException e) {
            throw new IllegalStateException(e.type() + ": " + e.getMessage(), e);
        }
    }

    /** A PutItem request like {@code template}, for another item. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withItem(Map<String, Object> template, String id, String owner, String content,
            boolean done) {
        Map<String, Object> request = new LinkedHashMap<>(template);
        request.put("key", Map.of("id", Map.of("S", id)));
        Map<String, Object> values = new LinkedHashMap<>((Map<String, Object>) template.get("attributeValues"));
        values.put("owner", Map.of("S", owner));
        values.put("content", Map.of("S", content));
        values.put("done", Map.of("BOOL", done));
        request.put("attributeValues", values);
        return request;
    }

    /** A PutItem request like {@code template} with another key only. */
    static Map<String, Object> withKey(Map<String, Object> template, String id) {
        Map<String, Object> request = new LinkedHashMap<>(template);
        request.put("key", Map.of("id", Map.of("S", id)));
        return request;
    }

    private static Map<String, Object> deleteOf(Call put) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("operation", "DeleteItem");
        request.put("key", put.request().get("key"));
        return request;
    }

    @Override
    public void close() {
        api.close();
    }
}
