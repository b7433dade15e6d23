package io.amplify4j.client.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResponseAssemblerTest {
    static ConversationStreamPart delta(int block, int delta, String text) {
        return new ConversationStreamPart("p", "alice", "c", "u", block, text, delta, null, null, null, null);
    }

    static ConversationStreamPart done(int block, int lastDelta) {
        return new ConversationStreamPart("p", "alice", "c", "u", block, null, null, lastDelta, null, null, null);
    }

    static ConversationStreamPart stop(String reason) {
        return new ConversationStreamPart("p", "alice", "c", "u", null, null, null, null, null, reason, null);
    }

    static List<String> texts(List<TextDelta> deltas) {
        return deltas.stream().map(TextDelta::text).toList();
    }

    @Test
    void partsInOrderComeOutAsTheyArrive() {
        ResponseAssembler answer = new ResponseAssembler("u");
        assertThat(texts(answer.accept(delta(0, 0, "Kett")))).containsExactly("Kett");
        assertThat(texts(answer.accept(delta(0, 1, "les")))).containsExactly("les");
        assertThat(answer.accept(done(0, 1))).isEmpty();
        assertThat(answer.isComplete()).isFalse();
        assertThat(answer.accept(stop("end_turn"))).isEmpty();
        assertThat(answer.isComplete()).isTrue();
        assertThat(answer.response()).isEqualTo(new AssistantResponse("u", List.of("Kettles"),
                java.util.Optional.of("end_turn"), List.of()));
    }

    @Test
    void anEarlyPieceWaitsForTheOnesBeforeItAndBlocksStayInOrder() {
        ResponseAssembler answer = new ResponseAssembler("u");
        assertThat(answer.accept(delta(1, 0, "Second"))).isEmpty();
        assertThat(answer.accept(delta(0, 1, " one."))).isEmpty();
        assertThat(answer.accept(stop("end_turn"))).isEmpty();
        assertThat(texts(answer.accept(delta(0, 0, "First")))).containsExactly("First", " one.");
        assertThat(answer.isComplete()).isFalse();
        // Block 1 is handed out once block 0 is known to be complete.
        assertThat(answer.accept(done(0, 1))).extracting(TextDelta::contentBlockIndex, TextDelta::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Second"));
        assertThat(answer.isComplete()).isFalse();
        answer.accept(done(1, 0));
        assertThat(answer.isComplete()).isTrue();
        assertThat(answer.response().text()).isEqualTo("First one.\n\nSecond");
    }

    @Test
    void repeatedPartsAreIgnored() {
        ResponseAssembler answer = new ResponseAssembler("u");
        answer.accept(delta(0, 0, "A"));
        assertThat(answer.accept(delta(0, 0, "A"))).isEmpty();
        answer.accept(delta(0, 1, "B"));
        answer.accept(done(0, 1));
        answer.accept(done(0, 1));
        answer.accept(stop("end_turn"));
        assertThat(answer.response().blocks()).containsExactly("AB");
    }

    @Test
    void anyArrivalOrderGivesTheSameAnswer() {
        List<ConversationStreamPart> parts = new ArrayList<>();
        StringBuilder expected0 = new StringBuilder();
        StringBuilder expected1 = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            parts.add(delta(0, i, "a" + i + " "));
            expected0.append("a").append(i).append(' ');
            parts.add(delta(1, i, "b" + i + " "));
            expected1.append("b").append(i).append(' ');
        }
        parts.add(done(0, 19));
        parts.add(done(1, 19));
        parts.add(stop("max_tokens"));
        Random random = new Random(42);
        for (int round = 0; round < 25; round++) {
            Collections.shuffle(parts, random);
            ResponseAssembler answer = new ResponseAssembler("u");
            List<TextDelta> out = new ArrayList<>();
            for (ConversationStreamPart part : parts) {
                assertThat(answer.isComplete()).isFalse();
                out.addAll(answer.accept(part));
            }
            assertThat(answer.isComplete()).isTrue();
            assertThat(String.join("", texts(out))).isEqualTo(expected0 + expected1.toString());
            assertThat(answer.response().blocks()).containsExactly(expected0.toString(), expected1.toString());
            assertThat(answer.response().stopReason()).contains("max_tokens");
        }
    }

    @Test
    void errorsCompleteTheAnswerAsFailed() {
        ResponseAssembler answer = new ResponseAssembler("u");
        answer.accept(delta(0, 0, "Kett"));
        answer.accept(new ConversationStreamPart("p", "alice", "c", "u", null, null, null, null, null, null,
                List.of(new ConversationTurnError("ThrottlingException", "Bedrock is throttling requests"))));
        assertThat(answer.isComplete()).isTrue();
        assertThat(answer.response().failed()).isTrue();
        assertThat(answer.response().stopReason()).isEmpty();
        assertThat(answer.response().blocks()).containsExactly("Kett");
    }

    @Test
    void partsOfAnotherAnswerAreRefused() {
        ResponseAssembler answer = new ResponseAssembler("u");
        ConversationStreamPart other = new ConversationStreamPart("p", "alice", "c", "u2", 0, "x", 0, null, null,
                null, null);
        assertThatThrownBy(() -> answer.accept(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Part p answers message u2, not u");
    }
}
