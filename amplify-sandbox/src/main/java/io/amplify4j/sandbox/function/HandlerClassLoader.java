package io.amplify4j.sandbox.function;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads a function's classes from its own artifact, as Lambda does: the JDK and the artifact, nothing of the
 * sandbox (no Jackson, Jetty or GraalJS leaking in, whatever versions the artifact bundles), except the Lambda
 * runtime interfaces ({@code com.amazonaws.services.lambda.runtime}), which must be the sandbox's so that the
 * sandbox can call the handler and hand it a {@code Context}. Those are parent-first; everything else is the
 * artifact's.
 */
final class HandlerClassLoader extends URLClassLoader {
    private static final String RUNTIME_PACKAGE = "com.amazonaws.services.lambda.runtime.";

    private final ClassLoader runtimeLoader;

    HandlerClassLoader(String functionName, URL[] urls, ClassLoader runtimeLoader) {
        super("amplify4j-function-" + functionName, urls, ClassLoader.getPlatformClassLoader());
        this.runtimeLoader = runtimeLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(RUNTIME_PACKAGE)) {
            return runtimeLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
