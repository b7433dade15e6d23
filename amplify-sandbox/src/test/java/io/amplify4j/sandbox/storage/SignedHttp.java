package io.amplify4j.sandbox.storage;

import io.amplify4j.sandbox.iam.TemporaryCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Requests signed by hand with the SDK's signer and sent with the JDK's HTTP client: for the cases an SDK client
 * never produces (another service's scope, a skewed clock, a body changed after signing).
 */
final class SignedHttp {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** Headers the JDK client sets itself (with the same values the signer signed). */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private SignedHttp() {}

    /** What to sign: the settings an SDK client would use, adjustable per test. */
    record Signing(TemporaryCredentials credentials, String service, String region, Clock clock, boolean chunked) {}

    static SignedRequest sign(Signing signing, SdkHttpRequest request, byte[] body) {
        return AwsV4HttpSigner.create().sign((Consumer<SignRequest.Builder<AwsCredentialsIdentity>>) r -> {
            r.identity(AwsSessionCredentialsIdentity.create(signing.credentials().accessKeyId(),
                            signing.credentials().secretAccessKey(), signing.credentials().sessionToken()))
                    .request(request)
                    .payload(() -> new ByteArrayInputStream(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signing.service())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region())
                    .putProperty(HttpSigner.SIGNING_CLOCK, signing.clock());
            if (signing.service().equals("s3")) {
                r.putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false);
            }
            if (signing.chunked()) {
                r.putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, true)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true);
            }
        });
    }

    static SdkHttpRequest.Builder request(SdkHttpMethod method, URI base, String encodedPath) {
        return SdkHttpRequest.builder().method(method).protocol("http").host(base.getHost()).port(base.getPort())
                .encodedPath(encodedPath);
    }

    /** Sends a signed request, with {@code body} (possibly changed after signing). */
    static HttpResponse<String> send(SignedRequest signed, byte[] body) {
        SdkHttpRequest request = signed.request();
        HttpRequest.Builder out = HttpRequest.newBuilder(request.getUri())
                .method(request.method().name(), body.length == 0 && request.method() != SdkHttpMethod.PUT
                        && request.method() != SdkHttpMethod.POST
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(value -> out.header(header.getKey(), value));
            }
        }
        try {
            return CLIENT.send(out.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The signed payload (for chunked signing: the aws-chunked encoding with its signatures). */
    static byte[] payload(SignedRequest signed) {
        try (var in = signed.payload().orElseThrow().newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
