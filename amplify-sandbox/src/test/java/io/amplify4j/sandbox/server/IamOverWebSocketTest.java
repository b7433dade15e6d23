package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.iam.IdentityPoolException;
import io.amplify4j.sandbox.iam.LocalIdentityPool;
import io.amplify4j.sandbox.iam.TemporaryCredentials;
import io.amplify4j.sandbox.storage.ShopStorageBackend;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * IAM callers on the real-time endpoint, as Amplify JS authorizes them: the connection header holds the SigV4
 * headers of {@code POST <graphql>/connect} with body {@code {}}, each {@code start} those of {@code POST <graphql>}
 * with the start's {@code data} as body. A guest subscribes to notes and receives one a function creates; a forged
 * signature is refused at connect and at start.
 */
class IamOverWebSocketTest {
    static final String ON_CREATE = "subscription { onCreateNote { id text } }";
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new ShopStorageBackend()).banner(null).requestLog(line -> { }).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static TemporaryCredentials guest() {
        LocalIdentityPool pool = sandbox.identityPool().orElseThrow();
        try {
            String id = pool.getId(pool.poolId(), Map.of());
            return pool.getCredentialsForIdentity(id, Map.of()).credentials();
        } catch (IdentityPoolException e) {
            throw new AssertionError(e);
        }
    }

    /** The auth object Amplify JS sends for IAM: the signed request's headers. */
    static Map<String, Object> signedAuth(TemporaryCredentials credentials, String path, String body) {
        URI endpoint = sandbox.graphqlEndpoint();
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("http")
                .host(endpoint.getHost()).port(endpoint.getPort()).encodedPath(path)
                .putHeader("accept", "application/json, text/javascript")
                .putHeader("content-encoding", "amz-1.0")
                .putHeader("content-type", "application/json; charset=UTF-8")
                .build();
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsSessionCredentialsIdentity.create(credentials.accessKeyId(),
                        credentials.secretAccessKey(), credentials.sessionToken()))
                .request(request)
                .payload(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "appsync")
                .putProperty(AwsV4HttpSigner.REGION_NAME, sandbox.region())
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.systemUTC()));
        Map<String, Object> auth = new LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> auth.put(name, values.get(0)));
        if (auth.keySet().stream().noneMatch("host"::equalsIgnoreCase)) {
            auth.put("host", endpoint.getHost() + ":" + endpoint.getPort());
        }
        return auth;
    }

    static String data(String query) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("query", query);
        data.put("variables", Map.of());
        return Ws.json(data);
    }

    @Test
    void aGuestSubscribesWithSignedHeadersAndReceivesWhatAFunctionCreates() {
        TemporaryCredentials guest = guest();
        try (Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), signedAuth(guest, "/graphql/connect", "{}"))) {
            ws.init();
            ws.start("s1", ON_CREATE, Map.of(), signedAuth(guest, "/graphql", data(ON_CREATE)));
            ws.next("start_ack");
            String mutation = "mutation { createNote(input: {text: \"fresh\"}) { id text } }";
            TemporaryCredentials restock = sandbox.functionCredentials("restock");
            String body = Ws.json(Map.of("query", mutation));
            Map<String, Object> headers = signedAuth(restock, "/graphql", body);
            Map<String, String> httpHeaders = new LinkedHashMap<>();
            headers.forEach((name, value) -> {
                if (!List.of("host", "content-length").contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    httpHeaders.put(name, (String) value);
                }
            });
            Http.Response created = Http.post(sandbox.graphqlEndpoint(), httpHeaders, body);
            assertThat(created.errors()).isEmpty();
            Map<String, Object> event = ws.next("data");
            assertThat(event.toString()).contains("text=fresh");
        }
    }

    @Test
    void aForgedSignatureIsRefusedAtConnectAndAtStart() {
        TemporaryCredentials guest = guest();
        TemporaryCredentials forged = new TemporaryCredentials(guest.accessKeyId(), "x" + guest.secretAccessKey(),
                guest.sessionToken(), guest.expiration());
        try (Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), signedAuth(forged, "/graphql/connect", "{}"))) {
            Map<String, Object> refused = ws.next("connection_error");
            assertThat(refused.toString()).contains("UnauthorizedException");
        }
        try (Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), signedAuth(guest, "/graphql/connect", "{}"))) {
            ws.init();
            // Signed for another body than the start's data: the signature does not match.
            ws.start("s2", ON_CREATE, Map.of(), signedAuth(guest, "/graphql", data("subscription { other }")));
            Map<String, Object> error = ws.next("error");
            assertThat(error.toString()).contains("UnauthorizedException", "signature");
        }
    }
}
