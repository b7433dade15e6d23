package io.amplify4j.samples.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.manifest.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What amplify:generate left in this module's build: the client generated from the Todo manifest is the client
 * generated from the Todo definition class, file for file (package aside).
 */
class PluginOutputTest {
    private static final Path GENERATED = Path.of("target", "generated-test-sources");

    @Test
    void theCommittedManifestIsTheDefinitionsManifest() throws IOException {
        assertThat(Files.readString(Path.of("src/test/resources/todo-manifest.json"), StandardCharsets.UTF_8))
                .as("regenerate src/test/resources/todo-manifest.json with Manifest.of(new TodoBackend().define())")
                .isEqualTo(Manifest.of(new TodoBackend().define()).toJson());
    }

    @Test
    void aManifestGeneratesTheSameClientAsTheDefinitionClass() throws IOException {
        Path fromClass = GENERATED.resolve("amplify-todo/io/amplify4j/samples/client/todo");
        Path fromManifest = GENERATED.resolve("amplify-todo-manifest/io/amplify4j/samples/client/todomanifest");
        List<String> names = names(fromClass);
        assertThat(names).containsExactly("CreateTodoInput.java", "Todo.java", "TodoApi.java", "TodoClient.java",
                "UpdateTodoInput.java");
        assertThat(names(fromManifest)).isEqualTo(names);
        for (String name : names) {
            String expected = Files.readString(fromClass.resolve(name))
                    .replace("package io.amplify4j.samples.client.todo;", "package io.amplify4j.samples.client.todomanifest;");
            assertThat(Files.readString(fromManifest.resolve(name))).as(name).isEqualTo(expected);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
