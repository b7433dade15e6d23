package io.amplify4j.sandbox.storage;

import io.amplify4j.plan.BucketPlan;
import io.amplify4j.plan.StoragePlan;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The sandbox's buckets: each definition bucket under its S3 name ({@link #bucketName}), the store holding their
 * objects, and the triggers told about changes.
 *
 * <p>Thread-safe.
 */
public final class LocalStorage implements AutoCloseable {
    private final Map<String, Bucket> byS3Name;
    private final ObjectStore store;
    private final List<StorageEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<String> log;

    /** A bucket: its S3 name and its plan. */
    public record Bucket(String s3Name, BucketPlan plan) {
        public Bucket {
            Objects.requireNonNull(s3Name, "s3Name");
            Objects.requireNonNull(plan, "plan");
        }
    }

    public LocalStorage(String backendName, StoragePlan plan, ObjectStore store, Consumer<String> log) {
        this.store = Objects.requireNonNull(store, "store");
        this.log = Objects.requireNonNull(log, "log");
        this.byS3Name = plan.buckets().stream()
                .map(b -> new Bucket(bucketName(backendName, b.name()), b))
                .collect(Collectors.toUnmodifiableMap(Bucket::s3Name, b -> b));
    }

    /**
     * The S3 name of definition bucket {@code storage} of backend {@code backendName}:
     * {@code <backend>-<storage>-local}, lower case, anything S3 does not allow in a bucket name replaced by
     * {@code -} ({@code shop-media-local}). Always holds a {@code -}, so it never collides with the sandbox's own
     * paths such as {@code /graphql}.
     */
    public static String bucketName(String backendName, String storage) {
        String name = (backendName + "-" + storage + "-local").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    /** The S3 name of definition bucket {@code storage}. */
    public Optional<String> s3Name(String storage) {
        return byS3Name.values().stream().filter(b -> b.plan().name().equals(storage)).map(Bucket::s3Name).findFirst();
    }

    /** The bucket with this S3 name. */
    public Optional<Bucket> bucket(String s3Name) {
        return Optional.ofNullable(byS3Name.get(s3Name));
    }

    /** Every bucket. */
    public List<Bucket> buckets() {
        return byS3Name.values().stream().sorted(java.util.Comparator.comparing(Bucket::s3Name)).toList();
    }

    /** The objects. */
    public ObjectStore store() {
        return store;
    }

    /** Adds a receiver of storage events. */
    public void addListener(StorageEventListener receiver) {
        listeners.add(Objects.requireNonNull(receiver, "receiver"));
    }

    /** Tells every receiver about {@code event}; a failing receiver is logged and the others still run. */
    void fire(StorageEvent event) {
        for (StorageEventListener receiver : listeners) {
            try {
                if (event.type() == StorageEvent.Type.OBJECT_CREATED) {
                    receiver.onUpload(event);
                } else {
                    receiver.onDelete(event);
                }
            } catch (RuntimeException e) {
                log.accept("storage trigger failed for " + event.type().eventName() + " " + event.bucketName() + "/"
                        + event.key() + ": " + e);
            }
        }
    }

    /** Deletes every object. */
    public void clear() {
        store.clear();
    }

    @Override
    public void close() {
        store.close();
    }
}
