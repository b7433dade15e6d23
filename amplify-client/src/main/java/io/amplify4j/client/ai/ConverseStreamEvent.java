package io.amplify4j.client.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One event of a {@code ConverseStream} response: its type ({@code messageStart}, {@code contentBlockStart},
 * {@code contentBlockDelta}, {@code contentBlockStop}, {@code messageStop}, {@code metadata}) and its body, the
 * JSON object Bedrock sent for it.
 *
 * @param type the {@code :event-type} header
 * @param body the event's JSON payload
 */
public record ConverseStreamEvent(String type, JsonNode body) {
    public static final String MESSAGE_START = "messageStart";
    public static final String CONTENT_BLOCK_START = "contentBlockStart";
    public static final String CONTENT_BLOCK_DELTA = "contentBlockDelta";
    public static final String CONTENT_BLOCK_STOP = "contentBlockStop";
    public static final String MESSAGE_STOP = "messageStop";
    public static final String METADATA = "metadata";

    public ConverseStreamEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
    }

    /** The event as the SDKs show it: {@code {"<type>": body}}. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set(type, body);
        return json;
    }

    /** Reads the {@code {"<type>": body}} form. */
    public static ConverseStreamEvent fromJson(JsonNode json) {
        if (json == null || !json.isObject() || json.size() != 1) {
            throw new IllegalArgumentException("A ConverseStream event is an object with one member, its type;"
                    + " got " + json);
        }
        String type = json.fieldNames().next();
        return new ConverseStreamEvent(type, json.get(type));
    }

    /** {@code contentBlockIndex} of a content block event. */
    public OptionalInt contentBlockIndex() {
        JsonNode index = body.get("contentBlockIndex");
        return index != null && index.canConvertToInt() ? OptionalInt.of(index.intValue()) : OptionalInt.empty();
    }

    /** The text of a {@code contentBlockDelta} carrying text. */
    public Optional<String> textDelta() {
        return type.equals(CONTENT_BLOCK_DELTA) ? text(body.path("delta").get("text")) : Optional.empty();
    }

    /** The partial tool input JSON of a {@code contentBlockDelta} of a tool use block. */
    public Optional<String> toolUseInputDelta() {
        return type.equals(CONTENT_BLOCK_DELTA) ? text(body.path("delta").path("toolUse").get("input"))
                : Optional.empty();
    }

    /** {@code start.toolUse} ({@code toolUseId}, {@code name}) of a {@code contentBlockStart} opening a tool use. */
    public Optional<JsonNode> toolUseStart() {
        JsonNode toolUse = body.path("start").get("toolUse");
        return type.equals(CONTENT_BLOCK_START) && toolUse != null && toolUse.isObject() ? Optional.of(toolUse)
                : Optional.empty();
    }

    /** {@code stopReason} of a {@code messageStop}: {@code end_turn}, {@code tool_use}, {@code max_tokens} ... */
    public Optional<String> stopReason() {
        return type.equals(MESSAGE_STOP) ? text(body.get("stopReason")) : Optional.empty();
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
