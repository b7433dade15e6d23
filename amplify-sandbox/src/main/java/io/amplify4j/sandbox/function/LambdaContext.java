package io.amplify4j.sandbox.function;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The {@link Context} a handler gets in the sandbox: the function's name, ARN, memory, log group and stream, a
 * fresh request id per invocation, the time left before the declared timeout (from the JVM's monotonic clock, as
 * Lambda's is wall time from the invocation's start), and a logger writing to the sandbox log.
 */
final class LambdaContext implements Context {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";

    private final String functionName;
    private final String requestId;
    private final int memoryMb;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    LambdaContext(String functionName, String requestId, int memoryMb, long deadlineNanos, Consumer<String> log) {
        this.functionName = functionName;
        this.requestId = requestId;
        this.memoryMb = memoryMb;
        this.deadlineNanos = deadlineNanos;
        String prefix = "fn " + functionName + " " + requestId + " ";
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                log.accept(prefix + (message == null ? "null" : message.stripTrailing()));
            }

            @Override
            public void log(byte[] message) {
                log(message == null ? null : new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    /** The ARN a function of this name has in the sandbox's fake account and region. */
    static String functionArn(String functionName) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + functionName;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "sandbox/[$LATEST]" + functionName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn(functionName);
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
