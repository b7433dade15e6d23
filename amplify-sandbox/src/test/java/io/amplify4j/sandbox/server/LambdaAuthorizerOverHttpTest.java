package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.faults.FunctionsBackend;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * D14 and the {@code AWS_LAMBDA} mode over HTTP and the real-time WebSocket: the authorizer's allow reaches the
 * resolvers as {@code ctx.identity.resolverContext}; a timeout, a throw or a malformed answer denies (401) and is
 * not cached; an allow is honoured only within its TTL ({@code ttlOverride} or the definition's), on the sandbox's
 * clock. Also the auth triggers of the local user pool (pre sign-up, pre token generation).
 */
class LambdaAuthorizerOverHttpTest {
    static final SandboxLifecycleTest.MovableClock CLOCK = new SandboxLifecycleTest.MovableClock();
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new FunctionsBackend()).clock(CLOCK).banner(null).requestLog(line -> {}).start();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static Http.Response whoami(String token) {
        return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", token, "query Who { whoami }", null);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resolverContext(Http.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.errors()).isEmpty();
        Map<String, Object> answer = FunctionFaultsOverHttpTest.parse((String) response.data("whoami"));
        return (Map<String, Object>) ((Map<String, Object>) answer.get("identity")).get("resolverContext");
    }

    static void assertDenied(Http.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(401);
        assertThat(response.errorTypes()).containsExactly("UnauthorizedException");
        assertThat(response.text()).doesNotContain("Exception:", "java.", "unavailable");
    }

    @Test
    void anAllowReachesTheResolversAsResolverContext() {
        Map<String, Object> context = resolverContext(whoami("ok-alice"));
        assertThat(context).containsEntry("token", "ok-alice").containsKey("calls");
    }

    @Test
    void aDenyIsUnauthorized() {
        assertDenied(whoami("nobody"));
    }

    @Test
    void errorsTimeoutsAndMalformedAnswersDeny() {
        for (String token : List.of("throw", "sleep", "malformed", "badcontext", "badttl", "text")) {
            assertDenied(whoami(token));
        }
        assertThat(resolverContext(whoami("ok-after-faults"))).containsEntry("token", "ok-after-faults");
    }

    @Test
    void aFailureIsNeverCached() {
        assertDenied(whoami("flaky-bob"));
        assertThat(resolverContext(whoami("flaky-bob"))).containsEntry("calls", "2");
    }

    @Test
    void anAllowIsCachedForTheDefinitionsTtlAndNoLonger() {
        assertThat(resolverContext(whoami("ok-carol"))).containsEntry("calls", "1");
        CLOCK.advance(Duration.ofSeconds(FunctionsBackend.AUTHORIZER_TTL - 1));
        assertThat(resolverContext(whoami("ok-carol"))).containsEntry("calls", "1");
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(resolverContext(whoami("ok-carol"))).containsEntry("calls", "2");
    }

    @Test
    void ttlOverrideWinsOverTheDefinitionsTtl() {
        assertThat(resolverContext(whoami("nocache-dan"))).containsEntry("calls", "1");
        assertThat(resolverContext(whoami("nocache-dan"))).containsEntry("calls", "2");
        assertThat(resolverContext(whoami("ttl5-erin"))).containsEntry("calls", "1");
        CLOCK.advance(Duration.ofSeconds(4));
        assertThat(resolverContext(whoami("ttl5-erin"))).containsEntry("calls", "1");
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(resolverContext(whoami("ttl5-erin"))).containsEntry("calls", "2");
    }

    @Test
    void modelRulesAdmitLambdaCallersThroughAllowCustom() {
        Http.Response created = Http.graphql(sandbox.graphqlEndpoint(), "Authorization", "ok-frank",
                "mutation { createNote(input: {text: \"from a partner\"}) { id text } }", null);
        assertThat(created.errors()).isEmpty();
        assertThat(created.dataMap("createNote")).containsEntry("text", "from a partner");
    }

    @Test
    void theRealtimeConnectionAndEachStartAreAuthorizedByTheAuthorizer() {
        Map<String, Object> auth = Ws.auth(sandbox.graphqlEndpoint(), "Authorization", "ok-grace");
        try (Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), auth)) {
            ws.init();
            ws.start("s1", "subscription { onCreateNote { id text } }", Map.of(), auth);
            ws.next("start_ack");
            ws.start("s2", "subscription { onCreateNote { id } }", Map.of(),
                    Ws.auth(sandbox.graphqlEndpoint(), "Authorization", "throw"));
            Map<String, Object> refused = ws.next("error");
            assertThat(refused.get("id")).isEqualTo("s2");
            assertThat(refused.toString()).contains("UnauthorizedException");
            Http.Response created = Http.graphql(sandbox.graphqlEndpoint(), "x-api-key",
                    sandbox.apiKey().orElseThrow(), "mutation { createNote(input: {text: \"hi\"}) { id text } }", null);
            assertThat(created.errors()).isEmpty();
            Map<String, Object> data = ws.next("data");
            assertThat(data.get("id")).isEqualTo("s1");
            assertThat(data.toString()).contains("hi");
        }
        for (String token : List.of("sleep", "nobody")) {
            try (Ws ws = Ws.withQueryAuth(sandbox.realtimeEndpoint(),
                    Ws.auth(sandbox.graphqlEndpoint(), "Authorization", token))) {
                Map<String, Object> error = ws.next("connection_error");
                assertThat(error.toString()).contains("UnauthorizedException", "401");
            }
        }
    }

    @Test
    void preSignUpRefusesAndPreTokenGenerationChangesClaims() {
        Map<String, String> json = Map.of("content-type", "application/json");
        Http.Response refused = Http.post(sandbox.baseUri().resolve("/__sandbox/users"), json,
                "{\"username\":\"blocked-eve\",\"password\":\"a-long-password\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("UserLambdaValidationException",
                "PreSignUp failed with error Sign-ups from blocked-eve are closed.");
        assertThat(sandbox.userPool().orElseThrow().user("blocked-eve")).isEmpty();

        Http.Response created = Http.post(sandbox.baseUri().resolve("/__sandbox/users"), json,
                "{\"username\":\"heidi\",\"password\":\"a-long-password\",\"groups\":[\"STAFF\"],"
                        + "\"attributes\":{\"email\":\"heidi@example.com\"}}");
        assertThat(created.status()).isEqualTo(201);
        Http.Response signedIn = Http.post(sandbox.baseUri().resolve("/__sandbox/sign-in"), json,
                "{\"username\":\"heidi\",\"password\":\"a-long-password\"}");
        assertThat(signedIn.status()).isEqualTo(200);
        String idToken = (String) signedIn.body().get("idToken");
        Map<String, Object> claims = FunctionFaultsOverHttpTest.parse(new String(
                Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(claims).containsEntry("tier", "gold").containsEntry("cognito:groups", List.of("VIP"))
                .doesNotContainKey("email")
                .containsEntry("sub", sandbox.userPool().orElseThrow().user("heidi").orElseThrow().sub());
        Http.Response call = Http.graphql(sandbox.graphqlEndpoint(), "Authorization", idToken,
                "{ listNotes { items { id } } }", null);
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.errors()).isEmpty();
    }
}
