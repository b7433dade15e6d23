package io.amplify4j.sandbox.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.sandbox.js.AuthMode;
import io.amplify4j.sandbox.runtime.Caller;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Callers and checks the SERVER handles before any resolver runs, so they are not rows of the resolver matrix and
 * do not count toward it: ANON (no credentials), KEYX / P2 (an expired API key), C2 (a Lambda authorizer that
 * denies, throws or times out), C1's {@code deniedFields}, and R4 (query depth). AppSync answers these with
 * {@code UnauthorizedException} (401) or a validation error; the sandbox server issue implements the same. What
 * this test pins is the contract that makes it the server's job: resolvers could not tell.
 */
class RejectedBeforeResolversTest {
    static Matrix m;

    @BeforeAll
    static void start() {
        m = new Matrix();
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    @Test
    @DisplayName("ANON: there is no caller without an authorization mode; the server must refuse the request (401)")
    void anonymousHasNoCaller() {
        assertThatThrownBy(() -> new Caller(null, Optional.empty())).isInstanceOf(NullPointerException.class);
        // Every mode the API offers names a credential; none stands for "nobody".
        assertThat(Arrays.stream(AuthMode.values()).map(AuthMode::authType))
                .allMatch(type -> type.endsWith("Authorization"))
                .doesNotContain("None");
    }

    @Test
    @DisplayName("KEYX / P2: an expired key looks exactly like a valid one to resolvers, so expiry is the server's "
            + "check; the plan says when keys expire")
    void expiredKeyIsIndistinguishableToResolvers() {
        Caller key = Caller.apiKey();
        assertThat(key.identity()).isEmpty(); // ctx.identity is null for API keys: nothing to check an expiry on
        assertThat(m.plan.definition().authorizationModes().apiKey().orElseThrow().expiresInDays()).isBetween(1, 365);
    }

    @Test
    @DisplayName("C2: a Lambda authorizer that denies, throws or times out yields no caller at all; only admitted "
            + "callers reach resolvers (and C1's deniedFields are removed by the server from the response)")
    void lambdaCallersAreAdmittedOnes() {
        assertThat(m.plan.definition().authorizationModes().lambdaAuthorizer()).isPresent();
        Caller admitted = Caller.lambda(Map.of("tenant", "t1"));
        assertThat(admitted.authMode()).isEqualTo(AuthMode.LAMBDA);
        assertThat(admitted.identity().orElseThrow()).containsOnlyKeys("resolverContext");
    }

    @Test
    @DisplayName("R4: query depth is not visible to a resolver (one field at a time); queryDepthLimit is the "
            + "server's")
    void depthIsTheServersJob() {
        // A relationship resolver runs with its parent as source, whatever the depth above it.
        Map<String, Object> post = m.seed("Post", AuthorizationMatrixTest.item("title", "t", "owner", "sub-a::alice"));
        assertThat(m.run("Post", "comments", Map.of(), post, Matrix.UA).errors()).isEmpty();
        m.wipe();
    }
}
