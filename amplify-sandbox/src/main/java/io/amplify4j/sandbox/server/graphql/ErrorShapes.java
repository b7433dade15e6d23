package io.amplify4j.sandbox.server.graphql;

import graphql.GraphQLError;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders errors in AppSync's shapes and key order. */
public final class ErrorShapes {
    private ErrorShapes() {}

    /**
     * A field error: {@code path}, {@code data}, {@code errorType}, {@code errorInfo}, {@code locations},
     * {@code message}, in that order.
     */
    static Map<String, Object> fieldError(GraphQLError error, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", error.getPath());
        if (error instanceof AppSyncError appSync) {
            out.put("data", appSync.data());
            out.put("errorType", appSync.appSyncErrorType().orElse(null));
            out.put("errorInfo", appSync.errorInfo());
        } else {
            out.put("data", null);
            out.put("errorType", null);
            out.put("errorInfo", null);
        }
        out.put("locations", locations(error.getLocations()));
        out.put("message", message);
        return out;
    }

    /**
     * A request error (syntax, validation, variables, limits), which AppSync reports without a path and without
     * field data: {@code path} (null), {@code locations}, {@code message}.
     */
    static Map<String, Object> requestError(GraphQLError error) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", null);
        out.put("locations", locations(error.getLocations()));
        out.put("message", requestMessage(error));
        return out;
    }

    /** AppSync's (older graphql-java's) wording: {@code Validation error of type FieldUndefined: ... @ 'path'}. */
    public static String requestMessage(GraphQLError error) {
        if (error instanceof ValidationError validation) {
            String description = validation.getDescription();
            // graphql-java prefixes "Validation error (Type@[path]) : "; AppSync's older wording puts those elsewhere.
            int prefixEnd = description == null ? -1 : description.indexOf(") : ");
            if (description != null && description.startsWith("Validation error (") && prefixEnd > 0) {
                description = description.substring(prefixEnd + 4);
            }
            StringBuilder message = new StringBuilder("Validation error of type ")
                    .append(validation.getValidationErrorType()).append(": ").append(description);
            List<String> path = validation.getQueryPath();
            if (path != null && !path.isEmpty()) {
                message.append(" @ '").append(String.join("/", path)).append("'");
            }
            return message.toString();
        }
        return error.getMessage();
    }

    /** A request refused before GraphQL runs: {@code {"errors":[{"errorType":..., "message":...}]}}. */
    public static Map<String, Object> refusal(String errorType, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorType", errorType);
        error.put("message", message);
        return Map.of("errors", List.of(error));
    }

    private static List<Map<String, Object>> locations(List<SourceLocation> locations) {
        if (locations == null) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (SourceLocation location : locations) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("line", location.getLine());
            map.put("column", location.getColumn());
            map.put("sourceName", null);
            out.add(map);
        }
        return out;
    }
}
