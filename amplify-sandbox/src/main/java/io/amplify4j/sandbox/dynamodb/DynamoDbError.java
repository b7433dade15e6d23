package io.amplify4j.sandbox.dynamodb;

import io.amplify4j.sandbox.datasource.DataSourceException;
import java.util.Optional;

/**
 * An error raised inside the interpreter, carrying AppSync's error type; {@link DynamoDbDataSource} turns it into a
 * {@link DataSourceException}. Unchecked so the expression evaluator can raise it from deep inside.
 */
public final class DynamoDbError extends RuntimeException {
    public static final String VALIDATION = "DynamoDB:ValidationException";
    public static final String CONDITIONAL_CHECK_FAILED = "DynamoDB:ConditionalCheckFailedException";
    public static final String TRANSACTION_CANCELED = "DynamoDB:TransactionCanceledException";
    public static final String RESOURCE_NOT_FOUND = "DynamoDB:ResourceNotFoundException";

    /** DynamoDB's message for a failed condition. */
    public static final String CONDITIONAL_REQUEST_FAILED = "The conditional request failed";

    private final String type;
    private final transient Object result;
    private final boolean hasResult;

    DynamoDbError(String type, String message) {
        super(message, null, false, false);
        this.type = type;
        this.result = null;
        this.hasResult = false;
    }

    DynamoDbError(String type, String message, Object result) {
        super(message, null, false, false);
        this.type = type;
        this.result = result;
        this.hasResult = true;
    }

    public static DynamoDbError validation(String message) {
        return new DynamoDbError(VALIDATION, message);
    }

    static DynamoDbError resourceNotFound() {
        return new DynamoDbError(RESOURCE_NOT_FOUND, "Requested resource not found");
    }

    public String type() {
        return type;
    }

    /** What AppSync still hands the response handler in {@code ctx.result} alongside the error, if anything. */
    public Optional<Object> result() {
        return hasResult ? Optional.ofNullable(result) : Optional.empty();
    }

    boolean hasResult() {
        return hasResult;
    }

    Object rawResult() {
        return result;
    }

    DataSourceException toDataSourceException() {
        return hasResult
                ? new DataSourceException(type, getMessage(), result)
                : new DataSourceException(type, getMessage());
    }
}
