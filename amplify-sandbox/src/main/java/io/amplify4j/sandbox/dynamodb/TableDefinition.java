package io.amplify4j.sandbox.dynamodb;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A table: its name, primary key and global secondary indexes. */
public record TableDefinition(
        String name,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        List<GlobalSecondaryIndex> globalSecondaryIndexes) {

    public TableDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        if (sortKey.isPresent() && sortKey.get().name().equals(partitionKey.name())) {
            throw new IllegalArgumentException("table " + name + ": partition and sort key must differ");
        }
        Set<String> names = new HashSet<>();
        for (GlobalSecondaryIndex index : globalSecondaryIndexes) {
            if (!names.add(index.name())) {
                throw new IllegalArgumentException("table " + name + ": two indexes named " + index.name());
            }
            List<KeyAttribute> tableKeys = sortKey.map(sk -> List.of(partitionKey, sk))
                    .orElseGet(() -> List.of(partitionKey));
            checkKeyType(name, tableKeys, index.partitionKey());
            index.sortKey().ifPresent(k -> checkKeyType(name, tableKeys, k));
        }
    }

    private static void checkKeyType(String name, List<KeyAttribute> tableKeys, KeyAttribute indexKey) {
        // An attribute that is a key of the table and of an index must have one type.
        for (KeyAttribute tableKey : tableKeys) {
            if (tableKey.name().equals(indexKey.name()) && tableKey.type() != indexKey.type()) {
                throw new IllegalArgumentException("table " + name + ": attribute " + indexKey.name()
                        + " is declared as " + tableKey.type() + " and " + indexKey.type());
            }
        }
    }

    /** A table with a partition key only. */
    public static TableDefinition of(String name, KeyAttribute partitionKey) {
        return new TableDefinition(name, partitionKey, Optional.empty(), List.of());
    }

    /** A table with a partition and a sort key. */
    public static TableDefinition of(String name, KeyAttribute partitionKey, KeyAttribute sortKey) {
        return new TableDefinition(name, partitionKey, Optional.of(sortKey), List.of());
    }

    /** This definition with one more global secondary index. */
    public TableDefinition withIndex(GlobalSecondaryIndex index) {
        List<GlobalSecondaryIndex> indexes = new java.util.ArrayList<>(globalSecondaryIndexes);
        indexes.add(index);
        return new TableDefinition(name, partitionKey, sortKey, indexes);
    }

    /** The primary key attributes, partition key first. */
    public List<KeyAttribute> keyAttributes() {
        return sortKey.map(sk -> List.of(partitionKey, sk)).orElseGet(() -> List.of(partitionKey));
    }

    public Optional<GlobalSecondaryIndex> index(String indexName) {
        return globalSecondaryIndexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }
}
