package io.amplify4j.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a GraphQL response's {@code errors}, as AppSync writes it: a message, AppSync's {@code errorType}
 * (for example {@code Unauthorized} or {@code DynamoDB:ConditionalCheckFailedException}), the response path it
 * belongs to, the document locations, and the resolver's {@code errorInfo} and {@code data}.
 *
 * @param message what went wrong
 * @param errorType AppSync's error type, when given
 * @param path the response path ({@code ["getTodo"]}); field names as strings, list indexes as integers
 * @param locations where in the document
 * @param errorInfo what a resolver passed to {@code util.error} as error info, when given
 * @param data what a resolver passed to {@code util.error} as data, when given
 * @param extensions the standard GraphQL {@code extensions}, when given
 */
public record GraphQLError(String message, Optional<String> errorType, List<Object> path, List<Location> locations,
        Optional<JsonNode> errorInfo, Optional<JsonNode> data, Map<String, JsonNode> extensions) {

    /** A position in the GraphQL document. */
    public record Location(int line, int column) {}

    public GraphQLError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(errorType, "errorType");
        path = List.copyOf(path);
        locations = List.copyOf(locations);
        Objects.requireNonNull(errorInfo, "errorInfo");
        Objects.requireNonNull(data, "data");
        extensions = Map.copyOf(extensions);
    }

    /** An error with a message and type only: what a refusal without a GraphQL body becomes. */
    public static GraphQLError of(String message, String errorType) {
        return new GraphQLError(message, Optional.ofNullable(errorType), List.of(), List.of(), Optional.empty(),
                Optional.empty(), Map.of());
    }

    /** Reads one error object; tolerant of absent or null members, as AppSync's shapes vary. */
    public static GraphQLError fromJson(JsonNode node) {
        String message = text(node.get("message")).orElse("(no message)");
        Optional<String> errorType = text(node.get("errorType"));
        java.util.ArrayList<Object> path = new java.util.ArrayList<>();
        JsonNode pathNode = node.get("path");
        if (pathNode != null && pathNode.isArray()) {
            for (JsonNode segment : pathNode) {
                path.add(segment.isInt() ? (Object) segment.intValue() : segment.asText());
            }
        }
        java.util.ArrayList<Location> locations = new java.util.ArrayList<>();
        JsonNode locationsNode = node.get("locations");
        if (locationsNode != null && locationsNode.isArray()) {
            for (JsonNode location : locationsNode) {
                locations.add(new Location(location.path("line").asInt(), location.path("column").asInt()));
            }
        }
        java.util.LinkedHashMap<String, JsonNode> extensions = new java.util.LinkedHashMap<>();
        JsonNode extensionsNode = node.get("extensions");
        if (extensionsNode != null && extensionsNode.isObject()) {
            extensionsNode.fields().forEachRemaining(e -> extensions.put(e.getKey(), e.getValue()));
        }
        return new GraphQLError(message, errorType, path, locations, present(node.get("errorInfo")),
                present(node.get("data")), extensions);
    }

    private static Optional<String> text(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    private static Optional<JsonNode> present(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    /** {@code errorType: message} (or the message alone), with the path when there is one. */
    @Override
    public String toString() {
        return errorType.map(t -> t + ": ").orElse("") + message + (path.isEmpty() ? "" : " (at " + path + ")");
    }
}
