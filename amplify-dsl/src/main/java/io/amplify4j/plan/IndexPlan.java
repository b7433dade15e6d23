package io.amplify4j.plan;

import io.amplify4j.model.Canonical;
import io.amplify4j.model.data.SecondaryIndexDefinition.Projection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A secondary index of a model, stored as a GSI of the model's own table.
 *
 * @param name the GSI name (explicit, or Amplify's default {@code <plural model>By<Pk>And<Sk>})
 * @param partitionKey the field partitioning the index
 * @param sortKeys its sort key fields
 * @param partitionAttribute the GSI hash key attribute
 * @param sortAttribute the GSI range key attribute, composite when there are several sort keys
 * @param queryField the generated query, or empty when the index has none
 * @param keyName the key name in composite key input names ({@code upperFirst(name)})
 * @param projection which attributes the index holds
 */
public record IndexPlan(
        String name,
        String partitionKey,
        List<String> sortKeys,
        KeyAttribute partitionAttribute,
        Optional<KeyAttribute> sortAttribute,
        Optional<String> queryField,
        String keyName,
        Projection projection) {

    public IndexPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        sortKeys = Canonical.list(sortKeys);
        Objects.requireNonNull(partitionAttribute, "partitionAttribute");
        Objects.requireNonNull(sortAttribute, "sortAttribute");
        Objects.requireNonNull(queryField, "queryField");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(projection, "projection");
    }

    public boolean hasCompositeSortKey() {
        return sortKeys.size() > 1;
    }
}
