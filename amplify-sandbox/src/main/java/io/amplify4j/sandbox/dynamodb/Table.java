package io.amplify4j.sandbox.dynamodb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One table in memory: items grouped by partition key, each partition sorted by sort key in DynamoDB's order, and
 * every global secondary index kept up to date on each write (sparse: an item without all of an index's key
 * attributes, with the right types, is not in it). Callers hold {@link #lock}.
 */
final class Table {
    private static final AttributeValue NO_SORT_KEY = new AttributeValue.Null();

    final TableDefinition definition;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final NavigableMap<AttributeValue, NavigableMap<AttributeValue, Map<String, AttributeValue>>> partitions =
            new TreeMap<>(AttributeValues.KEY_ORDER);
    private final Map<String, Index> indexes = new LinkedHashMap<>();
    private long count;

    Table(TableDefinition definition) {
        this.definition = definition;
        for (GlobalSecondaryIndex index : definition.globalSecondaryIndexes()) {
            indexes.put(index.name(), new Index(index));
        }
    }

    String name() {
        return definition.name();
    }

    long count() {
        return count;
    }

    /** The primary key attributes of an item. */
    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (KeyAttribute attribute : definition.keyAttributes()) {
            key.put(attribute.name(), item.get(attribute.name()));
        }
        return key;
    }

    Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        NavigableMap<AttributeValue, Map<String, AttributeValue>> partition =
                partitions.get(key.get(definition.partitionKey().name()));
        if (partition == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(partition.get(sortValue(key)));
    }

    /** Stores an item (already validated), replacing any item with the same key. */
    void put(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> stored = Collections.unmodifiableMap(new LinkedHashMap<>(item));
        Map<String, AttributeValue> previous = partitions
                .computeIfAbsent(item.get(definition.partitionKey().name()), k -> new TreeMap<>(AttributeValues.KEY_ORDER))
                .put(sortValue(item), stored);
        if (previous == null) {
            count++;
        } else {
            indexes.values().forEach(index -> index.remove(previous));
        }
        indexes.values().forEach(index -> index.add(stored));
    }

    void delete(Map<String, AttributeValue> key) {
        AttributeValue partitionValue = key.get(definition.partitionKey().name());
        NavigableMap<AttributeValue, Map<String, AttributeValue>> partition = partitions.get(partitionValue);
        if (partition == null) {
            return;
        }
        Map<String, AttributeValue> previous = partition.remove(sortValue(key));
        if (previous != null) {
            count--;
            indexes.values().forEach(index -> index.remove(previous));
            if (partition.isEmpty()) {
                partitions.remove(partitionValue);
            }
        }
    }

    private AttributeValue sortValue(Map<String, AttributeValue> itemOrKey) {
        return definition.sortKey().map(sk -> itemOrKey.get(sk.name())).orElse(NO_SORT_KEY);
    }

    // ------------------------------------------------------------------------------------------ reading in order

    /** A table or one of its indexes, read in DynamoDB's order. */
    View view(Optional<GlobalSecondaryIndex> index) {
        return index.<View>map(i -> indexes.get(i.name())).orElseGet(() -> new PrimaryView());
    }

    /** Ordered access to the items of the table or of an index. */
    interface View {
        KeyAttribute partitionKey();

        Optional<KeyAttribute> sortKey();

        /** The items of one partition, in sort order, strictly after {@code start} when given. */
        Iterator<Map<String, AttributeValue>> partition(AttributeValue partitionValue, boolean forward,
                Optional<Map<String, AttributeValue>> start);

        /** Every item, partition after partition, strictly after {@code start} when given. */
        Iterator<Map<String, AttributeValue>> all(Optional<Map<String, AttributeValue>> start);

        /** The key a page ending at {@code item} reports as its last evaluated key. */
        Map<String, AttributeValue> lastEvaluatedKey(Map<String, AttributeValue> item);

        /** The attributes of such a key, for validating a resumed token. */
        List<KeyAttribute> lastEvaluatedKeyAttributes();
    }

    private final class PrimaryView implements View {
        @Override
        public KeyAttribute partitionKey() {
            return definition.partitionKey();
        }

        @Override
        public Optional<KeyAttribute> sortKey() {
            return definition.sortKey();
        }

        @Override
        public Iterator<Map<String, AttributeValue>> partition(AttributeValue partitionValue, boolean forward,
                Optional<Map<String, AttributeValue>> start) {
            return partitionItems(partitions.get(partitionValue), forward, start.map(Table.this::sortValue));
        }

        @Override
        public Iterator<Map<String, AttributeValue>> all(Optional<Map<String, AttributeValue>> start) {
            return allItems(partitions, start.map(k -> k.get(definition.partitionKey().name())),
                    start.map(Table.this::sortValue));
        }

        @Override
        public Map<String, AttributeValue> lastEvaluatedKey(Map<String, AttributeValue> item) {
            return keyOf(item);
        }

        @Override
        public List<KeyAttribute> lastEvaluatedKeyAttributes() {
            return definition.keyAttributes();
        }
    }

    /** Index entries order by index sort key, then by the table's primary key (to keep equal index keys apart). */
    private record IndexPosition(AttributeValue indexSort, AttributeValue tablePartition, AttributeValue tableSort) {}

    private static final Comparator<IndexPosition> POSITION_ORDER = Comparator
            .comparing(IndexPosition::indexSort, AttributeValues.KEY_ORDER)
            .thenComparing(IndexPosition::tablePartition, AttributeValues.KEY_ORDER)
            .thenComparing(IndexPosition::tableSort, AttributeValues.KEY_ORDER);

    private final class Index implements View {
        final GlobalSecondaryIndex definition;
        final NavigableMap<AttributeValue, NavigableMap<IndexPosition, Map<String, AttributeValue>>> entries =
                new TreeMap<>(AttributeValues.KEY_ORDER);

        Index(GlobalSecondaryIndex definition) {
            this.definition = definition;
        }

        boolean covers(Map<String, AttributeValue> item) {
            AttributeValue partition = item.get(definition.partitionKey().name());
            if (partition == null || !definition.partitionKey().matches(partition)) {
                return false;
            }
            if (definition.sortKey().isPresent()) {
                AttributeValue sort = item.get(definition.sortKey().get().name());
                return sort != null && definition.sortKey().get().matches(sort);
            }
            return true;
        }

        IndexPosition position(Map<String, AttributeValue> item) {
            AttributeValue indexSort = definition.sortKey().map(sk -> item.get(sk.name())).orElse(NO_SORT_KEY);
            return new IndexPosition(indexSort, item.get(Table.this.definition.partitionKey().name()),
                    sortValue(item));
        }

        void add(Map<String, AttributeValue> item) {
            if (covers(item)) {
                entries.computeIfAbsent(item.get(definition.partitionKey().name()), k -> new TreeMap<>(POSITION_ORDER))
                        .put(position(item), item);
            }
        }

        void remove(Map<String, AttributeValue> item) {
            if (!covers(item)) {
                return;
            }
            AttributeValue partitionValue = item.get(definition.partitionKey().name());
            NavigableMap<IndexPosition, Map<String, AttributeValue>> partition = entries.get(partitionValue);
            if (partition != null) {
                partition.remove(position(item));
                if (partition.isEmpty()) {
                    entries.remove(partitionValue);
                }
            }
        }

        @Override
        public KeyAttribute partitionKey() {
            return definition.partitionKey();
        }

        @Override
        public Optional<KeyAttribute> sortKey() {
            return definition.sortKey();
        }

        @Override
        public Iterator<Map<String, AttributeValue>> partition(AttributeValue partitionValue, boolean forward,
                Optional<Map<String, AttributeValue>> start) {
            return partitionItems(entries.get(partitionValue), forward, start.map(this::position));
        }

        @Override
        public Iterator<Map<String, AttributeValue>> all(Optional<Map<String, AttributeValue>> start) {
            return allItems(entries, start.map(k -> k.get(definition.partitionKey().name())),
                    start.map(this::position));
        }

        @Override
        public Map<String, AttributeValue> lastEvaluatedKey(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> key = keyOf(item);
            for (KeyAttribute attribute : lastEvaluatedKeyAttributes()) {
                key.put(attribute.name(), item.get(attribute.name()));
            }
            return key;
        }

        @Override
        public List<KeyAttribute> lastEvaluatedKeyAttributes() {
            List<KeyAttribute> attributes = new ArrayList<>(Table.this.definition.keyAttributes());
            for (KeyAttribute attribute : indexKeys()) {
                if (attributes.stream().noneMatch(a -> a.name().equals(attribute.name()))) {
                    attributes.add(attribute);
                }
            }
            return attributes;
        }

        private List<KeyAttribute> indexKeys() {
            return definition.sortKey().map(sk -> List.of(definition.partitionKey(), sk))
                    .orElseGet(() -> List.of(definition.partitionKey()));
        }
    }

    /** The iterators in {@code first}, then those {@code more} supplies (lazily) until it returns null. */
    /** The items of one partition in sort order (or reversed), after {@code start} when resuming. */
    private static <K> Iterator<Map<String, AttributeValue>> partitionItems(
            NavigableMap<K, Map<String, AttributeValue>> partition, boolean forward, Optional<K> start) {
        if (partition == null) {
            return Collections.emptyIterator();
        }
        NavigableMap<K, Map<String, AttributeValue>> view = forward ? partition : partition.descendingMap();
        if (start.isPresent()) {
            view = view.tailMap(start.get(), false);
        }
        return view.values().iterator();
    }

    /**
     * Every item, partition by partition, after the resumed position: the rest of the start partition after
     * {@code startPosition}, then the following partitions.
     */
    private static <K> Iterator<Map<String, AttributeValue>> allItems(
            NavigableMap<AttributeValue, NavigableMap<K, Map<String, AttributeValue>>> partitions,
            Optional<AttributeValue> startPartition, Optional<K> startPosition) {
        List<Iterator<Map<String, AttributeValue>>> parts = new ArrayList<>();
        NavigableMap<AttributeValue, NavigableMap<K, Map<String, AttributeValue>>> view = partitions;
        if (startPartition.isPresent() && startPosition.isPresent()) {
            NavigableMap<K, Map<String, AttributeValue>> first = partitions.get(startPartition.get());
            if (first != null) {
                parts.add(first.tailMap(startPosition.get(), false).values().iterator());
            }
            view = partitions.tailMap(startPartition.get(), false);
        }
        Iterator<NavigableMap<K, Map<String, AttributeValue>>> rest = view.values().iterator();
        return concat(parts, () -> rest.hasNext() ? rest.next().values().iterator() : null);
    }

    private static <T> Iterator<T> concat(List<Iterator<T>> first,
            java.util.function.Supplier<Iterator<T>> more) {
        return new Iterator<>() {
            private final java.util.ArrayDeque<Iterator<T>> pending = new java.util.ArrayDeque<>(first);
            private Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    Iterator<T> next = pending.isEmpty() ? more.get() : pending.poll();
                    if (next == null) {
                        return false;
                    }
                    current = next;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
