package io.amplify4j.bench;

import io.amplify4j.sandbox.datasource.DataSourceException;
import io.amplify4j.sandbox.dynamodb.DynamoDbStore;
import io.amplify4j.sandbox.dynamodb.KeyAttribute;
import io.amplify4j.sandbox.dynamodb.TableDefinition;
import io.amplify4j.sandbox.persistence.PersistentTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What durability costs: a PutItem of a todo-sized item (about 200 bytes) on the sandbox's DynamoDB store, in memory
 * and with a data directory (write-ahead log, {@code fsync} before the write returns), from one thread and from
 * eight. With eight threads the writes go either to one table (its lock serializes them, one {@code fsync} each) or
 * to eight tables (group commit: writes waiting together share one {@code fsync}). The log lives under
 * {@code bench/target}, on the machine's disk.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PersistenceBench {
    static final int TABLES = 8;

    @State(Scope.Benchmark)
    public static class Store {
        @Param({"memory", "wal"})
        public String mode;

        DynamoDbStore store;
        PersistentTables tables;
        Path directory;
        final AtomicLong ids = new AtomicLong();
        final AtomicInteger threads = new AtomicInteger();

        @Setup(Level.Trial)
        public void open() throws IOException {
            if (mode.equals("wal")) {
                Files.createDirectories(Path.of("target"));
                directory = Files.createTempDirectory(Path.of("target"), "persistence-bench");
                tables = PersistentTables.in(directory, PersistentTables.DEFAULT_COMPACTION_BYTES, line -> {});
                store = new DynamoDbStore(tables);
            } else {
                store = new DynamoDbStore();
            }
            for (int t = 0; t < TABLES; t++) {
                store.createTable(TableDefinition.of("Todo" + t, KeyAttribute.string("id")));
            }
            if (tables != null) {
                tables.recover(store);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            if (tables != null) {
                tables.close();
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }

        Map<String, Object> put(long id) {
            return Map.of("operation", "PutItem",
                    "key", Map.of("id", Map.of("S", "todo-" + id)),
                    "attributeValues", Map.of(
                            "content", Map.of("S", "Buy milk and bread on the way home, number " + id),
                            "done", Map.of("BOOL", false),
                            "priority", Map.of("N", "3"),
                            "owner", Map.of("S", "0b6c1f0e-4f5a-4c8e-9d57-5e8a4cbb9a10::alice"),
                            "createdAt", Map.of("S", "2026-11-26T10:00:00.000Z"),
                            "updatedAt", Map.of("S", "2026-11-26T10:00:00.000Z"),
                            "__typename", Map.of("S", "Todo")));
        }
    }

    /** Each thread writes its own table (of eight), so concurrent writes can share an fsync. */
    @State(Scope.Thread)
    public static class OwnTable {
        String table;

        @Setup(Level.Trial)
        public void pick(Store store) {
            table = "Todo" + (store.threads.getAndIncrement() % TABLES);
        }
    }

    @Benchmark
    @Threads(1)
    public Object put_1thread(Store store) throws DataSourceException {
        return store.store.dataSource("Todo0").invoke(store.put(store.ids.incrementAndGet()));
    }

    @Benchmark
    @Threads(8)
    public Object put_8threads_oneTable(Store store) throws DataSourceException {
        return store.store.dataSource("Todo0").invoke(store.put(store.ids.incrementAndGet()));
    }

    @Benchmark
    @Threads(8)
    public Object put_8threads_8tables(Store store, OwnTable own) throws DataSourceException {
        return store.store.dataSource(own.table).invoke(store.put(store.ids.incrementAndGet()));
    }
}
