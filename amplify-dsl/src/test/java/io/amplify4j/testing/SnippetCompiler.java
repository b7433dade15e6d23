package io.amplify4j.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one source file (a class named {@code Snippet}) with javac against the test class path, for tests that
 * prove an API makes misuse fail to compile. Shared by the DSL's and the client's compile-failure tests.
 */
public final class SnippetCompiler {
    /** How strictly to compile. */
    public enum Strictness {
        /** Only errors count ({@code -Xlint:none}). */
        ERRORS,
        /** Every lint warning counts too ({@code -Xlint:all -Werror}). */
        WARNINGS
    }

    private SnippetCompiler() {}

    /** The compiler's messages for {@code source}; empty when it compiles cleanly at {@code strictness}. */
    public static List<String> problems(String source, Strictness strictness) throws IOException {
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
            List<String> lint = strictness == Strictness.WARNINGS ? List.of("-Xlint:all", "-Werror")
                    : List.of("-Xlint:none");
            List<String> options = new java.util.ArrayList<>(List.of("-classpath",
                    System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none"));
            options.addAll(lint);
            compiler.getTask(new StringWriter(), files, diagnostics, options, null, List.of(file)).call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || (strictness == Strictness.WARNINGS
                        && (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)))
                .map(d -> d.getMessage(Locale.ROOT))
                .toList();
    }
}
