package io.amplify4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.client.ai.ConversationStreamPart;
import io.amplify4j.client.ai.EventStreamDecoder;
import io.amplify4j.client.ai.EventStreamMessage;
import io.amplify4j.client.ai.ResponseAssembler;
import io.amplify4j.client.ai.TextDelta;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a conversation costs on the client side, per answer of {@value #DELTAS} text deltas (a few hundred words):
 * decoding the {@code ConverseStream} body (AWS event-stream frames, both CRCs checked) as the conversation handler
 * does, and putting the streamed parts back together in the app, in order and shuffled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class ConversationBench {
    static final int DELTAS = 200;

    byte[] stream;
    List<ConversationStreamPart> inOrder;
    List<ConversationStreamPart> shuffled;

    @Setup
    public void setUp() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        inOrder = new ArrayList<>();
        for (int i = 0; i < DELTAS; i++) {
            String text = " word" + i + " and more";
            String payload = json.writeValueAsString(Map.of("contentBlockIndex", 0, "delta", Map.of("text", text),
                    "p", "abcdefghijklmnop"));
            wire.writeBytes(EventStreamMessage.of(Map.of(":message-type", "event", ":event-type",
                    "contentBlockDelta", ":content-type", "application/json"), payload).encode());
            inOrder.add(new ConversationStreamPart("p" + i, "alice", "c", "u", 0, text, i, null, null, null, null));
        }
        inOrder.add(new ConversationStreamPart("d", "alice", "c", "u", 0, null, null, DELTAS - 1, null, null, null));
        inOrder.add(new ConversationStreamPart("s", "alice", "c", "u", null, null, null, null, null, "end_turn",
                null));
        stream = wire.toByteArray();
        shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, new Random(7));
    }

    /** Decoding one answer's event stream, CRCs checked. */
    @Benchmark
    public int decodeAnswer() throws IOException {
        EventStreamDecoder decoder = new EventStreamDecoder(new ByteArrayInputStream(stream));
        int bytes = 0;
        for (Optional<EventStreamMessage> m = decoder.next(); m.isPresent(); m = decoder.next()) {
            bytes += m.get().payload().length;
        }
        return bytes;
    }

    /** Reassembling one answer whose parts arrive in order. */
    @Benchmark
    public int assembleInOrder() {
        return assemble(inOrder);
    }

    /** Reassembling one answer whose parts arrive in random order. */
    @Benchmark
    public int assembleShuffled() {
        return assemble(shuffled);
    }

    private static int assemble(List<ConversationStreamPart> parts) {
        ResponseAssembler answer = new ResponseAssembler("u");
        int handed = 0;
        for (ConversationStreamPart part : parts) {
            List<TextDelta> out = answer.accept(part);
            handed += out.size();
        }
        if (!answer.isComplete()) {
            throw new IllegalStateException("incomplete");
        }
        return handed;
    }
}
