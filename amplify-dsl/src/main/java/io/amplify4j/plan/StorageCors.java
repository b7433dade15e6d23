package io.amplify4j.plan;

import io.amplify4j.model.Canonical;
import java.util.List;

/**
 * A bucket's CORS rule: the definition's origins with Amplify's defaults for the rest (methods GET, HEAD, PUT,
 * POST, DELETE; any request header; the headers browsers may read; ten-minute-ish preflight caching). CDK writes
 * it into the bucket; the sandbox's S3 endpoint answers preflights and adds the headers with it.
 *
 * @param allowedOrigins exact origins ({@code https://shop.example.com}) or {@code *} alone
 * @param allowedMethods HTTP methods browsers may use
 * @param allowedHeaders request headers browsers may send ({@code *}: any)
 * @param exposedHeaders response headers scripts may read
 * @param maxAgeSeconds how long browsers may cache a preflight answer
 */
public record StorageCors(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
        List<String> exposedHeaders, int maxAgeSeconds) {

    public StorageCors {
        allowedOrigins = Canonical.list(allowedOrigins);
        allowedMethods = Canonical.list(allowedMethods);
        allowedHeaders = Canonical.list(allowedHeaders);
        exposedHeaders = Canonical.list(exposedHeaders);
    }

    /** Amplify's rule for these origins. */
    public static StorageCors forOrigins(List<String> origins) {
        return new StorageCors(origins, List.of("GET", "HEAD", "PUT", "POST", "DELETE"), List.of("*"),
                List.of("x-amz-server-side-encryption", "x-amz-request-id", "x-amz-id-2", "ETag"), 3000);
    }

    /** Whether a browser page from {@code origin} may call the bucket. */
    public boolean allowsOrigin(String origin) {
        return origin != null && (allowedOrigins.contains("*") || allowedOrigins.contains(origin));
    }

    /** Whether {@code method} is allowed (compared without case). */
    public boolean allowsMethod(String method) {
        return method != null && allowedMethods.stream().anyMatch(m -> m.equalsIgnoreCase(method));
    }
}
