package io.amplify4j.codegen;

import java.util.Objects;

/**
 * One generated source file.
 *
 * @param path its path below the source root, {@code /}-separated ({@code com/example/Todo.java})
 * @param content its text
 */
public record GeneratedFile(String path, String content) {
    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    /** The simple name of the type the file declares. */
    public String typeName() {
        return path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
    }
}
