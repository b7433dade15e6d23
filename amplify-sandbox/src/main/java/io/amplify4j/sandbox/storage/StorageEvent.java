package io.amplify4j.sandbox.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An object created or removed in a bucket, after the change is stored: what S3 event notifications report and
 * what storage triggers ({@code onUpload}, {@code onDelete}) run on.
 *
 * @param type created or removed
 * @param storage the bucket's name in the definition (for example {@code media})
 * @param bucketName the bucket's S3 name in the sandbox
 * @param key the object's key, literally
 * @param size the object's size (0 for removals)
 * @param etag the object's entity tag without quotes (empty for removals)
 * @param time when the change was stored
 * @param function the function the definition runs on this event ({@code onUpload} or {@code onDelete}), if any
 * @param principal the session ARN of whoever made the change
 */
public record StorageEvent(Type type, String storage, String bucketName, String key, long size, String etag,
        Instant time, Optional<String> function, String principal) {

    public StorageEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(principal, "principal");
    }

    /** The kinds of change, with S3's event names. */
    public enum Type {
        OBJECT_CREATED("ObjectCreated:Put"),
        OBJECT_REMOVED("ObjectRemoved:Delete");

        private final String eventName;

        Type(String eventName) {
            this.eventName = eventName;
        }

        /** S3's {@code eventName}, for example {@code ObjectCreated:Put}. */
        public String eventName() {
            return eventName;
        }
    }
}
