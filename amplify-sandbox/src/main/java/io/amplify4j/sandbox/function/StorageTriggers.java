package io.amplify4j.sandbox.function;

import io.amplify4j.model.storage.StorageDefinition;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Storage triggers: a bucket's {@code onUpload} and {@code onDelete} functions, run as S3 runs them, asynchronously
 * ({@code Event} invocation) with an S3 event notification ({@code {Records: [{eventVersion: "2.1", eventSource:
 * "aws:s3", eventName: "ObjectCreated:Put" | "ObjectRemoved:Delete", s3: {bucket, object}}]}}, object keys
 * URL-encoded as S3 encodes them). The S3 subset calls {@link #objectCreated} after an object is stored and
 * {@link #objectRemoved} after one is deleted; a failing trigger never fails the S3 request.
 */
public final class StorageTriggers {
    private final FunctionRuntime functions;
    private final Map<String, StorageDefinition> buckets = new LinkedHashMap<>();
    private final Clock clock;
    private final AtomicLong sequencer = new AtomicLong();

    public StorageTriggers(FunctionRuntime functions, List<StorageDefinition> storage, Clock clock) {
        this.functions = Objects.requireNonNull(functions, "functions");
        storage.forEach(bucket -> buckets.put(bucket.name(), bucket));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * An object was stored ({@code PutObject}): runs the bucket's {@code onUpload} function, if it has one.
     *
     * @param storageName the bucket's name in the definition
     * @param bucketName the bucket's physical name, as clients address it
     * @return the event handed to the function, when one runs
     */
    public Optional<Map<String, Object>> objectCreated(String storageName, String bucketName, String key, long size,
            String eTag) {
        return trigger(definition(storageName).onUpload(), "ObjectCreated:Put", bucketName, key, size, eTag);
    }

    /** An object was deleted ({@code DeleteObject}): runs the bucket's {@code onDelete} function, if it has one. */
    public Optional<Map<String, Object>> objectRemoved(String storageName, String bucketName, String key) {
        return trigger(definition(storageName).onDelete(), "ObjectRemoved:Delete", bucketName, key, -1, null);
    }

    private StorageDefinition definition(String storageName) {
        StorageDefinition bucket = buckets.get(storageName);
        if (bucket == null) {
            throw new IllegalArgumentException("The backend defines no storage `" + storageName + "`; storage: "
                    + buckets.keySet() + ".");
        }
        return bucket;
    }

    private Optional<Map<String, Object>> trigger(Optional<String> function, String eventName, String bucketName,
            String key, long size, String eTag) {
        if (function.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> event = event(eventName, bucketName, key, size, eTag);
        functions.invokeAsync(function.get(), event);
        return Optional.of(event);
    }

    /** One S3 event notification record, wrapped in {@code Records}. */
    Map<String, Object> event(String eventName, String bucketName, String key, long size, String eTag) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("key", encodeKey(key));
        if (size >= 0) {
            object.put("size", size);
        }
        if (eTag != null) {
            object.put("eTag", eTag.replace("\"", ""));
        }
        object.put("sequencer", String.format("%016X", sequencer.incrementAndGet()));
        Map<String, Object> bucket = new LinkedHashMap<>();
        bucket.put("name", bucketName);
        bucket.put("ownerIdentity", Map.of("principalId", "SANDBOX"));
        bucket.put("arn", "arn:aws:s3:::" + bucketName);
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", eventName.startsWith("ObjectCreated") ? "onUpload" : "onDelete");
        s3.put("bucket", bucket);
        s3.put("object", object);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", LambdaContext.REGION);
        record.put("eventTime", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        record.put("eventName", eventName);
        record.put("userIdentity", Map.of("principalId", "SANDBOX"));
        record.put("requestParameters", Map.of("sourceIPAddress", "127.0.0.1"));
        record.put("responseElements", Map.of("x-amz-request-id",
                HexFormat.of().withUpperCase().toHexDigits(sequencer.get()), "x-amz-id-2", "sandbox"));
        record.put("s3", s3);
        return Map.of("Records", List.of(record));
    }

    /** S3 URL-encodes keys in event notifications (a space becomes {@code +}); slashes stay. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
