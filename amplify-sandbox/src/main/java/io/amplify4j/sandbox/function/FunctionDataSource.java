package io.amplify4j.sandbox.function;

import io.amplify4j.sandbox.datasource.DataSource;
import io.amplify4j.sandbox.datasource.DataSourceException;
import java.util.Map;
import java.util.Objects;

/**
 * A Lambda data source: runs AppSync's {@code Invoke} request ({@code {operation: 'Invoke', invocationType,
 * payload}}) on a function of the {@link FunctionRuntime}. The handler receives exactly {@code payload}, as Lambda
 * would from AppSync; its response becomes {@code ctx.result}. A {@code RequestResponse} failure becomes
 * {@code ctx.error} ({@code Lambda:Unhandled} and a client-safe message); an {@code Event} invocation returns at
 * once with a null result.
 */
public final class FunctionDataSource implements DataSource {
    private final FunctionRuntime functions;
    private final String function;

    public FunctionDataSource(FunctionRuntime functions, String function) {
        this.functions = Objects.requireNonNull(functions, "functions");
        this.function = Objects.requireNonNull(function, "function");
    }

    @Override
    public Object invoke(Map<String, Object> request) throws DataSourceException {
        Object operation = request.get("operation");
        if (!"Invoke".equals(operation)) {
            throw new DataSourceException("Lambda:IllegalArgument", "Unsupported operation `" + operation
                    + "` for a Lambda data source; the sandbox supports Invoke.");
        }
        Object payload = request.get("payload");
        Object invocationType = request.getOrDefault("invocationType", "RequestResponse");
        if ("Event".equals(invocationType)) {
            functions.invokeAsync(function, payload);
            return null;
        }
        if (!"RequestResponse".equals(invocationType)) {
            throw new DataSourceException("Lambda:IllegalArgument", "Unsupported invocationType `" + invocationType
                    + "`; use RequestResponse or Event.");
        }
        try {
            return functions.invoke(function, payload);
        } catch (FunctionFailure e) {
            throw new DataSourceException(e.errorType(), e.getMessage());
        }
    }
}
