package io.amplify4j.model.data;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A secondary index of a model, stored as a DynamoDB global secondary index.
 *
 * @param partitionKey the field that partitions the index
 * @param sortKeys sort key fields; more than one are stored as one composite attribute
 * @param name the GSI name; Amplify's default is derived by the plan when absent
 * @param queryField the query's name; the plan derives Amplify's default when absent and {@code query} is true
 * @param query false when no query operation is generated ({@code queryField(null)} in Amplify)
 * @param projection which attributes the index holds
 */
public record SecondaryIndexDefinition(
        String partitionKey,
        List<String> sortKeys,
        Optional<String> name,
        Optional<String> queryField,
        boolean query,
        Projection projection) {

    public SecondaryIndexDefinition {
        Objects.requireNonNull(partitionKey, "partitionKey");
        sortKeys = Canonical.list(sortKeys);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(queryField, "queryField");
        Objects.requireNonNull(projection, "projection");
    }

    /** Which attributes a GSI holds besides its keys. */
    public record Projection(Type type, List<String> nonKeyAttributes) {
        public Projection {
            Objects.requireNonNull(type, "type");
            nonKeyAttributes = Canonical.list(nonKeyAttributes);
        }

        public static Projection all() {
            return new Projection(Type.ALL, List.of());
        }

        /** Which attributes a GSI projects: all, only the keys, or the keys and named fields. */
        public enum Type {
            ALL,
            KEYS_ONLY,
            INCLUDE
        }
    }
}
