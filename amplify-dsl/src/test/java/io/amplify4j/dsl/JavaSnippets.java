package io.amplify4j.dsl;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

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
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("snippet");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
                    "-d", out.toString(), "-proc:none", "-Xlint:none");
            compiler.getTask(new StringWriter(), files, diagnostics, options, null, List.of(file)).call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }
}
