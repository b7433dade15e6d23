package io.amplify4j.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.model.BackendModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestTest {

    static Stream<BackendDefinition> definitions() {
        return Stream.of(new TodoBackend(), new BlogBackend(), new ShopBackend());
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void roundTripsToAnEqualModelAndIdenticalBytes(BackendDefinition definition) {
        BackendModel model = definition.define();
        String json = Manifest.of(model).toJson();

        Manifest read = Manifest.fromJson(json);

        assertThat(read.backend()).isEqualTo(model);
        assertThat(read.toJson()).isEqualTo(json);
    }

    @Test
    void theSameDefinitionGivesTheSameBytes() {
        assertThat(Manifest.of(new ShopBackend().define()).toJson())
                .isEqualTo(Manifest.of(new ShopBackend().define()).toJson());
    }

    @Test
    void anUnchangedFileIsNotRewritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/amplify4j-manifest.json");
        Manifest manifest = Manifest.of(new TodoBackend().define());
        manifest.writeTo(file);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));

        manifest.writeTo(file);

        assertThat(Files.getLastModifiedTime(file).toMillis()).isZero();
        assertThat(Manifest.read(file)).isEqualTo(manifest);
    }

    @Test
    void refusesDocumentsThatAreNotManifests() {
        assertThatThrownBy(() -> Manifest.fromJson("{\"backend\": {}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The document is not an Amplify4j manifest: it has no \"manifestVersion\"."
                        + " Generate it with Manifest.of(model).writeTo(file).");
        assertThatThrownBy(() -> Manifest.fromJson("{\"manifestVersion\": 99, \"backend\": {}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Manifest version 99 is not supported; this Amplify4j reads version 1."
                        + " Regenerate the manifest with this version.");
        assertThatThrownBy(() -> Manifest.fromJson("not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The manifest is not valid JSON: ");
    }

    @Test
    void refusesUnknownProperties() {
        String json = Manifest.of(new TodoBackend().define()).toJson()
                .replace("\"profile\" :", "\"surprise\" : 1,\n  \"profile\" :");
        assertThatThrownBy(() -> Manifest.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surprise");
    }
}
