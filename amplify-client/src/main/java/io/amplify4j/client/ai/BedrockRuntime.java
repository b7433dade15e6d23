package io.amplify4j.client.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.client.auth.AuthProvider;
import io.amplify4j.client.auth.AuthProviders;
import io.amplify4j.client.auth.AuthRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A small client of the Amazon Bedrock Runtime {@code Converse} and {@code ConverseStream} operations over
 * {@code java.net.http}, without the AWS SDK's {@code bedrockruntime} module: requests are JSON as in the API
 * reference, signed with SigV4 for service {@value #SIGNING_SERVICE} by the SDK's own signer (the one
 * {@link AuthProviders#iam} uses), and streamed responses are decoded from the AWS event-stream encoding.
 *
 * <pre>{@code
 * BedrockRuntime bedrock = BedrockRuntime.builder().region("us-east-1")
 *         .credentials(DefaultCredentialsProvider.builder().build()).build();
 * try (ConverseStream events = bedrock.converseStream("anthropic.claude-3-5-haiku-20241022-v1:0", request)) {
 *     events.forEachRemaining(e -> e.textDelta().ifPresent(System.out::print));
 * }
 * }</pre>
 *
 * <p>Errors become {@link BedrockException}s whose messages say what to do (enable model access, request a quota,
 * fix the request). Thread-safe.
 */
public final class BedrockRuntime {
    /** The SigV4 signing name of Bedrock Runtime. */
    public static final String SIGNING_SERVICE = "bedrock";
    /** The variable that overrides the endpoint (the sandbox sets it to its local Bedrock endpoint). */
    public static final String ENDPOINT_VARIABLE = "AMPLIFY_BEDROCK_ENDPOINT";

    private static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

    private final URI endpoint;
    private final Region region;
    private final AuthProvider signer;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Duration requestTimeout;

    private BedrockRuntime(Builder builder) {
        this.region = builder.region;
        this.endpoint = builder.endpoint != null ? builder.endpoint : defaultEndpoint(region);
        this.signer = AuthProviders.sigV4(builder.credentials, region, SIGNING_SERVICE);
        this.http = builder.http != null ? builder.http
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.mapper = builder.mapper != null ? builder.mapper : new ObjectMapper();
        this.requestTimeout = builder.requestTimeout;
    }

    /** Starts configuring a client. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from a function's environment variables, as a Lambda function (or the sandbox's
     * in-process function) sees them: the endpoint from {@value #ENDPOINT_VARIABLE} when set, else Bedrock's
     * endpoint in {@code AWS_REGION}; the credentials from {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}
     * and {@code AWS_SESSION_TOKEN} when set, else the SDK's default credential chain.
     *
     * @param environment a variable's value, or null when it is not set
     * @throws IllegalStateException when no region is set
     */
    public static BedrockRuntime fromEnvironment(UnaryOperator<String> environment) {
        return builderFromEnvironment(environment).build();
    }

    /** A builder set up as {@link #fromEnvironment} does, to change further (the HTTP client, the timeout). */
    public static Builder builderFromEnvironment(UnaryOperator<String> environment) {
        String regionName = firstSet(environment, "AWS_REGION", "AWS_DEFAULT_REGION");
        if (regionName == null) {
            throw new IllegalStateException("Bedrock needs a region: set AWS_REGION (Lambda and the sandbox set it"
                    + " for functions).");
        }
        Builder builder = builder().region(Region.of(regionName));
        String override = environment.apply(ENDPOINT_VARIABLE);
        if (override != null && !override.isBlank()) {
            builder.endpoint(URI.create(override.strip()));
        }
        String accessKey = environment.apply("AWS_ACCESS_KEY_ID");
        String secretKey = environment.apply("AWS_SECRET_ACCESS_KEY");
        if (accessKey != null && secretKey != null) {
            String token = environment.apply("AWS_SESSION_TOKEN");
            builder.credentials(StaticCredentialsProvider.create(token == null || token.isBlank()
                    ? AwsBasicCredentials.create(accessKey, secretKey)
                    : AwsSessionCredentials.create(accessKey, secretKey, token)));
        } else {
            builder.credentials(DefaultCredentialsProvider.builder().build());
        }
        return builder;
    }

    private static String firstSet(UnaryOperator<String> environment, String... names) {
        for (String name : names) {
            String value = environment.apply(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** Bedrock Runtime's public endpoint in {@code region}. */
    public static URI defaultEndpoint(Region region) {
        return URI.create("https://bedrock-runtime." + region.id() + ".amazonaws.com");
    }

    public URI endpoint() {
        return endpoint;
    }

    public Region region() {
        return region;
    }

    /**
     * Calls {@code Converse}: {@code request} is the operation's JSON body ({@code messages}, {@code system},
     * {@code inferenceConfig}, {@code toolConfig} ...); returns the response JSON ({@code output}, {@code stopReason},
     * {@code usage} ...).
     *
     * @throws BedrockException when Bedrock answers with an error or does not answer
     */
    public JsonNode converse(String modelId, JsonNode request) {
        HttpRequest http = request(modelId, "converse", request, "application/json");
        HttpResponse<byte[]> response;
        try {
            response = this.http.send(http, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw BedrockException.transport(modelId, endpoint.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BedrockException.transport(modelId, endpoint.toString(), e);
        }
        return converseResult(modelId, response);
    }

    /** {@link #converse} without blocking: the future fails with a {@link BedrockException}. */
    public CompletableFuture<JsonNode> converseAsync(String modelId, JsonNode request) {
        HttpRequest http;
        try {
            http = request(modelId, "converse", request, "application/json");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return this.http.sendAsync(http, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                throw BedrockException.transport(modelId, endpoint.toString(), cause);
            }
            return converseResult(modelId, response);
        });
    }

    private JsonNode converseResult(String modelId, HttpResponse<byte[]> response) {
        if (response.statusCode() / 100 != 2) {
            throw error(modelId, response.statusCode(), response.headers().firstValue("x-amzn-ErrorType")
                    .orElse(""), response.body());
        }
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw BedrockException.transport(modelId, endpoint.toString(), e);
        }
    }

    /**
     * Calls {@code ConverseStream} and returns its events as they arrive: this blocks until Bedrock has accepted the
     * request (or refused it), then each event is read as the caller iterates.
     *
     * @throws BedrockException when Bedrock refuses the request or does not answer
     */
    public ConverseStream converseStream(String modelId, JsonNode request) {
        HttpRequest http = request(modelId, "converse-stream", request, EVENT_STREAM);
        HttpResponse<InputStream> response;
        try {
            response = this.http.send(http, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw BedrockException.transport(modelId, endpoint.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BedrockException.transport(modelId, endpoint.toString(), e);
        }
        if (response.statusCode() / 100 != 2) {
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                body = new byte[0];
            }
            throw error(modelId, response.statusCode(), response.headers().firstValue("x-amzn-ErrorType")
                    .orElse(""), body);
        }
        return new ConverseStream(response.body(), mapper, modelId, endpoint.toString());
    }

    private HttpRequest request(String modelId, String operation, JsonNode request, String accept) {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(request, "request");
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The Converse request is not serializable: " + e.getMessage(), e);
        }
        URI uri = operationUri(endpoint, modelId, operation);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", accept);
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(http::header);
        for (Map.Entry<String, String> header : signer.headers(new AuthRequest("POST", uri, headers, body))
                .entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!name.equals("host") && !name.equals("content-length")) {
                http.header(header.getKey(), header.getValue());
            }
        }
        return http.build();
    }

    /** {@code <endpoint>/model/<modelId, percent-encoded>/<operation>}: the endpoint may carry a path prefix. */
    static URI operationUri(URI endpoint, String modelId, String operation) {
        String base = endpoint.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/model/" + encodePathSegment(modelId) + "/" + operation);
    }

    /** Percent-encodes all but RFC 3986's unreserved characters, as AWS expects a path segment ({@code :}, {@code /}). */
    static String encodePathSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private BedrockException error(String modelId, int status, String errorTypeHeader, byte[] body) {
        String message = "";
        String type = errorTypeHeader;
        try {
            JsonNode json = body.length == 0 ? null : mapper.readTree(body);
            if (json != null && json.isObject()) {
                message = json.path("message").asText(json.path("Message").asText(""));
                if (type.isEmpty()) {
                    type = json.path("__type").asText("");
                }
            }
        } catch (IOException e) {
            message = new String(body, StandardCharsets.UTF_8);
            message = message.length() > 300 ? message.substring(0, 300) + "..." : message;
        }
        return BedrockException.of(type, status, message, modelId, where());
    }

    private String where() {
        return endpoint.getHost() != null && endpoint.getHost().endsWith(".amazonaws.com") ? region.id()
                : region.id() + " (endpoint " + endpoint + ")";
    }

    @Override
    public String toString() {
        return "BedrockRuntime[" + endpoint + ", " + region.id() + "]";
    }

    /** Configures a {@link BedrockRuntime}. */
    public static final class Builder {
        private URI endpoint;
        private Region region;
        private AwsCredentialsProvider credentials;
        private HttpClient http;
        private ObjectMapper mapper;
        private Duration requestTimeout = Duration.ofMinutes(5);

        private Builder() {}

        /** The region requests are signed for, and whose public endpoint is used unless {@link #endpoint} is set. */
        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder region(String region) {
            return region(Region.of(region));
        }

        /** Another endpoint (a VPC endpoint, the sandbox's local Bedrock); a path prefix is kept. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /** Where the signing credentials come from (resolved for every request; the SDK's providers cache). */
        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The HTTP client (by default one with a 10 s connect timeout). */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** The mapper for request and response JSON. */
        public Builder objectMapper(ObjectMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /** How long a request may wait for Bedrock's answer to start; 5 minutes by default. */
        public Builder requestTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive; got " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalStateException listing what is missing
         */
        public BedrockRuntime build() {
            List<String> problems = new ArrayList<>();
            if (region == null) {
                problems.add("no region: call region(\"us-east-1\") (or use fromEnvironment, which reads AWS_REGION)");
            }
            if (credentials == null) {
                problems.add("no credentials: call credentials(DefaultCredentialsProvider.builder().build())");
            }
            if (endpoint != null && (endpoint.getScheme() == null
                    || !endpoint.getScheme().toLowerCase(Locale.ROOT).startsWith("http"))) {
                problems.add("endpoint must be an http(s) URL; got " + endpoint);
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("BedrockRuntime cannot be built:\n  - "
                        + String.join("\n  - ", problems));
            }
            return new BedrockRuntime(this);
        }
    }
}
