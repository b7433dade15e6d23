package io.amplify4j.sandbox.dynamodb;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A global secondary index: its keys and which attributes it projects.
 *
 * @param nonKeyAttributes the attributes an {@link ProjectionType#INCLUDE} projection adds (empty otherwise)
 */
public record GlobalSecondaryIndex(
        String name,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        ProjectionType projectionType,
        List<String> nonKeyAttributes) {

    /** DynamoDB's projection types. */
    public enum ProjectionType { ALL, KEYS_ONLY, INCLUDE }

    public GlobalSecondaryIndex {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(projectionType, "projectionType");
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
        if (projectionType != ProjectionType.INCLUDE && !nonKeyAttributes.isEmpty()) {
            throw new IllegalArgumentException("index " + name + ": only an INCLUDE projection lists attributes");
        }
    }

    /** An index projecting all attributes. */
    public static GlobalSecondaryIndex all(String name, KeyAttribute partitionKey, KeyAttribute sortKey) {
        return new GlobalSecondaryIndex(name, partitionKey, Optional.ofNullable(sortKey), ProjectionType.ALL,
                List.of());
    }

    /** An index projecting all attributes, with no sort key. */
    public static GlobalSecondaryIndex all(String name, KeyAttribute partitionKey) {
        return all(name, partitionKey, null);
    }
}
