package io.amplify4j.client.auth;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an {@link AuthProvider} authorizes: an HTTP request about to be sent (method, URI, the headers already set,
 * and the exact body bytes, which SigV4 signs). The real-time channel describes its connection and each
 * subscription start the same way, as AppSync expects them signed.
 *
 * @param method the HTTP method, {@code POST} for GraphQL
 * @param uri the full request URI
 * @param headers headers already on the request (such as {@code content-type}), names as given
 * @param body the exact body bytes
 */
public record AuthRequest(String method, URI uri, Map<String, String> headers, byte[] body) {
    /** The headers of every GraphQL request, made once: this record is built for every call. */
    private static final Map<String, String> JSON_HEADERS = sorted(Map.of("content-type",
            "application/json; charset=UTF-8"));

    public AuthRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        if (headers != JSON_HEADERS) {
            headers = sorted(headers);
        }
        Objects.requireNonNull(body, "body");
    }

    private static Map<String, String> sorted(Map<String, String> headers) {
        TreeMap<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(headers);
        return java.util.Collections.unmodifiableMap(sorted);
    }

    /** A JSON {@code POST} of {@code body} to {@code uri}: what a GraphQL request is. */
    public static AuthRequest jsonPost(URI uri, byte[] body) {
        return new AuthRequest("POST", uri, JSON_HEADERS, body);
    }
}
