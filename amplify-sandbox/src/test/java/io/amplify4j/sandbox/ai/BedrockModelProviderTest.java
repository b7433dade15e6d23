package io.amplify4j.sandbox.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The real provider, against a stand-in Bedrock on 127.0.0.1 (never AWS): the request it sends (path, SigV4 for
 * service bedrock, body), how it reads Converse and ConverseStream answers and Bedrock's errors, and where it finds
 * credentials and a region.
 */
class BedrockModelProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HAIKU = "anthropic.claude-3-5-haiku-20241022-v1:0";
    private static final AwsSessionCredentialsIdentity CREDENTIALS =
            AwsSessionCredentialsIdentity.create("AKIDEXAMPLE", "secret-key", "session-token");

    private HttpServer server;

    /** A request the stand-in received. */
    private record Received(String method, String rawPath, Map<String, List<String>> headers, byte[] body) {}

    private URI serve(Consumer<HttpExchange> answer, AtomicReference<Received> received) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            answer.accept(exchange);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void reply(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) {
        try {
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private BedrockModelProvider provider(URI endpoint) {
        return BedrockModelProvider.builder("us-west-2").credentials(CREDENTIALS).endpoint(endpoint).build();
    }

    @Test
    void converseIsASigV4SignedPostToTheModelsConversePath() throws Exception {
        AtomicReference<Received> received = new AtomicReference<>();
        JsonNode answer = RecordedModelProvider.text("Hello.");
        URI endpoint = serve(exchange -> reply(exchange, 200, Map.of("Content-Type", "application/json"),
                answer.toString().getBytes(StandardCharsets.UTF_8)), received);
        JsonNode request = JSON.readTree("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}],"
                + "\"inferenceConfig\":{\"maxTokens\":50}}");

        JsonNode response = provider(endpoint).converse(HAIKU, request);

        assertThat(response).isEqualTo(answer);
        Received got = received.get();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.rawPath()).isEqualTo("/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse");
        assertThat(JSON.readTree(got.body())).isEqualTo(request);
        String authorization = got.headers().get("Authorization").get(0);
        assertThat(authorization).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/us-west-2/bedrock/aws4_request");
        assertThat(got.headers().get("X-amz-security-token")).containsExactly("session-token");
        // the signature is the one the SDK's signer computes for the request as it arrived
        assertThat(authorization).isEqualTo(resign(endpoint, got));
    }

    /** Signs the received request again, with the same credentials and time, as Bedrock would verify it. */
    private static String resign(URI endpoint, Received got) {
        String date = got.headers().get("X-amz-date").get(0);
        Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(date, Instant::from);
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create(endpoint + got.rawPath()))
                .putHeader("Content-Type", got.headers().get("Content-type").get(0))
                .putHeader("Accept", got.headers().get("Accept").get(0));
        return AwsV4HttpSigner.create().sign(r -> r
                        .identity(CREDENTIALS)
                        .request(request.build())
                        .payload(() -> new ByteArrayInputStream(got.body()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-west-2")
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request().firstMatchingHeader("Authorization").orElseThrow();
    }

    @Test
    void converseStreamDecodesTheEventStreamAnswer() throws Exception {
        AtomicReference<Received> received = new AtomicReference<>();
        List<JsonNode> events = ConverseStreams.fromResponse(RecordedModelProvider.text("One two three four five."));
        URI endpoint = serve(exchange -> reply(exchange, 200, Map.of("Content-Type", EventStream.CONTENT_TYPE),
                EventStream.encode(ConverseStreams.toMessages(events))), received);

        List<JsonNode> got = provider(endpoint).converseStream(HAIKU, JSON.readTree("{\"messages\":[]}"));

        assertThat(got).isEqualTo(events);
        assertThat(received.get().rawPath()).endsWith("/converse-stream");
        assertThat(received.get().headers().get("Accept")).containsExactly(EventStream.CONTENT_TYPE);
    }

    @Test
    void bedrockErrorsBecomeModelProviderExceptionsWithTheirTypeStatusAndMessage() throws Exception {
        URI endpoint = serve(exchange -> reply(exchange, 403, Map.of("x-amzn-ErrorType",
                "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.bedrock/"),
                "{\"message\":\"You don't have access to the model with the specified model ID.\"}"
                        .getBytes(StandardCharsets.UTF_8)), new AtomicReference<>());

        assertThatThrownBy(() -> provider(endpoint).converse(HAIKU, JSON.readTree("{}")))
                .isInstanceOfSatisfying(ModelProviderException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.errorType()).isEqualTo("AccessDeniedException");
                    assertThat(e.getMessage()).isEqualTo("You don't have access to the model with the specified"
                            + " model ID.");
                });
    }

    @Test
    void credentialsAndRegionComeFromVariablesThenTheProfileFiles(@TempDir Path home) throws Exception {
        BedrockModelProvider.Resolution fromVariables = BedrockModelProvider.fromEnvironment(AwsEnvironment.of(Map.of(
                "AWS_ACCESS_KEY_ID", "AKIDVAR", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_REGION", "eu-west-1"), home));
        assertThat(fromVariables).isInstanceOfSatisfying(BedrockModelProvider.Resolution.Ready.class, ready -> {
            assertThat(ready.provider().region()).isEqualTo("eu-west-1");
            assertThat(ready.provider().endpoint()).hasToString("https://bedrock-runtime.eu-west-1.amazonaws.com");
            assertThat(ready.provider().describe()).isEqualTo("Amazon Bedrock in eu-west-1 (credentials from"
                    + " environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)");
        });

        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[dev]\naws_access_key_id = AKIDPROFILE\n"
                + "aws_secret_access_key = secret\n");
        Files.writeString(home.resolve(".aws/config"), "[profile dev]\nregion = ap-southeast-2\n");
        BedrockModelProvider.Resolution fromProfile = BedrockModelProvider.fromEnvironment(
                AwsEnvironment.of(Map.of("AWS_PROFILE", "dev"), home));
        assertThat(fromProfile).isInstanceOfSatisfying(BedrockModelProvider.Resolution.Ready.class, ready -> {
            assertThat(ready.provider().region()).isEqualTo("ap-southeast-2");
            assertThat(ready.provider().describe()).isEqualTo("Amazon Bedrock in ap-southeast-2 (credentials from"
                    + " profile `dev`)");
        });
    }

    @Test
    void withoutCredentialsOrRegionTheDefaultProviderSaysWhatToConfigure(@TempDir Path home) {
        BedrockModelProvider.Resolution nothing = BedrockModelProvider.fromEnvironment(AwsEnvironment.of(Map.of(),
                home));
        assertThat(nothing).isEqualTo(new BedrockModelProvider.Resolution.Unavailable("no region (set AWS_REGION,"
                + " or `region` in profile `default` of " + home.resolve(".aws/config") + "); no AWS credentials"
                + " (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or profile `default` in "
                + home.resolve(".aws/credentials") + " or " + home.resolve(".aws/config") + ")"));

        ModelProvider fallback = ModelProvider.fromEnvironment(AwsEnvironment.of(Map.of("AWS_REGION", "us-east-1"),
                home));
        assertThat(fallback.live()).isFalse();
        assertThatThrownBy(() -> fallback.converse(HAIKU, JSON.createObjectNode()))
                .isInstanceOfSatisfying(ModelProviderException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.errorType()).isEqualTo("ModelProviderNotConfiguredException");
                    assertThat(e.getMessage()).isEqualTo("AI routes are not available in this sandbox: no AWS"
                            + " credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or profile `default` in "
                            + home.resolve(".aws/credentials") + " or " + home.resolve(".aws/config") + "). Configure"
                            + " AWS credentials or a profile (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE)"
                            + " and AWS_REGION so that the sandbox calls Amazon Bedrock, or give the sandbox a model"
                            + " provider with Sandbox.builder(...).modelProvider(...).");
                });
    }
}
