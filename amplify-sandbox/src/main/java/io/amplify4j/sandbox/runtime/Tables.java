package io.amplify4j.sandbox.runtime;

import io.amplify4j.model.data.SecondaryIndexDefinition.Projection;
import io.amplify4j.plan.GsiPlan;
import io.amplify4j.plan.TablePlan;
import io.amplify4j.sandbox.dynamodb.GlobalSecondaryIndex;
import io.amplify4j.sandbox.dynamodb.KeyAttribute;
import io.amplify4j.sandbox.dynamodb.TableDefinition;
import java.util.List;

/** Turns the plan's table plans into the sandbox store's table definitions: same names, keys and indexes. */
final class Tables {
    private Tables() {}

    static TableDefinition definitionOf(TablePlan table) {
        return new TableDefinition(
                table.tableName(),
                key(table.partitionKey()),
                table.sortKey().map(Tables::key),
                table.globalSecondaryIndexes().stream().map(Tables::index).toList());
    }

    private static GlobalSecondaryIndex index(GsiPlan gsi) {
        Projection projection = gsi.projection();
        GlobalSecondaryIndex.ProjectionType type = switch (projection.type()) {
            case ALL -> GlobalSecondaryIndex.ProjectionType.ALL;
            case KEYS_ONLY -> GlobalSecondaryIndex.ProjectionType.KEYS_ONLY;
            case INCLUDE -> GlobalSecondaryIndex.ProjectionType.INCLUDE;
        };
        List<String> included = type == GlobalSecondaryIndex.ProjectionType.INCLUDE
                ? projection.nonKeyAttributes() : List.of();
        return new GlobalSecondaryIndex(gsi.name(), key(gsi.partitionKey()), gsi.sortKey().map(Tables::key), type,
                included);
    }

    private static KeyAttribute key(io.amplify4j.plan.KeyAttribute attribute) {
        return switch (attribute.type()) {
            case S -> KeyAttribute.string(attribute.name());
            case N -> KeyAttribute.number(attribute.name());
        };
    }
}
