package io.amplify4j.codegen;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources (and snippets using them) with javac against the test class path (the runtime). */
final class Compiler {
    private Compiler() {}

    /** A source file by its path and text. */
    record Source(String path, String content) {}

    /** The result: diagnostics as {@code KIND file:line: message} and the class output directory. */
    record Result(List<String> errors, List<String> warnings, Path classes) {}

    static List<Source> sources(GeneratedSources generated) {
        return generated.files().stream().map(f -> new Source(f.path(), f.content())).toList();
    }

    /** Compiles with {@code -Xlint:all -Werror}-like reporting: errors and warnings are returned separately. */
    static Result compile(List<Source> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try {
            Path out = Files.createTempDirectory("generated-client");
            List<JavaFileObject> files = new ArrayList<>();
            for (Source source : sources) {
                files.add(new SimpleJavaFileObject(URI.create("string:///" + source.path()),
                        JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source.content();
                    }
                });
            }
            try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d",
                        out.toString(), "-proc:none", "--release", "17", "-Xlint:all", "-Xdoclint:all,-missing");
                compiler.getTask(new StringWriter(), manager, diagnostics, options, null, files).call();
            }
            List<String> errors = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                String text = d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName()) + ":"
                        + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT);
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(text);
                } else if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
                    warnings.add(text);
                }
            }
            return new Result(errors, warnings, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
