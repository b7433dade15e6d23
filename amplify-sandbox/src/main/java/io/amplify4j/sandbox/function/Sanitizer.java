package io.amplify4j.sandbox.function;

import java.util.regex.Pattern;

/**
 * Makes a handler's exception fit for a client, as AppSync shows a Lambda's {@code errorMessage}: the first line of
 * the message only (never a stack trace or a cause chain), at most {@value #MAX_LENGTH} characters, with file
 * system paths replaced by {@code <path>} so that nothing of the machine running the sandbox leaks out.
 */
final class Sanitizer {
    static final int MAX_LENGTH = 256;
    private static final Pattern UNIX_PATH = Pattern.compile("(?<![\\w.:/])/(?:[\\w.@+\\-]+/)+[\\w.@+\\-]*");
    private static final Pattern WINDOWS_PATH = Pattern.compile("\\b[A-Za-z]:\\\\(?:[^\\\\\\s:*?\"<>|]+\\\\?)+");

    private Sanitizer() {}

    /** The client-safe message for a handler's exception. */
    static String message(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return text(message);
    }

    /** Client-safe text: one line, no paths, bounded. */
    static String text(String message) {
        String line = message.strip().lines().findFirst().orElse("").strip();
        line = UNIX_PATH.matcher(line).replaceAll("<path>");
        line = WINDOWS_PATH.matcher(line).replaceAll("<path>");
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "..." : line;
    }
}
