package io.amplify4j.client.auth;

import io.amplify4j.client.AuthMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * {@link AuthMode#IAM}: AWS Signature Version 4 by the AWS SDK for Java v2's own signer ({@link AwsV4HttpSigner}),
 * for service {@code appsync}. Returns every header the signer set ({@code Authorization}, {@code X-Amz-Date},
 * {@code X-Amz-Security-Token} for temporary credentials, ...) except {@code Host}, which the HTTP client derives
 * from the same URI.
 *
 * <p>Needs {@code software.amazon.awssdk:http-auth-aws}, {@code auth} and {@code regions} on the class path.
 */
final class IamAuth implements AuthProvider {
    static final String SERVICE = "appsync";

    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final String service;
    private final Optional<Clock> clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    IamAuth(AwsCredentialsProvider credentials, Region region, String service, Optional<Clock> clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuthMode mode() {
        return AuthMode.IAM;
    }

    @Override
    public Map<String, String> headers(AuthRequest request) {
        SdkHttpRequest.Builder http = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method()))
                .uri(request.uri());
        request.headers().forEach(http::putHeader);
        AwsCredentials identity = credentials.resolveCredentials();
        byte[] body = request.body();
        SignedRequest signed = signer.sign(sign -> {
            sign.identity(identity)
                    .request(http.build())
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region.id());
            clock.ifPresent(c -> sign.putProperty(HttpSigner.SIGNING_CLOCK, c));
        });
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            String name = header.getKey();
            if (name.toLowerCase(Locale.ROOT).equals("host") || request.headers().containsKey(name)) {
                continue;
            }
            out.put(name, String.join(",", header.getValue()));
        }
        return out;
    }

    @Override
    public Map<String, String> realtimeAuthorization(java.net.URI graphqlEndpoint, String body) {
        // AppSync's real-time IAM handshake signs these exact headers along with the JSON body.
        Map<String, String> signedHeaders = new LinkedHashMap<>();
        signedHeaders.put("accept", "application/json, text/javascript");
        signedHeaders.put("content-encoding", "amz-1.0");
        signedHeaders.put("content-type", "application/json; charset=UTF-8");
        AuthRequest request = new AuthRequest("POST", graphqlEndpoint, signedHeaders,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, String> out = new LinkedHashMap<>();
        out.put("host", AuthProvider.hostOf(graphqlEndpoint));
        out.putAll(signedHeaders);
        out.putAll(headers(request));
        return out;
    }

    @Override
    public String toString() {
        return "IamAuth[" + region.id() + "/" + service + "]";
    }
}
