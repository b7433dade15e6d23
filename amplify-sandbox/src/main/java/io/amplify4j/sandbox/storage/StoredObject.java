package io.amplify4j.sandbox.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An object as stored: its bytes and what S3 returns with them. The byte array is never modified after storing.
 *
 * @param data the content
 * @param contentType the {@code Content-Type} given at upload ({@code binary/octet-stream} when none, as S3)
 * @param etag the entity tag, quoted ({@code "<md5 hex>"}), as S3 gives single-part uploads
 * @param lastModified when it was stored (second precision, as S3 reports it)
 * @param metadata user metadata ({@code x-amz-meta-*} headers, names lower-cased without the prefix)
 * @param checksums checksums given at upload and verified ({@code x-amz-checksum-crc32} and the like)
 */
public record StoredObject(byte[] data, String contentType, String etag, Instant lastModified,
        Map<String, String> metadata, Map<String, String> checksums) {

    public StoredObject {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        metadata = java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
        checksums = java.util.Collections.unmodifiableMap(new TreeMap<>(checksums));
    }

    /** The size in bytes. */
    public long size() {
        return data.length;
    }

    /** The entry a listing shows for this object under {@code key}. */
    public ObjectStore.Summary summary(String key) {
        return new ObjectStore.Summary(key, data.length, etag, lastModified);
    }
}
