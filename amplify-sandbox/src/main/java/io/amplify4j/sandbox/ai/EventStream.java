package io.amplify4j.sandbox.ai;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The AWS event-stream encoding ({@code application/vnd.amazon.eventstream}) that Bedrock's ConverseStream answers
 * in: a sequence of binary messages, each
 * <pre>
 *   total length (4 bytes) | headers length (4) | prelude CRC32 (4) | headers | payload | message CRC32 (4)
 * </pre>
 * with big-endian integers, the prelude CRC over the first 8 bytes and the message CRC over everything before it.
 * A header is its name's length (1 byte), the name (UTF-8), a type byte and the value; Bedrock sends strings
 * ({@code :message-type}, {@code :event-type} or {@code :exception-type}, {@code :content-type}).
 */
public final class EventStream {
    /** The media type of an event stream. */
    public static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
    /** The largest message the format allows (16 MiB of payload plus headers and framing). */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024 + 128 * 1024 + 16;
    private static final int PRELUDE_BYTES = 12;
    private static final int MAX_HEADERS_BYTES = 128 * 1024;

    private EventStream() {}

    /**
     * One message of an event stream.
     *
     * @param headers the headers in order; values are {@code String}, {@code Boolean}, {@code Byte}, {@code Short},
     *     {@code Integer}, {@code Long}, {@code byte[]}, {@link Instant} (millisecond precision) or {@link UUID}
     * @param payload the payload bytes (for Bedrock, a JSON object)
     */
    public record Message(Map<String, Object> headers, byte[] payload) {
        public Message {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
            payload = Objects.requireNonNull(payload, "payload").clone();
        }

        /** An event of type {@code eventType} with a JSON payload, as Bedrock sends one. */
        public static Message event(String eventType, byte[] json) {
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put(":event-type", eventType);
            headers.put(":content-type", "application/json");
            headers.put(":message-type", "event");
            return new Message(headers, json);
        }

        /** An exception of type {@code exceptionType} (for example {@code throttlingException}) with a JSON payload. */
        public static Message exception(String exceptionType, byte[] json) {
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put(":exception-type", exceptionType);
            headers.put(":content-type", "application/json");
            headers.put(":message-type", "exception");
            return new Message(headers, json);
        }

        /** A string header's value. */
        public Optional<String> header(String name) {
            return headers.get(name) instanceof String value ? Optional.of(value) : Optional.empty();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Message that && headersEqual(headers, that.headers)
                    && Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return headers.keySet().hashCode() * 31 + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Message" + headers + " " + new String(payload, StandardCharsets.UTF_8);
        }

        private static boolean headersEqual(Map<String, Object> a, Map<String, Object> b) {
            if (!a.keySet().equals(b.keySet())) {
                return false;
            }
            for (Map.Entry<String, Object> entry : a.entrySet()) {
                Object other = b.get(entry.getKey());
                boolean same = entry.getValue() instanceof byte[] bytes
                        ? other instanceof byte[] otherBytes && Arrays.equals(bytes, otherBytes)
                        : entry.getValue().equals(other);
                if (!same) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The bytes of one message, CRCs included. */
    public static byte[] encode(Message message) {
        byte[] headers = encodeHeaders(message.headers());
        if (headers.length > MAX_HEADERS_BYTES) {
            throw new IllegalArgumentException("Event-stream headers exceed " + MAX_HEADERS_BYTES + " bytes");
        }
        byte[] payload = message.payload;
        long total = (long) PRELUDE_BYTES + headers.length + payload.length + 4;
        if (total > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("An event-stream message may not exceed " + MAX_MESSAGE_BYTES
                    + " bytes; this one has " + total);
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) total);
        buffer.putInt((int) total).putInt(headers.length);
        buffer.putInt((int) crc(buffer.array(), 0, 8));
        buffer.put(headers).put(payload);
        buffer.putInt((int) crc(buffer.array(), 0, buffer.position()));
        return buffer.array();
    }

    /** The bytes of several messages, one after another. */
    public static byte[] encode(List<Message> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Message message : messages) {
            out.writeBytes(encode(message));
        }
        return out.toByteArray();
    }

    /**
     * Every message of {@code bytes}.
     *
     * @throws IllegalArgumentException when a message is truncated, too large or fails a CRC check
     */
    public static List<Message> decode(byte[] bytes) {
        List<Message> out = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            Optional<Message> next;
            while ((next = read(in)).isPresent()) {
                out.add(next.get());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed event stream: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The next message of {@code in}, or empty at the end of the stream (between messages).
     *
     * @throws IOException when the stream fails or ends inside a message, or a message is malformed
     */
    public static Optional<Message> read(InputStream in) throws IOException {
        byte[] prelude = new byte[PRELUDE_BYTES];
        int first = in.readNBytes(prelude, 0, PRELUDE_BYTES);
        if (first == 0) {
            return Optional.empty();
        }
        if (first < PRELUDE_BYTES) {
            throw new EOFException("The event stream ends inside a message prelude");
        }
        ByteBuffer head = ByteBuffer.wrap(prelude);
        int total = head.getInt();
        int headersLength = head.getInt();
        int preludeCrc = head.getInt();
        if ((int) crc(prelude, 0, 8) != preludeCrc) {
            throw new IOException("Event-stream prelude CRC mismatch");
        }
        if (total < PRELUDE_BYTES + 4 || total > MAX_MESSAGE_BYTES || headersLength < 0
                || headersLength > MAX_HEADERS_BYTES || headersLength > total - PRELUDE_BYTES - 4) {
            throw new IOException("Event-stream message of invalid length (total " + total + ", headers "
                    + headersLength + ")");
        }
        byte[] message = Arrays.copyOf(prelude, total);
        if (in.readNBytes(message, PRELUDE_BYTES, total - PRELUDE_BYTES) != total - PRELUDE_BYTES) {
            throw new EOFException("The event stream ends inside a message");
        }
        int messageCrc = ByteBuffer.wrap(message, total - 4, 4).getInt();
        if ((int) crc(message, 0, total - 4) != messageCrc) {
            throw new IOException("Event-stream message CRC mismatch");
        }
        Map<String, Object> headers = decodeHeaders(ByteBuffer.wrap(message, PRELUDE_BYTES, headersLength));
        byte[] payload = Arrays.copyOfRange(message, PRELUDE_BYTES + headersLength, total - 4);
        return Optional.of(new Message(headers, payload));
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    private static byte[] encodeHeaders(Map<String, Object> headers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Map.Entry<String, Object> header : headers.entrySet()) {
                byte[] name = header.getKey().getBytes(StandardCharsets.UTF_8);
                if (name.length == 0 || name.length > 255) {
                    throw new IllegalArgumentException("An event-stream header name must be 1 to 255 bytes: "
                            + header.getKey());
                }
                out.writeByte(name.length);
                out.write(name);
                Object value = Objects.requireNonNull(header.getValue(), header.getKey());
                writeValue(out, header.getKey(), value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeValue(DataOutputStream out, String name, Object value) throws IOException {
        if (value instanceof Boolean b) {
            out.writeByte(b ? 0 : 1);
        } else if (value instanceof Byte b) {
            out.writeByte(2);
            out.writeByte(b);
        } else if (value instanceof Short s) {
            out.writeByte(3);
            out.writeShort(s);
        } else if (value instanceof Integer i) {
            out.writeByte(4);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(5);
            out.writeLong(l);
        } else if (value instanceof byte[] array) {
            out.writeByte(6);
            writeShortLength(out, array);
        } else if (value instanceof String s) {
            out.writeByte(7);
            writeShortLength(out, s.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Instant t) {
            out.writeByte(8);
            out.writeLong(t.toEpochMilli());
        } else if (value instanceof UUID u) {
            out.writeByte(9);
            out.writeLong(u.getMostSignificantBits());
            out.writeLong(u.getLeastSignificantBits());
        } else {
            throw new IllegalArgumentException("Event-stream header " + name + " has a value of unsupported type "
                    + value.getClass().getName());
        }
    }

    private static void writeShortLength(DataOutputStream out, byte[] value) throws IOException {
        if (value.length > 0x7fff) {
            throw new IllegalArgumentException("An event-stream header value may not exceed 32767 bytes");
        }
        out.writeShort(value.length);
        out.write(value);
    }

    private static Map<String, Object> decodeHeaders(ByteBuffer in) throws IOException {
        Map<String, Object> headers = new LinkedHashMap<>();
        try {
            while (in.hasRemaining()) {
                byte[] name = new byte[in.get() & 0xff];
                in.get(name);
                int type = in.get();
                Object value = switch (type) {
                    case 0 -> Boolean.TRUE;
                    case 1 -> Boolean.FALSE;
                    case 2 -> in.get();
                    case 3 -> in.getShort();
                    case 4 -> in.getInt();
                    case 5 -> in.getLong();
                    case 6, 7 -> {
                        byte[] bytes = new byte[in.getShort() & 0xffff];
                        in.get(bytes);
                        yield type == 6 ? bytes : new String(bytes, StandardCharsets.UTF_8);
                    }
                    case 8 -> Instant.ofEpochMilli(in.getLong());
                    case 9 -> new UUID(in.getLong(), in.getLong());
                    default -> throw new IOException("Unknown event-stream header type " + type);
                };
                headers.put(new String(name, StandardCharsets.UTF_8), value);
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException("Event-stream headers are truncated", e);
        }
        return headers;
    }
}
