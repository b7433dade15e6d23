package io.amplify4j.codegen;

import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.manifest.Manifest;
import io.amplify4j.validate.ValidationException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command-line entry, for build tools other than Maven:
 *
 * <pre>
 * java -cp amplify-codegen.jar:deps:your-classes io.amplify4j.codegen.CodegenMain \
 *     (--definition com.example.MyBackend | --manifest build/amplify-manifest.json) \
 *     --package com.example.client --out build/generated/sources/amplify [--client-name MyApi]
 * </pre>
 *
 * Exits 0 on success (printing how many files were written and left unchanged), 2 on bad arguments, 1 when the
 * definition is invalid or cannot be read.
 */
public final class CodegenMain {
    private CodegenMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Optional<String> definition = Optional.empty();
        Optional<Path> manifest = Optional.empty();
        Optional<String> packageName = Optional.empty();
        Optional<Path> output = Optional.empty();
        Optional<String> clientName = Optional.empty();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                problems.add(option + " needs a value");
                break;
            }
            String value = args[++i];
            switch (option) {
                case "--definition" -> definition = Optional.of(value);
                case "--manifest" -> manifest = Optional.of(Path.of(value));
                case "--package" -> packageName = Optional.of(value);
                case "--out" -> output = Optional.of(Path.of(value));
                case "--client-name" -> clientName = Optional.of(value);
                default -> problems.add("unknown option " + option);
            }
        }
        if (definition.isPresent() == manifest.isPresent()) {
            problems.add("give exactly one of --definition <class> and --manifest <file>");
        }
        if (packageName.isEmpty()) {
            problems.add("--package <java package> is required");
        }
        if (output.isEmpty()) {
            problems.add("--out <source directory> is required");
        }
        if (!problems.isEmpty()) {
            err.println("amplify-codegen: " + String.join("; ", problems));
            err.println("usage: CodegenMain (--definition <class> | --manifest <file>) --package <package>"
                    + " --out <dir> [--client-name <Name>]");
            return 2;
        }
        try {
            CodegenOptions options = new CodegenOptions(packageName.get(), clientName);
            GeneratedSources sources = definition.isPresent()
                    ? ClientGenerator.generate(loadDefinition(definition.get()), options)
                    : ClientGenerator.generate(Manifest.read(manifest.get()), options);
            GeneratedSources.WriteResult result = sources.writeTo(output.get());
            out.println("amplify-codegen: " + result.written().size() + " written, " + result.unchanged().size()
                    + " unchanged, " + result.deleted().size() + " deleted in " + output.get());
            return 0;
        } catch (ValidationException | IllegalArgumentException e) {
            err.println("amplify-codegen: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("amplify-codegen: cannot read or write: " + e);
            return 1;
        }
    }

    /** Instantiates a {@link BackendDefinition} class by name from the context class loader. */
    public static BackendDefinition loadDefinition(String className) {
        return loadDefinition(className, Thread.currentThread().getContextClassLoader());
    }

    /** Instantiates a {@link BackendDefinition} class by name with its public no-argument constructor. */
    public static BackendDefinition loadDefinition(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Definition class " + className + " is not on the class path;"
                    + " compile it first (the generator runs after the classes that define the backend)", e);
        }
        if (!BackendDefinition.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " does not implement "
                    + BackendDefinition.class.getName());
        }
        try {
            return (BackendDefinition) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(className + " needs a public no-argument constructor", e);
        }
    }
}
