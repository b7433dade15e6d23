package io.amplify4j.plan.resolver;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;

/**
 * The APPSYNC_JS pipeline resolver of one field: its own module (whose {@code request} runs before the functions and
 * whose {@code response} runs after them) and its pipeline functions in order (auth, then data, then response filter).
 *
 * @param typeName the type the field belongs to: {@code Query}, {@code Mutation}, {@code Subscription} or a model
 * @param fieldName the field
 * @param code the resolver module's source text
 * @param functions the pipeline functions, in the order they run
 */
public record ResolverPlan(String typeName, String fieldName, String code, List<PipelineFunctionPlan> functions) {
    public ResolverPlan {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(code, "code");
        functions = Canonical.list(functions);
    }

    /** {@code Type.field}, the resolver's name in messages and file paths. */
    public String coordinate() {
        return typeName + "." + fieldName;
    }
}
