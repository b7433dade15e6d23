package io.amplify4j.sandbox.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;

/** DynamoDB's rules for keys and items, with its messages. */
final class ItemRules {
    static final String KEY_SCHEMA_MISMATCH = "The provided key element does not match the schema";
    static final String ITEM_TOO_LARGE = "Item size has exceeded the maximum allowed size";
    /** DynamoDB's limits on key values: 2,048 bytes for a partition key, 1,024 for a sort key. */
    static final int MAX_PARTITION_KEY_BYTES = 2048;
    static final int MAX_SORT_KEY_BYTES = 1024;

    private ItemRules() {}

    /** Checks a {@code key} block: exactly the table's key attributes, with the right types, not empty. */
    static Map<String, AttributeValue> key(TableDefinition table, Map<String, AttributeValue> key) {
        if (key.size() != table.keyAttributes().size()) {
            throw DynamoDbError.validation(KEY_SCHEMA_MISMATCH);
        }
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        for (KeyAttribute attribute : table.keyAttributes()) {
            AttributeValue value = key.get(attribute.name());
            if (value == null || !attribute.matches(value)) {
                throw DynamoDbError.validation(KEY_SCHEMA_MISMATCH);
            }
            checkNotEmpty(attribute.name(), value);
            checkKeySize(table, attribute, value);
            ordered.put(attribute.name(), value);
        }
        return ordered;
    }

    /** Checks a whole item about to be stored: key attributes, index key types, size. */
    static void item(TableDefinition table, Map<String, AttributeValue> item) {
        for (KeyAttribute attribute : table.keyAttributes()) {
            AttributeValue value = item.get(attribute.name());
            if (value == null) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Missing the key "
                        + attribute.name() + " in the item");
            }
            if (!attribute.matches(value)) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Type mismatch for key "
                        + attribute.name() + " expected: " + attribute.type() + " actual: " + value.type());
            }
            checkNotEmpty(attribute.name(), value);
            checkKeySize(table, attribute, value);
        }
        for (GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
            checkIndexKey(index, index.partitionKey(), item);
            index.sortKey().ifPresent(sk -> checkIndexKey(index, sk, item));
        }
        if (AttributeValues.itemSize(item) > AttributeValues.MAX_ITEM_SIZE) {
            throw DynamoDbError.validation(ITEM_TOO_LARGE);
        }
    }

    private static void checkIndexKey(GlobalSecondaryIndex index, KeyAttribute attribute,
            Map<String, AttributeValue> item) {
        AttributeValue value = item.get(attribute.name());
        if (value == null) {
            return; // sparse: the item is simply not in the index
        }
        if (!attribute.matches(value)) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                    + attribute.name() + " Expected: " + attribute.type() + " Actual: " + value.type()
                    + " IndexName: " + index.name());
        }
        if (isEmpty(value)) {
            throw DynamoDbError.validation("One or more parameter values are not valid. A value specified for a"
                    + " secondary index key is not supported. The AttributeValue for a key attribute cannot contain"
                    + " an empty " + (value instanceof AttributeValue.S ? "string" : "binary") + " value. IndexName: "
                    + index.name() + ", IndexKey: " + attribute.name());
        }
    }

    private static void checkKeySize(TableDefinition table, KeyAttribute attribute, AttributeValue value) {
        long size = AttributeValues.valueSize(value);
        if (attribute.name().equals(table.partitionKey().name())) {
            if (size > MAX_PARTITION_KEY_BYTES) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Size of hashkey has"
                        + " exceeded the maximum size limit of " + MAX_PARTITION_KEY_BYTES + " bytes");
            }
        } else if (size > MAX_SORT_KEY_BYTES) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Aggregated size of all range"
                    + " keys has exceeded the size limit of " + MAX_SORT_KEY_BYTES + " bytes");
        }
    }

    private static void checkNotEmpty(String name, AttributeValue value) {
        if (isEmpty(value)) {
            throw DynamoDbError.validation("One or more parameter values are not valid. The AttributeValue for a key"
                    + " attribute cannot contain an empty " + (value instanceof AttributeValue.S ? "string" : "binary")
                    + " value. Key: " + name);
        }
    }

    private static boolean isEmpty(AttributeValue value) {
        return (value instanceof AttributeValue.S s && s.value().isEmpty())
                || (value instanceof AttributeValue.B b && b.bytes().length == 0);
    }
}
