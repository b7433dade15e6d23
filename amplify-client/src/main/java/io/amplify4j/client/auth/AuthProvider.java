package io.amplify4j.client.auth;

import io.amplify4j.client.AuthMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authorizes requests in one {@link AuthMode}: returns the headers to add to an HTTP request, and the authorization
 * object the real-time channel sends (in its connection header and in each subscription's {@code start}). Factories
 * for each mode are in {@link AuthProviders}.
 *
 * <p>Implementations must be thread-safe; {@link #headers} is called once per request, so a token supplier behind
 * it should cache its token until it nears expiry.
 */
public interface AuthProvider {
    /** The mode this provider authorizes in. */
    AuthMode mode();

    /** The headers that authorize {@code request} (for example {@code x-api-key}, or SigV4's). */
    Map<String, String> headers(AuthRequest request);

    /**
     * The authorization object for AppSync's real-time channel: {@code host} (the GraphQL endpoint's host) and this
     * provider's headers for a JSON {@code POST} of {@code body} to {@code graphqlEndpoint}. The connection uses
     * {@code <endpoint>/connect} with body {@code {}}; a subscription's {@code start} uses the endpoint with the
     * start's {@code data} string as body (what AppSync expects SigV4 to sign).
     */
    default Map<String, String> realtimeAuthorization(URI graphqlEndpoint, String body) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("host", hostOf(graphqlEndpoint));
        out.putAll(headers(AuthRequest.jsonPost(graphqlEndpoint, body.getBytes(StandardCharsets.UTF_8))));
        return out;
    }

    /** The value of the {@code Host} header for {@code uri}: its host, and its port when not the default. */
    static String hostOf(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()))
                || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
