package io.amplify4j.codegen;

import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.CustomTypeBuilder;
import io.amplify4j.dsl.DataBuilder;
import io.amplify4j.dsl.DataType;
import io.amplify4j.dsl.EnumRef;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.model.BackendModel;
import java.util.List;

/**
 * Names that are legal in GraphQL but not in Java, or that collide once converted: Java keywords as fields, enum
 * values and arguments; names a record may not use ({@code hashCode}); {@code fooBar} and {@code foo_bar} (both the
 * constant {@code FOO_BAR}); custom types named like the JDK types the generated code imports ({@code List},
 * {@code Map}); a model named like another model's generated client ({@code NoteClient}) and like the facade.
 */
public final class AwkwardNamesBackend implements BackendDefinition {
    @Override
    public BackendModel define() {
        BackendBuilder backend = Backend.builder("names");
        DataBuilder data = backend.data();
        data.authorizationModes(modes -> modes.apiKey(30));
        data.authorization(allow -> List.of(allow.publicApiKey()));
        EnumRef<String> kind = data.enumType("Kind", "class", "default", "NEW", "_");
        CustomTypeBuilder list = data.customType("List", t -> {
            t.string("class");
            t.integer("int").required();
        });
        data.customType("Map", t -> t.string("value"));

        ModelBuilder record = data.model("Record").description("A record with awkward field names.");
        record.string("class").required();
        record.integer("default");
        record.string("hashCode");
        record.string("fooBar");
        record.string("foo_bar");
        record.string("builder");
        record.string("problems");
        record.string("set");
        record.enumeration("kind", kind);
        record.customType("items", list);
        record.timestamp("seenAt");
        record.json("extra");

        ModelBuilder note = data.model("Note");
        note.string("text").required();
        ModelBuilder noteClient = data.model("NoteClient");
        noteClient.string("name");
        ModelBuilder api = data.model("NamesApi");
        api.string("name");

        data.query("import")
                .argument("package", DataType.string().required())
                .argument("int", DataType.integer())
                .returns(DataType.ref(list))
                .customHandler("src/main/js/import.js", record)
                .authorization(allow -> List.of(allow.publicApiKey()));
        return backend.build();
    }
}
