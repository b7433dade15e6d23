package io.amplify4j.sandbox.datasource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An HTTP data source: runs the request object an APPSYNC_JS function returns ({@code {method, resourcePath,
 * params: {headers, query, body}}}) on an {@link Endpoint} and gives the response handler {@code ctx.result =
 * {statusCode, headers, body}} with the body as a string, as AppSync does. An HTTP error status is a result, not
 * {@code ctx.error}: the response handler decides what it means. Only a request AppSync would refuse to send, or an
 * endpoint that cannot be reached, ends in {@code ctx.error}.
 */
public final class HttpDataSource implements DataSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    /** Headers AppSync does not let a resolver set. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "connection", "user-agent", "expect",
            "transfer-encoding", "content-length");

    /** What serves the data source's requests: the endpoint behind the data source's URL. */
    @FunctionalInterface
    public interface Endpoint {
        /** Answers one request; an HTTP error is a {@link Reply} with its status, not an exception. */
        Reply handle(Call call) throws DataSourceException;
    }

    /**
     * One request as AppSync sends it to the endpoint.
     *
     * @param method GET, POST, PUT, DELETE or PATCH
     * @param resourcePath the path below the data source's endpoint, starting with {@code /}
     * @param query query parameters
     * @param headers headers as the resolver set them
     * @param body the body bytes (objects the resolver gave are sent as JSON)
     */
    public record Call(String method, String resourcePath, Map<String, String> query, Map<String, String> headers,
            byte[] body) {
        public Call {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(resourcePath, "resourcePath");
            query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            body = Objects.requireNonNull(body, "body").clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** A header's value, by case-insensitive name. */
        public java.util.Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst();
        }
    }

    /** An endpoint's answer: status, headers and body bytes. */
    public record Reply(int statusCode, Map<String, String> headers, byte[] body) {
        public Reply {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            body = Objects.requireNonNull(body, "body").clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** A reply with a JSON body. */
        public static Reply json(int statusCode, Map<String, String> headers, Object body) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putIfAbsent("Content-Type", "application/json");
            try {
                return new Reply(statusCode, all, JSON.writeValueAsBytes(body));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    private final Endpoint endpoint;

    public HttpDataSource(Endpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public Object invoke(Map<String, Object> request) throws DataSourceException {
        Reply reply = endpoint.handle(call(request));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("statusCode", (long) reply.statusCode());
        result.put("headers", new LinkedHashMap<String, Object>(reply.headers()));
        result.put("body", new String(reply.body, StandardCharsets.UTF_8));
        return result;
    }

    /** The request object as a call, checked as AppSync checks it before sending. */
    static Call call(Map<String, Object> request) throws DataSourceException {
        if (!(request.get("method") instanceof String method) || !METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            throw new DataSourceException("HTTP:IllegalArgument", "The HTTP request's `method` must be one of "
                    + "GET, POST, PUT, DELETE or PATCH; got " + request.get("method") + ".");
        }
        if (!(request.get("resourcePath") instanceof String path) || !path.startsWith("/")) {
            throw new DataSourceException("HTTP:IllegalArgument", "The HTTP request's `resourcePath` must be a "
                    + "string starting with /; got " + request.get("resourcePath") + ".");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        byte[] body = new byte[0];
        Object params = request.get("params");
        if (params != null && !(params instanceof Map)) {
            throw new DataSourceException("HTTP:IllegalArgument", "The HTTP request's `params` must be an object.");
        }
        if (params instanceof Map<?, ?> map) {
            if (map.get("headers") instanceof Map<?, ?> given) {
                for (Map.Entry<?, ?> header : given.entrySet()) {
                    String name = String.valueOf(header.getKey());
                    if (!(header.getValue() instanceof String value)) {
                        throw new DataSourceException("HTTP:IllegalArgument", "HTTP header `" + name
                                + "` must be a string.");
                    }
                    if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                        throw new DataSourceException("HTTP:IllegalArgument", "HTTP header `" + name
                                + "` cannot be set by a resolver.");
                    }
                    headers.put(name, value);
                }
            }
            if (map.get("query") instanceof Map<?, ?> given) {
                given.forEach((name, value) -> {
                    if (value != null) {
                        query.put(String.valueOf(name), value instanceof String s ? s : String.valueOf(value));
                    }
                });
            }
            Object given = map.get("body");
            if (given instanceof String text) {
                body = text.getBytes(StandardCharsets.UTF_8);
            } else if (given != null) {
                try {
                    body = JSON.writeValueAsBytes(given);
                } catch (JsonProcessingException e) {
                    throw new DataSourceException("HTTP:IllegalArgument", "The HTTP request's body is not JSON.");
                }
            }
        }
        return new Call(method.toUpperCase(Locale.ROOT), path, query, headers, body);
    }
}
