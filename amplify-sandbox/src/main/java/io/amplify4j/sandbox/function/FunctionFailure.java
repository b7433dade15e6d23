package io.amplify4j.sandbox.function;

import java.util.Objects;

/**
 * A function invocation that did not produce a response, as the caller sees it: Lambda's error type for AppSync
 * ({@value #UNHANDLED}) and a message fit for a client. The message never holds a stack trace, a class loader's
 * internals or a path of the machine the sandbox runs on; the sandbox's log has the full story.
 */
public final class FunctionFailure extends Exception {
    /** The error type AppSync reports for a Lambda data source whose function failed. */
    public static final String UNHANDLED = "Lambda:Unhandled";

    private final String errorType;

    public FunctionFailure(String errorType, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.errorType = Objects.requireNonNull(errorType, "errorType");
    }

    /** A failure of the function itself ({@value #UNHANDLED}). */
    public static FunctionFailure unhandled(String message) {
        return new FunctionFailure(UNHANDLED, message);
    }

    /** The error type, {@value #UNHANDLED} for failures of the function. */
    public String errorType() {
        return errorType;
    }
}
