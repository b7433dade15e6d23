package io.amplify4j.sandbox.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * Records what a real provider answers, for replay with {@link RecordedModelProvider#fromJson}: run a test once
 * against {@link BedrockModelProvider} through a recorder, {@link #writeTo} a file, and from then on run it offline.
 * Every call (request and answer, or Bedrock's error) becomes one recording of that exact request.
 *
 * <pre>{@code
 * ModelRecorder recorder = new ModelRecorder(bedrock);
 * // ... Sandbox.builder(definition).modelProvider(recorder) ...
 * recorder.writeTo(Path.of("src/test/resources/ai-recordings.json"));
 * }</pre>
 */
public final class ModelRecorder implements ModelProvider {
    private final ModelProvider delegate;
    private final ArrayNode recordings = ConverseStreams.JSON.createArrayNode();

    public ModelRecorder(ModelProvider delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public JsonNode converse(String modelId, JsonNode request) {
        ObjectNode recording = recording(RecordedModelProvider.Operation.CONVERSE, modelId, request);
        try {
            JsonNode response = delegate.converse(modelId, request);
            recording.set("response", response.deepCopy());
            return response;
        } catch (ModelProviderException e) {
            recording.set("error", error(e));
            throw e;
        } finally {
            add(recording);
        }
    }

    @Override
    public List<JsonNode> converseStream(String modelId, JsonNode request) {
        ObjectNode recording = recording(RecordedModelProvider.Operation.CONVERSE_STREAM, modelId, request);
        try {
            List<JsonNode> events = delegate.converseStream(modelId, request);
            ArrayNode recorded = recording.putArray("events");
            events.forEach(event -> recorded.add(event.deepCopy()));
            return events;
        } catch (ModelProviderException e) {
            recording.set("error", error(e));
            throw e;
        } finally {
            add(recording);
        }
    }

    @Override
    public boolean live() {
        return delegate.live();
    }

    @Override
    public String describe() {
        return delegate.describe() + ", recorded";
    }

    /** The recordings so far, in the format {@link RecordedModelProvider#fromJson} reads. */
    public synchronized JsonNode recordings() {
        ObjectNode document = ConverseStreams.JSON.createObjectNode();
        document.set("recordings", recordings.deepCopy());
        return document;
    }

    /** Writes {@link #recordings()} to {@code file} (replaced atomically), indented. */
    public void writeTo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.write(temporary, ConverseStreams.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(recordings()));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write model recordings to " + file, e);
        }
    }

    private static ObjectNode recording(RecordedModelProvider.Operation operation, String modelId,
            JsonNode request) {
        ObjectNode recording = ConverseStreams.JSON.createObjectNode();
        recording.put("operation", operation.jsonName());
        recording.put("modelId", modelId);
        recording.set("request", request.deepCopy());
        return recording;
    }

    private static ObjectNode error(ModelProviderException e) {
        return ConverseStreams.JSON.createObjectNode().put("statusCode", e.statusCode())
                .put("errorType", e.errorType()).put("message", e.getMessage());
    }

    private synchronized void add(ObjectNode recording) {
        recordings.add(recording);
    }
}
