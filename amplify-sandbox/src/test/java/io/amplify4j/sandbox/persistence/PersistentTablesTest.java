package io.amplify4j.sandbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.sandbox.datasource.DataSourceException;
import io.amplify4j.sandbox.dynamodb.AttributeValue;
import io.amplify4j.sandbox.dynamodb.DynamoDbStore;
import io.amplify4j.sandbox.dynamodb.KeyAttribute;
import io.amplify4j.sandbox.dynamodb.TableDefinition;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead log and snapshots in one process: restart, torn and corrupted tails, compaction, damage. */
class PersistentTablesTest {
    private static final ObjectMapper JSON = new ObjectMapper().configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);

    @TempDir
    Path dir;

    /** A store over the directory, recovered, with the tables Todo (id) and Event (pk, sk:N). */
    private record Opened(PersistentTables tables, DynamoDbStore store, PersistentTables.Recovery recovery)
            implements AutoCloseable {
        Object run(String table, String request) {
            try {
                return store.dataSource(table).invoke(JSON.readValue(request, new TypeReference<Map<String, Object>>() {}));
            } catch (DataSourceException e) {
                throw new AssertionError(e.type() + ": " + e.getMessage(), e);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(request, e);
            }
        }

        Map<String, List<Map<String, AttributeValue>>> items() {
            return store.quiesced(items -> items);
        }

        @Override
        public void close() {
            tables.close();
        }
    }

    private Opened open(long compactionBytes, boolean withEvents) {
        PersistentTables tables = PersistentTables.in(dir, compactionBytes, line -> {});
        DynamoDbStore store = new DynamoDbStore(tables);
        store.createTable(TableDefinition.of("Todo", KeyAttribute.string("id")));
        if (withEvents) {
            store.createTable(TableDefinition.of("Event", KeyAttribute.string("pk"), KeyAttribute.number("sk")));
        }
        return new Opened(tables, store, tables.recover(store));
    }

    private Opened open() {
        return open(PersistentTables.DEFAULT_COMPACTION_BYTES, true);
    }

    private static String put(String id, String content) {
        return "{'operation':'PutItem','key':{'id':{'S':'" + id + "'}},'attributeValues':{'content':{'S':'"
                + content + "'}}}";
    }

    private Path onlyLog() throws Exception {
        try (var files = Files.list(dir)) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().startsWith("wal-")).toList();
            assertThat(logs).hasSize(1);
            return logs.get(0);
        }
    }

    @Test
    void everyWriteAndEveryTypeSurvivesARestartExactly() {
        Map<String, List<Map<String, AttributeValue>>> before;
        try (Opened first = open()) {
            first.run("Todo", "{'operation':'PutItem','key':{'id':{'S':'all-types'}},'attributeValues':{"
                    + "'s':{'S':'text ü €'},'n':{'N':'-12.50'},'big':{'N':'1E+30'},'b':{'B':'AAEC/w=='},"
                    + "'t':{'BOOL':true},'f':{'BOOL':false},'nul':{'NULL':true},"
                    + "'m':{'M':{'inner':{'L':[{'N':'1'},{'S':'x'},{'M':{}}]}}},'l':{'L':[]},"
                    + "'ss':{'SS':['b','a']},'ns':{'NS':['3','1.5']},'bs':{'BS':['AQ==','Ag==']},"
                    + "'long':{'S':'" + "x".repeat(100_000) + "'}}}");
            first.run("Todo", put("gone", "deleted later"));
            first.run("Todo", "{'operation':'UpdateItem','key':{'id':{'S':'u'}},'update':{'expression':'SET #c = :c',"
                    + "'expressionNames':{'#c':'content'},'expressionValues':{':c':{'S':'updated'}}}}");
            first.run("Todo", "{'operation':'DeleteItem','key':{'id':{'S':'gone'}}}");
            first.run("Todo", "{'operation':'TransactWriteItems','transactItems':["
                    + "{'table':'Todo','operation':'PutItem','key':{'id':{'S':'tx'}}},"
                    + "{'table':'Event','operation':'PutItem','key':{'pk':{'S':'e'},'sk':{'N':'1'}}}]}");
            before = first.items();
        }
        try (Opened second = open()) {
            assertThat(second.recovery().logRecords()).isEqualTo(5);
            assertThat(second.recovery().damage()).isEmpty();
            assertThat(second.items()).isEqualTo(before);
            assertThat(second.items().get("Todo")).extracting(item -> item.get("id"))
                    .containsExactlyInAnyOrder(new AttributeValue.S("all-types"), new AttributeValue.S("u"),
                            new AttributeValue.S("tx"));
            // and it keeps accepting writes that survive the next restart
            second.run("Todo", put("after", "restart"));
        }
        try (Opened third = open()) {
            assertThat(third.items().get("Todo")).hasSize(4);
        }
    }

    @Test
    void aTornTailIsCutAndOnlyTheUnacknowledgedWriteIsLost() throws Exception {
        try (Opened first = open()) {
            first.run("Todo", put("1", "one"));
            first.run("Todo", put("2", "two"));
            // The last record is a two-table transaction: after the cut it must be gone as a whole (D5).
            first.run("Todo", "{'operation':'TransactWriteItems','transactItems':["
                    + "{'table':'Todo','operation':'PutItem','key':{'id':{'S':'3'}}},"
                    + "{'table':'Event','operation':'PutItem','key':{'pk':{'S':'e'},'sk':{'N':'3'}}}]}");
        }
        Path log = onlyLog();
        long size = Files.size(log);
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(size - 7); // a crash in the middle of the last write
        }

        try (Opened second = open()) {
            assertThat(second.items().get("Todo")).hasSize(2);
            assertThat(second.items().get("Event")).isEmpty();
            assertThat(second.recovery().damage()).singleElement().asString()
                    .contains("dropped").contains("cut short");
            second.run("Todo", put("4", "four"));
        }
        try (Opened third = open()) {
            assertThat(third.items().get("Todo")).extracting(item -> item.get("id")).containsExactlyInAnyOrder(
                    new AttributeValue.S("1"), new AttributeValue.S("2"), new AttributeValue.S("4"));
            assertThat(third.recovery().damage()).isEmpty();
        }
    }

    @Test
    void aCorruptedLastRecordIsDetectedByItsChecksum() throws Exception {
        try (Opened first = open()) {
            first.run("Todo", put("1", "one"));
            first.run("Todo", put("2", "two"));
        }
        Path log = onlyLog();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.seek(file.length() - 3);
            int b = file.read();
            file.seek(file.length() - 3);
            file.write(b ^ 0x5A);
        }
        try (Opened second = open()) {
            assertThat(second.items().get("Todo")).extracting(item -> item.get("id"))
                    .containsExactly(new AttributeValue.S("1"));
            assertThat(second.recovery().damage()).singleElement().asString().contains("checksum");
        }
    }

    @Test
    void aLogCutInsideItsHeaderOrLeftEmptyStartsAfresh() throws Exception {
        try (Opened first = open()) {
            assertThat(first.items().get("Todo")).isEmpty();
        }
        Path log = onlyLog();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(3);
        }
        try (Opened second = open()) {
            second.run("Todo", put("1", "one"));
        }
        try (Opened third = open()) {
            assertThat(third.items().get("Todo")).hasSize(1);
        }
    }

    @Test
    void compactionWritesASnapshotStartsANewLogAndLosesNothing() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Opened first = open(4096, true)) {
            for (int i = 0; i < 300; i++) {
                first.run("Todo", put("id-" + i, "content " + i));
                ids.add("id-" + i);
            }
            first.tables().compact();
            first.run("Todo", "{'operation':'DeleteItem','key':{'id':{'S':'id-0'}}}");
            ids.remove("id-0");
        }
        try (var files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(2).allMatch(n -> n.startsWith("snapshot-") || n.startsWith("wal-"));
        }
        try (Opened second = open(4096, true)) {
            assertThat(second.recovery().snapshotItems()).isGreaterThan(0);
            assertThat(second.items().get("Todo")).extracting(item -> ((AttributeValue.S) item.get("id")).value())
                    .containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void aCrashDuringCompactionLeavesFilesThatRecoverToTheSameItems() throws Exception {
        Path copy = Files.createTempDirectory(dir.getParent(), "copy");
        try (Opened first = open()) {
            first.run("Todo", put("1", "one"));
            first.run("Todo", put("2", "two"));
            // Keep the files as they were before compaction: the old log, and no snapshot yet.
            for (Path file : first.tables().files()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
            first.tables().compact();
            first.run("Todo", put("3", "three"));
            for (Path file : first.tables().files()) {
                Files.copy(file, copy.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // The copy holds the new snapshot and log, the old log the snapshot covers and a half-written snapshot.
        Files.writeString(copy.resolve("snapshot-000000000009.a4j.tmp"), "half");
        PersistentTables tables = PersistentTables.in(copy, PersistentTables.DEFAULT_COMPACTION_BYTES, l -> {});
        DynamoDbStore store = new DynamoDbStore(tables);
        store.createTable(TableDefinition.of("Todo", KeyAttribute.string("id")));
        store.createTable(TableDefinition.of("Event", KeyAttribute.string("pk"), KeyAttribute.number("sk")));
        tables.recover(store);
        try {
            assertThat(store.itemCount("Todo")).isEqualTo(3);
            assertThat(tables.files()).extracting(f -> f.getFileName().toString())
                    .noneMatch(n -> n.endsWith(".tmp")).hasSize(2);
        } finally {
            tables.close();
        }
    }

    @Test
    void aDamagedSnapshotStopsTheStartWithAClearMessage() throws Exception {
        try (Opened first = open()) {
            first.run("Todo", put("1", "one"));
            first.tables().compact();
        }
        Path snapshot;
        try (var files = Files.list(dir)) {
            snapshot = files.filter(f -> f.getFileName().toString().startsWith("snapshot-")).findFirst().orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(snapshot.toFile(), "rw")) {
            file.setLength(file.length() - 2);
        }
        assertThatThrownBy(this::open)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(snapshot.getFileName().toString())
                .hasMessageContaining("is damaged")
                .hasMessageContaining("move it out of the data directory");
    }

    @Test
    void concurrentWritersWhileCompactionsRunLoseNothing() throws Exception {
        int threads = 6;
        int perThread = 250;
        try (Opened first = open(8 * 1024, true)) {
            List<Thread> writers = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread writer = new Thread(() -> {
                    try {
                        for (int i = 0; i < perThread; i++) {
                            // Half to one table (one lock, shared flushes), half spread over both tables.
                            if (thread % 2 == 0 || i % 2 == 0) {
                                first.run("Todo", put(thread + "-" + i, "content " + i));
                            } else {
                                first.run("Event", "{'operation':'PutItem','key':{'pk':{'S':'" + thread
                                        + "'},'sk':{'N':'" + i + "'}}}");
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                writers.add(writer);
                writer.start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(failures).isEmpty();
            assertThat(first.store().itemCount("Todo") + first.store().itemCount("Event"))
                    .isEqualTo((long) threads * perThread);
        }
        try (Opened second = open(8 * 1024, true)) {
            assertThat(second.recovery().snapshotItems()).isPositive();
            assertThat(second.store().itemCount("Todo") + second.store().itemCount("Event"))
                    .isEqualTo((long) threads * perThread);
        }
    }

    @Test
    void changesToATableNoLongerDefinedAreSkippedAndReported() {
        try (Opened first = open()) {
            first.run("Event", "{'operation':'PutItem','key':{'pk':{'S':'e'},'sk':{'N':'1'}}}");
            first.run("Todo", put("1", "one"));
        }
        try (Opened second = open(PersistentTables.DEFAULT_COMPACTION_BYTES, false)) {
            assertThat(second.items()).containsOnlyKeys("Todo");
            assertThat(second.recovery().skippedMutations()).isEqualTo(1);
            assertThat(second.recovery().describe()).contains("1 changes to tables no longer defined skipped");
        }
    }

    @Test
    void writesBeforeRecoveryAndAfterCloseAreRefused() {
        PersistentTables tables = PersistentTables.in(dir, PersistentTables.DEFAULT_COMPACTION_BYTES, l -> {});
        DynamoDbStore store = new DynamoDbStore(tables);
        store.createTable(TableDefinition.of("Todo", KeyAttribute.string("id")));
        assertThatThrownBy(() -> store.dataSource("Todo").invoke(Map.of("operation", "PutItem",
                "key", Map.of("id", Map.of("S", "1")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("recover");
        tables.recover(store);
        tables.close();
        assertThatThrownBy(() -> store.dataSource("Todo").invoke(Map.of("operation", "PutItem",
                "key", Map.of("id", Map.of("S", "1")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(store.itemCount("Todo")).isZero();
    }
}
