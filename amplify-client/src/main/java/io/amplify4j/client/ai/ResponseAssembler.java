package io.amplify4j.client.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts one assistant answer back together from its stream parts, whatever order they arrive in: text is handed out
 * strictly in order (block by block, delta by delta; a piece that arrives early waits for the ones before it, a
 * repeated piece is ignored), and the answer is complete once the stop reason has arrived and every block has all
 * its pieces up to its {@code contentBlockDoneAtIndex}, or as soon as errors arrive. Not thread-safe.
 */
public final class ResponseAssembler {
    private final String associatedUserMessageId;
    private final TreeMap<Integer, Block> blocks = new TreeMap<>();
    private final List<ConversationTurnError> errors = new ArrayList<>();
    private Optional<String> stopReason = Optional.empty();
    /** The first block whose text has not all been handed out. */
    private int current;

    private static final class Block {
        final TreeMap<Integer, String> waiting = new TreeMap<>();
        final StringBuilder text = new StringBuilder();
        int next;
        Integer doneAt;

        boolean finished() {
            return doneAt != null && next > doneAt;
        }
    }

    public ResponseAssembler(String associatedUserMessageId) {
        this.associatedUserMessageId = Objects.requireNonNull(associatedUserMessageId, "associatedUserMessageId");
    }

    /**
     * Takes a part of this answer and returns the text that can now be handed out in order (often just this part's,
     * sometimes none, sometimes several that were waiting for it).
     *
     * @throws IllegalArgumentException when the part belongs to another answer
     */
    public List<TextDelta> accept(ConversationStreamPart part) {
        if (!associatedUserMessageId.equals(part.associatedUserMessageId())) {
            throw new IllegalArgumentException("Part " + part.id() + " answers message "
                    + part.associatedUserMessageId() + ", not " + associatedUserMessageId);
        }
        errors.addAll(part.errors());
        part.stop().ifPresent(reason -> stopReason = Optional.of(reason));
        Integer index = part.contentBlockIndex();
        if (index != null && index >= 0) {
            Block block = blocks.computeIfAbsent(index, i -> new Block());
            Integer delta = part.contentBlockDeltaIndex();
            if (part.contentBlockText() != null && delta != null && delta >= block.next) {
                block.waiting.putIfAbsent(delta, part.contentBlockText());
            }
            if (part.contentBlockDoneAtIndex() != null) {
                block.doneAt = part.contentBlockDoneAtIndex();
            }
        }
        return drain();
    }

    private List<TextDelta> drain() {
        List<TextDelta> out = new ArrayList<>();
        while (true) {
            Block block = blocks.get(current);
            if (block == null) {
                return out;
            }
            for (Map.Entry<Integer, String> first = block.waiting.firstEntry();
                    first != null && first.getKey() == block.next; first = block.waiting.firstEntry()) {
                block.waiting.pollFirstEntry();
                block.text.append(first.getValue());
                out.add(new TextDelta(associatedUserMessageId, current, block.next, first.getValue()));
                block.next++;
            }
            if (!block.finished()) {
                return out;
            }
            current++;
        }
    }

    /** True when the whole answer has arrived, or it failed. */
    public boolean isComplete() {
        if (!errors.isEmpty()) {
            return true;
        }
        if (stopReason.isEmpty()) {
            return false;
        }
        // Every block up to the last one seen must be complete; blocks are numbered from 0 without gaps.
        return blocks.isEmpty() || current > blocks.lastKey();
    }

    /** The answer so far: the text handed out, the stop reason and errors received. */
    public AssistantResponse response() {
        List<String> texts = new ArrayList<>();
        blocks.values().forEach(b -> texts.add(b.text.toString()));
        return new AssistantResponse(associatedUserMessageId, texts, errors.isEmpty() ? stopReason : Optional.empty(),
                errors);
    }
}
