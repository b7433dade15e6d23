package io.amplify4j.sandbox.js;

import io.amplify4j.sandbox.datasource.DataSource;
import java.util.Objects;

/**
 * One AppSync function of a pipeline: an ES module exporting {@code request(ctx)} and {@code response(ctx)}, and the
 * data source its requests go to.
 *
 * @param name a name for messages, for example {@code QuerygetTodoDataResolverFn}
 * @param module the module's path in the engine's module set
 * @param dataSource where the request handler's result is sent
 */
public record PipelineFunction(String name, String module, DataSource dataSource) {
    public PipelineFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(dataSource, "dataSource");
    }
}
