package io.amplify4j.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: generated text compared exactly with a reviewed copy under {@code src/test/resources/golden}.
 * With {@code -Dgolden.update=true} the copy is rewritten instead, to be reviewed in the diff.
 */
final class Golden {
    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    static void assertMatches(String relativePath, String actual) {
        Path file = ROOT.resolve(relativePath);
        try {
            if (Boolean.parseBoolean(System.getProperty("golden.update", "false"))) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("Golden file %s does not exist; run the tests with -Dgolden.update=true to create it, then review it",
                        file);
            }
            assertThat(actual)
                    .as("%s differs from its golden copy; rerun with -Dgolden.update=true and review the diff", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
