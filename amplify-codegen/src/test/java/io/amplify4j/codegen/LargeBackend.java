package io.amplify4j.codegen;

import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.EnumRef;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.dsl.StringField;
import io.amplify4j.manifest.Manifest;
import io.amplify4j.model.BackendModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A synthetic backend of many models for the code generation benchmark: each model has eight fields of mixed
 * kinds, an enum, a secondary index, validators and owner plus API-key rules.
 *
 * <p>{@code main(models, file)} writes its manifest, which the benchmark then feeds to {@link CodegenMain}.
 */
public final class LargeBackend implements BackendDefinition {
    private final int models;

    public LargeBackend() {
        this(500);
    }

    public LargeBackend(int models) {
        this.models = models;
    }

    @Override
    public BackendModel define() {
        BackendBuilder backend = Backend.builder("large");
        backend.auth().loginWithEmail();
        backend.data().authorizationModes(modes -> modes.apiKey(30));
        EnumRef<String> state = backend.data().enumType("State", "NEW", "ACTIVE", "DONE");
        for (int i = 0; i < models; i++) {
            ModelBuilder model = backend.data().model(String.format("Item%03d", i))
                    .description("Synthetic model " + i + ".");
            StringField group = model.string("group").required();
            StringField title = model.string("title").required().minLength(1).maxLength(200);
            model.string("notes");
            model.integer("quantity").required().gte(0);
            model.floating("price");
            model.bool("active").defaultValue(true);
            model.datetime("dueAt");
            model.enumeration("state", state);
            model.secondaryIndex(group).sortKeys(title).queryField(String.format("listItem%03dByGroup", i));
            model.authorization(allow -> List.of(allow.owner(), allow.publicApiKey().to(
                    io.amplify4j.model.data.ModelOperation.READ)));
        }
        return backend.build();
    }

    /** Writes the manifest of a backend of {@code args[0]} models to {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        Manifest.of(new LargeBackend(Integer.parseInt(args[0])).define()).writeTo(Path.of(args[1]));
    }
}
