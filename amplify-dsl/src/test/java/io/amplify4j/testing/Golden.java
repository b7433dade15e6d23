package io.amplify4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: generated text compared exactly with a reviewed copy under {@code src/test/resources/golden}.
 * Run with {@code -Dgolden.update=true} to rewrite them, then review the diff before committing.
 */
public final class Golden {
    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    /** True when goldens are being rewritten rather than compared. */
    public static boolean updating() {
        return Boolean.parseBoolean(System.getProperty("golden.update", "false"));
    }

    /** Asserts that {@code actual} equals the golden file {@code relativePath}, or rewrites it when updating. */
    public static void assertMatches(String relativePath, String actual) {
        Path file = ROOT.resolve(relativePath);
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file)
                    .as("golden file %s is missing; run the build with -Dgolden.update=true and review it", file)
                    .exists();
            assertThat(actual)
                    .as("%s differs from its golden file; if the change is intended, rerun with"
                            + " -Dgolden.update=true and review the diff", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
