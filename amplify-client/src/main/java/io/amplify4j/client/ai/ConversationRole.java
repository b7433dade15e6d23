package io.amplify4j.client.ai;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who wrote a message of a conversation: the GraphQL enum {@code ConversationParticipantRole}. */
public enum ConversationRole {
    /** The app's user. */
    @JsonProperty("user")
    USER,
    /** The model, through the conversation handler. */
    @JsonProperty("assistant")
    ASSISTANT
}
