package io.amplify4j.client.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.amplify4j.client.json.AwsJson;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A message of a conversation: the GraphQL type {@code ConversationMessage<Route>}, a user's message or the
 * assistant's saved answer.
 *
 * @param id the message's id
 * @param conversationId the conversation
 * @param role who wrote it
 * @param content its content blocks
 * @param aiContext the context the app sent along with a user message ({@code AWSJSON}), or null
 * @param associatedUserMessageId for an answer, the user message it answers
 * @param owner the conversation's owner
 * @param createdAt when it was saved
 * @param updatedAt when it was last changed
 */
public record ConversationMessage(String id, String conversationId, ConversationRole role, List<ContentBlock> content,
        @AwsJson JsonNode aiContext, String associatedUserMessageId, String owner, Instant createdAt,
        Instant updatedAt) {
    public ConversationMessage {
        content = content == null ? List.of() : content.stream().filter(Objects::nonNull).toList();
    }

    /** The text blocks, separated by blank lines. */
    public String text() {
        return content.stream().map(ContentBlock::text).filter(Objects::nonNull).collect(Collectors.joining("\n\n"));
    }
}
