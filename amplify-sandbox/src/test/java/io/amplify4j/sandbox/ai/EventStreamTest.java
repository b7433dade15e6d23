package io.amplify4j.sandbox.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.MessageDecoder;

/**
 * The AWS event-stream encoding: our frames decode with the AWS SDK's own decoder (so the lengths and both CRCs are
 * right), the SDK's frames decode with ours, and damaged frames are refused.
 */
class EventStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void framesWeEncodeDecodeWithTheSdksDecoderHeadersAndPayloadIntact() {
        EventStream.Message delta = EventStream.Message.event("contentBlockDelta",
                "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hé, \\u00fcber\"}}".getBytes(StandardCharsets.UTF_8));
        EventStream.Message stop = EventStream.Message.event("messageStop",
                "{\"stopReason\":\"end_turn\"}".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = EventStream.encode(List.of(delta, stop));

        List<software.amazon.awssdk.eventstream.Message> decoded = new ArrayList<>();
        MessageDecoder decoder = new MessageDecoder(decoded::add);
        // fed in awkward pieces, as a network would deliver them
        for (int i = 0; i < bytes.length; i += 7) {
            decoder.feed(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 7)));
        }
        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0).getHeaders().get(":event-type").getString()).isEqualTo("contentBlockDelta");
        assertThat(decoded.get(0).getHeaders().get(":message-type").getString()).isEqualTo("event");
        assertThat(decoded.get(0).getHeaders().get(":content-type").getString()).isEqualTo("application/json");
        assertThat(decoded.get(0).getPayload()).isEqualTo(delta.payload());
        assertThat(decoded.get(1).getPayload()).isEqualTo(stop.payload());
    }

    @Test
    void framesTheSdkEncodesDecodeWithOursForEveryHeaderType() {
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        Instant when = Instant.ofEpochMilli(1_700_000_000_123L);
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put("string", HeaderValue.fromString("text"));
        headers.put("true", HeaderValue.fromBoolean(true));
        headers.put("false", HeaderValue.fromBoolean(false));
        headers.put("byte", HeaderValue.fromByte((byte) -3));
        headers.put("short", HeaderValue.fromShort((short) 300));
        headers.put("int", HeaderValue.fromInteger(70_000));
        headers.put("long", HeaderValue.fromLong(5_000_000_000L));
        headers.put("bytes", HeaderValue.fromByteArray(new byte[] {1, 2, 3}));
        headers.put("time", HeaderValue.fromTimestamp(when));
        headers.put("uuid", HeaderValue.fromUuid(uuid));
        byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer encoded = new software.amazon.awssdk.eventstream.Message(headers, payload).toByteBuffer();
        byte[] sdkBytes = new byte[encoded.remaining()];
        encoded.get(sdkBytes);

        List<EventStream.Message> ours = EventStream.decode(sdkBytes);

        assertThat(ours).hasSize(1);
        Map<String, Object> decoded = ours.get(0).headers();
        assertThat(decoded).containsEntry("string", "text").containsEntry("true", true).containsEntry("false", false)
                .containsEntry("byte", (byte) -3).containsEntry("short", (short) 300).containsEntry("int", 70_000)
                .containsEntry("long", 5_000_000_000L).containsEntry("time", when).containsEntry("uuid", uuid);
        assertThat((byte[]) decoded.get("bytes")).containsExactly(1, 2, 3);
        assertThat(ours.get(0).payload()).isEqualTo(payload);
        // and our encoding of the same message is byte for byte the SDK's
        assertThat(EventStream.encode(ours.get(0))).isEqualTo(sdkBytes);
    }

    @Test
    void converseStreamEventsSurviveTheRoundTripThroughFrames() throws Exception {
        JsonNode response = RecordedModelProvider.text("Mugs keep coffee warm and hands happy, mostly.");
        List<JsonNode> events = ConverseStreams.fromResponse(response);

        List<JsonNode> back = ConverseStreams.fromMessages(EventStream.decode(
                EventStream.encode(ConverseStreams.toMessages(events))));

        assertThat(back).isEqualTo(events);
        assertThat(back.get(0)).isEqualTo(JSON.readTree("{\"messageStart\":{\"role\":\"assistant\"}}"));
        StringBuilder text = new StringBuilder();
        back.stream().filter(e -> e.has("contentBlockDelta"))
                .forEach(e -> text.append(e.get("contentBlockDelta").get("delta").get("text").asText()));
        assertThat(text).hasToString("Mugs keep coffee warm and hands happy, mostly.");
        assertThat(back.stream().filter(e -> e.has("contentBlockDelta")).count()).isGreaterThan(1);
        assertThat(back.get(back.size() - 2)).isEqualTo(JSON.readTree("{\"messageStop\":{\"stopReason\":\"end_turn\"}}"));
        assertThat(back.get(back.size() - 1).get("metadata").get("usage").get("totalTokens").asInt()).isPositive();
    }

    @Test
    void aDamagedPreludeOrMessageOrATruncatedStreamIsRefused() {
        byte[] good = EventStream.encode(EventStream.Message.event("messageStop",
                "{\"stopReason\":\"end_turn\"}".getBytes(StandardCharsets.UTF_8)));

        byte[] prelude = good.clone();
        prelude[5] ^= 1;
        assertThatThrownBy(() -> EventStream.decode(prelude)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prelude CRC mismatch");

        byte[] payload = good.clone();
        payload[good.length - 6] ^= 1;
        assertThatThrownBy(() -> EventStream.decode(payload)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("message CRC mismatch");

        assertThatThrownBy(() -> EventStream.decode(Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends inside a message");
        assertThatThrownBy(() -> EventStream.decode(Arrays.copyOf(good, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prelude");
        assertThat(ByteBuffer.wrap(good).getInt()).isEqualTo(good.length);
    }

    @Test
    void bedrockPaddingIsDroppedAndStreamExceptionsBecomeModelProviderExceptions() throws Exception {
        EventStream.Message padded = EventStream.Message.event("contentBlockDelta",
                "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"},\"p\":\"abcdefgh\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(ConverseStreams.fromMessages(List.of(padded))).containsExactly(
                JSON.readTree("{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}}"));

        EventStream.Message throttled = EventStream.Message.exception("throttlingException",
                "{\"message\":\"Too many requests, please wait before trying again.\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ConverseStreams.fromMessages(List.of(padded, throttled)))
                .isInstanceOfSatisfying(ModelProviderException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.errorType()).isEqualTo("ThrottlingException");
                    assertThat(e.getMessage()).isEqualTo("Too many requests, please wait before trying again.");
                });
    }
}
