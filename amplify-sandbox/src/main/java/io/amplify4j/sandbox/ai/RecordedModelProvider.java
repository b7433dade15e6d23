package io.amplify4j.sandbox.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * <strong>A test double</strong>: a {@link ModelProvider} that calls no model and answers from recorded or scripted
 * responses, so tests of AI routes run offline and deterministically. It is never a sandbox's default; a sandbox
 * uses it only when given it with {@code Sandbox.builder(...).modelProvider(...)}.
 *
 * <pre>{@code
 * RecordedModelProvider models = RecordedModelProvider.builder()
 *         .converse(AiModel.CLAUDE_3_5_HAIKU.bedrockModelId(), RecordedModelProvider.toolUse("describe",
 *                 Map.of("text", "A sturdy mug")))
 *         .build();
 * // ... run the route, then assert on what the resolver sent:
 * JsonNode request = models.calls().get(0).request();
 * }</pre>
 *
 * <p>How a call is answered, first match wins:
 * <ol>
 *   <li>the next scripted answer ({@link Builder#next}, {@link Builder#nextStream}, {@link Builder#nextFailure}),
 *       while any are left, whatever the model and request;</li>
 *   <li>a recording for this operation, model and exactly this request (JSON equality);</li>
 *   <li>a recording for this operation and model, any request.</li>
 * </ol>
 * A ConverseStream call that only a Converse recording matches streams that response
 * ({@link ConverseStreams#fromResponse}). A call nothing answers fails with {@code NoRecordingException}, naming the
 * model and the request. Every call is recorded in {@link #calls()}, so tests can assert on the requests.
 *
 * <p>Recordings can also be read from JSON ({@link #fromJson}): {@code {"recordings": [{"operation": "converse" |
 * "converseStream", "modelId": "...", "request": {...} (optional), "response": {...} | "events": [...] |
 * "error": {"statusCode": 400, "errorType": "ValidationException", "message": "..."}}]}}.
 *
 * <p>Thread-safe.
 */
public final class RecordedModelProvider implements ModelProvider {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The two operations of a model. */
    public enum Operation {
        CONVERSE("converse"),
        CONVERSE_STREAM("converseStream");

        private final String jsonName;

        Operation(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The name in recording files: {@code converse} or {@code converseStream}. */
        public String jsonName() {
            return jsonName;
        }

        static Operation ofJson(String name) {
            for (Operation operation : values()) {
                if (operation.jsonName.equals(name)) {
                    return operation;
                }
            }
            throw new IllegalArgumentException("`operation` must be converse or converseStream; got " + name);
        }
    }

    /**
     * One call received.
     *
     * @param operation Converse or ConverseStream
     * @param modelId the model id from the request path
     * @param request the request body
     */
    public record Call(Operation operation, String modelId, JsonNode request) {
        public Call {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(modelId, "modelId");
            request = Objects.requireNonNull(request, "request").deepCopy();
        }
    }

    /** What a recording or script entry answers with: a response, stream events, or a failure. */
    private record Answer(Optional<JsonNode> response, Optional<List<JsonNode>> events,
            Optional<ModelProviderException> failure) {
        static Answer of(JsonNode response) {
            return new Answer(Optional.of(response.deepCopy()), Optional.empty(), Optional.empty());
        }

        static Answer stream(List<JsonNode> events) {
            return new Answer(Optional.empty(), Optional.of(events.stream().map(RecordedModelProvider::copyOf).toList()),
                    Optional.empty());
        }

        static Answer failing(ModelProviderException failure) {
            return new Answer(Optional.empty(), Optional.empty(), Optional.of(failure));
        }
    }

    private record Recording(Operation operation, String modelId, Optional<JsonNode> request, Answer answer) {}

    private final List<Recording> recordings;
    private final Deque<Answer> script;
    private final List<Call> calls = new ArrayList<>();

    private RecordedModelProvider(Builder builder) {
        this.recordings = List.copyOf(builder.recordings);
        this.script = new ArrayDeque<>(builder.script);
    }

    /** Starts an empty provider. */
    public static Builder builder() {
        return new Builder();
    }

    /** A provider answering with the recordings of a JSON file (format in the class comment). */
    public static RecordedModelProvider fromJson(Path file) {
        try {
            return builder().recordings(ConverseStreams.JSON.readTree(Files.readAllBytes(file))).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read model recordings from " + file, e);
        }
    }

    @Override
    public JsonNode converse(String modelId, JsonNode request) {
        Answer answer = answer(Operation.CONVERSE, modelId, request);
        if (answer.failure().isPresent()) {
            throw copy(answer.failure().get());
        }
        return answer.response().orElseThrow(() -> new ModelProviderException(500, "NoRecordingException",
                "RecordedModelProvider (a test double) has only stream events for Converse on model `" + modelId
                        + "`; record a response with converse(modelId, response).")).deepCopy();
    }

    @Override
    public List<JsonNode> converseStream(String modelId, JsonNode request) {
        Answer answer = answer(Operation.CONVERSE_STREAM, modelId, request);
        if (answer.failure().isPresent()) {
            throw copy(answer.failure().get());
        }
        if (answer.events().isPresent()) {
            return answer.events().get().stream().map(RecordedModelProvider::copyOf).toList();
        }
        return ConverseStreams.fromResponse(answer.response().orElseThrow());
    }

    @Override
    public String describe() {
        return "RecordedModelProvider (a test double: recorded responses, no model is called)";
    }

    /** Every call received so far, in order. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls received so far for {@code modelId}, in order. */
    public synchronized List<Call> calls(String modelId) {
        return calls.stream().filter(call -> call.modelId().equals(modelId)).toList();
    }

    /** How many scripted answers are left. */
    public synchronized int scriptedLeft() {
        return script.size();
    }

    private synchronized Answer answer(Operation operation, String modelId, JsonNode request) {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(request, "request");
        calls.add(new Call(operation, modelId, request));
        Answer scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        Optional<Answer> found = match(operation, modelId, Optional.of(request));
        if (found.isEmpty() && operation == Operation.CONVERSE_STREAM) {
            found = match(Operation.CONVERSE, modelId, Optional.of(request))
                    .filter(answer -> answer.response().isPresent() || answer.failure().isPresent());
        }
        return found.orElseThrow(() -> new ModelProviderException(500, "NoRecordingException",
                "RecordedModelProvider (a test double) has no response for " + operation.jsonName() + " on model `"
                        + modelId + "` and this request; record one with RecordedModelProvider.builder()."
                        + operation.jsonName() + "(\"" + modelId + "\", ...) or script one with next(...). Request: "
                        + abbreviate(request.toString())));
    }

    private Optional<Answer> match(Operation operation, String modelId, Optional<JsonNode> request) {
        Optional<Answer> anyRequest = Optional.empty();
        for (Recording recording : recordings) {
            if (recording.operation() != operation || !recording.modelId().equals(modelId)) {
                continue;
            }
            if (recording.request().isEmpty()) {
                anyRequest = anyRequest.or(() -> Optional.of(recording.answer()));
            } else if (recording.request().equals(request)) {
                return Optional.of(recording.answer());
            }
        }
        return anyRequest;
    }

    private static JsonNode copyOf(JsonNode node) {
        return node.deepCopy();
    }

    private static ModelProviderException copy(ModelProviderException failure) {
        return new ModelProviderException(failure.statusCode(), failure.errorType(), failure.getMessage());
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }

    // ------------------------------------------------------------------------------------ response helpers

    /** A Converse response whose assistant message is {@code text} (stop reason {@code end_turn}). */
    public static JsonNode text(String text) {
        ObjectNode response = NODES.objectNode();
        ObjectNode message = response.putObject("output").putObject("message").put("role", "assistant");
        message.putArray("content").addObject().put("text", text);
        response.put("stopReason", "end_turn");
        usage(response, text.length());
        return response;
    }

    /**
     * A Converse response that uses tool {@code toolName} with {@code input} (stop reason {@code tool_use}): what a
     * model answers to a forced {@code toolChoice}, as generation routes with a typed return use.
     *
     * @param input the tool input: a {@link JsonNode} or any value Jackson can convert (maps, lists, strings, ...)
     */
    public static JsonNode toolUse(String toolName, Object input) {
        ObjectNode response = NODES.objectNode();
        ObjectNode message = response.putObject("output").putObject("message").put("role", "assistant");
        ArrayNode content = message.putArray("content");
        content.addObject().putObject("toolUse")
                .put("toolUseId", "tooluse_recorded_" + Integer.toHexString(Objects.hash(toolName, input)))
                .put("name", toolName)
                .set("input", ConverseStreams.JSON.valueToTree(input));
        response.put("stopReason", "tool_use");
        usage(response, String.valueOf(input).length());
        return response;
    }

    private static void usage(ObjectNode response, int outputChars) {
        int outputTokens = Math.max(1, outputChars / 4);
        response.putObject("usage").put("inputTokens", 10).put("outputTokens", outputTokens)
                .put("totalTokens", 10 + outputTokens);
        response.putObject("metrics").put("latencyMs", 1);
    }

    /** Configures a {@link RecordedModelProvider}. */
    public static final class Builder {
        private final List<Recording> recordings = new ArrayList<>();
        private final List<Answer> script = new ArrayList<>();

        private Builder() {}

        /** Answers every Converse call to {@code modelId} with {@code response} (and streams it for ConverseStream). */
        public Builder converse(String modelId, JsonNode response) {
            return record(Operation.CONVERSE, modelId, Optional.empty(), Answer.of(response));
        }

        /** Answers Converse calls to {@code modelId} with exactly {@code request} with {@code response}. */
        public Builder converse(String modelId, JsonNode request, JsonNode response) {
            return record(Operation.CONVERSE, modelId, Optional.of(request), Answer.of(response));
        }

        /** Answers every ConverseStream call to {@code modelId} with {@code events}. */
        public Builder converseStream(String modelId, List<JsonNode> events) {
            return record(Operation.CONVERSE_STREAM, modelId, Optional.empty(), Answer.stream(events));
        }

        /** Answers ConverseStream calls to {@code modelId} with exactly {@code request} with {@code events}. */
        public Builder converseStream(String modelId, JsonNode request, List<JsonNode> events) {
            return record(Operation.CONVERSE_STREAM, modelId, Optional.of(request), Answer.stream(events));
        }

        /** Fails every call (either operation) to {@code modelId} as Bedrock would with {@code failure}. */
        public Builder failure(String modelId, ModelProviderException failure) {
            Objects.requireNonNull(failure, "failure");
            record(Operation.CONVERSE, modelId, Optional.empty(), Answer.failing(failure));
            return record(Operation.CONVERSE_STREAM, modelId, Optional.empty(), Answer.failing(failure));
        }

        /** Answers the next call, whatever it is, with {@code response} (streamed for ConverseStream). */
        public Builder next(JsonNode response) {
            script.add(Answer.of(Objects.requireNonNull(response, "response")));
            return this;
        }

        /** Answers the next call, a ConverseStream, with {@code events}. */
        public Builder nextStream(List<JsonNode> events) {
            script.add(Answer.stream(Objects.requireNonNull(events, "events")));
            return this;
        }

        /** Fails the next call, whatever it is, with {@code failure}. */
        public Builder nextFailure(ModelProviderException failure) {
            script.add(Answer.failing(Objects.requireNonNull(failure, "failure")));
            return this;
        }

        /** Adds the recordings of a JSON document (format in the class comment). */
        public Builder recordings(JsonNode document) {
            JsonNode list = document.path("recordings");
            if (!list.isArray()) {
                throw new IllegalArgumentException("Model recordings must be {\"recordings\": [...]}");
            }
            int index = 0;
            for (JsonNode entry : list) {
                String place = "recordings[" + index++ + "]";
                Operation operation = Operation.ofJson(entry.path("operation").asText("converse"));
                if (!entry.path("modelId").isTextual()) {
                    throw new IllegalArgumentException(place + ".modelId is required (the Bedrock model id)");
                }
                Optional<JsonNode> request = Optional.ofNullable(entry.get("request"));
                Answer answer;
                if (entry.has("error")) {
                    JsonNode error = entry.get("error");
                    answer = Answer.failing(new ModelProviderException(error.path("statusCode").asInt(400),
                            error.path("errorType").asText("ValidationException"),
                            error.path("message").asText("Recorded failure")));
                } else if (entry.path("events").isArray()) {
                    List<JsonNode> events = new ArrayList<>();
                    entry.get("events").forEach(events::add);
                    answer = Answer.stream(events);
                } else if (entry.path("response").isObject()) {
                    answer = Answer.of(entry.get("response"));
                } else {
                    throw new IllegalArgumentException(place + " needs a `response`, `events` or `error`");
                }
                record(operation, entry.get("modelId").asText(), request, answer);
            }
            return this;
        }

        private Builder record(Operation operation, String modelId, Optional<JsonNode> request, Answer answer) {
            Objects.requireNonNull(modelId, "modelId");
            recordings.add(new Recording(operation, modelId, request.map(JsonNode::deepCopy), answer));
            return this;
        }

        public RecordedModelProvider build() {
            return new RecordedModelProvider(this);
        }
    }
}
