package io.amplify4j.client.ai;

import java.util.List;
import java.util.Optional;

/**
 * One part of an assistant's answer as it streams: the GraphQL type {@code ConversationMessageStreamPart}. A part
 * carries a text delta ({@code contentBlockIndex}, {@code contentBlockDeltaIndex}, {@code contentBlockText}), or
 * the end of a content block ({@code contentBlockDoneAtIndex}: the index of its last delta), or the end of the
 * answer ({@code stopReason}), or the errors that ended it. {@link ResponseAssembler} puts the parts back together.
 *
 * @param id the part's id
 * @param owner the conversation's owner
 * @param conversationId the conversation
 * @param associatedUserMessageId the user message being answered
 * @param contentBlockIndex the content block of the answer this part belongs to, or null
 * @param contentBlockText a piece of that block's text, or null
 * @param contentBlockDeltaIndex the position of that piece in the block, or null
 * @param contentBlockDoneAtIndex set when the block is complete: the index of its last delta
 * @param contentBlockToolUse a tool use the app is asked to run, or null
 * @param stopReason set on the last part: why the model stopped ({@code end_turn}, {@code max_tokens} ...)
 * @param errors set when the answer failed
 */
public record ConversationStreamPart(String id, String owner, String conversationId, String associatedUserMessageId,
        Integer contentBlockIndex, String contentBlockText, Integer contentBlockDeltaIndex,
        Integer contentBlockDoneAtIndex, ToolUseBlock contentBlockToolUse, String stopReason,
        List<ConversationTurnError> errors) {
    public ConversationStreamPart {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The stop reason, on the answer's last part. */
    public Optional<String> stop() {
        return Optional.ofNullable(stopReason);
    }
}
