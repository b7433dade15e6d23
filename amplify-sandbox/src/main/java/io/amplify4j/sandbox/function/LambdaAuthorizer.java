package io.amplify4j.sandbox.function;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * AppSync's {@code AWS_LAMBDA} authorization, run in-process. The function gets
 * {@code {authorizationToken, requestContext: {apiId, accountId, requestId, queryString, operationName, variables},
 * requestHeaders}} and must answer {@code {isAuthorized, resolverContext?, deniedFields?, ttlOverride?}}.
 *
 * <p>Fail closed: a function that throws, times out (its declared timeout, and never more than AppSync's 10 s), or
 * answers anything but that shape denies the request, and such outcomes are never cached. A well-formed answer is
 * cached by token for {@code ttlOverride} seconds when given (0: not cached), else for the definition's TTL, and
 * is honoured only until then, measured on the sandbox's clock.
 */
public final class LambdaAuthorizer {
    /** AppSync's limit on how long an authorizer may run. */
    public static final int MAX_TIMEOUT_SECONDS = 10;
    /** AppSync's limit on {@code ttlOverride} and the configured TTL. */
    public static final int MAX_TTL_SECONDS = 3600;
    private static final int MAX_CACHED_TOKENS = 10_000;

    private final FunctionRuntime functions;
    private final String function;
    private final int ttlSeconds;
    private final String apiId;
    private final Clock clock;
    private final Consumer<String> log;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /**
     * An allow: what the resolvers see in {@code ctx.identity.resolverContext}, and the fields forced to null
     * ({@code Type.field}).
     */
    public record Allowed(Map<String, Object> resolverContext, Set<String> deniedFields) {
        public Allowed {
            resolverContext = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resolverContext));
            deniedFields = Set.copyOf(deniedFields);
        }
    }

    /** Why a token was denied; the message is safe to send. */
    public static final class Denied extends Exception {
        Denied(String message) {
            super(message, null, false, false);
        }
    }

    private record Cached(Optional<Allowed> decision, Instant expires) {}

    /**
     * @param function the authorizer function's name
     * @param ttlSeconds the definition's cache TTL (0 to 3600)
     * @param apiId the API id reported in {@code requestContext.apiId} and matched in field ARNs
     */
    public LambdaAuthorizer(FunctionRuntime functions, String function, int ttlSeconds, String apiId, Clock clock,
            Consumer<String> log) {
        this.functions = Objects.requireNonNull(functions, "functions");
        this.function = Objects.requireNonNull(function, "function");
        this.ttlSeconds = Math.max(0, Math.min(MAX_TTL_SECONDS, ttlSeconds));
        this.apiId = Objects.requireNonNull(apiId, "apiId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The authorizer function's name. */
    public String function() {
        return function;
    }

    /** Forgets every cached decision. */
    public void clearCache() {
        cache.clear();
    }

    /**
     * Authorizes {@code token} for {@code request}: the cached decision while it lasts, else the function's.
     *
     * @throws Denied when the function denies the token, fails, times out or answers malformed JSON
     */
    public Allowed authorize(String token, AuthorizerRequest request) throws Denied {
        if (token == null || token.isEmpty()) {
            throw new Denied("Missing authorization header");
        }
        Instant now = clock.instant();
        Cached cached = cache.get(token);
        if (cached != null) {
            if (now.isBefore(cached.expires())) {
                return cached.decision().orElseThrow(() -> new Denied("You are not authorized to make this call."));
            }
            cache.remove(token, cached);
        }
        Object response;
        try {
            response = functions.invoke(function, event(token, request));
        } catch (FunctionFailure e) {
            log.accept("authorizer " + function + " failed, denying: " + e.getMessage());
            throw new Denied("You are not authorized to make this call.");
        }
        Answer answer = parse(response);
        if (answer == null) {
            log.accept("authorizer " + function + " answered a malformed response, denying");
            throw new Denied("You are not authorized to make this call.");
        }
        int ttl = answer.ttlOverride().orElse(ttlSeconds);
        if (ttl > 0) {
            if (cache.size() >= MAX_CACHED_TOKENS) {
                cache.clear();
            }
            cache.put(token, new Cached(answer.decision(), now.plusSeconds(ttl)));
        }
        return answer.decision().orElseThrow(() -> new Denied("You are not authorized to make this call."));
    }

    private Map<String, Object> event(String token, AuthorizerRequest request) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("apiId", apiId);
        context.put("accountId", LambdaContext.ACCOUNT);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("queryString", request.queryString());
        context.put("operationName", request.operationName().orElse(null));
        context.put("variables", request.variables());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("authorizationToken", token);
        event.put("requestContext", context);
        event.put("requestHeaders", request.headers());
        return event;
    }

    private record Answer(Optional<Allowed> decision, Optional<Integer> ttlOverride) {}

    /** The function's answer, or null when it is not the contract's shape. */
    @SuppressWarnings("unchecked")
    private Answer parse(Object response) {
        if (!(response instanceof Map<?, ?> map) || !(map.get("isAuthorized") instanceof Boolean authorized)) {
            return null;
        }
        Object ttlValue = map.get("ttlOverride");
        Optional<Integer> ttl = Optional.empty();
        if (ttlValue != null) {
            if (!(ttlValue instanceof Long seconds) || seconds < 0 || seconds > MAX_TTL_SECONDS) {
                return null;
            }
            ttl = Optional.of(seconds.intValue());
        }
        if (!authorized) {
            return new Answer(Optional.empty(), ttl);
        }
        Object contextValue = map.get("resolverContext");
        Map<String, Object> resolverContext = Map.of();
        if (contextValue != null) {
            if (!(contextValue instanceof Map<?, ?> context)) {
                return null;
            }
            resolverContext = (Map<String, Object>) context;
        }
        Object deniedValue = map.get("deniedFields");
        Set<String> denied = new LinkedHashSet<>();
        if (deniedValue != null) {
            if (!(deniedValue instanceof List<?> fields)) {
                return null;
            }
            for (Object field : fields) {
                Optional<String> coordinate = field instanceof String text ? coordinate(text, apiId) : Optional.empty();
                if (coordinate.isEmpty()) {
                    return null;
                }
                coordinate.filter(c -> !c.isEmpty()).ifPresent(denied::add);
            }
        }
        return new Answer(Optional.of(new Allowed(resolverContext, denied)), ttl);
    }

    /**
     * {@code Type.field} for a denied field given as {@code Type.field} or as
     * {@code arn:aws:appsync:<region>:<account>:apis/<apiId>/types/<Type>/fields/<field>}; an empty string for an
     * ARN of another API (it denies nothing here); empty when the text is neither.
     */
    static Optional<String> coordinate(String text, String apiId) {
        if (text.startsWith("arn:")) {
            String[] parts = text.split(":", 6);
            if (parts.length != 6) {
                return Optional.empty();
            }
            String[] path = parts[5].split("/");
            if (path.length != 6 || !path[0].equals("apis") || !path[2].equals("types") || !path[4].equals("fields")) {
                return Optional.empty();
            }
            return Optional.of(path[1].equals(apiId) ? path[3] + "." + path[5] : "");
        }
        String[] parts = text.split("\\.");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
