package io.amplify4j.sandbox.persistence;

import io.amplify4j.sandbox.dynamodb.AttributeValue;
import io.amplify4j.sandbox.dynamodb.DynamoDbStore;
import io.amplify4j.sandbox.dynamodb.Journal;
import io.amplify4j.sandbox.dynamodb.Mutation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's tables on disk: a write-ahead log with group commit, compacted now and then into an atomic snapshot.
 *
 * <h2>Why a write-ahead log</h2>
 * A write is acknowledged only after its record is on disk ({@code fsync}), so an acknowledged write survives a
 * {@code kill -9} or a power cut at any moment, and a write costs one small append rather than rewriting the data.
 * Each operation is one checksummed record (a batch or transaction is one record, so it is all there after a crash
 * or not at all). The record is written while the table's lock is held and forced after the lock is released, so
 * concurrent writes, to one table or many, share one {@code fsync} (group commit) instead of taking turns (see
 * BENCHMARKS.md, "Sandbox persistence"). The price: for the length of one flush, a read may see a write that is not
 * yet on disk; if the sandbox dies in that window the write is gone, and it was never acknowledged (a later write
 * that read it is later in the log, so it is gone too). Atomic snapshots alone would rewrite every item on every
 * write; they are used only to keep the log short.
 *
 * <h2>Files</h2>
 * <ul>
 *   <li>{@code wal-<generation>.a4j}: records appended since the snapshot of the same generation was cut.</li>
 *   <li>{@code snapshot-<generation>.a4j}: every item as of the start of {@code wal-<generation>}, written to a
 *       temporary file, forced, renamed into place and the directory forced; so it exists whole or not at all.</li>
 * </ul>
 * Compaction (when the log passes a size) cuts the store with every table's read lock held: it starts log
 * {@code g+1}, then, without locks, writes snapshot {@code g+1} and only then deletes log {@code g} and the older
 * snapshot. A crash at any step leaves either the old snapshot and both logs, or the new snapshot and the new log.
 *
 * <h2>Recovery</h2>
 * Load the newest snapshot, replay every later log in order, stop at the first record that is short or fails its
 * checksum (a write cut by the crash, never acknowledged), and cut the log there. Items of tables the definition no
 * longer has are skipped and reported.
 *
 * <p>An I/O error while appending stops all writes (the in-memory tables would otherwise drift from the log): the
 * failed write and every later one are refused until the sandbox restarts.
 */
public final class PersistentTables implements Journal, AutoCloseable {
    /** The log size that triggers a compaction by default. */
    public static final long DEFAULT_COMPACTION_BYTES = 32L * 1024 * 1024;

    private static final Pattern WAL = Pattern.compile("wal-(\\d{12})\\.a4j");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{12})\\.a4j");
    private static final int ITEMS_PER_SNAPSHOT_RECORD = 512;
    private static final byte SNAPSHOT_ITEMS = 1;
    private static final byte SNAPSHOT_END = 2;

    private final Path directory;
    private final long compactionBytes;
    private final Consumer<String> log;
    private final Object writeLock = new Object();
    private final Object syncLock = new Object();
    private final Object compactionLock = new Object();
    private final AtomicBoolean compactionScheduled = new AtomicBoolean();
    private final ExecutorService compactor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "amplify4j-sandbox-compaction");
        thread.setDaemon(true);
        return thread;
    });

    /** Per writing thread: the log position its last record ends at, until {@link #awaitDurable()} saw it forced. */
    private final ThreadLocal<long[]> pending = ThreadLocal.withInitial(() -> new long[1]);

    private DynamoDbStore store;
    private FileChannel channel;
    private long generation;
    /** Bytes in the current log file: what triggers compaction. */
    private long fileBytes;
    /** Positions over all log files (never reset), so a wait that spans a log switch stays right. */
    private long written;
    private long synced;
    private volatile IOException failure;
    private volatile boolean closed;

    private PersistentTables(Path directory, long compactionBytes, Consumer<String> log) {
        this.directory = directory;
        this.compactionBytes = compactionBytes;
        this.log = log;
    }

    /**
     * The tables of the directory {@code directory} (created when missing). Nothing is read until
     * {@link #recover(DynamoDbStore)}; hand this journal to the store first, then create its tables, then recover.
     */
    public static PersistentTables in(Path directory, long compactionBytes, Consumer<String> log) {
        if (compactionBytes < 1024) {
            throw new IllegalArgumentException("compactionBytes must be at least 1024; got " + compactionBytes);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the table directory " + directory + ": " + e, e);
        }
        return new PersistentTables(directory, compactionBytes, Objects.requireNonNull(log, "log"));
    }

    /** What recovery found. */
    public record Recovery(long snapshotItems, long logRecords, long skippedMutations, List<String> damage) {
        public Recovery {
            damage = List.copyOf(damage);
        }

        /** One line for the start-up progress. */
        public String describe() {
            String text = snapshotItems + " items from the snapshot, " + logRecords + " log records replayed";
            if (skippedMutations > 0) {
                text += ", " + skippedMutations + " changes to tables no longer defined skipped";
            }
            if (!damage.isEmpty()) {
                text += "; " + String.join("; ", damage);
            }
            return text;
        }
    }

    /**
     * Loads the directory into {@code store} (whose journal is this, and whose tables exist) and opens the log for
     * appends. Called once.
     *
     * @throws UncheckedIOException when a snapshot is damaged or a file cannot be read or written
     */
    public Recovery recover(DynamoDbStore store) {
        synchronized (writeLock) {
            if (this.store != null) {
                throw new IllegalStateException("already recovered");
            }
            try {
                Recovery recovery = load(store);
                this.store = store;
                return recovery;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot recover the tables in " + directory + ": " + e.getMessage(), e);
            }
        }
    }

    private Recovery load(DynamoDbStore target) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(".tmp")) {
                    Files.delete(file); // a snapshot whose writing a crash cut short
                }
            }
        }
        TreeMap<Long, Path> snapshots = numbered(SNAPSHOT);
        TreeMap<Long, Path> logs = numbered(WAL);
        long base = snapshots.isEmpty() ? 0 : snapshots.lastKey();
        List<String> damage = new ArrayList<>();
        long[] skipped = {0};
        long snapshotItems = 0;
        if (base > 0) {
            snapshotItems = loadSnapshot(snapshots.get(base), target, skipped);
        }
        long records = 0;
        List<Long> replay = new ArrayList<>(logs.tailMap(base, true).keySet());
        for (int i = 0; i < replay.size(); i++) {
            long number = replay.get(i);
            Path file = logs.get(number);
            try (Frames.Reader reader = new Frames.Reader(file, Frames.WAL_MAGIC)) {
                Optional<byte[]> record;
                while ((record = reader.next()).isPresent()) {
                    List<Mutation> mutations = ItemCodec.decodeMutations(
                            new DataInputStream(new ByteArrayInputStream(record.get())));
                    apply(target, mutations, skipped);
                    records++;
                }
                if (reader.damage().isPresent()) {
                    long cut = Files.size(file) - reader.validLength();
                    damage.add(file.getFileName() + ": dropped " + cut + " bytes after " + reader.damage().get()
                            + " (a write cut by a crash, never acknowledged)");
                    truncate(file, reader.validLength());
                }
            }
        }
        // Older snapshots and logs the newest snapshot covers: left by a crash during compaction.
        for (Map.Entry<Long, Path> old : snapshots.headMap(base, false).entrySet()) {
            Files.deleteIfExists(old.getValue());
        }
        for (Map.Entry<Long, Path> old : logs.headMap(base, false).entrySet()) {
            Files.deleteIfExists(old.getValue());
        }
        generation = replay.isEmpty() ? Math.max(base, 1) : replay.get(replay.size() - 1);
        openLog(directory.resolve(walName(generation)));
        return new Recovery(snapshotItems, records, skipped[0], damage);
    }

    private TreeMap<Long, Path> numbered(Pattern pattern) throws IOException {
        TreeMap<Long, Path> out = new TreeMap<>();
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Matcher matcher = pattern.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    out.put(Long.parseLong(matcher.group(1)), file);
                }
            }
        }
        return out;
    }

    private long loadSnapshot(Path file, DynamoDbStore target, long[] skipped) throws IOException {
        long items = 0;
        boolean ended = false;
        try (Frames.Reader reader = new Frames.Reader(file, Frames.SNAPSHOT_MAGIC)) {
            Optional<byte[]> record;
            while ((record = reader.next()).isPresent()) {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(record.get()));
                byte kind = in.readByte();
                if (kind == SNAPSHOT_END) {
                    long expected = in.readLong();
                    if (expected != items) {
                        throw new IOException("snapshot " + file + " lists " + expected + " items but holds " + items);
                    }
                    ended = true;
                    break;
                }
                String table = ItemCodec.readString(in);
                int count = in.readInt();
                List<Mutation> puts = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    Map<String, AttributeValue> item = ItemCodec.readMap(in);
                    puts.add(new Mutation(table, Map.of(), Optional.of(item)));
                }
                apply(target, puts, skipped);
                items += count;
            }
            if (!ended) {
                throw new IOException("snapshot " + file + " is damaged (" + reader.damage().orElse("no end record")
                        + "). It was complete when written, so the disk changed it; move it out of the data "
                        + "directory to start from the log alone, or restore it from a backup");
            }
        }
        return items;
    }

    private static void apply(DynamoDbStore target, List<Mutation> mutations, long[] skipped) {
        List<Mutation> known = new ArrayList<>(mutations.size());
        for (Mutation mutation : mutations) {
            if (target.table(mutation.table()).isPresent()) {
                known.add(mutation);
            } else {
                skipped[0]++;
            }
        }
        if (!known.isEmpty()) {
            target.apply(known);
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(true);
        }
    }

    /** Opens (creating when needed) a log file for appends, writing its header when it has none. */
    private void openLog(Path file) throws IOException {
        boolean created = !Files.exists(file);
        FileChannel opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        if (opened.size() < Frames.HEADER_BYTES) {
            opened.truncate(0);
            ByteBuffer header = ByteBuffer.wrap(Frames.WAL_MAGIC);
            while (header.hasRemaining()) {
                opened.write(header, opened.size());
            }
            opened.force(true);
        }
        if (created) {
            DurableFiles.forceDirectory(directory);
        }
        opened.position(opened.size());
        channel = opened;
        fileBytes = opened.size();
        synced = written;
    }

    private static String walName(long generation) {
        return String.format("wal-%012d.a4j", generation);
    }

    private static String snapshotName(long generation) {
        return String.format("snapshot-%012d.a4j", generation);
    }

    // ------------------------------------------------------------------------------------------ appends

    /**
     * Writes one operation's changes to the log (not yet forced). Called by the store with the affected tables' write
     * locks held, before the changes become visible; the store then releases the locks and calls
     * {@link #awaitDurable()} before the write is acknowledged.
     */
    @Override
    public void append(List<Mutation> mutations) {
        ByteBuffer frame = Frames.frame(ItemCodec.encodeMutations(mutations));
        long bytes;
        synchronized (writeLock) {
            checkWritable();
            try {
                while (frame.hasRemaining()) {
                    int n = channel.write(frame);
                    written += n;
                    fileBytes += n;
                }
            } catch (IOException e) {
                throw fail(e);
            }
            pending.get()[0] = written;
            bytes = fileBytes;
        }
        if (bytes >= compactionBytes && compactionScheduled.compareAndSet(false, true)) {
            compactor.execute(this::compactInBackground);
        }
    }

    /**
     * Returns once this thread's last record is on disk. Group commit: one thread forces the log for every record
     * written before it started, and the threads that waited meanwhile find their records already forced.
     */
    @Override
    public void awaitDurable() {
        long[] mine = pending.get();
        if (mine[0] == 0) {
            return;
        }
        long end = mine[0];
        mine[0] = 0;
        awaitDurable(end);
    }

    private void checkWritable() {
        if (store == null) {
            throw new IllegalStateException("The tables were not recovered yet; call recover(store) first");
        }
        if (closed) {
            throw new IllegalStateException("The sandbox's tables are closed");
        }
        if (failure != null) {
            throw new UncheckedIOException("The data directory " + directory + " stopped accepting writes after an "
                    + "I/O error (" + failure.getMessage() + "); fix the disk and restart the sandbox", failure);
        }
    }

    private UncheckedIOException fail(IOException e) {
        failure = e;
        log.accept("DATA DIRECTORY WRITE FAILED, refusing further writes: " + e);
        return new UncheckedIOException("Cannot write to the data directory " + directory + ": " + e.getMessage(), e);
    }

    private void awaitDurable(long end) {
        synchronized (syncLock) {
            if (synced >= end) {
                return;
            }
            long target;
            FileChannel current;
            synchronized (writeLock) {
                target = written;
                current = channel;
            }
            try {
                current.force(false);
            } catch (IOException e) {
                synchronized (writeLock) {
                    throw fail(e);
                }
            }
            synced = target;
        }
    }

    // ------------------------------------------------------------------------------------------ compaction

    private void compactInBackground() {
        try {
            compact();
        } catch (RuntimeException e) {
            log.accept("Compaction of " + directory + " failed (the log keeps growing, nothing is lost): " + e);
        } finally {
            compactionScheduled.set(false);
        }
    }

    /**
     * Writes a snapshot of every table and starts a fresh log, then deletes the files the snapshot covers. Writes
     * wait only while the cut is taken (a new log file is created); the snapshot is written while they go on.
     */
    public void compact() {
        synchronized (compactionLock) {
            if (store == null || closed) {
                return;
            }
            try {
                record Cut(long generation, Map<String, List<Map<String, AttributeValue>>> items) {}
                Cut cut = store.quiesced(items -> {
                    synchronized (syncLock) {
                        synchronized (writeLock) {
                            checkWritable();
                            try {
                                channel.force(false);
                                channel.close();
                                synced = written;
                                generation++;
                                openLog(directory.resolve(walName(generation)));
                            } catch (IOException e) {
                                throw fail(e);
                            }
                            return new Cut(generation, items);
                        }
                    }
                });
                DurableFiles.replace(directory.resolve(snapshotName(cut.generation())),
                        out -> writeSnapshot(new DataOutputStream(out), cut.items()));
                for (Map.Entry<Long, Path> old : numbered(SNAPSHOT).headMap(cut.generation(), false).entrySet()) {
                    Files.deleteIfExists(old.getValue());
                }
                for (Map.Entry<Long, Path> old : numbered(WAL).headMap(cut.generation(), false).entrySet()) {
                    Files.deleteIfExists(old.getValue());
                }
                DurableFiles.forceDirectory(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot compact " + directory + ": " + e.getMessage(), e);
            }
        }
    }

    private static void writeSnapshot(DataOutputStream out, Map<String, List<Map<String, AttributeValue>>> tables)
            throws IOException {
        out.write(Frames.SNAPSHOT_MAGIC);
        long total = 0;
        for (Map.Entry<String, List<Map<String, AttributeValue>>> table : tables.entrySet()) {
            List<Map<String, AttributeValue>> items = table.getValue();
            for (int from = 0; from < items.size(); from += ITEMS_PER_SNAPSHOT_RECORD) {
                List<Map<String, AttributeValue>> chunk =
                        items.subList(from, Math.min(items.size(), from + ITEMS_PER_SNAPSHOT_RECORD));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream record = new DataOutputStream(bytes);
                record.writeByte(SNAPSHOT_ITEMS);
                ItemCodec.writeString(record, table.getKey());
                record.writeInt(chunk.size());
                for (Map<String, AttributeValue> item : chunk) {
                    ItemCodec.writeMap(record, item);
                }
                record.flush();
                writeFrame(out, bytes.toByteArray());
                total += chunk.size();
            }
        }
        ByteArrayOutputStream end = new ByteArrayOutputStream();
        DataOutputStream record = new DataOutputStream(end);
        record.writeByte(SNAPSHOT_END);
        record.writeLong(total);
        record.flush();
        writeFrame(out, end.toByteArray());
        out.flush();
    }

    private static void writeFrame(DataOutputStream out, byte[] payload) throws IOException {
        ByteBuffer frame = Frames.frame(payload);
        out.write(frame.array(), frame.arrayOffset(), frame.remaining());
    }

    /** The files of the directory, sorted: for tests and diagnostics. */
    public List<Path> files() {
        try (var files = Files.list(directory)) {
            return new ArrayList<>(new TreeSet<>(files.toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a running compaction, then closes the log. Writes after this fail. */
    @Override
    public void close() {
        compactor.shutdown();
        try {
            compactor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (compactionLock) {
            synchronized (writeLock) {
                closed = true;
                if (channel != null) {
                    try {
                        channel.force(false);
                        channel.close();
                    } catch (IOException e) {
                        log.accept("Closing the log of " + directory + " failed: " + e);
                    }
                }
            }
        }
    }
}
