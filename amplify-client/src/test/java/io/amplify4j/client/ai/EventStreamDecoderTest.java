package io.amplify4j.client.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventStreamDecoderTest {
    private static List<EventStreamMessage> decodeAll(byte[] bytes) throws IOException {
        EventStreamDecoder decoder = new EventStreamDecoder(new ByteArrayInputStream(bytes));
        List<EventStreamMessage> out = new ArrayList<>();
        for (Optional<EventStreamMessage> m = decoder.next(); m.isPresent(); m = decoder.next()) {
            out.add(m.get());
        }
        return out;
    }

    private static EventStreamMessage event(String type, String json) {
        return EventStreamMessage.of(Map.of(":message-type", "event", ":event-type", type, ":content-type",
                "application/json"), json);
    }

    @Test
    void aKnownMessageDecodesToItsHeadersAndPayload() throws IOException {
        byte[] wire = event("contentBlockDelta", "{\"delta\":{\"text\":\"Hi\"}}").encode();
        ByteBuffer prelude = ByteBuffer.wrap(wire);
        assertThat(prelude.getInt()).isEqualTo(wire.length);
        int headersLength = prelude.getInt();
        assertThat(wire.length).isEqualTo(16 + headersLength + "{\"delta\":{\"text\":\"Hi\"}}".length());

        List<EventStreamMessage> messages = decodeAll(wire);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).stringHeader(":event-type")).contains("contentBlockDelta");
        assertThat(messages.get(0).payloadText()).isEqualTo("{\"delta\":{\"text\":\"Hi\"}}");
    }

    @Test
    void theMinimalMessageOfTheAwsTestSuiteDecodes() throws IOException {
        // aws-c-event-stream's "empty message" vector: 16 bytes, no headers, no payload.
        byte[] empty = {0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x05, (byte) 0xc2, 0x48, (byte) 0xeb,
            0x7d, (byte) 0x98, (byte) 0xc8, (byte) 0xff};
        List<EventStreamMessage> messages = decodeAll(empty);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).headers()).isEmpty();
        assertThat(messages.get(0).payload()).isEmpty();
        assertThat(new EventStreamMessage(Map.of(), new byte[0]).encode()).isEqualTo(empty);
    }

    @Test
    void everyHeaderTypeRoundTrips() throws IOException {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("t", true);
        headers.put("f", false);
        headers.put("byte", (byte) -3);
        headers.put("short", (short) 1234);
        headers.put("int", 123456789);
        headers.put("long", 1234567890123L);
        headers.put("bytes", new byte[] {1, 2, 3});
        headers.put("string", "héllo");
        headers.put("time", Instant.ofEpochMilli(1_700_000_000_123L));
        headers.put("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        EventStreamMessage message = new EventStreamMessage(headers, "payload".getBytes(StandardCharsets.UTF_8));
        List<EventStreamMessage> decoded = decodeAll(message.encode());
        assertThat(decoded).containsExactly(message);
        assertThat(decoded.get(0).headers().keySet()).containsExactlyElementsOf(headers.keySet());
    }

    @Test
    void messagesSplitAcrossReadsAreReassembled() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            wire.write(event("contentBlockDelta", "{\"i\":" + i + "}").encode());
        }
        byte[] bytes = wire.toByteArray();
        InputStream trickle = new InputStream() {
            int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[at++]; // one byte at a time, as a slow connection may deliver
                return 1;
            }
        };
        EventStreamDecoder decoder = new EventStreamDecoder(trickle);
        List<String> payloads = new ArrayList<>();
        for (Optional<EventStreamMessage> m = decoder.next(); m.isPresent(); m = decoder.next()) {
            payloads.add(m.get().payloadText());
        }
        assertThat(payloads).containsExactly("{\"i\":0}", "{\"i\":1}", "{\"i\":2}");
    }

    @Test
    void aCorruptPreludeIsRefusedBeforeItsLengthsAreTrusted() {
        byte[] wire = event("messageStop", "{}").encode();
        wire[2] = 0x7F; // total length now absurd, and the prelude CRC no longer matches
        assertThatThrownBy(() -> decodeAll(wire)).isInstanceOf(EventStreamException.class)
                .hasMessageContaining("prelude CRC mismatch at byte 0");
    }

    @Test
    void aCorruptPayloadFailsTheMessageCrc() {
        byte[] first = event("messageStart", "{\"role\":\"assistant\"}").encode();
        byte[] second = event("messageStop", "{\"stopReason\":\"end_turn\"}").encode();
        second[second.length - 6] ^= 0x01;
        byte[] both = ByteBuffer.allocate(first.length + second.length).put(first).put(second).array();
        assertThatThrownBy(() -> decodeAll(both)).isInstanceOf(EventStreamException.class)
                .hasMessageContaining("message CRC mismatch for the message at byte " + first.length);
    }

    @Test
    void aStreamCutInsideAMessageIsAnError() {
        byte[] wire = event("messageStop", "{}").encode();
        byte[] cut = java.util.Arrays.copyOf(wire, wire.length - 3);
        assertThatThrownBy(() -> decodeAll(cut)).isInstanceOf(EventStreamException.class)
                .hasMessageContaining("ended inside a message");
    }

    @Test
    void anUnknownHeaderTypeIsNamed() {
        byte[] wire = EventStreamMessage.of(Map.of("x", "y"), "").encode();
        wire[12 + 2] = 42; // the value type of header "x"
        fixCrc(wire);
        assertThatThrownBy(() -> decodeAll(wire)).isInstanceOf(EventStreamException.class)
                .hasMessageContaining("header `x`").hasMessageContaining("unknown value type 42");
    }

    @Test
    void exceptionFramesBecomeBedrockExceptionsNamingWhatToDo() {
        byte[] ok = event("messageStart", "{\"role\":\"assistant\"}").encode();
        byte[] throttled = EventStreamMessage.of(Map.of(":message-type", "exception", ":exception-type",
                "throttlingException", ":content-type", "application/json"),
                "{\"message\":\"Too many tokens, please wait before trying again.\"}").encode();
        byte[] both = ByteBuffer.allocate(ok.length + throttled.length).put(ok).put(throttled).array();
        try (ConverseStream stream = new ConverseStream(new ByteArrayInputStream(both), new ObjectMapper(),
                "anthropic.claude-3-5-haiku-20241022-v1:0", "us-east-1")) {
            assertThat(stream.next().type()).isEqualTo("messageStart");
            assertThatThrownBy(stream::hasNext).isInstanceOfSatisfying(BedrockException.class, e -> {
                assertThat(e.errorType()).isEqualTo("ThrottlingException");
                assertThat(e.statusCode()).isZero();
                assertThat(e.isRetryable()).isTrue();
                assertThat(e.bedrockMessage()).contains("Too many tokens, please wait before trying again.");
            }).hasMessage("Bedrock ThrottlingException in the response stream for model"
                    + " `anthropic.claude-3-5-haiku-20241022-v1:0`: Too many tokens, please wait before trying again."
                    + " Bedrock is throttling requests to `anthropic.claude-3-5-haiku-20241022-v1:0`: retry after a"
                    + " pause, request a higher quota (Service Quotas, Amazon Bedrock), or use a cross-region"
                    + " inference profile.");
        }
    }

    @Test
    void errorFramesCarryTheirCodeInHeaders() {
        byte[] error = EventStreamMessage.of(Map.of(":message-type", "error", ":error-code",
                "InternalFailure", ":error-message", "boom"), "").encode();
        try (ConverseStream stream = new ConverseStream(new ByteArrayInputStream(error), new ObjectMapper(), "m",
                "us-east-1")) {
            assertThatThrownBy(stream::next).isInstanceOfSatisfying(BedrockException.class,
                    e -> assertThat(e.errorType()).isEqualTo("InternalFailure")).hasMessageContaining(": boom");
        }
    }

    @Test
    void eventsAreTypedByTheirEventTypeHeader() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(event("contentBlockStart", "{\"contentBlockIndex\":1,\"start\":{\"toolUse\":{\"toolUseId\":"
                + "\"t1\",\"name\":\"listProducts\"}}}").encode());
        wire.writeBytes(event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":"
                + "\"{\\\"limit\\\"\"}}}").encode());
        wire.writeBytes(event("messageStop", "{\"stopReason\":\"tool_use\"}").encode());
        try (ConverseStream stream = new ConverseStream(new ByteArrayInputStream(wire.toByteArray()),
                new ObjectMapper(), "m", "us-east-1")) {
            List<ConverseStreamEvent> events = stream.stream().toList();
            assertThat(events).extracting(ConverseStreamEvent::type)
                    .containsExactly("contentBlockStart", "contentBlockDelta", "messageStop");
            assertThat(events.get(0).toolUseStart().orElseThrow().path("name").asText()).isEqualTo("listProducts");
            assertThat(events.get(1).contentBlockIndex()).hasValue(1);
            assertThat(events.get(1).toolUseInputDelta()).contains("{\"limit\"");
            assertThat(events.get(2).stopReason()).contains("tool_use");
            assertThat(ConverseStreamEvent.fromJson(events.get(2).toJson())).isEqualTo(events.get(2));
        }
    }

    /** Rewrites both CRCs after a test changed the bytes on purpose. */
    private static void fixCrc(byte[] wire) {
        ByteBuffer buffer = ByteBuffer.wrap(wire);
        buffer.putInt(8, (int) EventStreamMessage.crc(wire, 0, 8));
        buffer.putInt(wire.length - 4, (int) EventStreamMessage.crc(wire, 0, wire.length - 4));
    }
}
