package io.amplify4j.client.filter;

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

/** Compiles snippets using the filter API against the test class path, to prove that misuse does not compile. */
final class JavaSnippets {
    private static final String IMPORTS = String.join("\n",
            "import io.amplify4j.client.filter.*;",
            "import java.time.*;",
            "import java.util.List;");

    private JavaSnippets() {}

    /** The compiler's error messages for {@code statements} placed in a method body; empty when it compiles. */
    static List<String> errors(String statements) throws Exception {
        String source = IMPORTS + "\nclass Snippet {\n  void use() {\n" + statements + "\n  }\n"
                + "  static void listTodos(ModelFilter<Item> filter) {}\n"
                + "  static void updateItem(ModelCondition<Item> condition) {}\n"
                + "  static void onCreateItem(SubscriptionFilter<Item> filter) {}\n"
                + "}\n";
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
                    "-d", out.toString(), "-proc:none", "-Xlint:all", "-Werror");
            compiler.getTask(new StringWriter(), files, diagnostics, options, null, List.of(file)).call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
                        || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                .map(d -> d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }
}
