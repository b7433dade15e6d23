package io.amplify4j.sandbox.function;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The environment variables of the function running on the current thread: what {@code System.getenv} returns to
 * a handler loaded from its artifact ({@link EnvironmentRewriter} points its calls here). A function sees exactly
 * its own environment, as in Lambda: the definition's variables, Lambda's reserved ones and those the sandbox
 * injects, and nothing of the machine running the sandbox (no {@code AWS_PROFILE}, no credentials). Threads the
 * handler starts inherit it. Outside a function, this is the process's environment.
 *
 * <p>Public only because rewritten handler classes, in their own class loaders, must be able to call it.
 */
public final class LambdaEnvironment {
    private static final InheritableThreadLocal<Map<String, String>> CURRENT = new InheritableThreadLocal<>();

    private LambdaEnvironment() {}

    /** {@code System.getenv(name)} for the running function. */
    public static String getenv(String name) {
        Objects.requireNonNull(name, "name");
        Map<String, String> environment = CURRENT.get();
        return environment == null ? System.getenv(name) : environment.get(name);
    }

    /** {@code System.getenv()} for the running function. */
    public static Map<String, String> getenv() {
        Map<String, String> environment = CURRENT.get();
        return environment == null ? System.getenv() : environment;
    }

    /** Runs {@code work} with {@code environment} as the current thread's environment. */
    static <T> T with(Map<String, String> environment, Callable<T> work) throws Exception {
        Map<String, String> previous = CURRENT.get();
        CURRENT.set(Map.copyOf(environment));
        try {
            return work.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
