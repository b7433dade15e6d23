package io.amplify4j.client.ai;

/**
 * A conversation turn that cannot finish for a reason of the handler's own (not Bedrock's, not the API's): the
 * model kept asking for tools past the turn limit, or the API's answers were not what the plan promised.
 * {@link #errorType()} is what the client sees in the stream part's {@code errors}.
 */
public final class ConversationTurnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorType;

    public ConversationTurnException(String errorType, String message) {
        super(message);
        this.errorType = errorType;
    }

    /** The error type reported to the client, such as {@code ToolUseLimitExceeded}. */
    public String errorType() {
        return errorType;
    }
}
