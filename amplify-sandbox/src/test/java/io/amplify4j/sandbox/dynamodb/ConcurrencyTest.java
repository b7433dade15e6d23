package io.amplify4j.sandbox.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.datasource.DataSourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Concurrent writers: bounded loops on several threads; results are checked, never timings. */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private final Fixtures fixtures = new Fixtures();

    private <T> List<T> onThreads(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentAtomicCountersLoseNoIncrement() throws Exception {
        DynamoDbDataSource todo = fixtures.table("Todo");
        onThreads(THREADS, () -> {
            for (int i = 0; i < 250; i++) {
                todo.invoke(Json.obj("{'operation':'UpdateItem','key':{'id':{'S':'counter'}},'update':{"
                        + "'expression':'ADD #c :one','expressionNames':{'#c':'count'},"
                        + "'expressionValues':{':one':{'N':'1'}}}}"));
            }
            return null;
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> counter = (Map<String, Object>) fixtures.get("Todo", "{'id':{'S':'counter'}}");
        assertThat(counter.get("count")).isEqualTo((long) THREADS * 250);
    }

    @Test
    void conditionalCreateHasExactlyOneWinner() throws Exception {
        DynamoDbDataSource todo = fixtures.table("Todo");
        AtomicInteger next = new AtomicInteger();
        List<Boolean> won = onThreads(THREADS, () -> {
            int me = next.incrementAndGet();
            try {
                todo.invoke(Json.obj("{'operation':'PutItem','key':{'id':{'S':'only'}},'attributeValues':{"
                        + "'by':{'N':'" + me + "'}},'condition':{'expression':'attribute_not_exists(id)'}}"));
                return true;
            } catch (DataSourceException e) {
                assertThat(e.type()).isEqualTo("DynamoDB:ConditionalCheckFailedException");
                return false;
            }
        });
        assertThat(won.stream().filter(w -> w).count()).isEqualTo(1);
    }

    @Test
    void concurrentTransfersKeepTheTotalAndReadersSeeConsistentSnapshots() throws Exception {
        int accounts = 5;
        for (int i = 0; i < accounts; i++) {
            fixtures.put("Todo", "{'id':{'S':'acc" + i + "'},'balance':{'N':'100'}}");
        }
        fixtures.put("Event", "{'pk':{'S':'ledger'},'sk':{'N':'0'},'transfers':{'N':'0'}}");
        DynamoDbDataSource todo = fixtures.table("Todo");
        AtomicInteger seed = new AtomicInteger();
        List<int[]> outcomes = onThreads(THREADS, () -> {
            int thread = seed.getAndIncrement();
            int committed = 0;
            int inconsistentReads = 0;
            for (int i = 0; i < 150; i++) {
                if (thread % 4 == 3) {
                    // Reader: a transactional read of every account must always sum to the total.
                    StringBuilder gets = new StringBuilder();
                    for (int a = 0; a < accounts; a++) {
                        gets.append(a == 0 ? "" : ",").append("{'table':'Todo','key':{'id':{'S':'acc").append(a)
                                .append("'}}}");
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> read = (Map<String, Object>) todo.invoke(Json.obj(
                            "{'operation':'TransactGetItems','transactItems':[" + gets + "]}"));
                    long sum = 0;
                    for (Object item : (List<?>) read.get("items")) {
                        sum += (Long) ((Map<?, ?>) item).get("balance");
                    }
                    if (sum != accounts * 100L) {
                        inconsistentReads++;
                    }
                    continue;
                }
                int from = (thread * 7 + i) % accounts;
                int to = (from + 1 + (i % (accounts - 1))) % accounts;
                int amount = 1 + (i * 13 + thread) % 40;
                try {
                    todo.invoke(Json.obj(transfer(from, to, amount, i % 2 == 0)));
                    committed++;
                } catch (DataSourceException e) {
                    assertThat(e.type()).isEqualTo("DynamoDB:TransactionCanceledException");
                }
            }
            return new int[] {committed, inconsistentReads};
        });
        long total = 0;
        for (int i = 0; i < accounts; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> account = (Map<String, Object>) fixtures.get("Todo", "{'id':{'S':'acc" + i + "'}}");
            long balance = (Long) account.get("balance");
            assertThat(balance).isGreaterThanOrEqualTo(0);
            total += balance;
        }
        assertThat(total).isEqualTo(accounts * 100L);
        assertThat(outcomes.stream().mapToInt(o -> o[1]).sum()).isZero();
        int committed = outcomes.stream().mapToInt(o -> o[0]).sum();
        @SuppressWarnings("unchecked")
        Map<String, Object> ledger = (Map<String, Object>) fixtures.get("Event", "{'pk':{'S':'ledger'},'sk':{'N':'0'}}");
        assertThat(ledger.get("transfers")).isEqualTo((long) committed);
    }

    /** A transfer that also counts itself in the Event table; the item order varies so locks are taken in any order. */
    private static String transfer(int from, int to, int amount, boolean ledgerFirst) {
        String ledger = "{'table':'Event','operation':'UpdateItem','key':{'pk':{'S':'ledger'},'sk':{'N':'0'}},"
                + "'update':{'expression':'ADD transfers :one','expressionValues':{':one':{'N':'1'}}}}";
        String debit = "{'table':'Todo','operation':'UpdateItem','key':{'id':{'S':'acc" + from + "'}},"
                + "'update':{'expression':'SET balance = balance - :a','expressionValues':{':a':{'N':'" + amount
                + "'}}},'condition':{'expression':'balance >= :a','expressionValues':{':a':{'N':'" + amount + "'}}}}";
        String credit = "{'table':'Todo','operation':'UpdateItem','key':{'id':{'S':'acc" + to + "'}},"
                + "'update':{'expression':'SET balance = balance + :a','expressionValues':{':a':{'N':'" + amount
                + "'}}}}";
        String items = ledgerFirst ? ledger + "," + debit + "," + credit : debit + "," + credit + "," + ledger;
        return "{'operation':'TransactWriteItems','transactItems':[" + items + "]}";
    }

    @Test
    void concurrentPutsAndDeletesKeepIndexesInStepWithTheTable() throws Exception {
        DynamoDbDataSource todo = fixtures.table("Todo");
        AtomicInteger seed = new AtomicInteger();
        onThreads(THREADS, () -> {
            int thread = seed.getAndIncrement();
            for (int i = 0; i < 200; i++) {
                String id = "t" + ((thread * 31 + i) % 40);
                if (i % 3 == 2) {
                    todo.invoke(Json.obj("{'operation':'DeleteItem','key':{'id':{'S':'" + id + "'}}}"));
                } else {
                    todo.invoke(Json.obj("{'operation':'PutItem','key':{'id':{'S':'" + id + "'}},'attributeValues':{"
                            + "'owner':{'S':'o" + (i % 3) + "'},'createdAt':{'S':'" + thread + "-" + i + "'}}}"));
                }
            }
            return null;
        });
        long tableCount = fixtures.store.itemCount("Todo");
        long indexed = 0;
        for (int owner = 0; owner < 3; owner++) {
            Map<String, Object> page = fixtures.runMap("Todo", "{'operation':'Query','index':'byOwner','query':{"
                    + "'expression':'#o = :o','expressionNames':{'#o':'owner'},'expressionValues':{':o':{'S':'o"
                    + owner + "'}}}}");
            for (Object item : (List<?>) page.get("items")) {
                Map<?, ?> indexedItem = (Map<?, ?>) item;
                assertThat(Json.canon(fixtures.get("Todo", "{'id':{'S':'" + indexedItem.get("id") + "'}}")))
                        .isEqualTo(Json.canon(indexedItem));
                indexed++;
            }
        }
        assertThat(indexed).isEqualTo(tableCount);
    }
}
