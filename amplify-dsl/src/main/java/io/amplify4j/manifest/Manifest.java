package io.amplify4j.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.amplify4j.model.BackendModel;
import io.amplify4j.validate.BackendValidator;
import io.amplify4j.validate.Problem;
import io.amplify4j.validate.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The backend model as a JSON document, so that another build (a client generator, a sandbox in another
 * project) can work from the definition without its classes. Everything derived is recomputed from the model by
 * the plan, so the manifest holds only what the user defined and cannot disagree with the plan.
 *
 * <p>Format: {@code {"manifestVersion": 1, "backend": <the model>}}; the same model always gives the same bytes.
 *
 * @param manifestVersion the format version; readers refuse versions they do not know
 * @param backend the backend model
 */
public record Manifest(int manifestVersion, BackendModel backend) {
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;

    public Manifest {
        Objects.requireNonNull(backend, "backend");
    }

    /** The manifest of {@code model}. */
    public static Manifest of(BackendModel model) {
        return new Manifest(VERSION, model);
    }

    /** The manifest as JSON text. */
    public String toJson() {
        return Json.write(this);
    }

    /** Writes the manifest to {@code file}, creating parent directories; an unchanged file is not rewritten. */
    public void writeTo(Path file) throws IOException {
        byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, bytes);
    }

    /**
     * Reads a manifest and validates the model it holds.
     *
     * @throws IllegalArgumentException when the text is not a manifest of a known version
     * @throws ValidationException when the model it holds has problems
     */
    public static Manifest fromJson(String json) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The manifest is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode version = tree == null ? null : tree.get("manifestVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new IllegalArgumentException("The document is not an Amplify4j manifest: it has no"
                    + " \"manifestVersion\". Generate it with Manifest.of(model).writeTo(file).");
        }
        if (version.intValue() != VERSION) {
            throw new IllegalArgumentException("Manifest version " + version.intValue() + " is not supported;"
                    + " this Amplify4j reads version " + VERSION + ". Regenerate the manifest with this version.");
        }
        Manifest manifest;
        try {
            manifest = Json.mapper().treeToValue(tree, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The manifest does not match format version " + VERSION + ": "
                    + e.getOriginalMessage(), e);
        }
        List<Problem> problems = BackendValidator.problems(manifest.backend());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return manifest;
    }

    /** Reads and validates the manifest in {@code file}. */
    public static Manifest read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }
}
