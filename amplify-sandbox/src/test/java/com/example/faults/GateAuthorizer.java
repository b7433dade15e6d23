package com.example.faults;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Lambda authorizer that misbehaves on request (D14): the token says what it does. {@code ok-<name>} allows
 * (cached for the API's TTL), {@code nocache-<name>} allows with {@code ttlOverride: 0}, {@code ttl5-<name>} allows
 * for 5 seconds; {@code throw}, {@code sleep}, {@code malformed}, {@code badcontext}, {@code badttl} fail in those
 * ways; {@code flaky-<name>} throws on its first call and allows after. Every allow reports in
 * {@code resolverContext.calls} how many times this token reached the function.
 */
public class GateAuthorizer implements RequestHandler<Map<String, Object>, Object> {
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Override
    public Object handleRequest(Map<String, Object> event, Context context) {
        String token = String.valueOf(event.get("authorizationToken"));
        int calls = CALLS.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
        Map<String, Object> response = new LinkedHashMap<>();
        Map<String, Object> resolverContext = new LinkedHashMap<>();
        resolverContext.put("token", token);
        resolverContext.put("calls", String.valueOf(calls));
        if (token.startsWith("ok-") || token.startsWith("nocache-") || token.startsWith("ttl5-")
                || token.startsWith("flaky-") && calls > 1) {
            response.put("isAuthorized", true);
            response.put("resolverContext", resolverContext);
            if (token.startsWith("nocache-")) {
                response.put("ttlOverride", 0);
            } else if (token.startsWith("ttl5-")) {
                response.put("ttlOverride", 5);
            }
            return response;
        }
        switch (token) {
            case "sleep":
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                response.put("isAuthorized", true);
                return response;
            case "malformed":
                response.put("isAuthorized", "yes");
                return response;
            case "badcontext":
                response.put("isAuthorized", true);
                response.put("resolverContext", "admin");
                return response;
            case "badttl":
                response.put("isAuthorized", true);
                response.put("ttlOverride", "forever");
                return response;
            case "text":
                return "isAuthorized";
            default:
                if (token.startsWith("flaky-") || token.equals("throw")) {
                    throw new IllegalStateException("authorizer backend unavailable");
                }
                response.put("isAuthorized", false);
                return response;
        }
    }
}
