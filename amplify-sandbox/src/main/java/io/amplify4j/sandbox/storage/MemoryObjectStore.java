package io.amplify4j.sandbox.storage;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Objects in memory, gone when the sandbox stops: the default store. Thread-safe. */
public final class MemoryObjectStore implements ObjectStore {
    private final Map<String, ConcurrentSkipListMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();

    private ConcurrentSkipListMap<String, StoredObject> bucket(String name) {
        return buckets.computeIfAbsent(name, n -> new ConcurrentSkipListMap<>(KEY_ORDER));
    }

    @Override
    public void put(String bucket, String key, StoredObject object) {
        bucket(bucket).put(key, object);
    }

    @Override
    public Optional<StoredObject> get(String bucket, String key) {
        return Optional.ofNullable(bucket(bucket).get(key));
    }

    @Override
    public boolean delete(String bucket, String key) {
        return bucket(bucket).remove(key) != null;
    }

    @Override
    public Iterator<Summary> list(String bucket, String prefix, Optional<String> after) {
        NavigableMap<String, StoredObject> objects = bucket(bucket);
        NavigableMap<String, StoredObject> tail = after.filter(a -> KEY_ORDER.compare(a, prefix) >= 0)
                .map(a -> objects.tailMap(a, false))
                .orElse(objects.tailMap(prefix, true));
        Iterator<Map.Entry<String, StoredObject>> entries = tail.entrySet().iterator();
        return new Iterator<>() {
            private Summary next = advance();

            private Summary advance() {
                if (entries.hasNext()) {
                    Map.Entry<String, StoredObject> entry = entries.next();
                    if (entry.getKey().startsWith(prefix)) {
                        return entry.getValue().summary(entry.getKey());
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Summary next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                Summary current = next;
                next = advance();
                return current;
            }
        };
    }

    @Override
    public void clear() {
        buckets.clear();
    }
}
