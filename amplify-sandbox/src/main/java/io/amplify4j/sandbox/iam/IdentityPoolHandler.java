package io.amplify4j.sandbox.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The identity pool's wire protocol, so that the AWS SDKs' Cognito Identity clients work against the sandbox with
 * an endpoint override: {@code POST} with {@code X-Amz-Target: AWSCognitoIdentityService.<Operation>} and an
 * AWS JSON 1.1 body, on any path. {@code GetId} and {@code GetCredentialsForIdentity} are served (both unsigned, as
 * in the service); other operations get {@code UnknownOperationException}. Requests without that target header are
 * not this handler's and pass on.
 */
public final class IdentityPoolHandler extends Handler.Abstract {
    private static final String TARGET_PREFIX = "AWSCognitoIdentityService.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final LocalIdentityPool pool;
    private final Consumer<String> log;

    public IdentityPoolHandler(LocalIdentityPool pool, Consumer<String> log) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String target = request.getHeaders().get("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX) || !request.getMethod().equals("POST")) {
            return false;
        }
        long started = System.nanoTime();
        String operation = target.substring(TARGET_PREFIX.length());
        int status;
        Map<String, Object> body;
        String who = "-";
        try {
            Map<String, Object> input = readInput(request);
            switch (operation) {
                case "GetId" -> {
                    String id = pool.getId(string(input.get("IdentityPoolId")), logins(input.get("Logins")));
                    body = Map.of("IdentityId", id);
                    who = id;
                }
                case "GetCredentialsForIdentity" -> {
                    LocalIdentityPool.IdentityCredentials issued = pool.getCredentialsForIdentity(
                            string(input.get("IdentityId")), logins(input.get("Logins")));
                    Map<String, Object> credentials = new LinkedHashMap<>();
                    credentials.put("AccessKeyId", issued.credentials().accessKeyId());
                    credentials.put("SecretKey", issued.credentials().secretAccessKey());
                    credentials.put("SessionToken", issued.credentials().sessionToken());
                    // AWS JSON 1.1 timestamps are epoch seconds.
                    credentials.put("Expiration", BigDecimal.valueOf(issued.credentials().expiration().toEpochMilli(), 3));
                    body = new LinkedHashMap<>();
                    body.put("IdentityId", issued.identityId());
                    body.put("Credentials", credentials);
                    who = issued.session().describe();
                }
                default -> throw new IdentityPoolException("UnknownOperationException",
                        "The sandbox's identity pool serves GetId and GetCredentialsForIdentity; not " + operation + ".");
            }
            status = 200;
        } catch (IdentityPoolException e) {
            status = 400;
            body = new LinkedHashMap<>();
            body.put("__type", e.type());
            body.put("message", e.getMessage());
            response.getHeaders().put("x-amzn-ErrorType", e.type());
        }
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "application/x-amz-json-1.1");
        long micros = (System.nanoTime() - started) / 1000;
        log.accept(String.format("POST %s cognito-identity:%s caller=%s %d%s %d.%d ms", Request.getPathInContext(request),
                operation, who, status, status == 200 ? " ok" : " " + body.get("__type"), micros / 1000,
                (micros % 1000) / 100));
        try {
            Content.Sink.write(response, true, JSON.writeValueAsString(body), callback);
        } catch (JsonProcessingException e) {
            callback.failed(e);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readInput(Request request) throws IdentityPoolException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IdentityPoolException("InvalidParameterException", "The request is too large.");
            }
            Object parsed = bytes.length == 0 ? Map.of() : JSON.readValue(bytes, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (IOException e) {
            // fall through
        }
        throw new IdentityPoolException("SerializationException", "The request body is not a JSON object.");
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    private static Map<String, String> logins(Object value) throws IdentityPoolException {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IdentityPoolException("InvalidParameterException", "Logins must be a map of provider names to "
                    + "tokens.");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key) || !(entry.getValue() instanceof String token)) {
                throw new IdentityPoolException("InvalidParameterException", "Logins must map provider names to "
                        + "token strings.");
            }
            out.put(key, token);
        }
        return out;
    }
}
