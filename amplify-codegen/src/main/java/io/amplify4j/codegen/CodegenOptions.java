package io.amplify4j.codegen;

import java.util.Objects;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * How a client is generated.
 *
 * @param packageName the Java package of every generated type
 * @param clientName the facade class name; {@code <Backend>Api} when absent
 */
public record CodegenOptions(String packageName, Optional<String> clientName) {
    public CodegenOptions {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(clientName, "clientName");
        if (!SourceVersion.isName(packageName)) {
            throw new IllegalArgumentException("\"" + packageName + "\" is not a Java package name; use a dotted"
                    + " lower-case name such as com.example.todo.client");
        }
        clientName.ifPresent(n -> {
            if (!SourceVersion.isIdentifier(n) || SourceVersion.isKeyword(n)) {
                throw new IllegalArgumentException("\"" + n + "\" is not a Java class name; use a name such as"
                        + " TodoApi");
            }
        });
    }

    /** Generates into {@code packageName} with the default facade name. */
    public static CodegenOptions of(String packageName) {
        return new CodegenOptions(packageName, Optional.empty());
    }

    /** The same options with another facade class name. */
    public CodegenOptions withClientName(String name) {
        return new CodegenOptions(packageName, Optional.of(name));
    }
}
