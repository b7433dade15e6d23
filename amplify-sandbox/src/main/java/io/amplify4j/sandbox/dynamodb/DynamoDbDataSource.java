package io.amplify4j.sandbox.dynamodb;

import io.amplify4j.sandbox.datasource.DataSource;
import io.amplify4j.sandbox.datasource.DataSourceException;
import io.amplify4j.sandbox.dynamodb.expression.ExpressionException;
import java.util.Map;
import java.util.Objects;

/**
 * AppSync's DynamoDB data source, in the sandbox: runs the request objects of APPSYNC_JS functions ({@code GetItem},
 * {@code PutItem}, {@code UpdateItem}, {@code DeleteItem}, {@code Query}, {@code Scan}, {@code BatchGetItem},
 * {@code BatchPutItem}, {@code BatchDeleteItem}, {@code TransactGetItems}, {@code TransactWriteItems}) against a
 * {@link DynamoDbStore}.
 *
 * <p>Bound to one table, as an AppSync data source is; batch and transaction requests name their tables and may
 * address any table of the store. Values arrive in AppSync's typed form ({@code {"S": "x"}}) and results leave
 * unmarshalled (see {@link AttributeValues} for numbers). Errors are {@link DataSourceException}s with AppSync's
 * types, e.g. {@code DynamoDB:ConditionalCheckFailedException}; a failed request changes nothing.
 */
public final class DynamoDbDataSource implements DataSource {
    private final String tableName;
    private final Interpreter interpreter;

    public DynamoDbDataSource(String tableName, DynamoDbStore store) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.interpreter = new Interpreter(Objects.requireNonNull(store, "store"), tableName);
    }

    /** The table this data source is bound to. */
    public String tableName() {
        return tableName;
    }

    @Override
    public Object invoke(Map<String, Object> request) throws DataSourceException {
        try {
            return interpreter.run(request);
        } catch (DynamoDbError e) {
            throw e.toDataSourceException();
        } catch (ExpressionException e) {
            throw new DataSourceException(DynamoDbError.VALIDATION, e.getMessage());
        }
    }
}
