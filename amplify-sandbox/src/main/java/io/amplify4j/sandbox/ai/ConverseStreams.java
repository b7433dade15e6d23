package io.amplify4j.sandbox.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ConverseStream's events in their two forms: as JSON ({@code {"<eventType>": {...}}}, what {@link ModelProvider}
 * returns) and as event-stream messages (what Bedrock sends on the wire), and how a whole Converse response reads
 * as a stream.
 */
public final class ConverseStreams {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConverseStreams() {}

    /** The wire messages of {@code events}: one event message per event, named by its single member. */
    public static List<EventStream.Message> toMessages(List<JsonNode> events) {
        List<EventStream.Message> out = new ArrayList<>();
        for (JsonNode event : events) {
            if (!event.isObject() || event.size() != 1) {
                throw new IllegalArgumentException("A ConverseStream event is an object with one member named after"
                        + " its type, such as {\"messageStart\": {\"role\": \"assistant\"}}; got " + event);
            }
            Map.Entry<String, JsonNode> only = event.fields().next();
            out.add(EventStream.Message.event(only.getKey(), bytes(only.getValue())));
        }
        return out;
    }

    /**
     * The events of Bedrock's wire messages. Bedrock pads event bodies with a random {@code p} member (against
     * length side channels); it is dropped.
     *
     * @throws ModelProviderException for an exception or error message in the stream
     */
    public static List<JsonNode> fromMessages(List<EventStream.Message> messages) {
        List<JsonNode> out = new ArrayList<>();
        for (EventStream.Message message : messages) {
            fromMessage(message).ifPresent(out::add);
        }
        return out;
    }

    /** One wire message as an event; empty for a message that is neither an event nor a failure. */
    static java.util.Optional<JsonNode> fromMessage(EventStream.Message message) {
        String messageType = message.header(":message-type").orElse("event");
        switch (messageType) {
            case "event" -> {
                String eventType = message.header(":event-type").orElseThrow(() -> new ModelProviderException(502,
                        "InternalServerException", "A ConverseStream event has no :event-type header"));
                JsonNode body = parse(message.payload());
                if (body instanceof ObjectNode object) {
                    object.remove("p");
                }
                ObjectNode event = NODES.objectNode();
                event.set(eventType, body);
                return java.util.Optional.of(event);
            }
            case "exception" -> {
                String type = message.header(":exception-type").orElse("internalServerException");
                JsonNode body = parse(message.payload());
                throw new ModelProviderException(streamStatus(type), capitalise(type),
                        body.path("message").asText(body.path("Message").asText(type)));
            }
            case "error" -> throw new ModelProviderException(500, message.header(":error-code")
                    .orElse("InternalServerException"), message.header(":error-message").orElse("Stream error"));
            default -> {
                return java.util.Optional.empty();
            }
        }
    }

    /**
     * The events Bedrock would stream for a complete Converse {@code response}: {@code messageStart}; per content
     * block a {@code contentBlockStart} (tool use only, as Bedrock does), its deltas (text in word-boundary pieces,
     * tool input as one JSON string) and a {@code contentBlockStop}; {@code messageStop} with the stop reason; and
     * {@code metadata} with the usage.
     */
    public static List<JsonNode> fromResponse(JsonNode response) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode message = response.path("output").path("message");
        out.add(event("messageStart", NODES.objectNode().put("role", message.path("role").asText("assistant"))));
        int index = 0;
        for (JsonNode block : message.path("content")) {
            if (block.has("toolUse")) {
                JsonNode toolUse = block.get("toolUse");
                ObjectNode start = NODES.objectNode();
                start.putObject("start").putObject("toolUse")
                        .put("toolUseId", toolUse.path("toolUseId").asText())
                        .put("name", toolUse.path("name").asText());
                start.put("contentBlockIndex", index);
                out.add(event("contentBlockStart", start));
                ObjectNode delta = NODES.objectNode();
                delta.putObject("delta").putObject("toolUse").put("input", toolUse.path("input").toString());
                delta.put("contentBlockIndex", index);
                out.add(event("contentBlockDelta", delta));
            } else if (block.has("text")) {
                for (String piece : pieces(block.get("text").asText())) {
                    ObjectNode delta = NODES.objectNode();
                    delta.putObject("delta").put("text", piece);
                    delta.put("contentBlockIndex", index);
                    out.add(event("contentBlockDelta", delta));
                }
            } else {
                continue;
            }
            out.add(event("contentBlockStop", NODES.objectNode().put("contentBlockIndex", index)));
            index++;
        }
        out.add(event("messageStop", NODES.objectNode().put("stopReason",
                response.path("stopReason").asText("end_turn"))));
        ObjectNode metadata = NODES.objectNode();
        metadata.set("usage", response.has("usage") ? response.get("usage").deepCopy() : NODES.objectNode()
                .put("inputTokens", 0).put("outputTokens", 0).put("totalTokens", 0));
        metadata.set("metrics", response.has("metrics") ? response.get("metrics").deepCopy()
                : NODES.objectNode().put("latencyMs", 0));
        out.add(event("metadata", metadata));
        return out;
    }

    private static ObjectNode event(String type, JsonNode body) {
        ObjectNode event = NODES.objectNode();
        event.set(type, body);
        return event;
    }

    /** Text in pieces of a few words each, cut after spaces, so a stream has several deltas. */
    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int words = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && ++words % 3 == 0) {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length() || out.isEmpty()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** The HTTP status Bedrock documents for a ConverseStream exception type. */
    static int streamStatus(String exceptionType) {
        return switch (exceptionType.toLowerCase(Locale.ROOT)) {
            case "validationexception" -> 400;
            case "throttlingexception" -> 429;
            case "modelstreamerrorexception" -> 424;
            case "serviceunavailableexception" -> 503;
            default -> 500;
        };
    }

    static String capitalise(String type) {
        return type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode parse(byte[] json) {
        try {
            return json.length == 0 ? NODES.objectNode() : JSON.readTree(json);
        } catch (IOException e) {
            throw new ModelProviderException(502, "InternalServerException", "Bedrock answered with invalid JSON: "
                    + new String(json, 0, Math.min(json.length, 200), StandardCharsets.UTF_8));
        }
    }
}
