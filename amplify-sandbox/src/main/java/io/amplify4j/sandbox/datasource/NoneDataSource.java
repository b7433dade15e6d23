package io.amplify4j.sandbox.datasource;

import java.util.Map;

/** AppSync's NONE data source: the result is the request's {@code payload}, untouched. */
public final class NoneDataSource implements DataSource {
    @Override
    public Object invoke(Map<String, Object> request) {
        return request.get("payload");
    }
}
