package io.amplify4j.sandbox.datasource;

import java.util.Objects;

/**
 * An error a data source reports, as AppSync passes it to a response handler: {@code ctx.error.type} and
 * {@code ctx.error.message}, for example {@code DynamoDB:ConditionalCheckFailedException}.
 */
public final class DataSourceException extends Exception {
    private final String type;

    public DataSourceException(String type, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The error type, for example {@code DynamoDB:ConditionalCheckFailedException}. */
    public String type() {
        return type;
    }
}
