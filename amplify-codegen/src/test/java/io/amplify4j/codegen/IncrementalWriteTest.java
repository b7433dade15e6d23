package io.amplify4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.manifest.Manifest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing is incremental, and the command line generates from a definition class or a manifest. */
class IncrementalWriteTest {
    @TempDir
    Path dir;

    @Test
    void unchangedFilesAreNotRewrittenAndStaleGeneratedFilesGo() throws Exception {
        GeneratedSources todo = ClientGenerator.generate(new TodoBackend(), CodegenOptions.of("gen.x"));
        GeneratedSources.WriteResult first = todo.writeTo(dir);
        assertThat(first.written()).hasSize(todo.files().size());
        Path record = dir.resolve("gen/x/Todo.java");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(record, old);
        Path handWritten = dir.resolve("gen/x/Mine.java");
        Files.writeString(handWritten, "package gen.x; class Mine {}");

        GeneratedSources.WriteResult again = todo.writeTo(dir);
        assertThat(again.written()).isEmpty();
        assertThat(again.unchanged()).hasSize(todo.files().size());
        assertThat(Files.getLastModifiedTime(record)).isEqualTo(old);

        // Another backend into the same package: Todo's files are stale and go, the hand-written file stays.
        GeneratedSources blog = ClientGenerator.generate(new BlogBackend(), CodegenOptions.of("gen.x"));
        GeneratedSources.WriteResult replaced = blog.writeTo(dir);
        assertThat(replaced.deleted()).extracting(p -> p.getFileName().toString())
                .contains("Todo.java", "TodoClient.java", "TodoApi.java");
        assertThat(handWritten).exists();
    }

    @Test
    void theCommandLineGeneratesFromAClassOrAManifest() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CodegenMain.run(new String[] {"--definition", TodoBackend.class.getName(), "--package",
                "gen.cli", "--out", dir.resolve("a").toString()}, new PrintStream(out), new PrintStream(err));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("amplify-codegen: 5 written, 0 unchanged");

        Path manifest = dir.resolve("manifest.json");
        Manifest.of(new TodoBackend().define()).writeTo(manifest);
        status = CodegenMain.run(new String[] {"--manifest", manifest.toString(), "--package", "gen.cli", "--out",
                dir.resolve("b").toString()}, new PrintStream(out), new PrintStream(err));
        assertThat(status).isZero();
        assertThat(Files.readString(dir.resolve("b/gen/cli/TodoClient.java")))
                .isEqualTo(Files.readString(dir.resolve("a/gen/cli/TodoClient.java")));
    }

    @Test
    void badArgumentsAreReportedTogether() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CodegenMain.run(new String[] {"--out", dir.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "give exactly one of --definition <class> and --manifest <file>; --package <java package> is required");
        status = CodegenMain.run(new String[] {"--definition", "com.example.Missing", "--package", "gen.cli", "--out",
                dir.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("com.example.Missing is not on the class path");
    }
}
