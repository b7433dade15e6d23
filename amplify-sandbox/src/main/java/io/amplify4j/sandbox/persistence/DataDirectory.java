package io.amplify4j.sandbox.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.amplify4j.sandbox.server.auth.ApiKeys;
import io.amplify4j.sandbox.server.auth.LocalUserPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A sandbox's data directory: what it keeps across restarts and crashes, and a lock so that two sandboxes never
 * share one.
 *
 * <pre>
 * &lt;dir&gt;/
 *   .lock            held while a sandbox uses the directory
 *   dynamodb/        the tables: write-ahead log and snapshots ({@link PersistentTables})
 *   auth.json        the local user pool (ids, signing key, users) and the API keys, replaced atomically
 *   storage/         the S3 subset's objects
 * </pre>
 *
 * <p>{@code auth.json} holds the user pool's private signing key and password hashes: it is for local development
 * only, and is created readable by its owner alone where the file system has POSIX permissions.
 */
public final class DataDirectory implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int AUTH_FORMAT = 1;

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating when missing) a data directory and locks it.
     *
     * @throws IllegalArgumentException naming the directory when it cannot be created or written, or when another
     *     sandbox (in this or another process) has it open
     */
    public static DataDirectory open(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot create the data directory " + root + " (" + e + "). Choose a "
                    + "directory you can write.", e);
        }
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new IllegalArgumentException("The data directory " + root + " is not a writable directory. Choose "
                    + "a directory you can write.");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new OverlappingFileLockException();
            }
            return new DataDirectory(root, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new IllegalArgumentException("The data directory " + root + " is in use by another sandbox. Stop "
                    + "it, or choose another directory.");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalArgumentException("Cannot lock the data directory " + root + " (" + e + "). Choose a "
                    + "directory on a local file system you can write.", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing with a clearer message.
            }
        }
    }

    public Path root() {
        return root;
    }

    /** The tables' directory. */
    public Path tablesDirectory() {
        return root.resolve("dynamodb");
    }

    /** Where the S3 subset keeps objects. */
    public Path storageDirectory() {
        return root.resolve("storage");
    }

    private Path authFile() {
        return root.resolve("auth.json");
    }

    /** The saved user pool and API keys; empty parts when nothing was saved yet. */
    public record AuthState(Optional<LocalUserPool.Saved> userPool, List<ApiKeys.ApiKey> apiKeys) {
        public AuthState {
            apiKeys = List.copyOf(apiKeys);
        }

        public static AuthState empty() {
            return new AuthState(Optional.empty(), List.of());
        }
    }

    /**
     * Reads {@code auth.json}.
     *
     * @throws UncheckedIOException naming the file when it cannot be read or is not what this version writes
     */
    public AuthState readAuth() {
        Path file = authFile();
        if (!Files.exists(file)) {
            return AuthState.empty();
        }
        try {
            Map<String, Object> json = JSON.readValue(file.toFile(), new TypeReference<>() {});
            if (!Integer.valueOf(AUTH_FORMAT).equals(json.get("format"))) {
                throw new IOException("unknown format " + json.get("format"));
            }
            Optional<LocalUserPool.Saved> pool = Optional.ofNullable(json.get("userPool"))
                    .map(p -> JSON.convertValue(p, LocalUserPool.Saved.class));
            List<ApiKeys.ApiKey> keys = new ArrayList<>();
            for (Object entry : (List<?>) json.getOrDefault("apiKeys", List.of())) {
                Map<?, ?> key = (Map<?, ?>) entry;
                keys.add(new ApiKeys.ApiKey((String) key.get("value"), Instant.parse((String) key.get("expires"))));
            }
            return new AuthState(pool, keys);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("Cannot read " + file + " (" + e.getMessage() + "). Move it out of the "
                    + "data directory to start with a fresh user pool and API key.",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /**
     * Replaces {@code auth.json} atomically with the pool's and the keys' current state. Serialized, so concurrent
     * changes each end with a file holding at least their own change.
     */
    public synchronized void saveAuth(Optional<LocalUserPool> pool, Optional<ApiKeys> keys) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", AUTH_FORMAT);
        pool.ifPresent(p -> json.put("userPool", p.saved()));
        List<Map<String, String>> apiKeys = new ArrayList<>();
        keys.ifPresent(k -> k.all().forEach(key -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("value", key.value());
            entry.put("expires", key.expires().toString());
            apiKeys.add(entry);
        }));
        json.put("apiKeys", apiKeys);
        try {
            DurableFiles.replace(authFile(), out -> JSON.writeValue(new NonClosing(out), json), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + authFile() + ": " + e.getMessage(), e);
        }
    }

    /** Saves the pool and keys after each of their changes. */
    public void keep(Optional<LocalUserPool> pool, Optional<ApiKeys> keys) {
        pool.ifPresent(p -> p.onChange(changed -> saveAuth(pool, keys)));
        keys.ifPresent(k -> k.onChange(() -> saveAuth(pool, keys)));
        saveAuth(pool, keys);
    }

    /** The tables of this directory; see {@link PersistentTables#in}. */
    public PersistentTables tables(long compactionBytes, Consumer<String> log) {
        return PersistentTables.in(tablesDirectory(), compactionBytes, log);
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it anyway.
        }
        closeQuietly(lockChannel);
    }

    /** Jackson closes the stream it writes; the atomic replace must force it first. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
