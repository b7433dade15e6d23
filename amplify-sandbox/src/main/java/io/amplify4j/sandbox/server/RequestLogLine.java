package io.amplify4j.sandbox.server;

/**
 * The one format of the sandbox's request log, over HTTP and the real-time WebSocket alike:
 *
 * <pre>
 * POST /graphql mutation createTodo caller=user_pool:alice 200 ok 3.1 ms
 * POST /graphql - caller=- 401 UnauthorizedException 0.2 ms
 * WS connect - caller=apiKey ok 1.0 ms
 * WS start subscription onCreateTodo caller=user_pool:alice ok id=1 4.2 ms
 * WS stop subscription onCreateTodo caller=user_pool:alice complete id=1 0.0 ms
 * </pre>
 *
 * That is: the method and path (or {@code WS} and the message type), the operation ({@code -} when there is
 * none), the caller ({@code -} when unauthenticated), the outcome, and the time the sandbox took.
 */
public final class RequestLogLine {
    private RequestLogLine() {}

    /**
     * @param request {@code POST /graphql}, {@code WS start}, ...
     * @param operation {@code mutation createTodo}, {@code subscription onCreateTodo}, or {@code -}
     * @param caller {@code apiKey}, {@code user_pool:alice}, or {@code -}
     * @param outcome {@code 200 ok}, {@code ok id=1}, {@code 401 UnauthorizedException}, ...
     * @param startedNanos {@link System#nanoTime()} when the request arrived
     */
    public static String format(String request, String operation, String caller, String outcome, long startedNanos) {
        long micros = Math.max(0, (System.nanoTime() - startedNanos) / 1000);
        return String.format("%s %s caller=%s %s %d.%d ms", request, operation, caller, outcome, micros / 1000,
                (micros % 1000) / 100);
    }
}
