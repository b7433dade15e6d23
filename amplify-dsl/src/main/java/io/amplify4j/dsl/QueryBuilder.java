package io.amplify4j.dsl;

import io.amplify4j.model.data.CustomOperation;

/** A custom query. */
public final class QueryBuilder extends FunctionBackedOperation<QueryBuilder> {
    QueryBuilder(BackendBuilder backend, String name) {
        super(backend, name, CustomOperation.Type.QUERY);
    }
}
