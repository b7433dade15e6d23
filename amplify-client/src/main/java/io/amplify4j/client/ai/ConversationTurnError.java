package io.amplify4j.client.ai;

/**
 * Why the assistant could not answer a message: the GraphQL type {@code ConversationTurnError}, streamed to the
 * app in a {@link ConversationStreamPart}.
 *
 * @param errorType the kind of error, such as {@code ThrottlingException} or {@code ToolUseLimitExceeded}
 * @param message what happened and what to do
 */
public record ConversationTurnError(String errorType, String message) {}
