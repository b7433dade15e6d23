package io.amplify4j.sandbox.function;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;

/**
 * Loads a function's classes from its own artifact, as Lambda does: the JDK and the artifact, nothing of the
 * sandbox (no Jackson, Jetty or GraalJS leaking in, whatever versions the artifact bundles), except the Lambda
 * runtime interfaces ({@code com.amazonaws.services.lambda.runtime}), which must be the sandbox's so that the
 * sandbox can call the handler and hand it a {@code Context}. Those are parent-first; everything else is the
 * artifact's. Classes are defined with {@link EnvironmentRewriter}'s change, so that the function reads its own
 * environment variables.
 */
final class HandlerClassLoader extends URLClassLoader {
    private static final String RUNTIME_PACKAGE = "com.amazonaws.services.lambda.runtime.";
    private static final String ENVIRONMENT = LambdaEnvironment.class.getName();

    private final ClassLoader runtimeLoader;
    private final ProtectionDomain domain;

    HandlerClassLoader(String functionName, URL[] urls, ClassLoader runtimeLoader) {
        super("amplify4j-function-" + functionName, urls, ClassLoader.getPlatformClassLoader());
        this.runtimeLoader = runtimeLoader;
        this.domain = new ProtectionDomain(new CodeSource(urls[0], (CodeSigner[]) null), null, this, null);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(RUNTIME_PACKAGE) || name.equals(ENVIRONMENT)) {
            return runtimeLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    /** The artifact's class, with its {@code System.getenv} calls reading the function's environment. */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        URL resource = findResource(name.replace('.', '/') + ".class");
        if (resource == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try (InputStream in = resource.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        byte[] rewritten = EnvironmentRewriter.rewrite(bytes);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String packageName = name.substring(0, dot);
            if (getDefinedPackage(packageName) == null) {
                try {
                    definePackage(packageName, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException alreadyDefined) {
                    // Defined by another thread in the meantime.
                }
            }
        }
        return defineClass(name, rewritten, 0, rewritten.length, domain);
    }
}
