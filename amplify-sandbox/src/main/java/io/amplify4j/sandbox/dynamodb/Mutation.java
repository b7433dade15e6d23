package io.amplify4j.sandbox.dynamodb;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to one item: the full new item, or its deletion. What a {@link Journal} records and
 * {@link DynamoDbStore#apply} replays.
 *
 * @param key the item's primary key attributes
 * @param item the item after the change, or empty when the item was deleted
 */
public record Mutation(String table, Map<String, AttributeValue> key, Optional<Map<String, AttributeValue>> item) {
    public Mutation {
        Objects.requireNonNull(table, "table");
        key = Map.copyOf(key);
        item = item.map(java.util.Collections::unmodifiableMap);
    }

    public static Mutation put(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        return new Mutation(table, key, Optional.of(item));
    }

    public static Mutation delete(String table, Map<String, AttributeValue> key) {
        return new Mutation(table, key, Optional.empty());
    }
}
