package io.amplify4j.plan;

import io.amplify4j.model.data.SecondaryIndexDefinition.Projection;
import java.util.Objects;
import java.util.Optional;

/**
 * A global secondary index of a table.
 *
 * @param name the index name
 * @param partitionKey the hash key attribute
 * @param sortKey the range key attribute, possibly composite
 * @param projection which attributes the index holds
 * @param source why the table has it
 */
public record GsiPlan(
        String name, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey, Projection projection, Source source) {

    public GsiPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(source, "source");
    }

    /** What a GSI exists for. */
    public enum Source {
        /** A secondary index the model declares. */
        SECONDARY_INDEX,
        /** A hasMany or hasOne on another model (or this one) whose references live in this table. */
        RELATIONSHIP
    }
}
