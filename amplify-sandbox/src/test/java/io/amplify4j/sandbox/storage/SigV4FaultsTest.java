package io.amplify4j.sandbox.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.iam.TemporaryCredentials;
import io.amplify4j.sandbox.server.Sandbox;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * D13 on the storage endpoint: a request signed with a wrong secret, with expired credentials, for another region
 * or service, at a skewed time, with an unknown key or a foreign session token, or whose body was changed after
 * signing is refused with 403 and an S3 error, and nothing is stored; an unsigned request is AccessDenied.
 */
class SigV4FaultsTest {
    static final MutableClock CLOCK = new MutableClock();
    static Sandbox sandbox;
    static String bucket;
    static TemporaryCredentials admin;
    static String key = "products/fault.txt";

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new ShopStorageBackend()).banner(null).requestLog(line -> { }).clock(CLOCK)
                .user("ada", "a-long-password-3", "ADMINS").start();
        bucket = sandbox.bucketName("media");
        admin = AwsClients.user(sandbox, "ada").credentials();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private static S3Exception putWith(TemporaryCredentials credentials, String region) {
        try (S3Client s3 = AwsClients.s3(sandbox, credentials, region)) {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("x"));
            throw new AssertionError("the upload was accepted");
        } catch (S3Exception e) {
            assertThat(sandbox.storage().store().get(bucket, key)).as("nothing stored").isEmpty();
            return e;
        }
    }

    private static void assertRefused(S3Exception e, String code) {
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    }

    @Test
    void theGenuineRequestIsAccepted() {
        try (S3Client s3 = AwsClients.s3(sandbox, admin)) {
            s3.putObject(r -> r.bucket(bucket).key("products/genuine.txt"), RequestBody.fromBytes(new byte[300_000]));
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("products/genuine.txt")).asByteArray())
                    .hasSize(300_000);
        }
    }

    @Test
    void aWrongSecretIsSignatureDoesNotMatch() {
        // Another first character (a fixed "x" would be no forgery for the one secret in 64 that starts with it).
        String secret = admin.secretAccessKey();
        TemporaryCredentials forged = new TemporaryCredentials(admin.accessKeyId(),
                (secret.charAt(0) == 'x' ? "y" : "x") + secret.substring(1), admin.sessionToken(), admin.expiration());
        assertRefused(putWith(forged, sandbox.region()), "SignatureDoesNotMatch");
    }

    @Test
    void expiredCredentialsAreExpiredToken() {
        CLOCK.advance(Duration.ofHours(1).plusSeconds(1));
        assertRefused(putWith(admin, sandbox.region()), "ExpiredToken");
    }

    @Test
    void anotherRegionIsRefused() {
        S3Exception e = putWith(admin, "eu-west-1");
        assertRefused(e, "AuthorizationHeaderMalformed");
        assertThat(e.awsErrorDetails().errorMessage()).contains("'eu-west-1' is wrong; expecting 'us-east-1'");
    }

    @Test
    void anUnknownAccessKeyOrAForeignSessionTokenIsRefused() {
        assertRefused(putWith(new TemporaryCredentials("ASIAUNKNOWNUNKNOWN12", admin.secretAccessKey(),
                admin.sessionToken(), admin.expiration()), sandbox.region()), "InvalidAccessKeyId");
        TemporaryCredentials other = sandbox.functionCredentials("thumbnails");
        assertRefused(putWith(new TemporaryCredentials(admin.accessKeyId(), admin.secretAccessKey(),
                other.sessionToken(), admin.expiration()), sandbox.region()), "InvalidToken");
    }

    private static SignedRequest signPut(String service, Clock clock, boolean chunked, byte[] body) {
        SdkHttpRequest request = SignedHttp.request(SdkHttpMethod.PUT, sandbox.baseUri(), "/" + bucket + "/" + key)
                .putHeader("Content-Length", Integer.toString(body.length))
                .putHeader("Content-Type", "text/plain")
                .build();
        return SignedHttp.sign(new SignedHttp.Signing(admin, service, sandbox.region(), clock, chunked), request, body);
    }

    @Test
    void anotherServiceIsRefused() {
        byte[] body = "x".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = SignedHttp.send(signPut("appsync", Clock.systemUTC(), false, body), body);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AuthorizationHeaderMalformed</Code>",
                "Credential should be scoped to correct service: 's3'");
        assertThat(sandbox.storage().store().get(bucket, key)).isEmpty();
    }

    @Test
    void aSkewedSigningTimeIsRequestTimeTooSkewed() {
        byte[] body = "x".getBytes(StandardCharsets.UTF_8);
        Clock early = Clock.fixed(Instant.now().minus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        HttpResponse<String> response = SignedHttp.send(signPut("s3", early, false, body), body);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>RequestTimeTooSkewed</Code>");
        // Within the tolerated skew the same request goes through.
        Clock slightlyEarly = Clock.fixed(Instant.now().minus(Duration.ofMinutes(14)), ZoneOffset.UTC);
        assertThat(SignedHttp.send(signPut("s3", slightlyEarly, false, body), body).statusCode()).isEqualTo(200);
        sandbox.storage().store().delete(bucket, key);
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        byte[] body = "the original content".getBytes(StandardCharsets.UTF_8);
        SignedRequest plain = signPut("s3", Clock.systemUTC(), false, body);
        byte[] changed = "the changed! content".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = SignedHttp.send(plain, changed);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");

        SignedRequest chunked = signPut("s3", Clock.systemUTC(), true, body);
        byte[] encoded = SignedHttp.payload(chunked);
        assertThat(SignedHttp.send(chunked, encoded).statusCode()).as("the untouched chunked upload").isEqualTo(200);
        sandbox.storage().store().delete(bucket, key);

        SignedRequest again = signPut("s3", Clock.systemUTC(), true, body);
        byte[] tampered = SignedHttp.payload(again);
        String text = new String(tampered, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("original");
        tampered = Arrays.copyOf(tampered, tampered.length);
        tampered[at] = 'O';
        response = SignedHttp.send(again, tampered);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        assertThat(sandbox.storage().store().get(bucket, key)).isEmpty();
    }

    @Test
    void anUnsignedRequestIsAccessDenied() {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                sandbox.baseUri().resolve("/" + bucket + "/products/x")).GET().build();
        try {
            HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("<Code>AccessDenied</Code>", "<Message>Access Denied</Message>");
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
