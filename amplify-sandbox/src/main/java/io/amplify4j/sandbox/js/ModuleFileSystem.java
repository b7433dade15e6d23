package io.amplify4j.sandbox.js;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The only file system guest code sees: a fixed, read-only set of runtime modules held in memory. A bare import
 * specifier such as {@code @aws-appsync/utils} resolves to {@code /node_modules/@aws-appsync/utils}; nothing on
 * the real disk is reachable.
 */
final class ModuleFileSystem implements FileSystem {
    private static final Path ROOT = Path.of("/");
    private static final Path NODE_MODULES = Path.of("/node_modules");

    private final Map<Path, byte[]> files;

    ModuleFileSystem(Map<String, String> filesByAbsolutePath) {
        var map = new java.util.HashMap<Path, byte[]>();
        filesByAbsolutePath.forEach((path, text) -> map.put(Path.of(path), text.getBytes(StandardCharsets.UTF_8)));
        this.files = Map.copyOf(map);
    }

    @Override
    public Path parsePath(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            throw new UnsupportedOperationException("Only modules of the sandbox can be imported: " + uri);
        }
        return Path.of(uri.getPath());
    }

    @Override
    public Path parsePath(String path) {
        if (path.startsWith("/") || path.startsWith(".")) {
            return Path.of(path);
        }
        return NODE_MODULES.resolve(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        Path absolute = toAbsolutePath(path).normalize();
        if (!files.containsKey(absolute) && !isDirectory(absolute)) {
            throw new NoSuchFileException(path.toString());
        }
        if (modes.contains(AccessMode.WRITE) || modes.contains(AccessMode.EXECUTE)) {
            throw new AccessDeniedException(path.toString());
        }
    }

    private boolean isDirectory(Path path) {
        return files.keySet().stream().anyMatch(file -> file.startsWith(path) && !file.equals(path));
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        throw new AccessDeniedException(dir.toString());
    }

    @Override
    public void delete(Path path) throws IOException {
        throw new AccessDeniedException(path.toString());
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
            throw new AccessDeniedException(path.toString());
        }
        byte[] bytes = files.get(toAbsolutePath(path).normalize());
        if (bytes == null) {
            throw new NoSuchFileException(path.toString());
        }
        return new ReadOnlyChannel(bytes);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        throw new AccessDeniedException(dir.toString());
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return path.isAbsolute() ? path : ROOT.resolve(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) {
        return toAbsolutePath(path).normalize();
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        Path absolute = toAbsolutePath(path).normalize();
        byte[] bytes = files.get(absolute);
        if (bytes == null && !isDirectory(absolute)) {
            throw new NoSuchFileException(path.toString());
        }
        boolean file = bytes != null;
        return Map.of(
                "isRegularFile", file,
                "isDirectory", !file,
                "isSymbolicLink", false,
                "isOther", false,
                "size", file ? (long) bytes.length : 0L);
    }

    private static final class ReadOnlyChannel implements SeekableByteChannel {
        private final byte[] bytes;
        private int position;
        private boolean open = true;

        ReadOnlyChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = (int) Math.min(newPosition, bytes.length);
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
