package io.amplify4j.dsl;

import io.amplify4j.model.data.CustomOperation;
import java.util.Objects;
import java.util.Optional;

/**
 * Custom queries, mutations and subscriptions, which the user's own APPSYNC_JS modules can run (generation routes
 * cannot: Bedrock answers them).
 *
 * @param <SELF> the concrete builder
 */
public abstract class CustomHandledOperation<SELF extends CustomHandledOperation<SELF>> extends OperationBuilder<SELF> {
    CustomHandledOperation(BackendBuilder backend, String name, CustomOperation.Type type) {
        super(backend, name, type);
    }

    /**
     * Runs an APPSYNC_JS module written by the user, with the NONE data source. Several calls make a pipeline,
     * run in order.
     *
     * @param entry the module's path, relative to the project directory, for example {@code src/main/js/echo.js}
     */
    public SELF customHandler(String entry) {
        handlers.add(new CustomOperation.Handler.CustomJs(Objects.requireNonNull(entry, "entry"), Optional.empty()));
        return self();
    }

    /** Runs an APPSYNC_JS module written by the user against the table of {@code dataSource}. */
    public SELF customHandler(String entry, ModelBuilder dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        handlers.add(new CustomOperation.Handler.CustomJs(
                Objects.requireNonNull(entry, "entry"), Optional.of(dataSource.name())));
        handlerHandles.add(dataSource);
        return self();
    }
}
