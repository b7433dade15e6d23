package io.amplify4j.plan.resolver;

import java.util.Objects;
import java.util.Optional;

/**
 * A data source of the API.
 *
 * @param name the data source's name: {@code NONE}, {@code <Model>Table} or {@code Fn<Function>}
 * @param kind what it is
 * @param model the model whose table it is (DYNAMODB)
 * @param tableName the table's name (DYNAMODB)
 * @param function the function it invokes (LAMBDA)
 */
public record DataSourcePlan(
        String name, Kind kind, Optional<String> model, Optional<String> tableName, Optional<String> function) {

    public DataSourcePlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(function, "function");
    }

    /** AppSync data source types the generated resolvers use. */
    public enum Kind {
        NONE,
        DYNAMODB,
        LAMBDA
    }

    static DataSourcePlan none() {
        return new DataSourcePlan(ResolverNames.NONE_DATA_SOURCE, Kind.NONE, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    static DataSourcePlan table(String model, String tableName) {
        return new DataSourcePlan(ResolverNames.tableDataSource(model), Kind.DYNAMODB, Optional.of(model),
                Optional.of(tableName), Optional.empty());
    }

    static DataSourcePlan lambda(String function) {
        return new DataSourcePlan(ResolverNames.functionDataSource(function), Kind.LAMBDA, Optional.empty(),
                Optional.empty(), Optional.of(function));
    }
}
