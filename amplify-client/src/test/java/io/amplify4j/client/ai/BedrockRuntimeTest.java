package io.amplify4j.client.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class BedrockRuntimeTest {
    static final String MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
    static final String ACCESS_KEY = "AKIDEXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    FakeBedrock fake;
    BedrockRuntime bedrock;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeBedrock();
        bedrock = BedrockRuntime.builder().region("eu-west-1").endpoint(fake.endpoint())
                .credentials(StaticCredentialsProvider.create(AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY,
                        "session-token")))
                .build();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    static ObjectNode request(String text) {
        ObjectNode request = FakeBedrock.JSON.createObjectNode();
        request.putArray("messages").addObject().put("role", "user").putArray("content").addObject()
                .put("text", text);
        return request;
    }

    @Test
    void converseStreamIsSignedForBedrockOverTheExactBody() throws Exception {
        fake.stream(FakeBedrock.textAnswer("end_turn", "Hel", "lo"));
        List<String> text = new ArrayList<>();
        try (ConverseStream events = bedrock.converseStream(MODEL, request("Hi"))) {
            events.forEachRemaining(e -> e.textDelta().ifPresent(text::add));
        }
        assertThat(text).containsExactly("Hel", "lo");

        FakeBedrock.Received received = fake.received.get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.rawPath()).isEqualTo("/bedrock/model/anthropic.claude-3-5-haiku-20241022-v1%3A0"
                + "/converse-stream");
        assertThat(received.json()).isEqualTo(request("Hi"));
        assertThat(received.headers().getFirst("Accept")).isEqualTo("application/vnd.amazon.eventstream");
        assertThat(received.headers().getFirst("X-Amz-Security-Token")).isEqualTo("session-token");
        String amzDate = received.headers().getFirst("X-Amz-Date");
        assertThat(amzDate).matches("\\d{8}T\\d{6}Z");
        String authorization = received.headers().getFirst("Authorization");
        Matcher m = Pattern.compile("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/(\\d{8})/eu-west-1/bedrock/"
                + "aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})").matcher(authorization);
        assertThat(m.matches()).as(authorization).isTrue();
        assertThat(m.group(2).split(";")).contains("host", "x-amz-date", "content-type");

        // Recomputed independently of the SDK: the signature covers the body's SHA-256, so this also proves that the
        // signed payload is exactly the bytes sent.
        assertThat(m.group(3)).isEqualTo(signature(received, m.group(1), m.group(2), amzDate));
        byte[] tampered = received.body().clone();
        tampered[tampered.length - 3] ^= 1;
        assertThat(signature(new FakeBedrock.Received(received.method(), received.rawPath(), received.headers(),
                tampered), m.group(1), m.group(2), amzDate)).isNotEqualTo(m.group(3));
    }

    /** SigV4 as AWS documents it, for service bedrock (double-encoded path, as for every service but S3). */
    private static String signature(FakeBedrock.Received request, String date, String signedHeaders,
            String amzDate) throws Exception {
        StringBuilder canonicalUri = new StringBuilder();
        for (String segment : request.rawPath().split("/", -1)) {
            if (canonicalUri.length() > 0 || !segment.isEmpty()) {
                canonicalUri.append('/');
            }
            canonicalUri.append(segment.replace("%", "%25"));
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            String value = request.headers().getFirst(name);
            canonicalHeaders.append(name).append(':').append(value.strip()).append('\n');
        }
        String canonical = request.method() + "\n" + canonicalUri + "\n\n" + canonicalHeaders + "\n"
                + signedHeaders + "\n" + hex(sha256(request.body()));
        String scope = date + "/eu-west-1/bedrock/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, "eu-west-1");
        key = hmac(key, "bedrock");
        key = hmac(key, "aws4_request");
        return hex(hmac(key, toSign));
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
    }

    @Test
    void converseAnswersTheResponseJson() throws Exception {
        String answer = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"Hello\"}]}},"
                + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":3,\"outputTokens\":1,\"totalTokens\":4}}";
        fake.json(answer).json(answer);
        JsonNode response = bedrock.converse(MODEL, request("Hi"));
        assertThat(response).isEqualTo(FakeBedrock.JSON.readTree(answer));
        assertThat(bedrock.converseAsync(MODEL, request("Hi")).get()).isEqualTo(response);
        assertThat(fake.received).extracting(FakeBedrock.Received::rawPath)
                .containsExactly("/bedrock/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse",
                        "/bedrock/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse");
        assertThat(fake.received.get(0).headers().getFirst("Accept")).isEqualTo("application/json");
    }

    @Test
    void accessDeniedSaysToEnableTheModel() {
        fake.error(403, "AccessDeniedException", "You don't have access to the model with the specified model ID.");
        assertThatThrownBy(() -> bedrock.converseStream(MODEL, request("Hi")))
                .isInstanceOfSatisfying(BedrockException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("AccessDeniedException");
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.isRetryable()).isFalse();
                })
                .hasMessageStartingWith("Bedrock AccessDeniedException (HTTP 403) for model `" + MODEL + "`: You"
                        + " don't have access to the model with the specified model ID. Enable access to `" + MODEL
                        + "` in the Amazon Bedrock console (Model access) in eu-west-1 (endpoint "
                        + fake.endpoint() + ")");
    }

    @Test
    void throttlingIsRetryableAndSaysSo() {
        fake.error(429, "ThrottlingException", "Too many requests, please wait before trying again.");
        assertThatThrownBy(() -> bedrock.converse(MODEL, request("Hi")))
                .isInstanceOfSatisfying(BedrockException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("Bedrock is throttling requests to `" + MODEL + "`: retry after a pause");
    }

    @Test
    void validationNamesWhatToCheck() {
        fake.error(400, "ValidationException", "Invocation of model ID " + MODEL + " with on-demand throughput"
                + " isn't supported.");
        assertThatThrownBy(() -> bedrock.converseStream(MODEL, request("Hi")))
                .isInstanceOfSatisfying(BedrockException.class,
                        e -> assertThat(e.errorType()).isEqualTo("ValidationException"))
                .hasMessageContaining("isn't supported. Bedrock rejected the request: check that `" + MODEL
                        + "` is offered in eu-west-1")
                .hasMessageContaining("`us." + MODEL + "`");
    }

    @Test
    void anUnreachableEndpointIsATransportError() {
        fake.close();
        assertThatThrownBy(() -> bedrock.converseStream(MODEL, request("Hi")))
                .isInstanceOfSatisfying(BedrockException.class,
                        e -> assertThat(e.errorType()).isEqualTo(BedrockException.TRANSPORT))
                .hasMessageContaining("Check that the endpoint is reachable");
    }

    @Test
    void theEnvironmentChoosesEndpointRegionAndCredentials() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-west-2");
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        BedrockRuntime cloud = BedrockRuntime.fromEnvironment(env::get);
        assertThat(cloud.endpoint()).hasToString("https://bedrock-runtime.us-west-2.amazonaws.com");
        assertThat(cloud.region().id()).isEqualTo("us-west-2");

        env.put(BedrockRuntime.ENDPOINT_VARIABLE, fake.endpoint().toString());
        BedrockRuntime local = BedrockRuntime.fromEnvironment(env::get);
        assertThat(local.endpoint()).isEqualTo(fake.endpoint());
        fake.stream(FakeBedrock.textAnswer("end_turn", "ok"));
        try (ConverseStream events = local.converseStream(MODEL, request("Hi"))) {
            assertThat(events.stream().count()).isEqualTo(5);
        }
        assertThat(fake.received.get(0).headers().getFirst("Authorization"))
                .contains("/us-west-2/bedrock/aws4_request");

        assertThatThrownBy(() -> BedrockRuntime.fromEnvironment(name -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("set AWS_REGION");
    }

    @Test
    void modelIdsArePercentEncodedAsOnePathSegment() {
        assertThat(BedrockRuntime.encodePathSegment("us.anthropic.claude-3-7-sonnet-20250219-v1:0"))
                .isEqualTo("us.anthropic.claude-3-7-sonnet-20250219-v1%3A0");
        assertThat(BedrockRuntime.encodePathSegment("arn:aws:bedrock:us-east-1:1:inference-profile/x"))
                .isEqualTo("arn%3Aaws%3Abedrock%3Aus-east-1%3A1%3Ainference-profile%2Fx");
    }
}
