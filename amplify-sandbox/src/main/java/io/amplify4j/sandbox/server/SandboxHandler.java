package io.amplify4j.sandbox.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.amplify4j.sandbox.iam.SigV4Verifier;
import io.amplify4j.sandbox.iam.SignatureException;
import io.amplify4j.sandbox.js.AuthMode;
import io.amplify4j.sandbox.runtime.Caller;
import io.amplify4j.sandbox.server.auth.AuthenticationException;
import io.amplify4j.sandbox.server.auth.Authenticator;
import io.amplify4j.sandbox.server.auth.LocalUserPool;
import io.amplify4j.sandbox.server.auth.LocalUserPool.UserPoolException;
import io.amplify4j.sandbox.server.graphql.ErrorShapes;
import io.amplify4j.sandbox.server.graphql.GraphQLService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The sandbox's HTTP surface.
 *
 * <ul>
 *   <li>{@code POST /graphql}: GraphQL as AppSync serves it ({@code x-api-key} or {@code Authorization});
 *       {@code OPTIONS /graphql} answers CORS preflights as AppSync does.</li>
 *   <li>{@code GET /.well-known/jwks.json} (and {@code /<poolId>/.well-known/jwks.json}, where Cognito serves it):
 *       the local user pool's public keys.</li>
 *   <li>{@code POST /__sandbox/users}, {@code POST /__sandbox/sign-in}, {@code POST /__sandbox/reset}: the admin
 *       API (create a user; sign in for tokens; delete all data); {@code POST /__sandbox/functions/<name>/invoke}
 *       and {@code POST /__sandbox/schedules/<name>/run} invoke a function or run its schedule now. They accept only {@code application/json}, which a
 *       web page of another origin cannot send without a preflight this server never grants.</li>
 * </ul>
 */
final class SandboxHandler extends Handler.Abstract {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final Sandbox sandbox;
    private final Authenticator authenticator;
    private final GraphQLService graphQL;
    private final Optional<LocalUserPool> userPool;
    private final int maxRequestBytes;
    private final int requestErrorStatus;
    private final Consumer<String> log;

    SandboxHandler(Sandbox sandbox, Authenticator authenticator, GraphQLService graphQL,
            Optional<LocalUserPool> userPool, int maxRequestBytes, int requestErrorStatus, Consumer<String> log) {
        this.sandbox = sandbox;
        this.authenticator = authenticator;
        this.graphQL = graphQL;
        this.userPool = userPool;
        this.maxRequestBytes = maxRequestBytes;
        this.requestErrorStatus = requestErrorStatus;
        this.log = log;
    }

    /** A finished exchange: status, JSON body (or none), and what the log line says about it. */
    private record Reply(int status, Object body, String operation, String caller, String outcome) {}

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Reply reply;
        try {
            reply = route(method, path, request);
        } catch (RuntimeException e) {
            sandbox.internalError(e);
            reply = new Reply(500, ErrorShapes.refusal("InternalFailure", "An internal failure occurred."), "-", "-",
                    "500 InternalFailure");
        }
        if (path.equals("/graphql")) {
            response.getHeaders().put("Access-Control-Allow-Origin", "*");
        }
        response.setStatus(reply.status());
        if (reply.status() == 401) {
            response.getHeaders().put("x-amzn-ErrorType", "UnauthorizedException");
        }
        log.accept(RequestLogLine.format(method + " " + path, reply.operation(), reply.caller(), reply.outcome(),
                started));
        if (reply.body() == null) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put("Content-Type", "application/json; charset=UTF-8");
        Content.Sink.write(response, true, write(reply.body()), callback);
        return true;
    }

    private Reply route(String method, String path, Request request) {
        if (path.equals("/graphql")) {
            if (method.equals("OPTIONS")) {
                return new Reply(200, null, "preflight", "-", "200");
            }
            if (!method.equals("POST")) {
                return refuse(405, "MethodNotAllowed", "Use POST for GraphQL requests.", "-");
            }
            return graphql(request);
        }
        if (method.equals("GET") && userPool.isPresent() && (path.equals("/.well-known/jwks.json")
                || path.equals("/" + userPool.get().poolId() + "/.well-known/jwks.json"))) {
            return new Reply(200, userPool.get().jwks().toJSONObject(true), "jwks", "-", "200");
        }
        if (path.startsWith("/__sandbox/")) {
            if (!method.equals("POST")) {
                return refuse(405, "MethodNotAllowed", "Use POST for the sandbox admin API.", "-");
            }
            return admin(path.substring("/__sandbox/".length()), request);
        }
        return refuse(404, "NotFound", "No such path: " + path, "-");
    }

    private Reply graphql(Request request) {
        String apiKey = request.getHeaders().get("x-api-key");
        String authorization = request.getHeaders().get("Authorization");
        byte[] body = readBody(request);
        if (body == null) {
            return refuse(413, "PayloadTooLargeException", "The request body exceeds " + maxRequestBytes + " bytes.",
                    "-");
        }
        Map<String, String> headers = headers(request);
        Caller caller;
        try {
            if (authorization != null && authorization.strip().startsWith(SigV4Verifier.ALGORITHM)) {
                caller = sandbox.iamCaller(request, body); // IAM: identity-pool identities and functions
            } else {
                caller = authenticator.authenticate(apiKey, authorization,
                        () -> io.amplify4j.sandbox.function.AuthorizerRequest.fromBody(body, headers));
            }
        } catch (AuthenticationException e) {
            return refuse(401, "UnauthorizedException", e.getMessage(), "-");
        } catch (SignatureException e) {
            return refuse(403, e.reason().appSyncErrorType(), e.getMessage(), "-");
        }
        String who = describe(caller);
        GraphQLService.Request graphQLRequest;
        try {
            graphQLRequest = parseRequest(body);
        } catch (BadRequest e) {
            return new Reply(400, ErrorShapes.refusal(e.errorType, e.getMessage()), "-", who, "400 " + e.errorType);
        }
        GraphQLService.Outcome outcome = graphQL.execute(graphQLRequest, caller, headers);
        int status = outcome.requestErrors() ? requestErrorStatus : 200;
        String summary = outcome.errorTypes().isEmpty() ? status + " ok"
                : status + " errors=" + String.join(",", outcome.errorTypes());
        return new Reply(status, outcome.body(), outcome.operation(), who, summary);
    }

    private static final class BadRequest extends Exception {
        final String errorType;

        BadRequest(String errorType, String message) {
            super(message, null, false, false);
            this.errorType = errorType;
        }
    }

    @SuppressWarnings("unchecked")
    private static GraphQLService.Request parseRequest(byte[] body) throws BadRequest {
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (IOException e) {
            throw new BadRequest("MalformedHttpRequestException", "The body of your request is not valid json.");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new BadRequest("MalformedHttpRequestException", "The body of your request is not a JSON object.");
        }
        if (!(map.get("query") instanceof String query) || query.isBlank()) {
            throw new BadRequest("BadRequestException", "Invalid request, `query` can't be null.");
        }
        Object variables = map.get("variables");
        if (variables != null && !(variables instanceof Map)) {
            throw new BadRequest("BadRequestException", "Invalid request, `variables` must be an object.");
        }
        Object operationName = map.get("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            throw new BadRequest("BadRequestException", "Invalid request, `operationName` must be a string.");
        }
        return new GraphQLService.Request(query, (Map<String, Object>) variables,
                Optional.ofNullable((String) operationName));
    }

    // ------------------------------------------------------------------------------------------ admin API

    private Reply admin(String action, Request request) {
        String contentType = request.getHeaders().get("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return refuse(415, "UnsupportedMediaType", "The sandbox admin API accepts application/json only.",
                    "admin");
        }
        byte[] body = readBody(request);
        if (body == null) {
            return refuse(413, "PayloadTooLargeException", "The request body exceeds " + maxRequestBytes + " bytes.",
                    "admin");
        }
        Map<String, Object> input;
        try {
            input = body.length == 0 ? Map.of() : asMap(JSON.readValue(body, Object.class));
        } catch (IOException e) {
            return refuse(400, "MalformedHttpRequestException", "The body of your request is not valid json.",
                    "admin");
        }
        String operation = "admin " + action;
        switch (action) {
            case "reset" -> {
                sandbox.resetData();
                return new Reply(200, Map.of("reset", true), operation, "admin", "200 ok");
            }
            case "users", "sign-in" -> {
                if (userPool.isEmpty()) {
                    return refuse(404, "ResourceNotFoundException", "This backend defines no auth (user pool).",
                            "admin");
                }
                try {
                    if (action.equals("users")) {
                        LocalUserPool.User user = userPool.get().createUser(string(input.get("username")),
                                string(input.get("password")), strings(input.get("groups")),
                                stringMap(input.get("attributes")));
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("username", user.username());
                        out.put("sub", user.sub());
                        out.put("groups", user.groups());
                        return new Reply(201, out, operation, "admin", "201 ok");
                    }
                    LocalUserPool.Tokens tokens = userPool.get().signIn(string(input.get("username")),
                            string(input.get("password")));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("idToken", tokens.idToken());
                    out.put("accessToken", tokens.accessToken());
                    out.put("expiresIn", tokens.expiresIn());
                    out.put("tokenType", "Bearer");
                    return new Reply(200, out, operation, string(input.get("username")), "200 ok");
                } catch (UserPoolException e) {
                    int status = e.errorType().equals("UsernameExistsException") ? 409
                            : e.errorType().equals("NotAuthorizedException") ? 401 : 400;
                    return refuse(status, e.errorType(), e.getMessage(), "admin");
                }
            }
            default -> {
                return sandbox.functions().admin(action, input)
                        .map(r -> new Reply(r.status(), r.body(), operation, "admin", String.valueOf(r.status())))
                        .orElseGet(() -> refuse(404, "NotFound", "No such admin action: " + action, "admin"));
            }
        }
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> {
                if (v instanceof String s) {
                    out.add(s);
                }
            });
        }
        return out;
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (k instanceof String key && v instanceof String s) {
                    out.put(key, s);
                }
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IOException("not an object");
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private Reply refuse(int status, String errorType, String message, String caller) {
        return new Reply(status, ErrorShapes.refusal(errorType, message), "-", caller, status + " " + errorType);
    }

    private static String describe(Caller caller) {
        if (caller.authMode() == AuthMode.API_KEY) {
            return "apiKey";
        }
        Object username = caller.identity().map(identity -> identity.get("username")).orElse(null);
        return caller.authMode().name().toLowerCase(java.util.Locale.ROOT) + ":" + username;
    }

    /** The request's headers with lower-case names (the last value of a repeated header), as AppSync passes them. */
    private static Map<String, String> headers(Request request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (org.eclipse.jetty.http.HttpField field : request.getHeaders()) {
            out.put(field.getLowerCaseName(), field.getValue());
        }
        return out;
    }

    /**
     * The body, or null when it is larger than the limit. An oversized body is read on and thrown away, up to
     * {@value #DISCARD_FACTOR} times the limit, so the client (still sending) gets the 413 answer rather than a reset
     * connection; past that, the connection is simply closed.
     */
    private byte[] readBody(Request request) {
        long declared = request.getLength();
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (declared > maxRequestBytes) {
                discard(in, declared);
                return null;
            }
            byte[] bytes = in.readNBytes(maxRequestBytes + 1);
            if (bytes.length > maxRequestBytes) {
                discard(in, Long.MAX_VALUE);
                return null;
            }
            return bytes;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static final int DISCARD_FACTOR = 4;

    private void discard(InputStream in, long declared) throws IOException {
        long limit = Math.min(declared, (long) DISCARD_FACTOR * maxRequestBytes);
        long skipped = 0;
        byte[] buffer = new byte[8192];
        while (skipped < limit) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - skipped));
            if (read < 0) {
                return;
            }
            skipped += read;
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a response", e);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
