package io.amplify4j.sandbox.storage;

import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the sandbox keeps objects, per bucket and key. Keys are opaque strings (never paths: {@code a/../b} is a
 * key of its own) ordered as S3 orders them, by their UTF-8 bytes, which is {@link #KEY_ORDER}.
 *
 * <p>Implementations are thread-safe; a write is durable (for stores that persist) when {@link #put} or
 * {@link #delete} returns.
 */
public interface ObjectStore extends AutoCloseable {

    /** S3's key order: by UTF-8 bytes, which is Unicode code point order (not Java's UTF-16 order). */
    Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    /** What a listing shows of an object. */
    record Summary(String key, long size, String etag, Instant lastModified) {
        public Summary {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(lastModified, "lastModified");
        }
    }

    /** Stores (or replaces) the object at {@code key}. */
    void put(String bucket, String key, StoredObject object);

    /** The object at {@code key}, if any. */
    Optional<StoredObject> get(String bucket, String key);

    /** Removes the object at {@code key}; true when there was one. */
    boolean delete(String bucket, String key);

    /**
     * The objects whose keys start with {@code prefix} and come strictly after {@code after} (when given), in
     * {@link #KEY_ORDER}. The iterator reflects the store at some moment during iteration; it never fails because
     * of concurrent writes.
     */
    Iterator<Summary> list(String bucket, String prefix, Optional<String> after);

    /** Removes every object of every bucket. */
    void clear();

    /** Releases what the store holds open; the default does nothing. */
    @Override
    default void close() {}
}
