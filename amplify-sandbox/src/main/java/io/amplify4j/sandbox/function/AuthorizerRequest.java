package io.amplify4j.sandbox.function;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Lambda authorizer is told about the request besides the token: the GraphQL document, operation name and
 * variables ({@code requestContext}) and the request's headers ({@code requestHeaders}, lower-case names).
 */
public record AuthorizerRequest(String queryString, Optional<String> operationName, Map<String, Object> variables,
        Map<String, String> headers) {
    public AuthorizerRequest {
        Objects.requireNonNull(queryString, "queryString");
        Objects.requireNonNull(operationName, "operationName");
        variables = variables == null ? Map.of() : variables;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A request with nothing known beyond the token (a real-time connection being opened). */
    public static AuthorizerRequest empty() {
        return new AuthorizerRequest("", Optional.empty(), Map.of(), Map.of());
    }

    /**
     * The request a GraphQL body describes, read leniently ({@code {query, operationName, variables}}): a body that
     * is not such an object gives an empty query, and the request fails later for that reason.
     */
    @SuppressWarnings("unchecked")
    public static AuthorizerRequest fromBody(byte[] body, Map<String, String> headers) {
        try {
            Object parsed = LocalFunction.PLAIN_JSON.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                Object query = map.get("query");
                Object operationName = map.get("operationName");
                Object variables = map.get("variables");
                return new AuthorizerRequest(query instanceof String q ? q : "",
                        Optional.ofNullable(operationName instanceof String name ? name : null),
                        variables instanceof Map<?, ?> vars ? (Map<String, Object>) vars : Map.of(), headers);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not JSON: the GraphQL layer reports it after authentication.
        }
        return new AuthorizerRequest("", Optional.empty(), Map.of(), headers);
    }
}
