package io.amplify4j.plan;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A model's primary key.
 *
 * @param partitionKey the partition key field
 * @param sortKeys the sort key fields, in order; more than one are stored as one composite attribute
 * @param partitionAttribute the table's hash key attribute
 * @param sortAttribute the table's range key attribute: the single sort field, or the composite {@code a#b}
 * @param explicit true when the model declares an identifier other than the implicit {@code id}; Amplify then adds
 *     key arguments and {@code sortDirection} to the list query
 */
public record PrimaryKeyPlan(
        String partitionKey,
        List<String> sortKeys,
        KeyAttribute partitionAttribute,
        Optional<KeyAttribute> sortAttribute,
        boolean explicit) {

    public PrimaryKeyPlan {
        Objects.requireNonNull(partitionKey, "partitionKey");
        sortKeys = Canonical.list(sortKeys);
        Objects.requireNonNull(partitionAttribute, "partitionAttribute");
        Objects.requireNonNull(sortAttribute, "sortAttribute");
    }

    /** Partition key then sort keys. */
    public List<String> fields() {
        return Stream.concat(Stream.of(partitionKey), sortKeys.stream()).toList();
    }

    /** True when more than one sort key field is stored in one composite attribute. */
    public boolean hasCompositeSortKey() {
        return sortKeys.size() > 1;
    }
}
