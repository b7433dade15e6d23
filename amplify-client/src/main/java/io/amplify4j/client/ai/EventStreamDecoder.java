package io.amplify4j.client.ai;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads {@link EventStreamMessage}s one at a time from a byte stream (an HTTP response body), checking each
 * message's prelude CRC before trusting its lengths and its message CRC before handing it out. Not thread-safe.
 *
 * <pre>{@code
 * EventStreamDecoder decoder = new EventStreamDecoder(body);
 * for (Optional<EventStreamMessage> m = decoder.next(); m.isPresent(); m = decoder.next()) { ... }
 * }</pre>
 */
public final class EventStreamDecoder {
    /** The largest message AWS sends (16 MiB); anything longer is a corrupt prelude. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** The largest headers section AWS allows (128 KiB). */
    static final int MAX_HEADER_BYTES = 128 * 1024;

    private final InputStream in;
    private long offset;

    public EventStreamDecoder(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * The next message, or empty at the end of the stream (only between messages: a stream that ends inside a
     * message is an error).
     *
     * @throws EventStreamException when the bytes are not a valid message
     * @throws IOException when reading fails
     */
    public Optional<EventStreamMessage> next() throws IOException {
        long start = offset;
        byte[] prelude = new byte[EventStreamMessage.PRELUDE_BYTES];
        if (readFully(prelude, 0, prelude.length, true) == 0) {
            return Optional.empty();
        }
        ByteBuffer p = ByteBuffer.wrap(prelude);
        long total = Integer.toUnsignedLong(p.getInt());
        long headersLength = Integer.toUnsignedLong(p.getInt());
        long preludeCrc = Integer.toUnsignedLong(p.getInt());
        long computed = EventStreamMessage.crc(prelude, 0, 8);
        if (computed != preludeCrc) {
            throw new EventStreamException(String.format("Event stream: prelude CRC mismatch at byte %d (expected"
                    + " %08x, computed %08x); the stream is corrupt", start, preludeCrc, computed));
        }
        if (total < EventStreamMessage.OVERHEAD_BYTES || total > MAX_MESSAGE_BYTES) {
            throw new EventStreamException("Event stream: message at byte " + start + " claims " + total
                    + " bytes; a message is " + EventStreamMessage.OVERHEAD_BYTES + " to " + MAX_MESSAGE_BYTES);
        }
        if (headersLength > MAX_HEADER_BYTES || headersLength > total - EventStreamMessage.OVERHEAD_BYTES) {
            throw new EventStreamException("Event stream: message at byte " + start + " claims " + headersLength
                    + " bytes of headers in a message of " + total + " bytes");
        }
        byte[] message = new byte[(int) total];
        System.arraycopy(prelude, 0, message, 0, prelude.length);
        readFully(message, prelude.length, message.length - prelude.length, false);
        long messageCrc = Integer.toUnsignedLong(ByteBuffer.wrap(message, message.length - 4, 4).getInt());
        long computedMessage = EventStreamMessage.crc(message, 0, message.length - 4);
        if (computedMessage != messageCrc) {
            throw new EventStreamException(String.format("Event stream: message CRC mismatch for the message at"
                    + " byte %d (expected %08x, computed %08x); the stream is corrupt", start, messageCrc,
                    computedMessage));
        }
        int headersStart = EventStreamMessage.PRELUDE_BYTES;
        Map<String, Object> headers = headers(ByteBuffer.wrap(message, headersStart, (int) headersLength), start);
        int payloadStart = headersStart + (int) headersLength;
        byte[] payload = new byte[message.length - 4 - payloadStart];
        System.arraycopy(message, payloadStart, payload, 0, payload.length);
        return Optional.of(new EventStreamMessage(headers, payload));
    }

    private static Map<String, Object> headers(ByteBuffer buffer, long start) {
        Map<String, Object> headers = new LinkedHashMap<>();
        try {
            while (buffer.hasRemaining()) {
                int nameLength = Byte.toUnsignedInt(buffer.get());
                byte[] name = new byte[nameLength];
                buffer.get(name);
                String key = new String(name, StandardCharsets.UTF_8);
                int type = Byte.toUnsignedInt(buffer.get());
                Object value = switch (type) {
                    case 0 -> Boolean.TRUE;
                    case 1 -> Boolean.FALSE;
                    case 2 -> buffer.get();
                    case 3 -> buffer.getShort();
                    case 4 -> buffer.getInt();
                    case 5 -> buffer.getLong();
                    case 6 -> bytes(buffer);
                    case 7 -> new String(bytes(buffer), StandardCharsets.UTF_8);
                    case 8 -> Instant.ofEpochMilli(buffer.getLong());
                    case 9 -> new UUID(buffer.getLong(), buffer.getLong());
                    default -> throw new EventStreamException("Event stream: header `" + key + "` of the message at"
                            + " byte " + start + " has unknown value type " + type);
                };
                headers.put(key, value);
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new EventStreamException("Event stream: the headers of the message at byte " + start
                    + " run past their declared length", e);
        }
        return headers;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[Short.toUnsignedInt(buffer.getShort())];
        buffer.get(bytes);
        return bytes;
    }

    /** Reads exactly {@code length} bytes; returns 0 only when {@code endAllowed} and the stream ends at once. */
    private int readFully(byte[] into, int at, int length, boolean endAllowed) throws IOException {
        int read = 0;
        while (read < length) {
            int n = in.read(into, at + read, length - read);
            if (n < 0) {
                if (read == 0 && endAllowed) {
                    return 0;
                }
                throw new EventStreamException("Event stream: the stream ended inside a message (byte "
                        + (offset + read) + "); the connection was cut", new EOFException());
            }
            read += n;
        }
        offset += read;
        return read;
    }
}
