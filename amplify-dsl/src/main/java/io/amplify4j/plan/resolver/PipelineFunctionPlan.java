package io.amplify4j.plan.resolver;

import java.util.Objects;

/**
 * One AppSync function of a pipeline resolver.
 *
 * @param name a stable name, unique in the API ({@code MutationCreateTodoAuth}); AppSync's function name rules
 *     ({@code [_A-Za-z][_0-9A-Za-z]*}) hold
 * @param role what the function does in its pipeline
 * @param dataSource the name of the data source its requests go to, one of {@link
 *     io.amplify4j.plan.DataPlan#dataSources()}
 * @param source the module: generated text, or a module of the user's project referenced by path
 */
public record PipelineFunctionPlan(String name, Role role, String dataSource, ModuleSource source) {
    public PipelineFunctionPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(source, "source");
    }

    /** What a function does; pipelines run AUTH, then DATA (or HANDLER), then FILTER. */
    public enum Role {
        /** Evaluates the authorization rules and stashes the decision; NONE data source. */
        AUTH,
        /** Reads or writes the model's table. */
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
