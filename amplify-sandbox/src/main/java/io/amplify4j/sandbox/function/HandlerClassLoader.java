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
 *
 * <p>{@link #overClassPath} makes the other kind: a loader for a handler that lives on the sandbox's own class path
 * with its dependencies (the library's conversation handler, whose jar alone lacks Jackson and the AWS SDK). The
 * classes of the handler's code source (its jar or class directory) are defined here, rewritten the same way, and
 * everything else comes from the class path.
 */
final class HandlerClassLoader extends URLClassLoader {
    private static final String RUNTIME_PACKAGE = "com.amazonaws.services.lambda.runtime.";
    private static final String ENVIRONMENT = LambdaEnvironment.class.getName();

    private final ClassLoader runtimeLoader;
    private final ProtectionDomain domain;
    /** For a handler on the class path: where the classes outside its code source come from; else null. */
    private final ClassLoader classPath;

    HandlerClassLoader(String functionName, URL[] urls, ClassLoader runtimeLoader) {
        this(functionName, urls, runtimeLoader, null);
    }

    private HandlerClassLoader(String functionName, URL[] urls, ClassLoader runtimeLoader, ClassLoader classPath) {
        super("amplify4j-function-" + functionName, urls, ClassLoader.getPlatformClassLoader());
        this.runtimeLoader = runtimeLoader;
        this.classPath = classPath;
        this.domain = new ProtectionDomain(new CodeSource(urls[0], (CodeSigner[]) null), null, this, null);
    }

    /**
     * A loader for a handler found on {@code classPath} at {@code codeSource}: the code source's classes are its
     * own (rewritten, so the handler reads its function's environment), the rest is {@code classPath}'s.
     */
    static HandlerClassLoader overClassPath(String functionName, URL codeSource, ClassLoader classPath,
            ClassLoader runtimeLoader) {
        return new HandlerClassLoader(functionName, new URL[] {codeSource}, runtimeLoader, classPath);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(RUNTIME_PACKAGE) || name.equals(ENVIRONMENT)) {
            return runtimeLoader.loadClass(name);
        }
        if (classPath == null) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = !name.startsWith("java.") && findResource(name.replace('.', '/') + ".class") != null
                        ? findClass(name) : classPath.loadClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = super.getResource(name);
        return own != null || classPath == null ? own : classPath.getResource(name);
    }

    @Override
    public java.util.Enumeration<URL> getResources(String name) throws IOException {
        if (classPath == null) {
            return super.getResources(name);
        }
        java.util.List<URL> all = java.util.Collections.list(super.getResources(name));
        for (URL url : java.util.Collections.list(classPath.getResources(name))) {
            if (!all.contains(url)) {
                all.add(url);
            }
        }
        return java.util.Collections.enumeration(all);
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
