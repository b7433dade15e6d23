package io.amplify4j.sandbox.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.sandbox.iam.TemporaryCredentials;
import io.amplify4j.sandbox.server.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * IAM callers on {@code POST /graphql}, signed with SigV4 for {@code appsync}: identity-pool guests and users and
 * functions are admitted exactly by {@code allow.guest()}, {@code allow.authenticated("identityPool")} and
 * {@code allow.resource(fn)}; a function without a grant is refused; bad signatures, expired credentials and
 * another region or service are refused with 403 before any resolver runs (D13).
 */
class GraphqlIamCallersTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final MutableClock CLOCK = new MutableClock();
    static final String LIST = "query { listNotes { items { id text } } }";
    static final String CREATE = "mutation { createNote(input: {text: \"hi\"}) { id text } }";
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new ShopStorageBackend()).banner(null).requestLog(line -> { }).clock(CLOCK)
                .user("alice", "a-long-password-1").start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    record Reply(int status, Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) body.getOrDefault("errors", List.of());
        }

        List<Object> errorTypes() {
            return errors().stream().map(e -> e.get("errorType")).toList();
        }
    }

    @SuppressWarnings("unchecked")
    static Reply call(TemporaryCredentials credentials, String query, String service, String region) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("query", query));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SdkHttpRequest request = SignedHttp.request(SdkHttpMethod.POST, sandbox.baseUri(), "/graphql")
                .putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        HttpResponse<String> response = SignedHttp.send(SignedHttp.sign(new SignedHttp.Signing(credentials, service,
                region, Clock.systemUTC(), false), request, body), body);
        try {
            return new Reply(response.statusCode(), JSON.readValue(response.body(), Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply call(TemporaryCredentials credentials, String query) {
        return call(credentials, query, "appsync", sandbox.region());
    }

    @Test
    void guestsReadButDoNotCreate() {
        TemporaryCredentials guest = AwsClients.guest(sandbox);
        Reply list = call(guest, LIST);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.errors()).isEmpty();
        assertThat(call(guest, CREATE).errorTypes()).containsExactly("Unauthorized");
    }

    @Test
    void signedInIdentitiesReadAndCreate() {
        TemporaryCredentials alice = AwsClients.user(sandbox, "alice").credentials();
        Reply created = call(alice, CREATE);
        assertThat(created.errors()).isEmpty();
        Reply list = call(alice, LIST);
        assertThat(list.errors()).isEmpty();
        assertThat(list.body().toString()).contains("text=hi");
    }

    @Test
    void aGrantedFunctionQueriesAndMutatesAndAnUngrantedOneIsRefused() {
        TemporaryCredentials restock = sandbox.functionCredentials("restock");
        assertThat(call(restock, CREATE).errors()).isEmpty();
        assertThat(call(restock, LIST).errors()).isEmpty();
        TemporaryCredentials recommend = sandbox.functionCredentials("recommend");
        assertThat(call(recommend, LIST).errorTypes()).containsExactly("Unauthorized");
        assertThat(call(recommend, CREATE).errorTypes()).containsExactly("Unauthorized");
    }

    @Test
    void badSignaturesAreRefusedWith403() {
        TemporaryCredentials alice = AwsClients.user(sandbox, "alice").credentials();
        TemporaryCredentials forged = new TemporaryCredentials(alice.accessKeyId(), alice.secretAccessKey() + "x",
                alice.sessionToken(), alice.expiration());
        Reply bad = call(forged, LIST);
        assertThat(bad.status()).isEqualTo(403);
        assertThat(bad.errorTypes()).containsExactly("InvalidSignatureException");
        assertThat(bad.errors().get(0).get("message").toString()).startsWith("The request signature we calculated");

        Reply region = call(alice, LIST, "appsync", "eu-west-1");
        assertThat(region.status()).isEqualTo(403);
        assertThat(region.errorTypes()).containsExactly("InvalidSignatureException");

        Reply service = call(alice, LIST, "s3", sandbox.region());
        assertThat(service.status()).isEqualTo(403);
        assertThat(service.errors().get(0).get("message").toString())
                .contains("Credential should be scoped to correct service: 'appsync'");

        CLOCK.advance(Duration.ofHours(2));
        Reply expired = call(alice, LIST);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.errorTypes()).containsExactly("ExpiredTokenException");
    }

    @Test
    void noMutationHappensWhenTheSignatureIsBad() {
        TemporaryCredentials restock = sandbox.functionCredentials("restock");
        TemporaryCredentials forged = new TemporaryCredentials(restock.accessKeyId(), "0" + restock.secretAccessKey(),
                restock.sessionToken(), restock.expiration());
        sandbox.resetData();
        assertThat(call(forged, CREATE).status()).isEqualTo(403);
        assertThat(call(restock, LIST).body().toString()).doesNotContain("text=hi");
    }
}
