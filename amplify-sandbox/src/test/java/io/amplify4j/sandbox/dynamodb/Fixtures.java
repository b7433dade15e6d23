package io.amplify4j.sandbox.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.amplify4j.sandbox.datasource.DataSourceException;
import java.util.Map;

/** A store with the tables the tests use, and shortcuts to call it. */
final class Fixtures {
    final DynamoDbStore store = new DynamoDbStore();

    Fixtures() {
        // Todo: id only, GSI byOwner(owner, createdAt) ALL, GSI byStatus(status) KEYS_ONLY
        store.createTable(TableDefinition.of("Todo", KeyAttribute.string("id"))
                .withIndex(GlobalSecondaryIndex.all("byOwner", KeyAttribute.string("owner"),
                        KeyAttribute.string("createdAt")))
                .withIndex(new GlobalSecondaryIndex("byStatus", KeyAttribute.string("status"),
                        java.util.Optional.empty(), GlobalSecondaryIndex.ProjectionType.KEYS_ONLY, java.util.List.of()))
                .withIndex(new GlobalSecondaryIndex("byPriority", KeyAttribute.number("priority"),
                        java.util.Optional.empty(), GlobalSecondaryIndex.ProjectionType.INCLUDE,
                        java.util.List.of("title"))));
        // Event: pk (S) + sk (N)
        store.createTable(TableDefinition.of("Event", KeyAttribute.string("pk"), KeyAttribute.number("sk")));
        // Word: pk (S) + sk (S)
        store.createTable(TableDefinition.of("Word", KeyAttribute.string("pk"), KeyAttribute.string("sk")));
        // Blob: pk (S) + sk (B)
        store.createTable(TableDefinition.of("Blob", KeyAttribute.string("pk"), KeyAttribute.binary("sk")));
    }

    DynamoDbDataSource table(String name) {
        return store.dataSource(name);
    }

    /** Runs a request (single-quoted JSON) against a table and returns the result. */
    Object run(String table, String request) {
        try {
            return table(table).invoke(Json.obj(request));
        } catch (DataSourceException e) {
            throw new AssertionError("unexpected " + e.type() + ": " + e.getMessage(), e);
        }
    }

    /** Runs a request expected to fail, and returns the error. */
    DataSourceException fail(String table, String request) {
        DataSourceException error = catchThrowableOfType(DataSourceException.class,
                () -> table(table).invoke(Json.obj(request)));
        assertThat(error).as("expected an error for " + request).isNotNull();
        return error;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> runMap(String table, String request) {
        return (Map<String, Object>) run(table, request);
    }

    void put(String table, String typedItemJson) {
        Map<String, Object> item = Json.obj(typedItemJson);
        TableDefinition definition = store.table(table).orElseThrow();
        Map<String, Object> key = new java.util.LinkedHashMap<>();
        for (KeyAttribute attribute : definition.keyAttributes()) {
            key.put(attribute.name(), item.get(attribute.name()));
        }
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("operation", "PutItem");
        request.put("key", key);
        request.put("attributeValues", item);
        try {
            table(table).invoke(request);
        } catch (DataSourceException e) {
            throw new AssertionError(e.type() + ": " + e.getMessage(), e);
        }
    }

    Object get(String table, String typedKeyJson) {
        return run(table, "{'operation':'GetItem','key':" + typedKeyJson + "}");
    }
}
