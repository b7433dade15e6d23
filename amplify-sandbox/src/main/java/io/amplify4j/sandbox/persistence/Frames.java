package io.amplify4j.sandbox.persistence;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The framing shared by the write-ahead log and snapshots: an 8-byte file header naming the format, then records,
 * each {@code [length: int][crc32c of payload: int][payload]}. A record is whole or it is not there: a reader stops
 * at the first record that is short (the tail of a write cut by a crash) or whose checksum fails, and reports
 * where, so the log can be truncated there.
 */
final class Frames {
    /** No record is larger: a transaction of 100 items of 400 KB, with room to spare. */
    static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;
    static final int HEADER_BYTES = 8;
    static final byte[] WAL_MAGIC = "A4JWAL01".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SNAPSHOT_MAGIC = "A4JSNP01".getBytes(StandardCharsets.US_ASCII);

    private Frames() {}

    /** A record's bytes: length, checksum, payload. */
    static ByteBuffer frame(byte[] payload) {
        if (payload.length > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("a journal record of " + payload.length + " bytes exceeds "
                    + MAX_RECORD_BYTES);
        }
        ByteBuffer buffer = ByteBuffer.allocate(8 + payload.length);
        buffer.putInt(payload.length);
        buffer.putInt(crc(payload));
        buffer.put(payload);
        buffer.flip();
        return buffer;
    }

    static int crc(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    /** Reads the records of one file, in order. */
    static final class Reader implements Closeable {
        private final Path file;
        private final DataInputStream in;
        private final boolean headerPresent;
        private long offset;
        private Optional<String> damage = Optional.empty();

        /**
         * Opens {@code file}; a file shorter than the header (created, then cut by a crash) reads as empty. A
         * different header is not a file of ours.
         */
        Reader(Path file, byte[] magic) throws IOException {
            this.file = file;
            InputStream raw = Files.newInputStream(file);
            this.in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
            byte[] header = in.readNBytes(HEADER_BYTES);
            if (header.length < HEADER_BYTES) {
                headerPresent = false;
                offset = 0;
                return;
            }
            if (!Arrays.equals(header, magic)) {
                in.close();
                throw new IOException(file + " is not a " + new String(magic, StandardCharsets.US_ASCII)
                        + " file (its header is different); move it out of the data directory");
            }
            headerPresent = true;
            offset = HEADER_BYTES;
        }

        /** Whether the file has its header (else it is empty and must be rewritten before use). */
        boolean headerPresent() {
            return headerPresent;
        }

        /** The next record's payload; empty at the end or at the first damaged record (see {@link #damage()}). */
        Optional<byte[]> next() throws IOException {
            if (!headerPresent || damage.isPresent()) {
                return Optional.empty();
            }
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                if (in.available() == 0 && isExactEnd()) {
                    return Optional.empty();
                }
                return damaged("a record header cut short");
            }
            if (length <= 0 || length > MAX_RECORD_BYTES) {
                return damaged("a record length of " + length);
            }
            int expected;
            byte[] payload = new byte[length];
            try {
                expected = in.readInt();
                in.readFully(payload);
            } catch (EOFException e) {
                return damaged("a record of " + length + " bytes cut short");
            }
            if (crc(payload) != expected) {
                return damaged("a record whose checksum does not match");
            }
            offset += 8 + length;
            return Optional.of(payload);
        }

        private boolean isExactEnd() throws IOException {
            return Files.size(file) == offset;
        }

        private Optional<byte[]> damaged(String what) {
            damage = Optional.of(what + " at byte " + offset);
            return Optional.empty();
        }

        /** Where the file stopped being whole, when it did. */
        Optional<String> damage() {
            return damage;
        }

        /** The end of the last whole record: where the file is cut to drop a damaged tail. */
        long validLength() {
            return headerPresent ? offset : 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
