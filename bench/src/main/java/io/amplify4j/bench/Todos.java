package io.amplify4j.bench;

import io.amplify4j.bench.TodoApi.Call;
import io.amplify4j.bench.TodoApi.Mode;
import io.amplify4j.sandbox.js.ResolverResult;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The benchmark states: a small and a large todo table, each with a replaying twin and the captured calls. */
public final class Todos {
    static final int SMALL = 300;
    static final int LARGE = 10_000;
    static final Map<String, Object> CREATE = Map.of("input", Map.of("content", "bench", "done", false));

    private Todos() {}

    static Map<String, Object> get(String id) {
        return Map.of("id", id);
    }

    static Map<String, Object> update(String id, boolean flip) {
        return Map.of("input", Map.of("id", id, "content", flip ? "bench a" : "bench b"));
    }

    /** Not-done todos, {@code limit} items evaluated per page. */
    static Map<String, Object> list(int limit, String nextToken) {
        return nextToken == null
                ? Map.of("filter", Map.of("done", Map.of("eq", false)), "limit", limit)
                : Map.of("filter", Map.of("done", Map.of("eq", false)), "limit", limit, "nextToken", nextToken);
    }

    static ResolverResult ok(ResolverResult result) {
        if (!result.ok()) {
            throw new IllegalStateException(result.errors().toString());
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    static List<Object> items(Object listResult) {
        return (List<Object>) ((Map<String, Object>) listResult).get("items");
    }

    /** What both tables share: the store-backed api, its replaying twin, and a counter for fresh ids. */
    public abstract static class Table {
        TodoApi store;
        TodoApi replay;
        int next;

        void start(int count) {
            store = new TodoApi(Mode.STORE).seed(count);
            replay = new TodoApi(Mode.REPLAY);
        }

        String aliceId() {
            next++;
            return store.aliceIds.get(next % store.aliceIds.size());
        }

        @TearDown(Level.Trial)
        public void stop() {
            store.close();
            replay.close();
        }
    }

    /** {@value #SMALL} todos: create, get, update, and a filtered list of 100. */
    @State(Scope.Benchmark)
    public static class Small extends Table {
        Call create;
        Call get;
        Call update;
        Call list100;

        @Setup(Level.Trial)
        public void setup() {
            start(SMALL);
            String id = store.aliceIds.get(0);
            create = store.capture(() -> store.api.execute("Mutation", "createTodo", CREATE, null, TodoApi.ALICE));
            get = store.capture(() -> store.api.execute("Query", "getTodo", get(id), null, TodoApi.ALICE));
            update = store.capture(() -> store.api.execute("Mutation", "updateTodo", update(id, true), null,
                    TodoApi.ALICE));
            list100 = store.capture(() -> store.api.execute("Query", "listTodos", list(100, null), null,
                    TodoApi.ALICE));
            if (items(list100.result()).isEmpty()) {
                throw new IllegalStateException("the list benchmark would list nothing");
            }
        }
    }

    /** {@value #LARGE} todos: filtered lists of pages of 1000, the most the generated code allows. */
    @State(Scope.Benchmark)
    public static class Large extends Table {
        Call page1000;

        @Setup(Level.Trial)
        public void setup() {
            start(LARGE);
            page1000 = store.capture(() -> store.api.execute("Query", "listTodos", list(1000, null), null,
                    TodoApi.ALICE));
        }
    }
}
