package io.amplify4j.sandbox.function;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.FunctionDefinition;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The backend's functions, run in-process: each Java function's handler class loaded from its declared artifact
 * (a jar, or a class directory with an optional {@code lib/} of jars, resolved against the project directory) in a
 * class loader of its own, or from the sandbox's class path when the artifact does not exist and the class is
 * already loadable there (a handler in the same build, in tests). Functions whose code the sandbox cannot run
 * (Node.js and Python assets) can be given a local Java stand-in with {@link Builder#handler}; without one, invoking
 * them fails with a message saying so. A Java function whose handler cannot be loaded (artifact not built yet, class
 * missing, not a handler) does not stop the rest of the backend: {@link #whyNotRunnable} says why, and invoking it
 * fails with that reason (paths removed).
 *
 * <p>Thread-safe. {@link #close()} stops the invocation threads.
 */
public final class FunctionRuntime implements AutoCloseable {
    private final Map<String, FunctionDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, String> unavailable = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final java.util.function.Function<String, Map<String, String>> dynamicEnvironment;
    private final List<HandlerClassLoader> loaders = new ArrayList<>();
    private final ExecutorService executor;
    private final Consumer<String> log;
    private final Consumer<Throwable> internalErrors;

    private FunctionRuntime(Builder builder) {
        this.log = builder.log;
        this.dynamicEnvironment = builder.dynamicEnvironment;
        this.internalErrors = builder.internalErrors;
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "amplify4j-function-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newCachedThreadPool(factory);
        List<String> problems = new ArrayList<>();
        for (FunctionDefinition definition : builder.model.functions()) {
            String name = definition.name();
            definitions.put(name, definition);
            environments.put(name, environment(definition, builder, notes));
            Object standIn = builder.handlers.get(name);
            try {
                if (standIn != null) {
                    functions.put(name, function(definition, () -> standIn, standIn.getClass().getClassLoader()));
                } else if (definition.code() instanceof FunctionCode.Java java) {
                    functions.put(name, javaFunction(definition, java, builder));
                } else if (definition.code() instanceof FunctionCode.Asset asset) {
                    unavailable.put(name, "Function `" + name + "` is a " + asset.runtime().lambdaName()
                            + " handler; the sandbox runs Java handlers only. Give it a local Java handler with"
                            + " Sandbox.builder(...).functionHandler(\"" + name + "\", handler).");
                }
            } catch (IllegalArgumentException e) {
                // Not fatal: the rest of the backend still runs; invoking this function says why it cannot.
                unavailable.put(name, e.getMessage());
            }
        }
        for (String name : builder.handlers.keySet()) {
            if (!definitions.containsKey(name)) {
                problems.add("A local handler was given for `" + name + "`, but the backend defines no such function;"
                        + " functions: " + definitions.keySet() + ".");
            }
        }
        if (!problems.isEmpty()) {
            close();
            throw new IllegalArgumentException(String.join("\n", problems));
        }
    }

    /** Starts configuring the functions of {@code model}. */
    public static Builder builder(BackendModel model) {
        return new Builder(model);
    }

    private LocalFunction function(FunctionDefinition definition, java.util.function.Supplier<Object> instances,
            ClassLoader loader) {
        String name = definition.name();
        Map<String, String> fixed = environments.get(name);
        java.util.function.Supplier<Map<String, String>> environment = () -> {
            Map<String, String> current = dynamicEnvironment.apply(name);
            if (current.isEmpty()) {
                return fixed;
            }
            Map<String, String> merged = new LinkedHashMap<>(fixed);
            merged.putAll(current);
            return merged;
        };
        return new LocalFunction(name, definition.timeoutSeconds(), definition.memoryMb(), instances, loader,
                environment, executor, log);
    }

    /**
     * A function's environment variables as Lambda would set them: its reserved variables, the definition's
     * variables, its secrets (with the values the sandbox was given), and what the sandbox injects.
     */
    private static Map<String, String> environment(FunctionDefinition definition, Builder builder,
            List<String> notes) {
        Map<String, String> env = new LinkedHashMap<>();
        String name = definition.name();
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(definition.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "sandbox/[$LATEST]" + name);
        env.put("AWS_REGION", LambdaContext.REGION);
        env.put("AWS_DEFAULT_REGION", LambdaContext.REGION);
        if (definition.code() instanceof FunctionCode.Java java) {
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + java.runtime().lambdaName());
            env.put("_HANDLER", java.handlerClass() + "::handleRequest");
        }
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.putAll(definition.environment());
        definition.secrets().forEach((variable, secret) -> {
            String value = builder.secrets.get(secret);
            if (value == null) {
                notes.add("function " + name + ": secret `" + secret + "` (" + variable + ") has no value in this"
                        + " sandbox; set it with secret(\"" + secret + "\", value).");
            } else {
                env.put(variable, value);
            }
        });
        env.putAll(builder.environment.getOrDefault(name, Map.of()));
        return Map.copyOf(env);
    }

    /** The environment variables {@code name} runs with (what its handler's {@code System.getenv} returns). */
    public Map<String, String> environment(String name) {
        return environments.getOrDefault(name, Map.of());
    }

    private LocalFunction javaFunction(FunctionDefinition definition, FunctionCode.Java java, Builder builder) {
        String name = definition.name();
        Path artifact = builder.projectDirectory.resolve(java.artifact()).normalize();
        ClassLoader loader;
        Optional<URL> library = libraryHandler(java.handlerClass(), builder.classPath);
        if (library.isPresent()) {
            // The library's conversation handler needs its dependencies (Jackson, the AWS SDK signer), which its
            // own jar does not bundle: taken from the class path, with its getenv reading the function's variables.
            HandlerClassLoader own = HandlerClassLoader.overClassPath(name, library.get(), builder.classPath,
                    FunctionRuntime.class.getClassLoader());
            loaders.add(own);
            loader = own;
        } else if (Files.exists(artifact)) {
            HandlerClassLoader own = new HandlerClassLoader(name, urls(name, artifact), FunctionRuntime.class
                    .getClassLoader());
            loaders.add(own);
            loader = own;
        } else {
            loader = builder.classPath;
        }
        Class<?> handlerClass;
        try {
            handlerClass = Class.forName(java.handlerClass(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("functions." + name + ": handler class `" + java.handlerClass()
                    + "` not found " + (Files.exists(artifact) ? "in " + artifact
                    : "on the class path, and the artifact " + artifact + " does not exist")
                    + ". Build the function's jar, or set the sandbox's project directory to where `"
                    + java.artifact() + "` is.");
        }
        if (!RequestHandler.class.isAssignableFrom(handlerClass)
                && !RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
            throw new IllegalArgumentException("functions." + name + ": `" + java.handlerClass() + "` implements"
                    + " neither RequestHandler nor RequestStreamHandler (com.amazonaws.services.lambda.runtime).");
        }
        if (Modifier.isAbstract(handlerClass.getModifiers())) {
            throw new IllegalArgumentException("functions." + name + ": `" + java.handlerClass()
                    + "` is abstract; Lambda needs a concrete class with a public no-argument constructor.");
        }
        Constructor<?> constructor;
        try {
            constructor = handlerClass.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("functions." + name + ": `" + java.handlerClass()
                    + "` has no public no-argument constructor, which Lambda needs to make the handler.");
        }
        return function(definition, () -> {
            try {
                return constructor.newInstance();
            } catch (InvocationTargetException e) {
                throw new HandlerInitFailure(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new HandlerInitFailure(e);
            }
        }, loader);
    }

    /**
     * Where the library's own conversation handler ({@value io.amplify4j.plan.AiRoutes#DEFAULT_HANDLER_CLASS}) is on
     * {@code classPath}, when {@code handlerClass} is it and it is there.
     */
    private static Optional<URL> libraryHandler(String handlerClass, ClassLoader classPath) {
        if (!handlerClass.equals(io.amplify4j.plan.AiRoutes.DEFAULT_HANDLER_CLASS)) {
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(handlerClass, false, classPath);
            return Optional.ofNullable(type.getProtectionDomain().getCodeSource()).map(source -> source.getLocation());
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The handler's constructor or static initializer failed: Lambda's init error. */
    static final class HandlerInitFailure extends RuntimeException {
        HandlerInitFailure(Throwable cause) {
            super(cause == null ? "init failed" : cause.getMessage(), cause, false, false);
        }
    }

    private static URL[] urls(String name, Path artifact) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(artifact.toUri().toURL());
            Path lib = artifact.resolve("lib");
            if (Files.isDirectory(artifact) && Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("functions." + name + ": bad artifact path " + artifact, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("functions." + name + ": cannot list " + artifact + "/lib", e);
        }
        return urls.toArray(URL[]::new);
    }

    /** The function of that name, as defined. */
    public Optional<FunctionDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** The names of the functions the backend defines, in declaration order. */
    public List<String> names() {
        return List.copyOf(definitions.keySet());
    }

    /** True when the sandbox can run {@code name} (a Java handler, or a local stand-in). */
    public boolean isRunnable(String name) {
        return functions.containsKey(name);
    }

    /** Why a defined function cannot run here, if it cannot. */
    public Optional<String> whyNotRunnable(String name) {
        return Optional.ofNullable(unavailable.get(name));
    }

    /** What the sandbox could not give the functions (secrets without values), for the start log. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** How many handler instances (execution environments) {@code name} has started so far. */
    public long coldStarts(String name) {
        LocalFunction function = functions.get(name);
        return function == null ? 0 : function.coldStarts();
    }

    /**
     * Invokes {@code name} synchronously ({@code RequestResponse}) with {@code event} (plain JSON values) and returns
     * its response as plain JSON values.
     *
     * @throws FunctionFailure when the function fails, times out or cannot run in the sandbox
     * @throws IllegalArgumentException when the backend defines no such function
     */
    public Object invoke(String name, Object event) throws FunctionFailure {
        LocalFunction function = functions.get(name);
        if (function == null) {
            String reason = unavailable.get(name);
            if (reason != null) {
                throw FunctionFailure.unhandled(Sanitizer.text(reason));
            }
            throw new IllegalArgumentException("The backend defines no function `" + name + "`; functions: "
                    + definitions.keySet() + ".");
        }
        return function.invoke(event);
    }

    /**
     * Invokes {@code name} as an event ({@code Event} invocation): returns at once; the outcome goes to the log.
     */
    public void invokeAsync(String name, Object event) {
        if (!definitions.containsKey(name)) {
            throw new IllegalArgumentException("The backend defines no function `" + name + "`; functions: "
                    + definitions.keySet() + ".");
        }
        executor.submit(() -> {
            try {
                invoke(name, event);
                log.accept("fn " + name + " event invocation ok");
            } catch (FunctionFailure e) {
                log.accept("fn " + name + " event invocation failed: " + e.getMessage());
            } catch (RuntimeException e) {
                internalErrors.accept(e);
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
        for (HandlerClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                internalErrors.accept(e);
            }
        }
    }

    /** Configures a {@link FunctionRuntime}. */
    public static final class Builder {
        private final BackendModel model;
        private Path projectDirectory = Path.of("").toAbsolutePath();
        private ClassLoader classPath = FunctionRuntime.class.getClassLoader();
        private final Map<String, Object> handlers = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> environment = new LinkedHashMap<>();
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private java.util.function.Function<String, Map<String, String>> dynamicEnvironment = name -> Map.of();
        private Consumer<String> log = line -> {};
        private Consumer<Throwable> internalErrors = error -> {};

        private Builder(BackendModel model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** Where relative artifact paths start; the working directory by default. */
        public Builder projectDirectory(Path directory) {
            this.projectDirectory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
            return this;
        }

        /** Where handler classes come from when their artifact does not exist; the sandbox's loader by default. */
        public Builder classPath(ClassLoader loader) {
            this.classPath = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * A local handler for {@code function}, used instead of its declared code: a {@link RequestHandler} or
         * {@link RequestStreamHandler} instance. For Node.js and Python functions, which the sandbox cannot run, and
         * for tests.
         */
        public Builder handler(String function, Object handler) {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(handler, "handler");
            if (!(handler instanceof RequestHandler<?, ?>) && !(handler instanceof RequestStreamHandler)) {
                throw new IllegalArgumentException("The local handler for `" + function + "` must implement"
                        + " RequestHandler or RequestStreamHandler; got " + handler.getClass().getName() + ".");
            }
            handlers.put(function, handler);
            return this;
        }

        /**
         * An environment variable for {@code function} on top of the definition's: what the sandbox injects (the
         * GraphQL endpoint for functions granted data access, credentials, bucket names).
         */
        public Builder environment(String function, String name, String value) {
            environment.computeIfAbsent(Objects.requireNonNull(function, "function"), f -> new LinkedHashMap<>())
                    .put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Environment variables computed for each invocation of a function (by name), on top of the others:
         * credentials that expire.
         */
        public Builder dynamicEnvironment(java.util.function.Function<String, Map<String, String>> variables) {
            this.dynamicEnvironment = Objects.requireNonNull(variables, "variables");
            return this;
        }

        /** The value of a secret ({@code secret("name")} in the definition) in this sandbox. */
        public Builder secret(String secretName, String value) {
            secrets.put(Objects.requireNonNull(secretName, "secretName"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Where handler log lines, invocation outcomes and handler failures with their stack traces go (the
         * developer's log; clients only ever get sanitised messages).
         */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** Where the runtime's own unexpected failures go. */
        public Builder internalErrors(Consumer<Throwable> internalErrors) {
            this.internalErrors = Objects.requireNonNull(internalErrors, "internalErrors");
            return this;
        }

        public FunctionRuntime build() {
            return new FunctionRuntime(this);
        }
    }
}
