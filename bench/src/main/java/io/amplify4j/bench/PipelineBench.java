package io.amplify4j.bench;

import static io.amplify4j.bench.Todos.ok;

import io.amplify4j.bench.TodoApi.Call;
import io.amplify4j.sandbox.datasource.DataSourceException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The todo resolvers as a user-pool owner calls them: the plan's whole generated pipeline (auth function, data
 * function, resolver) on the warm GraalJS engine, against the in-memory DynamoDB interpreter. Each benchmark has
 * two counterparts in the breakdown: the same DynamoDB request run on the data source alone ({@code store_*}), and
 * the same pipeline with a data source that answers the recorded result without touching the store
 * ({@code engine_*}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class PipelineBench {

    // ------------------------------------------------------------------------------- the whole pipeline

    @Benchmark
    public Object create(Todos.Small t) {
        return ok(t.store.api.execute("Mutation", "createTodo", Todos.CREATE, null, TodoApi.ALICE)).data();
    }

    @Benchmark
    public Object get(Todos.Small t) {
        return ok(t.store.api.execute("Query", "getTodo", Todos.get(t.aliceId()), null, TodoApi.ALICE)).data();
    }

    @Benchmark
    public Object update(Todos.Small t) {
        return ok(t.store.api.execute("Mutation", "updateTodo", Todos.update(t.aliceId(), (t.next & 1) == 0), null,
                TodoApi.ALICE)).data();
    }

    @Benchmark
    @Warmup(iterations = 12, time = 1)
    public Object list100(Todos.Small t) {
        return ok(t.store.api.execute("Query", "listTodos", Todos.list(100, null), null, TodoApi.ALICE)).data();
    }

    @Benchmark
    @Warmup(iterations = 12, time = 1)
    public Object listPage1000of10k(Todos.Large t) {
        return ok(t.store.api.execute("Query", "listTodos", Todos.list(1000, null), null, TodoApi.ALICE)).data();
    }

    /** Every not-done todo of alice's among 10,000: ten pages of 1000 evaluated items, following nextToken. */
    @Benchmark
    @Warmup(iterations = 12, time = 1)
    @Measurement(iterations = 5, time = 3)
    @SuppressWarnings("unchecked")
    public int listAll10k(Todos.Large t) {
        int found = 0;
        String token = null;
        do {
            Map<String, Object> page = (Map<String, Object>) ok(t.store.api.execute("Query", "listTodos",
                    Todos.list(1000, token), null, TodoApi.ALICE)).data();
            found += Todos.items(page).size();
            token = (String) page.get("nextToken");
        } while (token != null);
        return found;
    }

    // ------------------------------------------------------------------------------- the data source alone

    /** The captured PutItem for a fresh id, then a DeleteItem of it so the table stays the same size. */
    @Benchmark
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 3, time = 1)
    public Object store_create(Todos.Small t) throws DataSourceException {
        Map<String, Object> put = TodoApi.withKey(t.create.request(), "bench-" + t.next++);
        Object created = t.store.table.invoke(put);
        t.store.table.invoke(Map.of("operation", "DeleteItem", "key", put.get("key")));
        return created;
    }

    @Benchmark
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 3, time = 1)
    public Object store_get(Todos.Small t) throws DataSourceException {
        return t.store.table.invoke(t.get.request());
    }

    @Benchmark
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 3, time = 1)
    public Object store_update(Todos.Small t) throws DataSourceException {
        return t.store.table.invoke(t.update.request());
    }

    @Benchmark
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 3, time = 1)
    public Object store_list100(Todos.Small t) throws DataSourceException {
        return t.store.table.invoke(t.list100.request());
    }

    @Benchmark
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 3, time = 1)
    public Object store_listPage1000of10k(Todos.Large t) throws DataSourceException {
        return t.store.table.invoke(t.page1000.request());
    }

    // ------------------------------------------------------------------------------- the engine alone

    private static Object replay(Todos.Table t, Call call, String type, String field, Map<String, Object> args) {
        t.replay.canned = call.result();
        return ok(t.replay.api.execute(type, field, args, null, TodoApi.ALICE)).data();
    }

    @Benchmark
    public Object engine_create(Todos.Small t) {
        return replay(t, t.create, "Mutation", "createTodo", Todos.CREATE);
    }

    @Benchmark
    public Object engine_get(Todos.Small t) {
        return replay(t, t.get, "Query", "getTodo", Todos.get(t.store.aliceIds.get(0)));
    }

    @Benchmark
    public Object engine_update(Todos.Small t) {
        return replay(t, t.update, "Mutation", "updateTodo", Todos.update(t.store.aliceIds.get(0), true));
    }

    @Benchmark
    @Warmup(iterations = 12, time = 1)
    public Object engine_list100(Todos.Small t) {
        return replay(t, t.list100, "Query", "listTodos", Todos.list(100, null));
    }

    @Benchmark
    @Warmup(iterations = 12, time = 1)
    public Object engine_listPage1000of10k(Todos.Large t) {
        return replay(t, t.page1000, "Query", "listTodos", Todos.list(1000, null));
    }
}
