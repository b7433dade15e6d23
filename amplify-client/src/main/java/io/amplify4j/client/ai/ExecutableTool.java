package io.amplify4j.client.ai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A tool written in Java that a {@link ConversationHandler} subclass offers the model besides the route's own
 * (which call the backend's queries): its name, description and input schema go to the model, and
 * {@link #invoke} runs when the model calls it. Return a JSON value (an object reads best for the model); a thrown
 * exception is reported to the model as a failed tool call with the exception's message.
 *
 * <pre>{@code
 * ExecutableTool clock = ExecutableTool.of("currentTime", "The current UTC time",
 *         schema, (input, call) -> TextNode.valueOf(Instant.now().toString()));
 * }</pre>
 */
public interface ExecutableTool {
    /** The name the model calls the tool by. */
    String name();

    /** What the tool does, for the model. */
    String description();

    /** The JSON schema of the tool's input (an object schema). */
    JsonNode inputSchema();

    /** Runs the tool on the model's input, for the conversation's caller. */
    JsonNode invoke(JsonNode input, ToolCall call) throws Exception;

    /**
     * What a tool knows about the call: the event (conversation, caller's token) and the tool use's id.
     *
     * @param event the handler's event
     * @param toolUseId the model's id of this tool use
     */
    record ToolCall(ConversationEvent event, String toolUseId) {
        public ToolCall {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(toolUseId, "toolUseId");
        }
    }

    /** The body of a tool. */
    @FunctionalInterface
    interface Body {
        JsonNode invoke(JsonNode input, ToolCall call) throws Exception;
    }

    /** A tool from its parts. */
    static ExecutableTool of(String name, String description, JsonNode inputSchema, Body body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(body, "body");
        return new ExecutableTool() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public JsonNode inputSchema() {
                return inputSchema;
            }

            @Override
            public JsonNode invoke(JsonNode input, ToolCall call) throws Exception {
                return body.invoke(input, call);
            }

            @Override
            public String toString() {
                return "ExecutableTool[" + name + "]";
            }
        };
    }
}
