package io.amplify4j.sandbox.server;

import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sandbox's start-up steps, each printed once as it finishes, with its time and what it found:
 *
 * <pre>
 * Starting the Amplify4j sandbox for backend `todo`
 *   plan               9 ms  1 model, 12 resolvers
 *   data directory     2 ms  /home/me/todo-data
 *   resolver engine  640 ms
 *   tables            14 ms  1200 items from the snapshot, 35 log records replayed
 *   ...
 * Ready in 702 ms.
 * </pre>
 */
final class StartupProgress {
    private final Optional<PrintStream> out;
    private final long started;

    /** @param earlierMillis time spent before this (planning), counted in the total */
    StartupProgress(Optional<PrintStream> out, String backendName, long earlierMillis) {
        this.out = out;
        this.started = System.nanoTime() - earlierMillis * 1_000_000;
        out.ifPresent(o -> o.println("Starting the Amplify4j sandbox for backend `" + backendName + "`"));
    }

    /** Prints a step that was timed elsewhere. */
    void done(String step, long millis, String detail) {
        out.ifPresent(o -> {
            o.println(String.format("  %-16s %6d ms  %s", step, millis, detail).stripTrailing());
            o.flush();
        });
    }

    /** Runs a step, then prints it with its time and the detail its result gives. */
    <T> T step(String step, Supplier<T> action, java.util.function.Function<T, String> detail) {
        long begin = System.nanoTime();
        T result = action.get();
        done(step, (System.nanoTime() - begin) / 1_000_000, detail.apply(result));
        return result;
    }

    /** Prints the total. */
    void ready() {
        out.ifPresent(o -> {
            o.println("Ready in " + (System.nanoTime() - started) / 1_000_000 + " ms.");
            o.flush();
        });
    }
}
