/**
 * The sandbox's DynamoDB: an interpreter of AppSync's DynamoDB request objects over an in-memory store.
 *
 * <p>Entry points: {@link io.amplify4j.sandbox.dynamodb.DynamoDbStore} (create tables from
 * {@link io.amplify4j.sandbox.dynamodb.TableDefinition}s) and
 * {@link io.amplify4j.sandbox.dynamodb.DynamoDbDataSource} (one per table, the sandbox's AppSync data source).
 *
 * <h2>Results</h2>
 * <ul>
 *   <li>GetItem: the item or {@code null}; PutItem and UpdateItem: the item as written (ALL_NEW); DeleteItem: the
 *       deleted item or {@code null}.</li>
 *   <li>Query and Scan: {@code {items, nextToken, scannedCount}}; {@code nextToken} is {@code null} on the last
 *       page. As in DynamoDB, {@code limit} counts evaluated items before the filter, a page also ends after 1 MB,
 *       and a page that ended because of the limit has a token even when nothing follows.</li>
 *   <li>BatchGetItem: {@code {data: {table: [item or null, ...]}, unprocessedKeys: {table: []}}}, in request
 *       order; BatchPutItem: {@code {data: {table: [item...]}, unprocessedItems: {table: []}}}; BatchDeleteItem:
 *       {@code {data: {table: [key...]}, unprocessedKeys: {table: []}}}.</li>
 *   <li>TransactGetItems: {@code {items: [item or null, ...], cancellationReasons: null}}; TransactWriteItems:
 *       {@code {keys: [key...], cancellationReasons: null}}. A cancelled transaction fails with
 *       {@code DynamoDB:TransactionCanceledException} and leaves {@code {keys: null, cancellationReasons:
 *       [{type, message, item?}]}} in {@code ctx.result} (type {@code None}, {@code ConditionalCheckFailed} or
 *       {@code ValidationError}).</li>
 * </ul>
 *
 * <h2>Conditions</h2>
 * A failed condition on PutItem, UpdateItem or DeleteItem is {@code DynamoDB:ConditionalCheckFailedException}
 * ("The conditional request failed") with the current item in {@code ctx.result}, except that, as AppSync does,
 * a Put or Update whose result already is the current item (ignoring {@code equalsIgnore}) succeeds and returns
 * it. The {@code Custom} (Lambda) condition-failure strategy and conflict detection ({@code _version}) are not
 * implemented.
 *
 * <h2>Order and tokens</h2>
 * Sort keys order as in DynamoDB (numbers numerically, strings by UTF-8 bytes, binary by unsigned bytes). Scans
 * visit partitions in the same key order (DynamoDB's is hash order; ours is deterministic). Scan segments are a
 * stable hash of the partition key. Tokens are URL-safe base64 of the table, index and last evaluated key; a
 * token that is malformed or from another table, index or partition is a {@code DynamoDB:ValidationException}.
 */
package io.amplify4j.sandbox.dynamodb;
