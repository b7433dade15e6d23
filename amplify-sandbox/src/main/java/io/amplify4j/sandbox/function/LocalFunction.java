package io.amplify4j.sandbox.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One function the sandbox runs in-process, the way Lambda runs a Java handler: a handler instance per execution
 * environment (kept and reused between invocations, so fields and static state behave as in a warm Lambda), the
 * event JSON mapped to the handler's input type with Jackson ({@code Map}, {@code String}, a POJO ...) or handed to
 * a {@link RequestStreamHandler} as bytes, and the response serialized back to JSON.
 *
 * <p>The handler runs with the function's environment variables ({@link LambdaEnvironment}).
 *
 * <p>Failures become {@link FunctionFailure}s with client-safe messages: a thrown exception, the declared timeout
 * passing (the handler's thread is interrupted and abandoned; a handler that ignores interrupts keeps its thread
 * until it returns, but never holds up the caller), an {@link Error} such as {@link OutOfMemoryError}, a response
 * that is not JSON or is over Lambda's 6 MB limit. After a timeout or an {@code Error} the environment is thrown
 * away and the next invocation starts a fresh handler instance (a cold start), as Lambda restarts its runtime.
 */
final class LocalFunction {
    /** Lambda's limit on a synchronous response. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    /** Jackson as Lambda's Java runtime maps events: unknown properties are ignored. */
    static final ObjectMapper HANDLER_JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    /** Plain JSON values for the sandbox (whole numbers as {@code Long}). */
    static final ObjectMapper PLAIN_JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private final String name;
    private final int timeoutSeconds;
    private final int memoryMb;
    private final Supplier<Object> instances;
    private final ClassLoader loader;
    private final Map<String, String> environment;
    private final ExecutorService executor;
    private final Consumer<String> log;
    private final Consumer<Throwable> internalErrors;
    private final Deque<Object> warm = new ConcurrentLinkedDeque<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong coldStarts = new AtomicLong();

    /**
     * @param instances makes a new handler instance (one per execution environment)
     * @param loader the handler's class loader, the thread context class loader while it runs
     */
    LocalFunction(String name, int timeoutSeconds, int memoryMb, Supplier<Object> instances, ClassLoader loader,
            Map<String, String> environment, ExecutorService executor, Consumer<String> log,
            Consumer<Throwable> internalErrors) {
        this.environment = Map.copyOf(environment);
        this.name = Objects.requireNonNull(name, "name");
        this.timeoutSeconds = timeoutSeconds;
        this.memoryMb = memoryMb;
        this.instances = Objects.requireNonNull(instances, "instances");
        this.loader = loader;
        this.executor = Objects.requireNonNull(executor, "executor");
        this.log = Objects.requireNonNull(log, "log");
        this.internalErrors = Objects.requireNonNull(internalErrors, "internalErrors");
    }

    String name() {
        return name;
    }

    int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** How many execution environments have been started (handler instances made). */
    long coldStarts() {
        return coldStarts.get();
    }

    /**
     * Runs the handler on {@code event} (plain JSON values) and returns its response as plain JSON values.
     *
     * @throws FunctionFailure when the handler fails, times out or answers something that is not JSON
     */
    Object invoke(Object event) throws FunctionFailure {
        byte[] input;
        try {
            input = PLAIN_JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The event for function `" + name + "` is not JSON", e);
        }
        String requestId = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Context context = new LambdaContext(name, requestId, memoryMb, deadline, log);
        long started = generation.get();
        Future<byte[]> running = executor.submit(() -> LambdaEnvironment.with(environment,
                () -> run(input, context, started)));
        byte[] output;
        try {
            output = running.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            discardEnvironments();
            log.accept("fn " + name + " " + requestId + " timed out after " + timeoutSeconds + " s");
            throw FunctionFailure.unhandled(String.format(java.util.Locale.ROOT, "Task timed out after %d.00 seconds",
                    timeoutSeconds));
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw FunctionFailure.unhandled("The invocation was interrupted.");
        } catch (ExecutionException e) {
            throw failure(e.getCause(), requestId);
        }
        if (output.length > MAX_RESPONSE_BYTES) {
            throw FunctionFailure.unhandled("Response payload size (" + output.length
                    + " bytes) exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).");
        }
        if (output.length == 0) {
            return null;
        }
        try {
            return PLAIN_JSON.readValue(output, Object.class);
        } catch (IOException e) {
            log.accept("fn " + name + " " + requestId + " returned a response that is not JSON");
            throw FunctionFailure.unhandled("The function's response is not valid JSON.");
        }
    }

    /** Runs one invocation on an execution environment's handler: the body of the invocation thread. */
    private byte[] run(byte[] input, Context context, long startedGeneration) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        Object handler = warm.pollFirst();
        if (handler == null) {
            coldStarts.incrementAndGet();
            thread.setContextClassLoader(loader);
            try {
                handler = instances.get();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        boolean healthy = false;
        thread.setContextClassLoader(loader);
        try {
            byte[] output = handle(handler, input, context);
            healthy = true;
            return output;
        } catch (Exception e) {
            // An exception leaves the environment usable, as in Lambda; an Error does not.
            healthy = true;
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
            if (healthy && generation.get() == startedGeneration && !thread.isInterrupted()) {
                warm.offerFirst(handler);
            }
        }
    }

    private static byte[] handle(Object handler, byte[] input, Context context) throws Exception {
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(input), out, context);
            return out.toByteArray();
        }
        if (handler instanceof RequestHandler<?, ?> typed) {
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> request = (RequestHandler<Object, Object>) typed;
            JavaType inputType = HANDLER_JSON.getTypeFactory().constructType(inputType(handler.getClass()));
            Object event = HANDLER_JSON.readValue(input, inputType);
            Object result = request.handleRequest(event, context);
            try {
                return HANDLER_JSON.writeValueAsBytes(result);
            } catch (JsonProcessingException e) {
                throw new ResponseNotSerializable();
            }
        }
        throw new IllegalStateException("not a handler: " + handler.getClass().getName());
    }

    /**
     * The {@code I} of {@code RequestHandler<I, O>} a class implements, with type variables bound by its
     * superclasses resolved ({@code class H extends Base<Order>}); {@code Object} when it stays unknown.
     */
    static Type inputType(Class<?> handlerClass) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        Class<?> type = handlerClass;
        while (type != null && type != Object.class) {
            for (Type implemented : type.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == RequestHandler.class) {
                    Type argument = resolve(parameterized.getActualTypeArguments()[0], bindings);
                    return argument instanceof Class<?> || argument instanceof ParameterizedType ? argument
                            : Object.class;
                }
            }
            Type superType = type.getGenericSuperclass();
            if (superType instanceof ParameterizedType parameterized
                    && parameterized.getRawType() instanceof Class<?> raw) {
                TypeVariable<?>[] variables = raw.getTypeParameters();
                Type[] actual = parameterized.getActualTypeArguments();
                for (int i = 0; i < variables.length && i < actual.length; i++) {
                    bindings.put(variables[i], resolve(actual[i], bindings));
                }
                type = raw;
            } else {
                type = type.getSuperclass();
            }
        }
        return Object.class;
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        return type instanceof TypeVariable<?> variable ? bindings.getOrDefault(variable, variable) : type;
    }

    /** The handler's result could not be written as JSON. */
    private static final class ResponseNotSerializable extends Exception {
        ResponseNotSerializable() {
            super(null, null, false, false);
        }
    }

    private FunctionFailure failure(Throwable error, String requestId) {
        if (error instanceof ResponseNotSerializable) {
            log.accept("fn " + name + " " + requestId + " returned a value Jackson cannot serialize");
            return FunctionFailure.unhandled("The function's response could not be serialized to JSON.");
        }
        if (error instanceof Error) {
            discardEnvironments();
            internalErrors.accept(new IllegalStateException("Function `" + name + "` (request " + requestId
                    + ") crashed its runtime", error));
            String kind = error instanceof OutOfMemoryError ? "the function ran out of memory"
                    : error instanceof StackOverflowError ? "the function overflowed its stack"
                    : "the function's runtime failed";
            return FunctionFailure.unhandled("Runtime exited with error: " + kind + ".");
        }
        if (error instanceof com.fasterxml.jackson.core.JacksonException) {
            log.accept("fn " + name + " " + requestId + " could not map the event to the handler's input type: "
                    + error.getMessage());
            return FunctionFailure.unhandled("The event could not be mapped to the handler's input type.");
        }
        internalErrors.accept(new IllegalStateException("Function `" + name + "` (request " + requestId
                + ") threw", error));
        return FunctionFailure.unhandled(Sanitizer.message(error));
    }

    /** Forgets every warm environment: the next invocation makes a new handler instance. */
    void discardEnvironments() {
        generation.incrementAndGet();
        warm.clear();
    }
}
