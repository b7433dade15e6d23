package io.amplify4j.sandbox.storage;

import io.amplify4j.plan.StorageCors;
import io.amplify4j.plan.StorageOperation;
import io.amplify4j.sandbox.iam.IamSession;
import io.amplify4j.sandbox.iam.SigV4Verifier;
import io.amplify4j.sandbox.iam.SignatureException;
import io.amplify4j.sandbox.iam.SignedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;

/**
 * The S3 subset, path-style ({@code /<bucket>/<key>}): PutObject, GetObject (with a single byte range), HeadObject,
 * DeleteObject and ListObjectsV2, as the AWS SDKs call them with {@code forcePathStyle} and an endpoint override.
 *
 * <p>Every request must be signed (SigV4, service {@code s3}) with credentials the sandbox issued; buckets block
 * public access, so unsigned requests get {@code AccessDenied}. The caller's role and identity id are then put to
 * the plan's {@link io.amplify4j.plan.BucketPlan#allows}: the same statements CDK deploys decide. A missing object
 * is {@code NoSuchKey} only for a caller who could list it (S3 answers {@code AccessDenied} to a caller without
 * {@code s3:ListBucket}, so as not to reveal whether the key exists).
 *
 * <p>Browsers: preflights ({@code OPTIONS}) and responses follow the bucket's CORS rule ({@code BucketPlan.cors()}).
 *
 * <p>Keys are the path after the bucket, percent-decoded and otherwise taken literally ({@code a/../b},
 * {@code a//b} and {@code ./x} are keys of their own). Requests for other paths pass on to the next handler, unless
 * they are signed for S3 (then {@code NoSuchBucket}).
 */
public final class S3Handler extends Handler.Abstract {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final int MAX_KEY_BYTES = 1024;
    private static final int MAX_LIST_KEYS = 1000;

    private final LocalStorage storage;
    private final SigV4Verifier verifier;
    private final String region;
    private final Clock clock;
    private final Consumer<String> log;
    private final long maxObjectBytes;
    private final SecureRandom random = new SecureRandom();

    public S3Handler(LocalStorage storage, SigV4Verifier verifier, String region, Clock clock, long maxObjectBytes,
            Consumer<String> log) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxObjectBytes = maxObjectBytes;
        this.log = Objects.requireNonNull(log, "log");
    }

    /** A finished exchange. */
    private record Reply(int status, Map<String, String> headers, byte[] body, boolean headersOnly) {}

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String rawPath = request.getHttpURI().getPath();
        if (rawPath == null || !rawPath.startsWith("/")) {
            return false;
        }
        int slash = rawPath.indexOf('/', 1);
        String bucketName = SignedRequest.percentDecode(slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash));
        Optional<LocalStorage.Bucket> bucket = storage.bucket(bucketName);
        if (bucket.isEmpty() && !(signedForS3(request) && looksLikeABucket(bucketName))) {
            return false;
        }
        long started = System.nanoTime();
        String requestId = requestId();
        String method = request.getMethod();
        Optional<StorageCors> cors = bucket.flatMap(b -> b.plan().cors());
        String origin = request.getHeaders().get("Origin");
        if (method.equals("OPTIONS") && bucket.isPresent()) {
            Reply preflight = preflight(cors, origin, request.getHeaders().get("Access-Control-Request-Method"),
                    request.getHeaders().get("Access-Control-Request-Headers"), requestId);
            log.accept(String.format("OPTIONS %s s3:preflight origin=%s %d", rawPath, origin, preflight.status()));
            write(response, callback, preflight, requestId);
            return true;
        }
        String key = slash < 0 ? "" : SignedRequest.percentDecode(rawPath.substring(slash + 1));
        String operation = method + " " + (key.isEmpty() ? "bucket" : "object");
        String who = "-";
        Reply reply;
        try {
            byte[] body = readBody(request);
            SignedRequest signed = SignedRequest.of(request, body);
            if (!signed.isSigV4()) {
                throw S3Exception.accessDenied(); // no anonymous access: buckets block public access
            }
            SigV4Verifier.Verified verified = verify(signed);
            who = verified.session().describe();
            if (bucket.isEmpty()) {
                throw S3Exception.noSuchBucket(bucketName);
            }
            Map<String, List<String>> query = query(request.getHttpURI().getQuery());
            operation = operationName(method, key, query);
            reply = dispatch(operation, bucket.get(), key, query, signed, verified);
        } catch (S3Exception e) {
            reply = error(e, requestId, method.equals("HEAD"));
        } catch (RuntimeException e) {
            log.accept("INTERNAL ERROR in S3 " + operation + ": " + e);
            reply = error(new S3Exception(500, "InternalError", "We encountered an internal error. Please try again.",
                    null, null), requestId, method.equals("HEAD"));
        }
        if (cors.isPresent() && cors.get().allowsOrigin(origin) && cors.get().allowsMethod(method)) {
            Map<String, String> headers = new LinkedHashMap<>(reply.headers());
            headers.putAll(corsHeaders(cors.get(), origin));
            reply = new Reply(reply.status(), headers, reply.body(), reply.headersOnly());
        }
        long micros = (System.nanoTime() - started) / 1000;
        log.accept(String.format("%s %s s3:%s caller=%s %d %d.%d ms", method, rawPath, operation, who, reply.status(),
                micros / 1000, (micros % 1000) / 100));
        write(response, callback, reply, requestId);
        return true;
    }

    private static boolean signedForS3(Request request) {
        String authorization = request.getHeaders().get("Authorization");
        return authorization != null && authorization.contains("/s3/aws4_request");
    }

    /**
     * Whether a request signed for S3 but naming no bucket of the sandbox should get {@code NoSuchBucket}: only when
     * its first path segment could be a bucket name and is not the sandbox's own {@code /graphql} (its other paths,
     * {@code /.well-known} and {@code /__sandbox}, cannot be bucket names).
     */
    private static boolean looksLikeABucket(String name) {
        return name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") && !name.equals("graphql");
    }

    /**
     * A CORS preflight, answered from the bucket's CORS rule as S3 answers it: the allowed origin, methods and the
     * requested headers, or 403 {@code AccessForbidden} when the rule does not cover the origin or method (or the
     * bucket has no rule). Preflights are never signed.
     */
    private static Reply preflight(Optional<StorageCors> cors, String origin, String method, String requestHeaders,
            String requestId) {
        if (cors.isEmpty() || !cors.get().allowsOrigin(origin) || !cors.get().allowsMethod(method)) {
            return error(new S3Exception(403, "AccessForbidden", "CORSResponse: This CORS request is not allowed. "
                    + "This is usually because the evalution of Origin, request method / Access-Control-Request-Method "
                    + "or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.", "Method",
                    method), requestId, false);
        }
        Map<String, String> headers = new LinkedHashMap<>(corsHeaders(cors.get(), origin));
        headers.put("Access-Control-Allow-Methods", String.join(", ", cors.get().allowedMethods()));
        if (requestHeaders != null && !requestHeaders.isBlank() && cors.get().allowedHeaders().contains("*")) {
            headers.put("Access-Control-Allow-Headers", requestHeaders);
        }
        headers.put("Access-Control-Max-Age", Integer.toString(cors.get().maxAgeSeconds()));
        return new Reply(200, headers, new byte[0], false);
    }

    private static Map<String, String> corsHeaders(StorageCors cors, String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", cors.allowedOrigins().contains("*") ? "*" : origin);
        headers.put("Access-Control-Expose-Headers", String.join(", ", cors.exposedHeaders()));
        headers.put("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
        return headers;
    }

    private Reply dispatch(String operation, LocalStorage.Bucket bucket, String key, Map<String, List<String>> query,
            SignedRequest request, SigV4Verifier.Verified verified) throws S3Exception {
        return switch (operation) {
            case "PutObject" -> putObject(bucket, key, request, verified);
            case "GetObject" -> getObject(bucket, key, request, verified, false);
            case "HeadObject" -> getObject(bucket, key, request, verified, true);
            case "DeleteObject" -> deleteObject(bucket, key, verified);
            case "ListObjectsV2" -> listObjects(bucket, query, verified);
            case "HeadBucket" -> {
                authorize(bucket, verified, StorageOperation.LIST, "");
                yield new Reply(200, Map.of("x-amz-bucket-region", region), new byte[0], true);
            }
            default -> throw S3Exception.notImplemented(operation);
        };
    }

    private static String operationName(String method, String key, Map<String, List<String>> query) {
        if (!key.isEmpty()) {
            for (String unsupported : List.of("uploads", "uploadId", "acl", "tagging", "versionId", "partNumber",
                    "retention", "legal-hold", "torrent", "attributes", "restore", "select")) {
                if (query.containsKey(unsupported)) {
                    return method + "?" + unsupported;
                }
            }
            return switch (method) {
                case "PUT" -> "PutObject";
                case "GET" -> "GetObject";
                case "HEAD" -> "HeadObject";
                case "DELETE" -> "DeleteObject";
                default -> method + " object";
            };
        }
        if (method.equals("GET") && query.getOrDefault("list-type", List.of()).contains("2")) {
            return "ListObjectsV2";
        }
        if (method.equals("HEAD") && query.isEmpty()) {
            return "HeadBucket";
        }
        return method + " bucket" + (query.isEmpty() ? "" : "?" + String.join("&", query.keySet()));
    }

    // ------------------------------------------------------------------------------------------ operations

    private Reply putObject(LocalStorage.Bucket bucket, String key, SignedRequest request,
            SigV4Verifier.Verified verified) throws S3Exception {
        checkKey(key);
        if (request.header("x-amz-copy-source").isPresent()) {
            throw S3Exception.notImplemented("CopyObject"); // never store the empty body of a copy as the object
        }
        authorize(bucket, verified, StorageOperation.WRITE, key);
        byte[] data = verified.payload();
        if (data.length > maxObjectBytes) {
            throw new S3Exception(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size",
                    null, null);
        }
        Optional<String> md5 = request.header("content-md5");
        byte[] digest = md5(data);
        if (md5.isPresent() && !md5.get().strip().equals(Base64.getEncoder().encodeToString(digest))) {
            throw new S3Exception(400, "BadDigest", "The Content-MD5 you specified did not match what we received.",
                    null, null);
        }
        Map<String, String> checksums = new LinkedHashMap<>();
        verified.trailers().forEach((name, value) -> {
            if (name.startsWith("x-amz-checksum-")) {
                checksums.put(name, value); // verified with the body: the verifier re-signed and compared it
            }
        });
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            String name = header.getKey();
            if (name.startsWith("x-amz-checksum-") && !name.equals("x-amz-checksum-mode")
                    && !name.equals("x-amz-checksum-algorithm") && !header.getValue().isEmpty()) {
                String expected = checksum(name, data);
                if (!expected.equals(header.getValue().get(0).strip())) {
                    throw new S3Exception(400, "BadDigest", "The " + name.substring("x-amz-checksum-".length())
                            .toUpperCase(Locale.ROOT) + " you specified did not match the calculated checksum.", null,
                            null);
                }
                checksums.put(name, expected);
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (name.startsWith("x-amz-meta-") && !values.isEmpty()) {
                metadata.put(name.substring("x-amz-meta-".length()), String.join(",", values));
            }
        });
        String etag = "\"" + HexFormat.of().formatHex(digest) + "\"";
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        StoredObject object = new StoredObject(data, request.header("content-type").orElse("binary/octet-stream"), etag,
                now, metadata, checksums);
        storage.store().put(bucket.s3Name(), key, object);
        storage.fire(new StorageEvent(StorageEvent.Type.OBJECT_CREATED, bucket.plan().name(), bucket.s3Name(), key,
                data.length, etag.substring(1, etag.length() - 1), now, bucket.plan().definition().onUpload(),
                verified.session().userArn()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", etag);
        checksums.forEach(headers::put);
        return new Reply(200, headers, new byte[0], false);
    }

    private Reply getObject(LocalStorage.Bucket bucket, String key, SignedRequest request,
            SigV4Verifier.Verified verified, boolean head) throws S3Exception {
        checkKey(key);
        authorize(bucket, verified, StorageOperation.GET, key);
        Optional<StoredObject> found = storage.store().get(bucket.s3Name(), key);
        if (found.isEmpty()) {
            // S3 tells a caller that an object is missing only if the caller could list it.
            authorize(bucket, verified, StorageOperation.LIST, key);
            throw S3Exception.noSuchKey(key);
        }
        StoredObject object = found.get();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", object.contentType());
        headers.put("ETag", object.etag());
        headers.put("Last-Modified", HTTP_DATE.format(object.lastModified()));
        headers.put("Accept-Ranges", "bytes");
        object.metadata().forEach((name, value) -> headers.put("x-amz-meta-" + name, value));
        byte[] data = object.data();
        int status = 200;
        Optional<String> range = request.header("range");
        if (range.isPresent()) {
            long[] bounds = range(range.get(), data.length);
            if (bounds != null) {
                status = 206;
                headers.put("Content-Range", "bytes " + bounds[0] + "-" + bounds[1] + "/" + data.length);
                data = java.util.Arrays.copyOfRange(data, (int) bounds[0], (int) bounds[1] + 1);
            }
        } else if (request.header("x-amz-checksum-mode").map("ENABLED"::equalsIgnoreCase).orElse(false)) {
            object.checksums().forEach(headers::put);
        }
        headers.put("Content-Length", Long.toString(data.length));
        return new Reply(status, headers, data, head);
    }

    private Reply deleteObject(LocalStorage.Bucket bucket, String key, SigV4Verifier.Verified verified)
            throws S3Exception {
        checkKey(key);
        authorize(bucket, verified, StorageOperation.DELETE, key);
        if (storage.store().delete(bucket.s3Name(), key)) {
            storage.fire(new StorageEvent(StorageEvent.Type.OBJECT_REMOVED, bucket.plan().name(), bucket.s3Name(), key,
                    0, "", clock.instant(), bucket.plan().definition().onDelete(), verified.session().userArn()));
        }
        return new Reply(204, Map.of(), new byte[0], false);
    }

    private Reply listObjects(LocalStorage.Bucket bucket, Map<String, List<String>> query,
            SigV4Verifier.Verified verified) throws S3Exception {
        String prefix = first(query, "prefix").orElse("");
        String delimiter = first(query, "delimiter").filter(d -> !d.isEmpty()).orElse(null);
        String encodingType = first(query, "encoding-type").orElse(null);
        if (encodingType != null && !encodingType.equals("url")) {
            throw S3Exception.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type");
        }
        int maxKeys = MAX_LIST_KEYS;
        Optional<String> max = first(query, "max-keys");
        if (max.isPresent()) {
            try {
                maxKeys = Math.min(MAX_LIST_KEYS, Integer.parseInt(max.get()));
            } catch (NumberFormatException e) {
                throw S3Exception.invalidArgument("Provided max-keys not an integer or within integer range",
                        "max-keys");
            }
            if (maxKeys < 0) {
                throw S3Exception.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647",
                        "max-keys");
            }
        }
        authorize(bucket, verified, StorageOperation.LIST, prefix);
        String token = first(query, "continuation-token").orElse(null);
        String startAfter = first(query, "start-after").orElse(null);
        // The token names the last key or common prefix returned; a common prefix skips everything under it.
        Optional<String> after = Optional.ofNullable(startAfter);
        String skipUnder = null;
        if (token != null) {
            String last = decodeToken(token);
            if (last.startsWith("p:")) {
                skipUnder = last.substring(2);
                after = Optional.of(skipUnder);
            } else {
                after = Optional.of(last.substring(2));
            }
        }
        List<ObjectStore.Summary> contents = new ArrayList<>();
        List<String> commonPrefixes = new ArrayList<>();
        String lastReturned = null;
        boolean truncated = false;
        Iterator<ObjectStore.Summary> keys = storage.store().list(bucket.s3Name(), prefix, after);
        while (keys.hasNext()) {
            ObjectStore.Summary summary = keys.next();
            if (skipUnder != null && summary.key().startsWith(skipUnder)) {
                continue;
            }
            String commonPrefix = null;
            if (delimiter != null) {
                int at = summary.key().indexOf(delimiter, prefix.length());
                if (at >= 0) {
                    commonPrefix = summary.key().substring(0, at + delimiter.length());
                    if (commonPrefix.equals(skipUnder)) {
                        continue;
                    }
                }
            }
            if (contents.size() + commonPrefixes.size() >= maxKeys) {
                truncated = true;
                break;
            }
            if (commonPrefix != null) {
                commonPrefixes.add(commonPrefix);
                lastReturned = "p:" + commonPrefix;
                skipUnder = commonPrefix;
            } else {
                contents.add(summary);
                lastReturned = "k:" + summary.key();
            }
        }
        String next = truncated && lastReturned != null ? encodeToken(lastReturned) : null;
        String xml = S3Xml.listBucketResult(new S3Xml.ListPage(bucket.s3Name(), prefix, delimiter, maxKeys,
                encodingType, token, next, startAfter, contents, commonPrefixes));
        return new Reply(200, Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8), false);
    }

    // ------------------------------------------------------------------------------------------ checks

    private SigV4Verifier.Verified verify(SignedRequest request) throws S3Exception {
        try {
            return verifier.verify(request, SigV4Verifier.Service.S3);
        } catch (SignatureException e) {
            throw new S3Exception(403, e.reason().s3Code(), e.getMessage(), null, null);
        }
    }

    private static void authorize(LocalStorage.Bucket bucket, SigV4Verifier.Verified verified,
            StorageOperation operation, String target) throws S3Exception {
        IamSession session = verified.session();
        if (!bucket.plan().allows(session.principal(), session.identityId(), operation, target)) {
            throw S3Exception.accessDenied();
        }
    }

    private static void checkKey(String key) throws S3Exception {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new S3Exception(400, "KeyTooLongError", "Your key is too long", "Key", key);
        }
    }

    /** {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n} as inclusive bounds; null when unsatisfiable. */
    private static long[] range(String header, long size) throws S3Exception {
        String value = header.strip();
        if (!value.startsWith("bytes=") || value.contains(",")) {
            return null; // S3 ignores ranges it cannot parse and multiple ranges
        }
        String spec = value.substring("bytes=".length());
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            long start;
            long end;
            if (dash == 0) {
                long suffix = Long.parseLong(spec.substring(1));
                start = Math.max(0, size - suffix);
                end = size - 1;
            } else {
                start = Long.parseLong(spec.substring(0, dash));
                end = dash == spec.length() - 1 ? size - 1 : Math.min(size - 1, Long.parseLong(spec.substring(dash + 1)));
            }
            if (start >= size || start > end) {
                throw new S3Exception(416, "InvalidRange", "The requested range is not satisfiable", "RangeRequested",
                        header);
            }
            return new long[] {start, end};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private byte[] readBody(Request request) throws S3Exception {
        long declared = request.getLength();
        if (declared > maxObjectBytes * 2 + 65536) {
            throw new S3Exception(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size",
                    null, null);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxObjectBytes * 2 + 65536) {
                    throw new S3Exception(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed "
                            + "size", null, null);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new S3Exception(400, "IncompleteBody", "You did not provide the number of bytes specified by the "
                    + "Content-Length HTTP header.", null, null);
        }
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = SignedRequest.percentDecode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : SignedRequest.percentDecode(pair.substring(eq + 1));
            out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static String encodeToken(String last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) throws S3Exception {
        try {
            String last = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (last.startsWith("k:") || last.startsWith("p:")) {
                return last;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw S3Exception.invalidArgument("The continuation token provided is incorrect", "continuation-token");
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String checksum(String header, byte[] data) throws S3Exception {
        ChecksumAlgorithm algorithm = switch (header) {
            case "x-amz-checksum-crc32" -> DefaultChecksumAlgorithm.CRC32;
            case "x-amz-checksum-crc32c" -> DefaultChecksumAlgorithm.CRC32C;
            case "x-amz-checksum-crc64nvme" -> DefaultChecksumAlgorithm.CRC64NVME;
            case "x-amz-checksum-sha1" -> DefaultChecksumAlgorithm.SHA1;
            case "x-amz-checksum-sha256" -> DefaultChecksumAlgorithm.SHA256;
            default -> throw S3Exception.invalidArgument("Unsupported checksum " + header, header);
        };
        SdkChecksum checksum = SdkChecksum.forAlgorithm(algorithm);
        checksum.update(data, 0, data.length);
        return Base64.getEncoder().encodeToString(checksum.getChecksumBytes());
    }

    private String requestId() {
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append("0123456789ABCDEF".charAt(random.nextInt(16)));
        }
        return id.toString();
    }

    private static Reply error(S3Exception e, String requestId, boolean head) {
        String xml = S3Xml.error(e.code, e.getMessage(), e.resourceElement, e.resource, requestId);
        return new Reply(e.status, Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8),
                head);
    }

    private static void write(Response response, Callback callback, Reply reply, String requestId) {
        response.setStatus(reply.status());
        response.getHeaders().put("x-amz-request-id", requestId);
        response.getHeaders().put("x-amz-id-2", requestId);
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (reply.headersOnly() || reply.body().length == 0) {
            if (!reply.headers().containsKey("Content-Length")) {
                response.getHeaders().put("Content-Length", reply.headersOnly() ? reply.body().length : 0);
            }
            callback.succeeded();
            return;
        }
        response.getHeaders().put("Content-Length", reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
