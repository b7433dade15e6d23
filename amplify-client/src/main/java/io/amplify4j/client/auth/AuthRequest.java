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
    public AuthRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        TreeMap<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(sorted);
        Objects.requireNonNull(body, "body");
    }

    /** A JSON {@code POST} to {@code uri}. */
    public static AuthRequest jsonPost(URI uri, byte[] body) {
        return new AuthRequest("POST", uri, Map.of("content-type", "application/json; charset=UTF-8"), body);
    }
}
