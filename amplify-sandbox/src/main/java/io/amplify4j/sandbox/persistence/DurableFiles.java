package io.amplify4j.sandbox.persistence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** The few file operations durability rests on: an atomic replace and forcing a directory's entries to disk. */
final class DurableFiles {
    private DurableFiles() {}

    /** What writes a file's content. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code target} with new content so that after a crash at any moment the file holds either the old
     * or the new content, whole: write a temporary file beside it, force it to disk, rename it over the target,
     * force the directory.
     */
    static void replace(Path target, Content content) throws IOException {
        replace(target, content, false);
    }

    /**
     * {@link #replace(Path, Content)}, with the new file readable and writable by its owner alone from the moment it
     * exists (where the file system has POSIX permissions): for files holding keys or password hashes.
     */
    static void replace(Path target, Content content, boolean ownerOnly) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = directory.resolve(target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (ownerOnly && directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + directory + " cannot rename atomically; the sandbox "
                    + "needs a local file system for its data directory", e);
        }
        forceDirectory(directory);
    }

    /**
     * Forces a directory's entries (a created, renamed or deleted file) to disk. Where the platform cannot open a
     * directory (Windows), renames are already durable and this does nothing.
     */
    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (java.nio.file.AccessDeniedException | UnsupportedOperationException e) {
            // Windows: directories cannot be opened as channels; NTFS makes the rename itself durable.
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
                throw e;
            }
        }
    }
}
