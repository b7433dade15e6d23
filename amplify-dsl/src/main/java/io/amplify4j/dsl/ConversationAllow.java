package io.amplify4j.dsl;

/**
 * The rules a conversation route can have. Conversations are per owner: each one, and its messages, belong to the
 * user-pool user who created it, so {@link #owner()} is the only rule.
 */
public final class ConversationAllow {
    ConversationAllow() {}

    /** The owner of each conversation (its {@code owner} field), a user of the user pool. */
    public ConversationRule owner() {
        return new ConversationRule();
    }
}
