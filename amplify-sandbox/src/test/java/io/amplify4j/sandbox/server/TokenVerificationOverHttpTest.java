package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.sandbox.server.auth.LocalUserPool;
import io.amplify4j.sandbox.server.junit.SandboxTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** D10 over the wire: every token that is not exactly one the local user pool issued is refused with 401. */
@SandboxTest(definition = TodoBackend.class, users = {"alice", "admin:Admin"})
class TokenVerificationOverHttpTest {
    static final String LIST = "{ listTodos { items { id } } }";

    private final Sandbox sandbox;
    private final LocalUserPool pool;

    TokenVerificationOverHttpTest(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.pool = sandbox.userPool().orElseThrow();
    }

    private Http.Response withToken(String token) {
        return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", token, LIST, null);
    }

    private void assertRefused(Http.Response response, String message) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(Map.of("errors",
                List.of(Map.of("errorType", "UnauthorizedException", "message", message))));
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnauthorizedException");
    }

    /** Valid claims of alice's ID token, changed by {@code change}, signed by the pool's own key. */
    private String signedByThePool(UnaryOperator<JWTClaimsSet.Builder> change) {
        return pool.sign(change.apply(aliceClaims()).build());
    }

    private JWTClaimsSet.Builder aliceClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(pool.user("alice").orElseThrow().sub())
                .issuer(pool.issuer())
                .audience(pool.clientId())
                .claim("token_use", "id")
                .claim("cognito:username", "alice")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    @Test
    void idAndAccessTokensOfThePoolAreAccepted() {
        assertThat(withToken(sandbox.idToken("alice")).status()).isEqualTo(200);
        assertThat(withToken(sandbox.accessToken("alice")).status()).isEqualTo(200);
        assertThat(withToken(signedByThePool(b -> b)).status()).isEqualTo(200);
        assertThat(Http.graphql(sandbox.graphqlEndpoint(), "Authorization", "Bearer " + sandbox.idToken("alice"),
                LIST, null).status()).isEqualTo(200);
    }

    @Test
    void expiredTokensAreRefused() {
        String expired = pool.tokensFor("alice", Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1))
                .idToken();
        assertRefused(withToken(expired), "Token has expired.");
        // Within the 60 s skew it still passes; beyond it, it does not.
        String justExpired = signedByThePool(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(30))));
        assertThat(withToken(justExpired).status()).isEqualTo(200);
        String pastSkew = signedByThePool(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(120))));
        assertRefused(withToken(pastSkew), "Token has expired.");
    }

    @Test
    void tokensNotYetValidAreRefused() {
        String future = signedByThePool(b -> b.notBeforeTime(Date.from(Instant.now().plusSeconds(600))));
        assertRefused(withToken(future), "Valid authorization header not provided.");
    }

    @Test
    void wrongIssuerAudienceOrTokenUseIsRefused() {
        String message = "Valid authorization header not provided.";
        assertRefused(withToken(signedByThePool(b -> b.issuer("https://cognito-idp.us-east-1.amazonaws.com/x"))),
                message);
        assertRefused(withToken(signedByThePool(b -> b.audience("another-client"))), message);
        assertRefused(withToken(signedByThePool(b -> b.claim("token_use", "refresh"))), message);
        assertRefused(withToken(signedByThePool(b -> b.claim("token_use", "access"))), message); // no client_id
        assertRefused(withToken(signedByThePool(b -> b.claim("token_use", null))), message);
        assertRefused(withToken(signedByThePool(b -> b.subject(null))), message);
        assertRefused(withToken(signedByThePool(b -> b.expirationTime(null))), message);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        LocalUserPool foreign = new LocalUserPool(sandbox.baseUri().toString(), Clock.systemUTC(), 8);
        assertRefused(withToken(foreign.sign(aliceClaims().build())), "Valid authorization header not provided.");
    }

    @Test
    void anAlteredPayloadIsRefused() {
        String[] parts = sandbox.idToken("alice").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"cognito:username\"", "\"cognito:groups\":[\"Admin\"],\"cognito:username\"");
        assertThat(forged).isNotEqualTo(payload);
        String token = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefused(withToken(token), "Valid authorization header not provided.");
    }

    @Test
    void unsignedAndHmacTokensAreRefused() throws JOSEException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = b64.encodeToString(aliceClaims().build().toString().getBytes(StandardCharsets.UTF_8));
        String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
        assertRefused(withToken(none), "Unable to parse JWT token.");

        // HS256 keyed with the public key's bytes: the classic algorithm confusion.
        RSAKey publicKey = (RSAKey) pool.jwks().getKeys().get(0);
        byte[] secret = publicKey.toRSAPublicKey().getEncoded();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build(),
                aliceClaims().build());
        hmac.sign(new MACSigner(secret));
        assertRefused(withToken(hmac.serialize()), "Valid authorization header not provided.");
    }

    @Test
    void garbageAndMissingCredentialsAreRefused() {
        assertRefused(withToken("not-a-token"), "Unable to parse JWT token.");
        assertRefused(Http.graphql(sandbox.graphqlEndpoint(), null, null, LIST, null), "Missing authorization header");
        assertRefused(Http.graphql(sandbox.graphqlEndpoint(), "x-api-key", "da2-aaaaaaaaaaaaaaaaaaaaaaaaaa", LIST,
                null), "You are not authorized to make this call.");
    }

    @Test
    void theJwksServesThePublicKeyOnly() {
        Http.Response jwks = Http.get(sandbox.baseUri().resolve("/.well-known/jwks.json"));
        assertThat(jwks.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.body().get("keys");
        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key).containsEntry("kty", "RSA").containsEntry("alg", "RS256").containsEntry("use", "sig")
                    .containsKeys("kid", "n", "e").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        });
        Http.Response cognitoPath = Http.get(sandbox.baseUri().resolve("/" + pool.poolId() + "/.well-known/jwks.json"));
        assertThat(cognitoPath.body()).isEqualTo(jwks.body());
    }
}
