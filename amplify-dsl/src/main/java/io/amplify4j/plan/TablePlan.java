package io.amplify4j.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The DynamoDB table of one model. Billing, encryption, recovery and removal follow the design's stances and the
 * profile; they are not repeated here because they do not vary per table.
 *
 * @param model the model stored in the table
 * @param tableName the table name
 * @param partitionKey the hash key
 * @param sortKey the range key, possibly a composite {@code a#b} attribute
 * @param attributeDefinitions every key attribute of the table and its GSIs, once each, sorted by name
 * @param globalSecondaryIndexes the GSIs, sorted by name
 * @param streamViewType the table's stream of changes ({@code NEW_AND_OLD_IMAGES}), present only when something
 *     reads the table's changes. Nothing in a definition does today (subscriptions are fired by the mutation
 *     resolvers, not by the stream), so no table has one; Amplify Gen 2 enables it on every model table whether
 *     used or not. Turn it on through the CDK table's escape hatch to attach your own consumer
 */
public record TablePlan(
        String model,
        String tableName,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        List<KeyAttribute> attributeDefinitions,
        List<GsiPlan> globalSecondaryIndexes,
        Optional<String> streamViewType) {

    public static final String NEW_AND_OLD_IMAGES = "NEW_AND_OLD_IMAGES";

    public TablePlan {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        attributeDefinitions = attributeDefinitions.stream()
                .sorted(Comparator.comparing(KeyAttribute::name))
                .toList();
        globalSecondaryIndexes = globalSecondaryIndexes.stream()
                .sorted(Comparator.comparing(GsiPlan::name))
                .toList();
        Objects.requireNonNull(streamViewType, "streamViewType");
    }

    /** The GSI of that name. */
    public Optional<GsiPlan> gsi(String name) {
        return globalSecondaryIndexes.stream().filter(g -> g.name().equals(name)).findFirst();
    }

}
