package io.amplify4j.sandbox.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.iam.TemporaryCredentials;
import io.amplify4j.sandbox.server.Sandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned URLs (what Amplify's {@code getUrl} hands a browser): a URL presigned by the SDK's presigner with an
 * identity's credentials works without any header until it expires, carries exactly that identity's access, and
 * any change to it breaks the signature.
 */
class PresignedUrlTest {
    static final MutableClock CLOCK = new MutableClock();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static Sandbox sandbox;
    static AwsClients.Identity alice;
    static String bucket;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new ShopStorageBackend()).banner(null).requestLog(line -> { }).clock(CLOCK)
                .user("alice", "a-long-password-1").start();
        bucket = sandbox.bucketName("media");
        alice = AwsClients.user(sandbox, "alice");
        try (S3Client s3 = AwsClients.s3(sandbox, alice.credentials())) {
            s3.putObject(r -> r.bucket(bucket).key(own("photo 1.png")), RequestBody.fromString("pixels"));
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    static String own(String name) {
        return "uploads/" + alice.identityId() + "/" + name;
    }

    static URI presign(TemporaryCredentials credentials, String key, Duration validity) {
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(sandbox.baseUri())
                .region(Region.of(sandbox.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())))
                .build()) {
            return URI.create(presigner.presignGetObject(r -> r.signatureDuration(validity)
                    .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString());
        }
    }

    static HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPresignedUrlWorksUntilItExpires() {
        URI url = presign(alice.credentials(), own("photo 1.png"), Duration.ofMinutes(5));
        HttpResponse<String> response = get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("pixels");
        CLOCK.advance(Duration.ofMinutes(6));
        HttpResponse<String> expired = get(url);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code>", "Request has expired");
    }

    @Test
    void aPresignedUrlCarriesOnlyItsSignersAccess() {
        TemporaryCredentials guest = AwsClients.guest(sandbox);
        HttpResponse<String> response = get(presign(guest, own("photo 1.png"), Duration.ofMinutes(5)));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AccessDenied</Code>", "<Message>Access Denied</Message>");
    }

    @Test
    void aChangedUrlIsRefused() {
        URI url = presign(alice.credentials(), own("photo 1.png"), Duration.ofMinutes(5));
        URI otherKey = URI.create(url.toString().replace("photo%201.png", "photo%202.png"));
        assertThat(get(otherKey).body()).contains("<Code>SignatureDoesNotMatch</Code>");
        URI longer = URI.create(url.toString().replace("X-Amz-Expires=300", "X-Amz-Expires=3000"));
        assertThat(longer).isNotEqualTo(url);
        assertThat(get(longer).body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }
}
