package io.amplify4j.client.ai;

/**
 * A piece of an assistant's answer text, handed out in order by {@link ResponseAssembler}.
 *
 * @param associatedUserMessageId the user message being answered
 * @param contentBlockIndex the content block of the answer
 * @param contentBlockDeltaIndex the position of the piece in its block
 * @param text the text
 */
public record TextDelta(String associatedUserMessageId, int contentBlockIndex, int contentBlockDeltaIndex,
        String text) {}
