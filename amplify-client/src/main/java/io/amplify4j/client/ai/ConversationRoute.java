package io.amplify4j.client.ai;

import java.util.Objects;

/**
 * The GraphQL operations of one conversation route, which {@link ConversationClient} calls: each the top-level
 * field that answers it and its document. Generated clients make one from the backend's plan; {@link #named}
 * derives them from the route's name by Amplify's naming conventions, for APIs without a generated client.
 *
 * @param name the route, such as {@code chat}
 * @param createConversation {@code createConversation<Route>(input)}
 * @param getConversation {@code getConversation<Route>(id)}
 * @param listConversations {@code listConversation<Route>s(limit, nextToken)}
 * @param deleteConversation {@code deleteConversation<Route>(input)}
 * @param sendMessage the route's send-message mutation {@code <route>(conversationId, content, aiContext)}
 * @param listMessages the query listing a conversation's messages by creation time ({@code conversationId},
 *     {@code sortDirection}, {@code limit}, {@code nextToken})
 * @param onResponse the subscription to the assistant's streamed answers ({@code conversationId})
 */
public record ConversationRoute(String name, Operation createConversation, Operation getConversation,
        Operation listConversations, Operation deleteConversation, Operation sendMessage, Operation listMessages,
        Operation onResponse) {

    /** The selection of a conversation. */
    public static final String CONVERSATION_FIELDS = "{ id name metadata owner createdAt updatedAt }";
    /** The selection of a message. */
    public static final String MESSAGE_FIELDS = "{ id conversationId role content { text toolUse { toolUseId name"
            + " input } toolResult { toolUseId status content { text json } } } aiContext associatedUserMessageId"
            + " owner createdAt updatedAt }";
    /** The selection of a stream part. */
    public static final String STREAM_PART_FIELDS = "{ id owner conversationId associatedUserMessageId"
            + " contentBlockIndex contentBlockText contentBlockDeltaIndex contentBlockDoneAtIndex contentBlockToolUse"
            + " { toolUseId name input } stopReason errors { errorType message } }";

    /**
     * One operation.
     *
     * @param field the top-level field holding the result
     * @param document the GraphQL document
     */
    public record Operation(String field, String document) {
        public Operation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(document, "document");
        }
    }

    public ConversationRoute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createConversation, "createConversation");
        Objects.requireNonNull(getConversation, "getConversation");
        Objects.requireNonNull(listConversations, "listConversations");
        Objects.requireNonNull(deleteConversation, "deleteConversation");
        Objects.requireNonNull(sendMessage, "sendMessage");
        Objects.requireNonNull(listMessages, "listMessages");
        Objects.requireNonNull(onResponse, "onResponse");
    }

    /**
     * The operations of route {@code name} as Amplify names them: models {@code Conversation<Route>} and
     * {@code ConversationMessage<Route>}, the messages' index query
     * {@code listConversationMessage<Route>ByConversationIdAndCreatedAt}, the subscription
     * {@code onCreateAssistantResponse<Route>}.
     */
    public static ConversationRoute named(String name) {
        if (name == null || name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            throw new IllegalArgumentException("A conversation route's name is its send-message mutation, such as"
                    + " `chat`; got `" + name + "`");
        }
        String upper = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String model = "Conversation" + upper;
        String messages = "listConversationMessage" + upper + "ByConversationIdAndCreatedAt";
        String subscription = "onCreateAssistantResponse" + upper;
        return new ConversationRoute(name,
                new Operation("create" + model, "mutation Create" + model + "($input: Create" + model + "Input!) {"
                        + " create" + model + "(input: $input) " + CONVERSATION_FIELDS + " }"),
                new Operation("get" + model, "query Get" + model + "($id: ID!) { get" + model + "(id: $id) "
                        + CONVERSATION_FIELDS + " }"),
                new Operation("list" + model + "s", "query List" + model + "s($limit: Int, $nextToken: String) {"
                        + " list" + model + "s(limit: $limit, nextToken: $nextToken) { items " + CONVERSATION_FIELDS
                        + " nextToken } }"),
                new Operation("delete" + model, "mutation Delete" + model + "($input: Delete" + model + "Input!) {"
                        + " delete" + model + "(input: $input) " + CONVERSATION_FIELDS + " }"),
                new Operation(name, "mutation " + upper + "($conversationId: ID!, $content: [ContentBlockInput!]!,"
                        + " $aiContext: AWSJSON) { " + name + "(conversationId: $conversationId, content: $content,"
                        + " aiContext: $aiContext) " + MESSAGE_FIELDS + " }"),
                new Operation(messages, "query " + Character.toUpperCase(messages.charAt(0)) + messages.substring(1)
                        + "($conversationId: ID!, $sortDirection: ModelSortDirection, $limit: Int, $nextToken:"
                        + " String) { " + messages + "(conversationId: $conversationId, sortDirection:"
                        + " $sortDirection, limit: $limit, nextToken: $nextToken) { items " + MESSAGE_FIELDS
                        + " nextToken } }"),
                new Operation(subscription, "subscription " + Character.toUpperCase(subscription.charAt(0))
                        + subscription.substring(1) + "($conversationId: ID) { " + subscription
                        + "(conversationId: $conversationId) " + STREAM_PART_FIELDS + " }"));
    }
}
