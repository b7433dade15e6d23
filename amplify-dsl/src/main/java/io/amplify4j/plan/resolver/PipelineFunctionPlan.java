package io.amplify4j.plan.resolver;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;

/**
 * One AppSync function of a pipeline resolver.
 *
 * @param name a stable name, unique in the API ({@code MutationCreateTodoAuth}); AppSync's function name rules
 *     ({@code [_A-Za-z][_0-9A-Za-z]*}) hold. A table's data functions serve several fields ({@code TodoTableRead}
 *     for its get, list, index queries and the relationship fields reading it, {@code TodoTableWrite} for create,
 *     update and delete) and so appear, equal, in several resolvers: one name is one function
 * @param role what the function does in its pipeline
 * @param dataSource the name of the data source its requests go to, one of {@link
 *     io.amplify4j.plan.DataPlan#dataSources()}
 * @param source the module: generated text, or a module of the user's project referenced by path
 * @param dynamoDbOperations the DynamoDB operations ({@code GetItem}, {@code Query}, ...) a DATA function's requests
 *     use, sorted: what its data source's role must allow, and nothing more; empty for functions on other data
 *     sources. A user's module on a table gets {@link #USER_MODULE_OPERATIONS}, since its text is unknown to the plan
 */
public record PipelineFunctionPlan(
        String name, Role role, String dataSource, ModuleSource source, List<String> dynamoDbOperations) {

    /** The item operations a user's module on a model's table may use (no table administration, no transactions). */
    public static final List<String> USER_MODULE_OPERATIONS = List.of("BatchGetItem", "BatchWriteItem",
            "ConditionCheckItem", "DeleteItem", "GetItem", "PutItem", "Query", "Scan", "UpdateItem");

    public PipelineFunctionPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(source, "source");
        dynamoDbOperations = Canonical.sortedStrings(dynamoDbOperations);
    }

    /** A function that issues no DynamoDB requests (NONE or Lambda data source). */
    public PipelineFunctionPlan(String name, Role role, String dataSource, ModuleSource source) {
        this(name, role, dataSource, source, List.of());
    }

    /** What a function does; pipelines run AUTH, then DATA (or HANDLER), then FILTER. */
    public enum Role {
        /** Evaluates the authorization rules and stashes the decision; NONE data source. */
        AUTH,
        /**
         * Reads or writes the model's table; one module serves every field of its table's reads or writes, choosing
         * the branch by {@code ctx.info}.
         */
        DATA,
        /** A custom operation's handler: a Lambda invocation or the user's own module. */
        HANDLER,
        /** Nulls fields the caller may not read (field-level rules); NONE data source. */
        FILTER
    }

    /** The generated module text; fails for a user's module, whose text the plan does not hold. */
    public String code() {
        if (source instanceof ModuleSource.Generated generated) {
            return generated.code();
        }
        throw new IllegalStateException(name + " runs the user's module " + ((ModuleSource.UserFile) source).entry());
    }
}
