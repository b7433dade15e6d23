package io.amplify4j.sandbox.dynamodb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The sandbox's DynamoDB: a registry of in-memory tables that {@link DynamoDbDataSource}s read and write, and that
 * batch and transaction requests address by table name.
 *
 * <p>Thread-safe. Each table has one read-write lock; an operation on several tables (batch, transaction) takes
 * the locks of all of them in table-name order, so such operations are atomic and cannot deadlock. Every change is
 * first handed to the {@link Journal}, and a write returns only once the journal says it is durable.
 */
public final class DynamoDbStore {
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final Journal journal;

    /** An in-memory store. */
    public DynamoDbStore() {
        this(Journal.NONE);
    }

    /** A store that writes every change to {@code journal} before applying it. */
    public DynamoDbStore(Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /** Creates a table; fails when one with that name exists. */
    public synchronized void createTable(TableDefinition definition) {
        if (tables.containsKey(definition.name())) {
            throw new IllegalStateException("table " + definition.name() + " already exists");
        }
        tables.put(definition.name(), new Table(definition));
    }

    /** The names of all tables, sorted. */
    public Set<String> tableNames() {
        return new TreeSet<>(tables.keySet());
    }

    public Optional<TableDefinition> table(String name) {
        return Optional.ofNullable(tables.get(name)).map(t -> t.definition);
    }

    /** The number of items a table holds. */
    public long itemCount(String tableName) {
        Table table = require(tableName);
        return readLocked(List.of(tableName), table::count);
    }

    /** A data source bound to one table of this store. */
    public DynamoDbDataSource dataSource(String tableName) {
        return new DynamoDbDataSource(tableName, this);
    }

    /**
     * Applies already-validated changes without journaling them: replaying a journal into a fresh store.
     * Unknown tables fail.
     */
    public void apply(List<Mutation> mutations) {
        Set<String> names = new TreeSet<>();
        mutations.forEach(m -> names.add(m.table()));
        names.forEach(this::require);
        writeLocked(names, () -> {
            applyInMemory(mutations);
            return null;
        });
    }

    /**
     * Deletes every item of every table, keeping the tables: a test's fresh start. Each table's deletions are
     * journaled and applied as one change under its write lock.
     */
    public void clear() {
        for (String name : tableNames()) {
            Table table = require(name);
            writeLocked(List.of(name), () -> {
                List<Mutation> deletions = new ArrayList<>();
                table.view(Optional.empty()).all(Optional.empty())
                        .forEachRemaining(item -> deletions.add(Mutation.delete(name, table.keyOf(item))));
                commit(deletions);
                return null;
            });
        }
    }

    /**
     * A consistent cut for a snapshot: runs {@code action} with every item of every table (by table name) while
     * holding every table's read lock, so no write is in flight or can start; a journal can switch files inside
     * {@code action} knowing the items it got are exactly what it has journaled so far. The item maps are
     * immutable and stay valid after the locks are released.
     */
    public <T> T quiesced(Function<Map<String, List<Map<String, AttributeValue>>>, T> action) {
        Set<String> names = tableNames();
        return readLocked(names, () -> {
            Map<String, List<Map<String, AttributeValue>>> items = new java.util.TreeMap<>();
            for (String name : names) {
                List<Map<String, AttributeValue>> all = new ArrayList<>();
                require(name).view(Optional.empty()).all(Optional.empty()).forEachRemaining(all::add);
                items.put(name, all);
            }
            return action.apply(items);
        });
    }

    // ------------------------------------------------------------------------------------------ internals

    Table require(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw DynamoDbError.resourceNotFound();
        }
        return table;
    }

    /** Journals then applies changes; the caller holds the write locks of the tables involved. */
    void commit(List<Mutation> mutations) {
        if (mutations.isEmpty()) {
            return;
        }
        journal.append(List.copyOf(mutations));
        applyInMemory(mutations);
    }

    private void applyInMemory(List<Mutation> mutations) {
        for (Mutation mutation : mutations) {
            Table table = require(mutation.table());
            if (mutation.item().isPresent()) {
                table.put(mutation.item().get());
            } else {
                table.delete(mutation.key());
            }
        }
    }

    <T> T writeLocked(Collection<String> tableNames, Supplier<T> action) {
        return locked(tableNames, true, action);
    }

    <T> T readLocked(Collection<String> tableNames, Supplier<T> action) {
        return locked(tableNames, false, action);
    }

    private <T> T locked(Collection<String> tableNames, boolean write, Supplier<T> action) {
        List<Lock> locks = new ArrayList<>();
        for (String name : new TreeSet<>(tableNames)) {
            Table table = require(name);
            locks.add(write ? table.lock.writeLock() : table.lock.readLock());
        }
        int acquired = 0;
        T result;
        try {
            for (Lock lock : locks) {
                lock.lock();
                acquired++;
            }
            result = action.get();
        } finally {
            for (int i = acquired - 1; i >= 0; i--) {
                locks.get(i).unlock();
            }
        }
        if (write) {
            // After the locks: writes to one table share a flush instead of taking turns holding the lock.
            journal.awaitDurable();
        }
        return result;
    }
}
