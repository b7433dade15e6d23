package io.amplify4j.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.GraphQLRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * IAM requests are signed by the AWS SDK's SigV4 signer: checked against the published SigV4 test suite vector, and
 * end to end by a local server that recomputes the signature of what actually arrived over the wire.
 */
class IamAuthTest {
    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Clock SUITE_CLOCK = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);

    @Test
    void theVerifierReproducesThePostVanillaVectorOfTheSigV4TestSuite() throws Exception {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("host", "example.amazonaws.com");
        headers.put("X-Amz-Date", "20150830T123600Z");
        assertThat(signature("POST", "/", headers, "host;x-amz-date", new byte[0],
                "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request"))
                .isEqualTo("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    }

    @Test
    void signsTheTestSuitesRequestAsTheVerifierExpects() throws Exception {
        IamAuth auth = new IamAuth(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)),
                Region.US_EAST_1, "service", Optional.of(SUITE_CLOCK));
        Map<String, String> signed = auth.headers(new AuthRequest("POST", URI.create("https://example.amazonaws.com/"),
                Map.of(), new byte[0]));
        assertThat(signed).containsEntry("X-Amz-Date", "20150830T123600Z");
        assertThat(signed.keySet()).noneMatch(name -> name.equalsIgnoreCase("host"));
        // The SDK also signs x-amz-content-sha256 (the payload hash), which AWS services accept.
        assertThat(signed.get("Authorization")).startsWith("AWS4-HMAC-SHA256 "
                + "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(signed);
        headers.put("host", "example.amazonaws.com");
        assertThat(verify("POST", "/", headers, new byte[0], "us-east-1", "service")).isEqualTo("valid");
    }

    @Test
    void temporaryCredentialsAddTheSecurityToken() {
        IamAuth auth = new IamAuth(StaticCredentialsProvider.create(
                AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, "session-token")), Region.EU_WEST_1,
                IamAuth.SERVICE, Optional.of(SUITE_CLOCK));
        Map<String, String> headers = auth.headers(AuthRequest.jsonPost(
                URI.create("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql"), "{}".getBytes()));
        assertThat(headers).containsEntry("X-Amz-Security-Token", "session-token");
        assertThat(headers.get("Authorization")).contains("/eu-west-1/appsync/aws4_request")
                .contains("x-amz-security-token");
        Map<String, String> realtime = auth.realtimeAuthorization(
                URI.create("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql/connect"), "{}");
        assertThat(realtime).containsEntry("host", "abc.appsync-api.eu-west-1.amazonaws.com")
                .containsEntry("content-encoding", "amz-1.0").containsKeys("Authorization", "X-Amz-Date");
    }

    @Test
    void aServerRecomputingTheSignatureFromTheWireAcceptsTheClientsRequests() throws Exception {
        AtomicReference<String> verdict = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/graphql", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
            verdict.set(verify(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers, body,
                    "eu-west-1", "appsync"));
            byte[] answer = "{\"data\":{\"ping\":\"pong\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try (GraphQLClient client = GraphQLClient.builder()
                .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql"))
                .auth(AuthProviders.iam(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)), Region.EU_WEST_1))
                .build()) {
            String pong = client.execute(GraphQLRequest.builder(String.class).document("query { ping }")
                    .variable("unicode", "grüße ✓").responseField("ping").build());
            assertThat(pong).isEqualTo("pong");
            assertThat(verdict.get()).isEqualTo("valid");
        } finally {
            server.stop(0);
        }
    }

    /** An independent SigV4 check of a received request: "valid" or what differs. */
    private static String verify(String method, String path, Map<String, String> headers, byte[] body,
            String region, String service) {
        try {
            String authorization = headers.get("Authorization");
            String credential = between(authorization, "Credential=", ",");
            String signedHeaders = between(authorization, "SignedHeaders=", ",");
            String signature = authorization.substring(authorization.indexOf("Signature=") + 10);
            String[] scope = credential.split("/");
            if (!scope[2].equals(region) || !scope[3].equals(service)) {
                return "wrong scope " + credential;
            }
            if (!List.of(signedHeaders.split(";")).contains("host")) {
                return "host is not signed: " + signedHeaders;
            }
            String expected = signature(method, path, headers, signedHeaders, body, credential);
            return expected.equals(signature) ? "valid" : "signature mismatch";
        } catch (Exception e) {
            return "cannot verify: " + e;
        }
    }

    /** SigV4 from its definition: canonical request, string to sign, derived key. */
    private static String signature(String method, String path, Map<String, String> headers, String signedHeaders,
            byte[] body, String credential) throws Exception {
        String[] scope = credential.split("/");
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            canonicalHeaders.append(name).append(':').append(headers.get(name).strip()).append('\n');
        }
        String canonical = String.join("\n", method, path, "", canonicalHeaders.toString(), signedHeaders,
                hex(sha256(body)));
        String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", headers.get("X-Amz-Date"),
                String.join("/", List.of(scope).subList(1, 5)), hex(sha256(canonical.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
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
        return HexFormat.of().formatHex(bytes);
    }
}
