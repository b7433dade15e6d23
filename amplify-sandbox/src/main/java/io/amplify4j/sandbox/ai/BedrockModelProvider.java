package io.amplify4j.sandbox.ai;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The real {@link ModelProvider}: calls Amazon Bedrock's Converse ({@code POST /model/<id>/converse}) and
 * ConverseStream ({@code POST /model/<id>/converse-stream}, decoding its AWS event-stream answer) on
 * {@code https://bedrock-runtime.<region>.amazonaws.com}, signed with SigV4 (service {@code bedrock}) by the AWS
 * SDK's signer.
 *
 * <p>A sandbox uses it by default when {@link #fromEnvironment} finds credentials and a region; the calls cost what
 * Bedrock charges, and the account must have access to the models the routes name.
 */
public final class BedrockModelProvider implements ModelProvider {
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final String region;
    private final URI endpoint;
    private final Supplier<AwsCredentialsIdentity> credentials;
    private final String credentialSource;
    private final HttpClient http;
    private final Duration timeout;

    private BedrockModelProvider(Builder builder) {
        this.region = Objects.requireNonNull(builder.region, "region");
        this.endpoint = builder.endpoint != null ? builder.endpoint
                : URI.create("https://bedrock-runtime." + region + ".amazonaws.com");
        this.credentials = Objects.requireNonNull(builder.credentials, "credentials");
        this.credentialSource = builder.credentialSource;
        this.timeout = builder.timeout;
        this.http = builder.http != null ? builder.http
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Starts configuring a provider for {@code region}. */
    public static Builder builder(String region) {
        return new Builder(region);
    }

    /**
     * What the environment gives: a provider when credentials and a region resolve, else why not.
     *
     * <p>Credentials: the system properties {@code aws.accessKeyId}/{@code aws.secretAccessKey}, then the variables
     * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} (each with its session token), then the profile
     * ({@code AWS_PROFILE}, else {@code default}) of the shared credentials and config files (static keys or
     * {@code credential_process}). Region: {@code aws.region}, {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, then
     * the profile's {@code region}.
     */
    public static Resolution fromEnvironment(AwsEnvironment environment) {
        List<String> missing = new ArrayList<>();
        Optional<ProfileFile> profiles = profiles(environment);
        String profileName = environment.profileName();
        Optional<String> region = environment.property("aws.region")
                .or(() -> environment.variable("AWS_REGION"))
                .or(() -> environment.variable("AWS_DEFAULT_REGION"))
                .or(() -> profiles.flatMap(files -> files.profile(profileName))
                        .flatMap(profile -> profile.property("region")));
        if (region.isEmpty()) {
            missing.add("no region (set AWS_REGION, or `region` in profile `" + profileName + "` of "
                    + environment.configFile() + ")");
        }
        Optional<Credentials> found = staticCredentials(environment, "aws.accessKeyId", "aws.secretAccessKey",
                "aws.sessionToken", true, "system properties aws.accessKeyId/aws.secretAccessKey")
                .or(() -> staticCredentials(environment, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                        "AWS_SESSION_TOKEN", false, "environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"));
        if (found.isEmpty() && profiles.flatMap(files -> files.profile(profileName)).isPresent()) {
            ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                    .profileFile(profiles.get())
                    .profileName(profileName)
                    .build();
            try {
                provider.resolveCredentials();
                found = Optional.of(new Credentials(() -> identity(provider.resolveCredentials()),
                        "profile `" + profileName + "`"));
            } catch (RuntimeException e) {
                missing.add("profile `" + profileName + "` gives no credentials (" + e.getMessage() + ")");
            }
        } else if (found.isEmpty()) {
            missing.add("no AWS credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or profile `" + profileName
                    + "` in " + environment.credentialsFile() + " or " + environment.configFile() + ")");
        }
        if (!missing.isEmpty()) {
            return new Resolution.Unavailable(String.join("; ", missing));
        }
        return new Resolution.Ready(builder(region.get())
                .credentials(found.get().supplier(), found.get().source())
                .build());
    }

    /** What {@link #fromEnvironment} found. */
    public sealed interface Resolution {
        /** Credentials and a region resolved: the provider. */
        record Ready(BedrockModelProvider provider) implements Resolution {}

        /** Something is missing: {@code reason} says what. */
        record Unavailable(String reason) implements Resolution {}
    }

    private record Credentials(Supplier<AwsCredentialsIdentity> supplier, String source) {}

    private static Optional<Credentials> staticCredentials(AwsEnvironment environment, String keyName,
            String secretName, String tokenName, boolean properties, String source) {
        java.util.function.Function<String, Optional<String>> read = properties ? environment::property
                : environment::variable;
        Optional<String> key = read.apply(keyName);
        Optional<String> secret = read.apply(secretName);
        if (key.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> token = read.apply(tokenName);
        AwsCredentialsIdentity identity = token.<AwsCredentialsIdentity>map(t ->
                        AwsSessionCredentialsIdentity.create(key.get(), secret.get(), t))
                .orElseGet(() -> AwsCredentialsIdentity.create(key.get(), secret.get()));
        return Optional.of(new Credentials(() -> identity, source));
    }

    private static AwsCredentialsIdentity identity(AwsCredentials credentials) {
        return credentials;
    }

    private static Optional<ProfileFile> profiles(AwsEnvironment environment) {
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        boolean any = false;
        if (Files.isRegularFile(environment.configFile())) {
            aggregator.addFile(ProfileFile.builder().content(environment.configFile())
                    .type(ProfileFile.Type.CONFIGURATION).build());
            any = true;
        }
        if (Files.isRegularFile(environment.credentialsFile())) {
            aggregator.addFile(ProfileFile.builder().content(environment.credentialsFile())
                    .type(ProfileFile.Type.CREDENTIALS).build());
            any = true;
        }
        return any ? Optional.of(aggregator.build()) : Optional.empty();
    }

    /** The region calls go to. */
    public String region() {
        return region;
    }

    /** Where calls go: {@code https://bedrock-runtime.<region>.amazonaws.com} unless overridden. */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String describe() {
        return "Amazon Bedrock in " + region + " (credentials from " + credentialSource + ")";
    }

    @Override
    public JsonNode converse(String modelId, JsonNode request) {
        HttpResponse<InputStream> response = send(modelId, "converse", "application/json", request);
        try (InputStream body = response.body()) {
            byte[] bytes = body.readAllBytes();
            if (response.statusCode() >= 400) {
                throw failure(response, bytes);
            }
            return ConverseStreams.parse(bytes);
        } catch (IOException e) {
            throw new ModelProviderException(502, "InternalServerException", "Reading Bedrock's answer failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<JsonNode> converseStream(String modelId, JsonNode request) {
        HttpResponse<InputStream> response = send(modelId, "converse-stream", EventStream.CONTENT_TYPE, request);
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 400) {
                throw failure(response, body.readAllBytes());
            }
            List<JsonNode> events = new ArrayList<>();
            Optional<EventStream.Message> message;
            while ((message = EventStream.read(body)).isPresent()) {
                ConverseStreams.fromMessage(message.get()).ifPresent(events::add);
            }
            return events;
        } catch (IOException e) {
            throw new ModelProviderException(502, "InternalServerException", "Reading Bedrock's stream failed: "
                    + e.getMessage(), e);
        }
    }

    private HttpResponse<InputStream> send(String modelId, String operation, String accept, JsonNode request) {
        byte[] body = ConverseStreams.bytes(request);
        URI uri = URI.create(endpoint.toString().replaceAll("/+$", "") + "/model/"
                + SdkHttpUtils.urlEncode(modelId) + "/" + operation);
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(uri)
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", accept)
                .build();
        SignedRequest signed = SIGNER.sign(r -> r
                .identity(credentials.get())
                .request(unsigned)
                .payload(() -> new ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpRequest.Builder http = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().forEachHeader((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("host") && !lower.equals("content-length")) {
                values.forEach(value -> http.header(name, value));
            }
        });
        try {
            return this.http.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ModelProviderException(503, "ServiceUnavailableException", "Calling Amazon Bedrock at "
                    + endpoint + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelProviderException(503, "ServiceUnavailableException", "Interrupted while calling Bedrock",
                    e);
        }
    }

    /** Bedrock's error answer: {@code x-amzn-ErrorType} (or {@code __type}) and {@code message}. */
    private static ModelProviderException failure(HttpResponse<?> response, byte[] bytes) {
        JsonNode body = parseError(bytes);
        String type = response.headers().firstValue("x-amzn-ErrorType")
                .or(() -> Optional.ofNullable(body.path("__type").textValue()))
                .map(t -> t.contains(":") ? t.substring(0, t.indexOf(':')) : t)
                .map(t -> t.contains("#") ? t.substring(t.indexOf('#') + 1) : t)
                .orElse("HttpStatus" + response.statusCode());
        String message = body.path("message").asText(body.path("Message").asText("Bedrock answered HTTP "
                + response.statusCode()));
        return new ModelProviderException(response.statusCode(), type, message);
    }

    private static JsonNode parseError(byte[] bytes) {
        try {
            return ConverseStreams.parse(bytes);
        } catch (ModelProviderException e) {
            return ConverseStreams.JSON.createObjectNode().put("message", new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** Configures a {@link BedrockModelProvider}. */
    public static final class Builder {
        private final String region;
        private URI endpoint;
        private Supplier<AwsCredentialsIdentity> credentials;
        private String credentialSource = "the given provider";
        private HttpClient http;
        private Duration timeout = Duration.ofMinutes(2);

        private Builder(String region) {
            if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                throw new IllegalArgumentException("region must look like an AWS region (us-east-1); got " + region);
            }
            this.region = region;
        }

        /** The credentials to sign with, fetched for every call (so they may rotate). */
        public Builder credentials(Supplier<? extends AwsCredentialsIdentity> credentials, String source) {
            Objects.requireNonNull(credentials, "credentials");
            this.credentials = credentials::get;
            this.credentialSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Fixed credentials. */
        public Builder credentials(AwsCredentialsIdentity credentials) {
            Objects.requireNonNull(credentials, "credentials");
            return credentials(() -> credentials, "the given credentials");
        }

        /** Another endpoint than {@code https://bedrock-runtime.<region>.amazonaws.com} (a VPC endpoint, a proxy). */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /** The HTTP client; a new one with a 10-second connect timeout by default. */
        public Builder httpClient(HttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        /** How long one call may take; 2 minutes by default. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive; got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public BedrockModelProvider build() {
            return new BedrockModelProvider(this);
        }
    }
}
