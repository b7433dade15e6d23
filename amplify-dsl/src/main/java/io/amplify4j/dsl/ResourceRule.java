package io.amplify4j.dsl;

import io.amplify4j.model.data.FunctionDataAccess;
import io.amplify4j.model.data.FunctionDataAccess.ResourceOperation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * IAM access to the API for a function of this backend. Stricter than Amplify: no other IAM principal is
 * admitted, and the function may call only the root types listed with {@link #to}.
 */
public final class ResourceRule implements SchemaRule {
    private final FunctionRef function;
    private final List<ResourceOperation> operations = new ArrayList<>();

    ResourceRule(FunctionRef function) {
        this.function = function;
    }

    /** Limits the grant to queries, mutations and/or subscriptions; without it, all three. */
    public ResourceRule to(ResourceOperation... ops) {
        operations.addAll(Arrays.asList(ops));
        return this;
    }

    FunctionRef function() {
        return function;
    }

    FunctionDataAccess toModel() {
        List<ResourceOperation> ops = operations.isEmpty() ? List.of(ResourceOperation.values()) : operations;
        return new FunctionDataAccess(function.name(), ops);
    }
}
