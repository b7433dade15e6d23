package io.amplify4j.client.ai;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * One message of the AWS event-stream encoding ({@code application/vnd.amazon.eventstream}), which Bedrock's
 * {@code ConverseStream} answers with: typed headers and a payload.
 *
 * <p>On the wire: a 12-byte prelude (total length, headers length, both big-endian {@code uint32}, and the CRC32 of
 * those 8 bytes), the headers (each a 1-byte name length, the name, a 1-byte value type and the value), the payload,
 * and the CRC32 of everything before it. Header values are kept as Java values: {@code Boolean}, {@code Byte},
 * {@code Short}, {@code Integer}, {@code Long}, {@code byte[]}, {@code String}, {@code Instant} (timestamps, in
 * milliseconds on the wire) and {@code UUID}.
 *
 * @param headers the headers in wire order
 * @param payload the payload bytes (for Bedrock, a JSON object)
 */
public record EventStreamMessage(Map<String, Object> headers, byte[] payload) {
    /** The prelude: total length, headers length, prelude CRC. */
    static final int PRELUDE_BYTES = 12;
    /** The prelude and the message CRC: the size of a message without headers or payload. */
    static final int OVERHEAD_BYTES = PRELUDE_BYTES + 4;

    public EventStreamMessage {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(payload, "payload");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A message with string headers only (what Bedrock sends) and a UTF-8 text payload. */
    public static EventStreamMessage of(Map<String, String> headers, String payload) {
        return new EventStreamMessage(new LinkedHashMap<>(headers), payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The header's value when it is a string ({@code :message-type}, {@code :event-type} ...). */
    public Optional<String> stringHeader(String name) {
        return headers.get(name) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /** The payload as UTF-8 text. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** This message in the wire encoding, both CRCs included. */
    public byte[] encode() {
        try {
            ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(headerBytes);
            for (Map.Entry<String, Object> header : headers.entrySet()) {
                byte[] name = header.getKey().getBytes(StandardCharsets.UTF_8);
                if (name.length == 0 || name.length > 255) {
                    throw new IllegalArgumentException("Event-stream header names are 1 to 255 bytes: `"
                            + header.getKey() + "`");
                }
                out.writeByte(name.length);
                out.write(name);
                writeValue(out, header.getKey(), header.getValue());
            }
            int total = OVERHEAD_BYTES + headerBytes.size() + payload.length;
            ByteArrayOutputStream message = new ByteArrayOutputStream(total);
            DataOutputStream wire = new DataOutputStream(message);
            wire.writeInt(total);
            wire.writeInt(headerBytes.size());
            wire.writeInt((int) crc(message.toByteArray(), 0, 8));
            headerBytes.writeTo(wire);
            wire.write(payload);
            wire.writeInt((int) crc(message.toByteArray(), 0, message.size()));
            return message.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValue(DataOutputStream out, String name, Object value) throws IOException {
        if (value instanceof Boolean flag) {
            out.writeByte(flag ? 0 : 1);
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
        } else if (value instanceof byte[] bytes) {
            out.writeByte(6);
            writeShortLength(out, name, bytes.length);
            out.write(bytes);
        } else if (value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.writeByte(7);
            writeShortLength(out, name, bytes.length);
            out.write(bytes);
        } else if (value instanceof Instant instant) {
            out.writeByte(8);
            out.writeLong(instant.toEpochMilli());
        } else if (value instanceof UUID uuid) {
            out.writeByte(9);
            out.writeLong(uuid.getMostSignificantBits());
            out.writeLong(uuid.getLeastSignificantBits());
        } else {
            throw new IllegalArgumentException("Header `" + name + "`: event-stream headers cannot hold a "
                    + (value == null ? "null" : value.getClass().getName()));
        }
    }

    private static void writeShortLength(DataOutputStream out, String name, int length) throws IOException {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("Header `" + name + "` is " + length + " bytes; at most 65535");
        }
        out.writeShort(length);
    }

    static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventStreamMessage that && headers.keySet().equals(that.headers.keySet())
                && headers.entrySet().stream().allMatch(e -> valueEquals(e.getValue(), that.headers.get(e.getKey())))
                && java.util.Arrays.equals(payload, that.payload);
    }

    private static boolean valueEquals(Object a, Object b) {
        return a instanceof byte[] x && b instanceof byte[] y ? java.util.Arrays.equals(x, y) : Objects.equals(a, b);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headers.keySet(), java.util.Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "EventStreamMessage[headers=" + headers + ", payload=" + payloadText() + "]";
    }
}
