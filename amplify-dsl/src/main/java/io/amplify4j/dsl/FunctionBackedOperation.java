package io.amplify4j.dsl;

import io.amplify4j.model.data.CustomOperation;
import java.util.Objects;

/**
 * Queries and mutations, which a Lambda function can run.
 *
 * @param <SELF> the concrete builder
 */
public abstract class FunctionBackedOperation<SELF extends FunctionBackedOperation<SELF>> extends CustomHandledOperation<SELF> {
    FunctionBackedOperation(BackendBuilder backend, String name, CustomOperation.Type type) {
        super(backend, name, type);
    }

    /** Runs {@code function} and returns its result. */
    public SELF handler(FunctionRef function) {
        return functionHandler(function, false);
    }

    /**
     * Invokes {@code function} as an event and returns at once; the operation returns
     * {@code EventInvocationResponse}.
     */
    public SELF asyncHandler(FunctionRef function) {
        return functionHandler(function, true);
    }

    private SELF functionHandler(FunctionRef function, boolean async) {
        Objects.requireNonNull(function, "function");
        handlers.add(new CustomOperation.Handler.Function(function.name(), async));
        handlerHandles.add(function);
        return self();
    }
}
