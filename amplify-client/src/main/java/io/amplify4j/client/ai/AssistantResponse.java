package io.amplify4j.client.ai;

import java.util.List;
import java.util.Optional;

/**
 * An assistant's answer to one user message, as put together from its streamed parts.
 *
 * @param associatedUserMessageId the user message it answers
 * @param blocks the text of each content block, in order
 * @param stopReason why the model stopped ({@code end_turn}, {@code max_tokens} ...); empty when it failed or is
 *     not complete
 * @param errors why it failed; empty when it did not
 */
public record AssistantResponse(String associatedUserMessageId, List<String> blocks, Optional<String> stopReason,
        List<ConversationTurnError> errors) {
    public AssistantResponse {
        blocks = List.copyOf(blocks);
        errors = List.copyOf(errors);
    }

    /** The text blocks, separated by blank lines. */
    public String text() {
        return String.join("\n\n", blocks);
    }

    /** True when the answer ended with errors instead of a stop reason. */
    public boolean failed() {
        return !errors.isEmpty();
    }
}
