package io.amplify4j.sandbox.datasource;

import java.util.Objects;
import java.util.Optional;

/**
 * An error a data source reports, as AppSync passes it to a response handler: {@code ctx.error.type} and
 * {@code ctx.error.message}, for example {@code DynamoDB:ConditionalCheckFailedException}.
 *
 * <p>Some errors come with a result AppSync still puts in {@code ctx.result}: the current item when a condition
 * failed, or {@code {keys: null, cancellationReasons: [...]}} when a DynamoDB transaction was cancelled.
 */
public final class DataSourceException extends Exception {
    private final String type;
    private final transient Object result;

    public DataSourceException(String type, String message) {
        this(type, message, null);
    }

    /**
     * @param result what the response handler sees in {@code ctx.result} (plain JSON), or {@code null} for none
     */
    public DataSourceException(String type, String message, Object result) {
        super(Objects.requireNonNull(message, "message"));
        this.type = Objects.requireNonNull(type, "type");
        this.result = result;
    }

    /** The error type, for example {@code DynamoDB:ConditionalCheckFailedException}. */
    public String type() {
        return type;
    }

    /** The value AppSync leaves in {@code ctx.result} with this error, if any. */
    public Optional<Object> result() {
        return Optional.ofNullable(result);
    }
}
