package io.amplify4j.sandbox.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Objects as files under a directory, surviving restarts and crashes: {@code <dir>/<bucket>/<h>.json} holds an
 * object's key and headers and names its data file {@code <h>-<version>.bin}, where {@code h} is the SHA-256 of the
 * key (keys are never used as paths, so no key can reach outside the directory).
 *
 * <p>A write puts the data in a new file, forces it to disk, then atomically replaces the description and forces
 * the directory; only then is the old data file removed. A crash at any moment leaves either the old or the new
 * object, never a mix; data files no description names are removed at the next start. A delete removes the
 * description first. Keys and headers are indexed in memory; content is read from disk.
 *
 * <p>Thread-safe; writes are serialised.
 */
public final class FileObjectStore implements ObjectStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Map<String, ConcurrentSkipListMap<String, Entry>> index = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    /** What the description file holds. */
    private record Entry(String key, String dataFile, String contentType, String etag, long lastModifiedMillis,
            long size, Map<String, String> metadata, Map<String, String> checksums) {}

    /** Opens (creating if needed) the store under {@code root} and indexes what is there. */
    public FileObjectStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
        try {
            Files.createDirectories(root);
            try (DirectoryStream<Path> buckets = Files.newDirectoryStream(root, Files::isDirectory)) {
                for (Path bucket : buckets) {
                    load(bucket);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the object store at " + root, e);
        }
    }

    private void load(Path bucketDir) throws IOException {
        ConcurrentSkipListMap<String, Entry> entries = bucketIndex(bucketDir.getFileName().toString());
        java.util.Set<String> named = new java.util.HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(bucketDir, "*.json")) {
            for (Path file : files) {
                Entry entry = JSON.readValue(file.toFile(), Entry.class);
                if (Files.isRegularFile(bucketDir.resolve(entry.dataFile()))) {
                    entries.put(entry.key(), entry);
                    named.add(entry.dataFile());
                }
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(bucketDir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if ((name.endsWith(".bin") && !named.contains(name)) || name.endsWith(".tmp")) {
                    Files.deleteIfExists(file); // left by a crash mid-write
                }
            }
        }
    }

    private ConcurrentSkipListMap<String, Entry> bucketIndex(String bucket) {
        return index.computeIfAbsent(bucket, b -> new ConcurrentSkipListMap<>(KEY_ORDER));
    }

    @Override
    public void put(String bucket, String key, StoredObject object) {
        synchronized (writeLock) {
            try {
                Path dir = Files.createDirectories(root.resolve(checkBucket(bucket)));
                String hash = sha256(key);
                String dataFile = hash + "-" + UUID.randomUUID() + ".bin";
                writeDurably(dir.resolve(dataFile), object.data());
                Entry entry = new Entry(key, dataFile, object.contentType(), object.etag(),
                        object.lastModified().toEpochMilli(), object.data().length, object.metadata(),
                        object.checksums());
                Entry previous = bucketIndex(bucket).get(key);
                Path meta = dir.resolve(hash + ".json");
                Path temp = dir.resolve(hash + ".json.tmp");
                writeDurably(temp, JSON.writeValueAsBytes(entry));
                Files.move(temp, meta, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                forceDirectory(dir);
                bucketIndex(bucket).put(key, entry);
                if (previous != null) {
                    Files.deleteIfExists(dir.resolve(previous.dataFile()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot store " + bucket + "/" + key, e);
            }
        }
    }

    @Override
    public Optional<StoredObject> get(String bucket, String key) {
        Entry entry = bucketIndex(bucket).get(key);
        if (entry == null) {
            return Optional.empty();
        }
        try {
            byte[] data = Files.readAllBytes(root.resolve(checkBucket(bucket)).resolve(entry.dataFile()));
            return Optional.of(toObject(entry, data));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty(); // replaced or deleted meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + bucket + "/" + key, e);
        }
    }

    @Override
    public boolean delete(String bucket, String key) {
        synchronized (writeLock) {
            Entry entry = bucketIndex(bucket).remove(key);
            if (entry == null) {
                return false;
            }
            try {
                Path dir = root.resolve(checkBucket(bucket));
                Files.deleteIfExists(dir.resolve(sha256(key) + ".json"));
                forceDirectory(dir);
                Files.deleteIfExists(dir.resolve(entry.dataFile()));
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + bucket + "/" + key, e);
            }
        }
    }

    @Override
    public Iterator<Summary> list(String bucket, String prefix, Optional<String> after) {
        ConcurrentSkipListMap<String, Entry> entries = bucketIndex(bucket);
        var tail = after.filter(a -> KEY_ORDER.compare(a, prefix) >= 0)
                .map(a -> entries.tailMap(a, false))
                .orElse(entries.tailMap(prefix, true));
        return tail.values().stream()
                .takeWhile(e -> e.key().startsWith(prefix))
                .map(e -> new Summary(e.key(), e.size(), e.etag(), Instant.ofEpochMilli(e.lastModifiedMillis())))
                .iterator();
    }

    @Override
    public void clear() {
        synchronized (writeLock) {
            for (Map.Entry<String, ConcurrentSkipListMap<String, Entry>> bucket : index.entrySet()) {
                for (String key : new java.util.ArrayList<>(bucket.getValue().keySet())) {
                    delete(bucket.getKey(), key);
                }
            }
        }
    }

    private static StoredObject toObject(Entry entry, byte[] data) {
        return new StoredObject(data, entry.contentType(), entry.etag(), Instant.ofEpochMilli(entry.lastModifiedMillis()),
                entry.metadata() == null ? Map.of() : new LinkedHashMap<>(entry.metadata()),
                entry.checksums() == null ? Map.of() : new LinkedHashMap<>(entry.checksums()));
    }

    /** Bucket names become directory names, so they must be plain S3 names. */
    private static String checkBucket(String bucket) {
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,62}") || bucket.contains("..")) {
            throw new IllegalArgumentException("Not a bucket name: " + bucket);
        }
        return bucket;
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open directories; the rename is still atomic there.
        }
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
