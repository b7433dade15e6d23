package io.amplify4j.sandbox.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test double: which answer a call gets, what it records, and how it says a recording is missing. */
class RecordedModelProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HAIKU = "anthropic.claude-3-5-haiku-20241022-v1:0";
    private static final String NOVA = "amazon.nova-lite-v1:0";

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void scriptedAnswersComeFirstThenExactRequestsThenAnyRequestOfTheModel() throws Exception {
        JsonNode hello = json("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hello\"}]}]}");
        JsonNode other = json("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"other\"}]}]}");
        RecordedModelProvider models = RecordedModelProvider.builder()
                .converse(HAIKU, RecordedModelProvider.text("any"))
                .converse(HAIKU, hello, RecordedModelProvider.text("exact"))
                .next(RecordedModelProvider.text("scripted"))
                .build();

        assertThat(models.scriptedLeft()).isEqualTo(1);
        assertThat(text(models.converse(HAIKU, hello))).isEqualTo("scripted");
        assertThat(text(models.converse(HAIKU, hello))).isEqualTo("exact");
        assertThat(text(models.converse(HAIKU, other))).isEqualTo("any");
        assertThat(models.calls()).extracting(RecordedModelProvider.Call::request).containsExactly(hello, hello, other);
        assertThat(models.calls(HAIKU)).hasSize(3);
        assertThat(models.calls(NOVA)).isEmpty();
    }

    @Test
    void aStreamCallOnlyAConverseRecordingMatchesStreamsThatResponse() throws Exception {
        RecordedModelProvider models = RecordedModelProvider.builder()
                .converse(NOVA, RecordedModelProvider.toolUse("answer", Map.of("value", 42)))
                .build();

        List<JsonNode> events = models.converseStream(NOVA, json("{}"));

        assertThat(events.get(1)).isEqualTo(json("{\"contentBlockStart\":{\"start\":{\"toolUse\":{\"toolUseId\":"
                + events.get(1).at("/contentBlockStart/start/toolUse/toolUseId") + ",\"name\":\"answer\"}},"
                + "\"contentBlockIndex\":0}}"));
        assertThat(events.get(2).at("/contentBlockDelta/delta/toolUse/input").asText()).isEqualTo("{\"value\":42}");
        assertThat(events.get(4)).isEqualTo(json("{\"messageStop\":{\"stopReason\":\"tool_use\"}}"));
        assertThat(models.calls()).singleElement().satisfies(call ->
                assertThat(call.operation()).isEqualTo(RecordedModelProvider.Operation.CONVERSE_STREAM));
    }

    @Test
    void recordedFailuresAreThrownAsBedrockWouldFailAndAMissingRecordingSaysWhatToRecord() throws Exception {
        RecordedModelProvider models = RecordedModelProvider.builder()
                .failure(HAIKU, new ModelProviderException(429, "ThrottlingException", "Too many requests"))
                .build();

        assertThatThrownBy(() -> models.converse(HAIKU, json("{}")))
                .isInstanceOfSatisfying(ModelProviderException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.errorType()).isEqualTo("ThrottlingException");
                });
        assertThatThrownBy(() -> models.converse(NOVA, json("{\"messages\":[]}")))
                .isInstanceOfSatisfying(ModelProviderException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("NoRecordingException");
                    assertThat(e.getMessage()).isEqualTo("RecordedModelProvider (a test double) has no response for"
                            + " converse on model `amazon.nova-lite-v1:0` and this request; record one with"
                            + " RecordedModelProvider.builder().converse(\"amazon.nova-lite-v1:0\", ...) or script one"
                            + " with next(...). Request: {\"messages\":[]}");
                });
        assertThat(models.describe()).contains("test double");
    }

    @Test
    void recordingsReadFromAJsonFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("recordings.json");
        Files.writeString(file, """
                {"recordings": [
                  {"operation": "converse", "modelId": "amazon.nova-lite-v1:0",
                   "response": {"output": {"message": {"role": "assistant", "content": [{"text": "From a file."}]}},
                                "stopReason": "end_turn"}},
                  {"operation": "converseStream", "modelId": "amazon.nova-lite-v1:0",
                   "events": [{"messageStart": {"role": "assistant"}}, {"messageStop": {"stopReason": "end_turn"}}]},
                  {"modelId": "anthropic.claude-3-5-haiku-20241022-v1:0",
                   "error": {"statusCode": 400, "errorType": "ValidationException", "message": "Bad input"}}
                ]}
                """);

        RecordedModelProvider models = RecordedModelProvider.fromJson(file);

        assertThat(text(models.converse(NOVA, json("{}")))).isEqualTo("From a file.");
        assertThat(models.converseStream(NOVA, json("{}"))).hasSize(2);
        assertThatThrownBy(() -> models.converse(HAIKU, json("{}"))).hasMessage("Bad input");
        assertThatThrownBy(() -> RecordedModelProvider.builder().recordings(json("{\"recordings\":[{}]}")))
                .hasMessage("recordings[0].modelId is required (the Bedrock model id)");
    }

    @Test
    void aRecorderOfAProviderWritesRecordingsThatReplayTheSameAnswers(@TempDir Path dir) throws Exception {
        JsonNode hello = json("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hello\"}]}]}");
        RecordedModelProvider original = RecordedModelProvider.builder()
                .converse(NOVA, RecordedModelProvider.text("Hi there."))
                .failure(HAIKU, new ModelProviderException(400, "ValidationException", "Malformed input request"))
                .build();
        ModelRecorder recorder = new ModelRecorder(original);
        JsonNode answer = recorder.converse(NOVA, hello);
        List<JsonNode> events = recorder.converseStream(NOVA, hello);
        assertThatThrownBy(() -> recorder.converse(HAIKU, hello)).isInstanceOf(ModelProviderException.class);
        Path file = dir.resolve("sub/recordings.json");

        recorder.writeTo(file);
        RecordedModelProvider replay = RecordedModelProvider.fromJson(file);

        assertThat(replay.converse(NOVA, hello)).isEqualTo(answer);
        assertThat(replay.converseStream(NOVA, hello)).isEqualTo(events);
        assertThatThrownBy(() -> replay.converse(HAIKU, hello))
                .isInstanceOfSatisfying(ModelProviderException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.errorType()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).isEqualTo("Malformed input request");
                });
        // recordings are of exact requests: another request is not answered
        assertThatThrownBy(() -> replay.converse(NOVA, json("{}"))).isInstanceOfSatisfying(
                ModelProviderException.class, e -> assertThat(e.errorType()).isEqualTo("NoRecordingException"));
    }

    private static String text(JsonNode response) {
        return response.at("/output/message/content/0/text").asText();
    }
}
