package io.amplify4j.client.ai;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A part of a conversation message, the GraphQL type {@code ContentBlock} (and, when sent, {@code ContentBlockInput}):
 * text, a tool use or a tool result; exactly one of them is set.
 *
 * @param text the text, or null
 * @param toolUse the model asking to run a tool, or null
 * @param toolResult a tool's answer, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentBlock(String text, ToolUseBlock toolUse, ToolResultBlock toolResult) {
    /** A text block. */
    public static ContentBlock text(String text) {
        return new ContentBlock(Objects.requireNonNull(text, "text"), null, null);
    }
}
