package io.amplify4j.sandbox.datasource;

/**
 * Where a pipeline function's request goes: the sandbox's counterpart of an AppSync data source.
 *
 * <p>Requests and results are plain JSON values as Java objects ({@code Map<String, Object>} with insertion
 * order, {@code List<Object>}, {@code String}, {@code Boolean}, numbers as {@code Long}, {@code Double} or
 * {@code BigDecimal}, and {@code null}), exactly what the resolver's {@code request} handler returned and what its
 * {@code response} handler will see in {@code ctx.result}.
 */
public interface DataSource {
    /**
     * Runs one request.
     *
     * @param request the object a function's request handler returned
     * @return the result as AppSync hands it to the response handler (DynamoDB results already unmarshalled)
     * @throws DataSourceException when the data source reports an error; the response handler sees it in
     *     {@code ctx.error} as {@code {message, type}}
     */
    Object invoke(java.util.Map<String, Object> request) throws DataSourceException;
}
