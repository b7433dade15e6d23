package io.amplify4j.sandbox.persistence;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.sandbox.dynamodb.DynamoDbStore;
import io.amplify4j.sandbox.dynamodb.KeyAttribute;
import io.amplify4j.sandbox.dynamodb.TableDefinition;
import io.amplify4j.sandbox.server.Sandbox;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process {@link KillNineTest} kills: a sandbox with a data directory serving HTTP, plus a loop writing
 * five-item transactions and batches straight to a second persistent store, printing {@code ACK <n>} after each
 * one returns. It prints {@code READY <port>} when it serves, and runs until it is killed.
 */
public final class CrashChild {
    /** The items each transaction or batch writes. */
    static final int PARTS = 5;

    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        PrintStream out = System.out;
        Sandbox sandbox = Sandbox.builder(new TodoBackend())
                .dataDirectory(root.resolve("sandbox"))
                .compactionBytes(256 * 1024) // compactions happen during the load, so the kill may land in one
                .user("crash", "crash-password-1")
                .requestLog(line -> {})
                .banner(null)
                .start();

        PersistentTables tables = PersistentTables.in(root.resolve("ledger"), 64 * 1024, line -> {});
        DynamoDbStore store = new DynamoDbStore(tables);
        store.createTable(TableDefinition.of("Ledger", KeyAttribute.string("id")));
        tables.recover(store);
        synchronized (out) {
            out.println("READY " + sandbox.port());
            out.flush();
        }
        for (long n = 0; ; n++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int part = 0; part < PARTS; part++) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", Map.of("S", n + "-" + part));
                item.put("group", Map.of("N", Long.toString(n)));
                item.put("part", Map.of("N", Integer.toString(part)));
                item.put("payload", Map.of("S", "x".repeat(200)));
                items.add(item);
            }
            Map<String, Object> request = new LinkedHashMap<>();
            if (n % 2 == 0) {
                request.put("operation", "TransactWriteItems");
                request.put("transactItems", items.stream().map(item -> Map.of("table", "Ledger",
                        "operation", "PutItem", "key", Map.of("id", item.get("id")), "attributeValues",
                        item)).toList());
            } else {
                request.put("operation", "BatchPutItem");
                request.put("tables", Map.of("Ledger", items));
            }
            store.dataSource("Ledger").invoke(request);
            synchronized (out) {
                out.println("ACK " + n);
                out.flush();
            }
        }
    }
}
