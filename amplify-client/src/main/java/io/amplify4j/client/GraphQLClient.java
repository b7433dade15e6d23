package io.amplify4j.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.amplify4j.client.auth.AuthProvider;
import io.amplify4j.client.auth.AuthProviders;
import io.amplify4j.client.auth.AuthRequest;
import io.amplify4j.client.json.AmplifyJson;
import io.amplify4j.client.realtime.RealtimeClient;
import io.amplify4j.client.realtime.RealtimeSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A client for one AppSync GraphQL API (or the local sandbox serving one): queries and mutations over HTTP, blocking
 * or with {@link CompletableFuture}s, and subscriptions over AppSync's real-time WebSocket protocol. Generated
 * clients call it; it works just as well with hand-written {@link GraphQLRequest}s.
 *
 * <pre>{@code
 * try (GraphQLClient client = GraphQLClient.builder()
 *         .endpoint(URI.create("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql"))
 *         .auth(AuthProviders.userPool(alice))                 // the default mode
 *         .auth(AuthMode.API_KEY, AuthProviders.apiKey(key))   // another mode, chosen per call
 *         .build()) {
 *     Todo todo = client.execute(getTodo);
 * }
 * }</pre>
 *
 * <p>GraphQL errors become {@link GraphQLResponseException}s ({@link UnauthorizedException},
 * {@link ConditionalCheckFailedException}) carrying the errors and any partial data; failures to get an answer
 * become {@link GraphQLTransportException}s. Thread-safe; close it to stop its subscriptions and threads.
 */
public final class GraphQLClient implements AutoCloseable {
    /** Headers {@code java.net.http} sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade");

    private final URI endpoint;
    private final URI realtimeEndpoint;
    private final AuthMode defaultAuthMode;
    private final Map<AuthMode, AuthProvider> providers;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Duration requestTimeout;
    private final RealtimeSettings realtimeSettings;
    private final Consumer<String> log;
    private final Map<JavaType, ObjectReader> readers = new java.util.concurrent.ConcurrentHashMap<>();
    private RealtimeClient realtime;
    private boolean closed;

    private GraphQLClient(Builder builder) {
        this.endpoint = builder.endpoint;
        this.realtimeEndpoint = builder.realtimeEndpoint != null ? builder.realtimeEndpoint
                : realtimeEndpointFor(builder.endpoint);
        this.defaultAuthMode = builder.defaultAuthMode;
        this.providers = new EnumMap<>(builder.providers);
        this.http = builder.http != null ? builder.http
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.mapper = builder.mapper != null ? builder.mapper : AmplifyJson.mapper();
        this.requestTimeout = builder.requestTimeout;
        this.realtimeSettings = builder.realtimeSettings;
        this.log = builder.log;
    }

    /** Starts configuring a client. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from {@code amplify_outputs.json}: its endpoint, default auth mode and API key. Add the
     * providers for the other modes in {@code configure} (a user pool token supplier, IAM credentials, ...).
     */
    public static GraphQLClient fromOutputs(Path amplifyOutputsJson, Consumer<Builder> configure) {
        return fromOutputs(AmplifyOutputs.read(amplifyOutputsJson), configure);
    }

    /** A client configured from parsed outputs; see {@link #fromOutputs(Path, Consumer)}. */
    public static GraphQLClient fromOutputs(AmplifyOutputs outputs, Consumer<Builder> configure) {
        Builder builder = builder().endpoint(outputs.url()).defaultAuthMode(outputs.defaultAuthMode());
        outputs.apiKey().ifPresent(key -> builder.auth(AuthMode.API_KEY, AuthProviders.apiKey(key)));
        configure.accept(builder);
        return builder.build();
    }

    /**
     * The real-time URL for a GraphQL endpoint, as Amplify derives it: AppSync's own domain
     * ({@code <id>.appsync-api.<region>.amazonaws.com/graphql}) becomes {@code <id>.appsync-realtime-api...}; any other
     * (a custom domain, the sandbox) gets {@code /realtime} appended to its path. {@code https} becomes {@code wss}.
     */
    public static URI realtimeEndpointFor(URI graphqlEndpoint) {
        String scheme = "https".equalsIgnoreCase(graphqlEndpoint.getScheme()) ? "wss" : "ws";
        String host = graphqlEndpoint.getHost();
        String path = graphqlEndpoint.getRawPath() == null ? "" : graphqlEndpoint.getRawPath();
        String authority = graphqlEndpoint.getRawAuthority();
        if (host != null && host.contains(".appsync-api.")) {
            authority = authority.replace(".appsync-api.", ".appsync-realtime-api.");
        } else {
            path = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/realtime";
        }
        return URI.create(scheme + "://" + authority + path);
    }

    public URI endpoint() {
        return endpoint;
    }

    public URI realtimeEndpoint() {
        return realtimeEndpoint;
    }

    public AuthMode defaultAuthMode() {
        return defaultAuthMode;
    }

    /** The modes this client can authorize in. */
    public Set<AuthMode> authModes() {
        return java.util.Collections.unmodifiableSet(providers.keySet());
    }

    /** The mapper for variables and results. */
    public ObjectMapper objectMapper() {
        return mapper;
    }

    // ------------------------------------------------------------------------------------------ queries, mutations

    /**
     * Sends a query or mutation and waits for its result.
     *
     * @return the value of the request's response field (null when the API returned null, e.g. no such item)
     * @throws GraphQLResponseException when the response carries errors (with partial data when there was some)
     * @throws GraphQLTransportException when no GraphQL answer arrived
     */
    public <T> T execute(GraphQLRequest<T> request) {
        HttpRequest http = httpRequest(request);
        HttpResponse<byte[]> response;
        try {
            response = this.http.send(http, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw transportFailure(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphQLTransportException("Interrupted while waiting for " + describe(request), e);
        }
        return read(request, response.statusCode(), response.body());
    }

    /**
     * Sends a query or mutation; the future completes with its result, or exceptionally with a
     * {@link GraphQLResponseException} or {@link GraphQLTransportException}.
     */
    public <T> CompletableFuture<T> executeAsync(GraphQLRequest<T> request) {
        HttpRequest http;
        try {
            http = httpRequest(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return this.http.sendAsync(http, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        throw cause instanceof IOException io ? transportFailure(request, io)
                                : new GraphQLTransportException("Request " + describe(request) + " failed: " + cause,
                                        cause);
                    }
                    return read(request, response.statusCode(), response.body());
                });
    }

    /**
     * Sends a query or mutation and returns the whole answer, data and errors, without throwing for GraphQL errors:
     * for callers who want partial results.
     *
     * @throws GraphQLTransportException when no GraphQL answer arrived
     */
    public <T> GraphQLResponse<T> executeForResponse(GraphQLRequest<T> request) {
        try {
            return GraphQLResponse.of(execute(request));
        } catch (GraphQLResponseException e) {
            T partial = null;
            if (e.data().isPresent()) {
                JsonNode value = request.responseField().map(f -> e.data().get().get(f)).orElse(e.data().get());
                if (value != null && !value.isNull()) {
                    partial = decode(request, value);
                }
            }
            return new GraphQLResponse<>(Optional.ofNullable(partial), e.errors(), e.httpStatus());
        }
    }

    private <T> HttpRequest httpRequest(GraphQLRequest<T> request) {
        AuthProvider auth = provider(request.authMode().orElse(defaultAuthMode));
        byte[] body = body(request);
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach(http::header);
        boolean replace = !request.headers().isEmpty();
        for (Map.Entry<String, String> header : auth.headers(AuthRequest.jsonPost(endpoint, body)).entrySet()) {
            String name = header.getKey();
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                if (replace) {
                    http.setHeader(name, header.getValue());
                } else {
                    http.header(name, header.getValue());
                }
            }
        }
        return http.build();
    }

    private AuthProvider provider(AuthMode mode) {
        AuthProvider provider = providers.get(mode);
        if (provider == null) {
            throw new IllegalStateException("No AuthProvider for auth mode " + mode + ": configure one with "
                    + "GraphQLClient.builder().auth(AuthMode." + mode + ", AuthProviders...). Configured: "
                    + providers.keySet());
        }
        return provider;
    }

    /** {@code {"query", "operationName"?, "variables"}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Body(String query, String operationName, Map<String, Object> variables) {}

    private byte[] body(GraphQLRequest<?> request) {
        try {
            return mapper.writeValueAsBytes(new Body(request.document(), request.operationName().orElse(null),
                    request.variables()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize the variables of " + describe(request) + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private String data(GraphQLRequest<?> request) {
        try {
            return mapper.writeValueAsString(new Body(request.document(), request.operationName().orElse(null),
                    request.variables()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize the variables of " + describe(request) + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private <T> T read(GraphQLRequest<T> request, int status, byte[] body) {
        if (status / 100 == 2) {
            Optional<T> fast = readSuccess(request, body);
            if (fast != null) {
                return fast.orElse(null);
            }
        }
        return readTree(request, status, body);
    }

    /**
     * The common case in one streaming pass: a 2xx body whose {@code data} holds the result and that has no
     * {@code errors}, bound straight from the bytes. Returns null (not empty) to send anything else (errors,
     * malformed bodies, results that do not bind) through {@link #readTree}, which explains them.
     */
    private <T> Optional<T> readSuccess(GraphQLRequest<T> request, byte[] body) {
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            T value = null;
            String field = request.responseField().orElse(null);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (name.equals("errors") && token != JsonToken.VALUE_NULL) {
                    return null;
                }
                if (!name.equals("data") || token == JsonToken.VALUE_NULL) {
                    parser.skipChildren();
                } else if (field == null) {
                    value = reader(request).readValue(parser);
                } else if (token == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        boolean wanted = parser.currentName().equals(field);
                        parser.nextToken();
                        if (wanted && parser.currentToken() != JsonToken.VALUE_NULL) {
                            value = reader(request).readValue(parser);
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    return null;
                }
            }
            return Optional.ofNullable(value);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private ObjectReader reader(GraphQLRequest<?> request) {
        return readers.computeIfAbsent(request.responseType(), mapper::readerFor);
    }

    private <T> T readTree(GraphQLRequest<T> request, int status, byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            throw new GraphQLTransportException("HTTP " + status + " from " + endpoint + " for " + describe(request)
                    + " with a body that is not JSON: " + preview(body), status);
        }
        if (root == null || !root.isObject()) {
            throw new GraphQLTransportException("HTTP " + status + " from " + endpoint + " for " + describe(request)
                    + " without a GraphQL response: " + preview(body), status);
        }
        JsonNode data = root.get("data");
        JsonNode errors = root.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            List<GraphQLError> list = new ArrayList<>(errors.size());
            errors.forEach(e -> list.add(GraphQLError.fromJson(e)));
            throw GraphQLResponseException.of(list,
                    data == null || data.isNull() ? Optional.empty() : Optional.of(data), status);
        }
        if (status / 100 != 2) {
            throw new GraphQLTransportException("HTTP " + status + " from " + endpoint + " for " + describe(request)
                    + ": " + preview(body), status);
        }
        if (data == null || data.isNull()) {
            return null;
        }
        JsonNode value = request.responseField().map(data::get).orElse(data);
        return value == null || value.isNull() ? null : decode(request, value);
    }

    private <T> T decode(GraphQLRequest<T> request, JsonNode value) {
        JavaType type = request.responseType();
        try {
            return mapper.treeToValue(value, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new GraphQLTransportException("Cannot read the result of " + describe(request) + " as "
                    + type.toCanonical() + ": " + e.getMessage(), e);
        }
    }

    private GraphQLTransportException transportFailure(GraphQLRequest<?> request, IOException e) {
        if (e instanceof HttpTimeoutException) {
            return new GraphQLTransportException(describe(request) + " timed out after " + requestTimeout
                    + " waiting for " + endpoint, e);
        }
        return new GraphQLTransportException(describe(request) + " failed to reach " + endpoint + ": " + e, e);
    }

    private static String describe(GraphQLRequest<?> request) {
        return request.operationName().or(request::responseField).map(n -> "`" + n + "`").orElse("the request");
    }

    private static String preview(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    // ------------------------------------------------------------------------------------------ subscriptions

    /**
     * Subscribes over the real-time channel. The subscription starts at once; wait for
     * {@link GraphQLSubscription#established()} before relying on events, then attach a subscriber.
     */
    public <T> GraphQLSubscription<T> subscribe(GraphQLRequest<T> request) {
        AuthProvider auth = provider(request.authMode().orElse(defaultAuthMode));
        String data = data(request);
        return realtime().subscribe(data, auth, payload -> {
            JsonNode value = request.responseField().map(payload::get).orElse(payload);
            return value == null || value.isNull() ? null : decode(request, value);
        });
    }

    private synchronized RealtimeClient realtime() {
        if (closed) {
            throw new IllegalStateException("The GraphQLClient is closed");
        }
        if (realtime == null) {
            realtime = new RealtimeClient(http, endpoint, realtimeEndpoint, realtimeSettings, log);
        }
        return realtime;
    }

    /** How many real-time sockets were opened in {@code mode}, reconnects included (for diagnostics and tests). */
    public synchronized int realtimeConnects(AuthMode mode) {
        return realtime == null ? 0 : realtime.connects(mode);
    }

    /** Closes every subscription and the client's threads. The HTTP client is left to the JDK. */
    @Override
    public void close() {
        RealtimeClient current;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            current = realtime;
        }
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        return "GraphQLClient[" + endpoint + ", default " + defaultAuthMode + ", modes " + providers.keySet() + "]";
    }

    /** Configures a {@link GraphQLClient}. */
    public static final class Builder {
        private URI endpoint;
        private URI realtimeEndpoint;
        private AuthMode defaultAuthMode;
        private final Map<AuthMode, AuthProvider> providers = new EnumMap<>(AuthMode.class);
        private HttpClient http;
        private ObjectMapper mapper;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Consumer<String> log = line -> { };
        private int bufferSize = RealtimeSettings.defaults().bufferSize();
        private Duration initialBackoff = RealtimeSettings.defaults().initialBackoff();
        private Duration maxBackoff = RealtimeSettings.defaults().maxBackoff();
        private int maxReconnectAttempts = RealtimeSettings.defaults().maxReconnectAttempts();
        private Duration handshakeTimeout = RealtimeSettings.defaults().handshakeTimeout();
        private Duration startTimeout = RealtimeSettings.defaults().startTimeout();
        private Executor executor;
        private RealtimeSettings realtimeSettings;

        private Builder() {}

        /** The GraphQL endpoint ({@code data.url} of {@code amplify_outputs.json}). */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        public Builder endpoint(String endpoint) {
            return endpoint(URI.create(endpoint));
        }

        /** The real-time endpoint, when it is not the one {@link #realtimeEndpointFor} derives. */
        public Builder realtimeEndpoint(URI realtimeEndpoint) {
            this.realtimeEndpoint = Objects.requireNonNull(realtimeEndpoint, "realtimeEndpoint");
            return this;
        }

        /** The provider for the default auth mode (its {@link AuthProvider#mode()}). */
        public Builder auth(AuthProvider provider) {
            this.defaultAuthMode = provider.mode();
            providers.put(provider.mode(), provider);
            return this;
        }

        /** A provider for another auth mode, chosen per call with {@link GraphQLRequest.Builder#authMode}. */
        public Builder auth(AuthMode mode, AuthProvider provider) {
            providers.put(Objects.requireNonNull(mode, "mode"), Objects.requireNonNull(provider, "provider"));
            if (defaultAuthMode == null) {
                defaultAuthMode = mode;
            }
            return this;
        }

        /** The mode used when a request names none. */
        public Builder defaultAuthMode(AuthMode mode) {
            this.defaultAuthMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The HTTP client for requests and WebSockets (by default one with a 10 s connect timeout). */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** The mapper for variables and results; by default {@link AmplifyJson#mapper()}. */
        public Builder objectMapper(ObjectMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /** How long one query or mutation may take; 30 s by default. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = requirePositive(timeout, "requestTimeout");
            return this;
        }

        /** Events a subscription buffers for a subscriber that has not requested them; 1,000 by default. */
        public Builder subscriptionBufferSize(int events) {
            this.bufferSize = events;
            return this;
        }

        /** The real-time reconnect backoff: the first wait, doubling up to {@code max}; 0.5 s to 30 s by default. */
        public Builder reconnectBackoff(Duration initial, Duration max) {
            this.initialBackoff = requirePositive(initial, "initial");
            this.maxBackoff = requirePositive(max, "max");
            return this;
        }

        /** Failed reconnect attempts in a row before subscribers get {@code onError}; 10 by default. */
        public Builder maxReconnectAttempts(int attempts) {
            this.maxReconnectAttempts = attempts;
            return this;
        }

        /** How long to wait for the real-time handshake and for each {@code start_ack}; 15 s each by default. */
        public Builder realtimeTimeouts(Duration handshake, Duration start) {
            this.handshakeTimeout = requirePositive(handshake, "handshake");
            this.startTimeout = requirePositive(start, "start");
            return this;
        }

        /** Where subscriber callbacks run; by default the client's own daemon threads. */
        public Builder subscriberExecutor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Where the client reports real-time reconnects; nowhere by default. */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        private static Duration requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive; got " + value);
            }
            return value;
        }

        /**
         * The client.
         *
         * @throws IllegalStateException listing what is missing: the endpoint, or a provider for the default mode
         */
        public GraphQLClient build() {
            List<String> problems = new ArrayList<>();
            if (endpoint == null) {
                problems.add("no endpoint: call endpoint(URI) with data.url of amplify_outputs.json");
            } else if (endpoint.getScheme() == null || !endpoint.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
                problems.add("endpoint must be an http(s) URL; got " + endpoint);
            }
            if (defaultAuthMode == null) {
                problems.add("no auth: call auth(AuthProviders.apiKey(..)) or another provider");
            } else if (!providers.containsKey(defaultAuthMode)) {
                problems.add("the default auth mode is " + defaultAuthMode + " but no provider is configured for it: "
                        + "call auth(AuthMode." + defaultAuthMode + ", AuthProviders...)");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("GraphQLClient cannot be built:\n  - "
                        + String.join("\n  - ", problems));
            }
            realtimeSettings = new RealtimeSettings(bufferSize, initialBackoff, maxBackoff, maxReconnectAttempts,
                    handshakeTimeout, startTimeout, executor);
            return new GraphQLClient(this);
        }
    }
}
