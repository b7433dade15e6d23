package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.sandbox.server.auth.AuthenticationException;
import io.amplify4j.sandbox.server.auth.LocalUserPool;
import io.amplify4j.sandbox.server.auth.TokenVerifier;
import io.amplify4j.sandbox.server.junit.SandboxTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * D11: clock skew, signing-key rotation and an unavailable key set. The skew tolerated is
 * {@value TokenVerifier#MAX_CLOCK_SKEW_SECONDS} s on {@code exp} and {@code nbf}; {@code iat} is not held against
 * the clock (Cognito's guidance checks {@code exp}, {@code iss}, {@code aud}/{@code client_id} and
 * {@code token_use}), so a token minted by a clock five minutes fast is accepted while one five minutes past its
 * expiry, or not valid for five more minutes, is refused.
 */
@SandboxTest(definition = TodoBackend.class, users = "alice", logRequests = false)
class TokenSkewAndKeyRotationTest {
    static final String LIST = "{ listTodos { items { id } } }";

    private final Sandbox sandbox;
    private final LocalUserPool pool;

    TokenSkewAndKeyRotationTest(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.pool = sandbox.userPool().orElseThrow();
    }

    private int status(String token) {
        return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", token, LIST, null).status();
    }

    private String aliceToken(Instant issued, Duration validity, Instant notBefore) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(pool.user("alice").orElseThrow().sub())
                .issuer(pool.issuer())
                .audience(pool.clientId())
                .claim("token_use", "id")
                .claim("cognito:username", "alice")
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(validity)));
        if (notBefore != null) {
            claims.notBeforeTime(Date.from(notBefore));
        }
        return pool.sign(claims.build());
    }

    @Test
    void clockSkewOfFiveMinutes() {
        Instant now = Instant.now();
        Duration five = Duration.ofMinutes(5);
        // Issued by a clock five minutes fast, or slow, still within its hour: accepted.
        assertThat(status(aliceToken(now.plus(five), Duration.ofHours(1), null))).isEqualTo(200);
        assertThat(status(aliceToken(now.minus(five), Duration.ofHours(1), null))).isEqualTo(200);
        // Expired five minutes ago: beyond the 60 s tolerance.
        assertThat(status(aliceToken(now.minus(Duration.ofMinutes(65)), Duration.ofHours(1), null))).isEqualTo(401);
        // Expired 30 s ago: within it.
        assertThat(status(aliceToken(now.minusSeconds(3630), Duration.ofHours(1), null))).isEqualTo(200);
        // Not valid for five more minutes, or for 30 s.
        assertThat(status(aliceToken(now, Duration.ofHours(1), now.plus(five)))).isEqualTo(401);
        assertThat(status(aliceToken(now, Duration.ofHours(1), now.plusSeconds(30)))).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRotatedKeyVerifiesAtOnceAndARetiredOneNoLonger() {
        String before = sandbox.idToken("alice");
        String oldKid = pool.signingKeyId();
        String newKid = pool.rotateSigningKey();
        String after = sandbox.idToken("alice");

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(status(before)).isEqualTo(200);
        assertThat(status(after)).isEqualTo(200);
        List<Map<String, Object>> keys = (List<Map<String, Object>>) Http.get(
                sandbox.baseUri().resolve("/.well-known/jwks.json")).body().get("keys");
        assertThat(keys).extracting(k -> k.get("kid")).containsExactly(oldKid, newKid);

        pool.retireKey(oldKid);
        assertThat(status(before)).isEqualTo(401);
        assertThat(status(after)).isEqualTo(200);
        keys = (List<Map<String, Object>>) Http.get(sandbox.baseUri().resolve("/.well-known/jwks.json")).body()
                .get("keys");
        assertThat(keys).extracting(k -> k.get("kid")).containsExactly(newKid);
        assertThatThrownBy(() -> pool.retireKey(newKid)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rotate before retiring it");
    }

    @Test
    void withoutAKeySetEveryTokenIsRefused() throws AuthenticationException {
        String token = sandbox.idToken("alice");
        TokenVerifier working = new TokenVerifier(pool::jwks, pool.issuer(), pool.clientId(), Clock.systemUTC());
        assertThat(working.verify(token)).containsEntry("cognito:username", "alice");

        List<Supplier<JWKSet>> unavailable = List.of(
                () -> {
                    throw new IllegalStateException("JWKS endpoint down");
                },
                () -> null,
                () -> new JWKSet());
        for (Supplier<JWKSet> keys : unavailable) {
            TokenVerifier verifier = new TokenVerifier(keys, pool.issuer(), pool.clientId(), Clock.systemUTC());
            assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AuthenticationException.class)
                    .hasMessage("Valid authorization header not provided.");
        }
    }
}
