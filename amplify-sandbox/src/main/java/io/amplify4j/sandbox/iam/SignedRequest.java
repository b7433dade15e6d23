package io.amplify4j.sandbox.iam;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as received, before anything is interpreted: what SigV4 verification needs.
 *
 * @param method the HTTP method
 * @param rawPath the path exactly as sent, still percent-encoded and never normalised ({@code /b/a/../x%20y})
 * @param rawQuery the query string exactly as sent, or empty
 * @param headers every header, names lower-cased, values in the order received
 * @param body the body as received (for {@code aws-chunked} uploads: the chunk-signed encoding)
 */
public record SignedRequest(String method, String rawPath, Optional<String> rawQuery, Map<String, List<String>> headers,
        byte[] body) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(rawQuery, "rawQuery");
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = java.util.Collections.unmodifiableMap(lower);
        Objects.requireNonNull(body, "body");
    }

    /** The first value of a header (name case-insensitive). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The request as Jetty received it, with its already-read {@code body}. */
    public static SignedRequest of(org.eclipse.jetty.server.Request request, byte[] body) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        for (org.eclipse.jetty.http.HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>())
                    .add(field.getValue());
        }
        return new SignedRequest(request.getMethod(), request.getHttpURI().getPath(),
                Optional.ofNullable(request.getHttpURI().getQuery()), headers, body);
    }

    /** True when the request carries a SigV4 {@code Authorization} header or is a presigned URL. */
    public boolean isSigV4() {
        return header("authorization").map(a -> a.strip().startsWith(SigV4Verifier.ALGORITHM)).orElse(false)
                || isPresigned();
    }

    /** True when the signature is in the query string ({@code X-Amz-Signature}): a presigned URL. */
    public boolean isPresigned() {
        return rawQuery.map(q -> ("&" + q).contains("&X-Amz-Signature=")).orElse(false);
    }

    /** The query parameters, decoded, in the order sent. */
    public List<Map.Entry<String, String>> queryParameters() {
        List<Map.Entry<String, String>> out = new java.util.ArrayList<>();
        rawQuery.ifPresent(query -> {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    out.add(Map.entry(percentDecode(eq < 0 ? pair : pair.substring(0, eq)),
                            eq < 0 ? "" : percentDecode(pair.substring(eq + 1))));
                }
            }
        });
        return out;
    }

    /** Percent-decoding only ({@code +} stays {@code +}, as in S3 paths); malformed escapes are kept as they are. */
    public static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
