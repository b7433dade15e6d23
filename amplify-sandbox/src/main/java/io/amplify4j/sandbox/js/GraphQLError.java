package io.amplify4j.sandbox.js;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a GraphQL response's {@code errors}, as a resolver produced it ({@code path} and {@code locations}
 * are the server's to add).
 *
 * @param message the message
 * @param errorType for example {@code Unauthorized}, {@code Code}, or what {@code util.error} named
 * @param data the {@code data} argument of {@code util.error}/{@code util.appendError} (a JSON value)
 * @param errorInfo the {@code errorInfo} argument (a JSON value)
 */
public record GraphQLError(String message, Optional<String> errorType, Optional<Object> data, Optional<Object> errorInfo) {
    public GraphQLError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(errorInfo, "errorInfo");
    }

    public static GraphQLError of(String message, String errorType) {
        return new GraphQLError(message, Optional.of(errorType), Optional.empty(), Optional.empty());
    }

    /** The error as AppSync renders it: {@code message}, {@code errorType}, {@code data}, {@code errorInfo}, absent ones as null. */
    public Map<String, Object> toJson() {
        var map = new LinkedHashMap<String, Object>();
        map.put("message", message);
        map.put("errorType", errorType.orElse(null));
        map.put("data", data.orElse(null));
        map.put("errorInfo", errorInfo.orElse(null));
        return map;
    }
}
