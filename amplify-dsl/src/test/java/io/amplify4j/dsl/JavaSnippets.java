package io.amplify4j.dsl;

import io.amplify4j.testing.SnippetCompiler;
import java.util.List;

/** Compiles snippets of DSL code against the test class path, to prove that misuse does not compile. */
final class JavaSnippets {
    private static final String IMPORTS = String.join("\n",
            "import io.amplify4j.dsl.*;",
            "import io.amplify4j.model.data.*;",
            "import io.amplify4j.model.storage.*;",
            "import io.amplify4j.model.data.FunctionDataAccess.ResourceOperation;",
            "import io.amplify4j.fixtures.OrderStatus;",
            "import java.util.List;",
            "import java.nio.file.Path;");

    /** Declarations every snippet can use: a backend, a model, an enum, a function and a group. */
    private static final String PRELUDE = String.join("\n",
            "BackendBuilder backend = Backend.builder(\"snippet\");",
            "DataBuilder data = backend.data();",
            "ModelBuilder todo = data.model(\"Todo\");",
            "EnumRef<OrderStatus> status = data.enumType(OrderStatus.class);",
            "EnumRef<String> color = data.enumType(\"Color\", \"RED\", \"GREEN\");",
            "FunctionRef fn = backend.function(\"fn\", f -> f.javaHandler(\"a.B\", Path.of(\"b.jar\")));",
            "AuthGroup admins = backend.auth().group(\"ADMINS\");");

    private JavaSnippets() {}

    /** The compiler's error messages for {@code statements} placed in a method body; empty when it compiles. */
    static List<String> errors(String statements) throws Exception {
        String source = IMPORTS + "\nclass Snippet {\n  void define() {\n" + PRELUDE + "\n" + statements
                + "\n  }\n}\n";
        return SnippetCompiler.problems(source, SnippetCompiler.Strictness.ERRORS);
    }
}
