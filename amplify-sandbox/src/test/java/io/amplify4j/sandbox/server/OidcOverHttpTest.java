package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.sandbox.server.auth.AuthenticationException;
import io.amplify4j.sandbox.server.auth.TokenVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OIDC callers over HTTP: the shop's partner OIDC provider, its key set served by a local JWKS server on
 * 127.0.0.1. Tokens are verified with the user pool verifier's strictness (RS256 only, known {@code kid}, valid
 * signature, exact issuer, audience = client id, times with bounded skew); key rotation works by refetching for an
 * unknown {@code kid}; when the key set cannot be fetched, tokens with keys not yet known are refused.
 */
class OidcOverHttpTest {
    static final String ISSUER = "https://login.partners.example.com";
    static final String CLIENT_ID = "shop";
    static final String TICKETS = "{ listSupportTickets { items { id } } }";
    static final SandboxLifecycleTest.MovableClock CLOCK = new SandboxLifecycleTest.MovableClock();
    static final AtomicReference<String> JWKS = new AtomicReference<>();
    static final AtomicInteger JWKS_STATUS = new AtomicInteger(200);
    static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
    static RSAKey first;
    static HttpServer jwksServer;
    static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        first = key("k1");
        JWKS.set(new JWKSet(first.toPublicJWK()).toString());
        jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwksServer.createContext("/.well-known/jwks.json", exchange -> {
            JWKS_FETCHES.incrementAndGet();
            byte[] body = JWKS.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(JWKS_STATUS.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwksServer.start();
        sandbox = Sandbox.builder(new ShopBackend())
                .projectDirectory(ShopFunctionsOverHttpTest.shopProject())
                .functionHandler("thumbnails", new ShopFunctionsOverHttpTest.Thumbnails())
                .oidcJwks(jwksUri())
                .clock(CLOCK)
                .banner(null)
                .requestLog(line -> {})
                .start();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (jwksServer != null) {
            jwksServer.stop(0);
        }
    }

    static URI jwksUri() {
        return URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/.well-known/jwks.json");
    }

    static RSAKey key(String kid) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256).generate();
    }

    static JWTClaimsSet.Builder claims() {
        Instant now = CLOCK.instant();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT_ID)
                .subject("partner-user-1")
                .claim("groups", List.of("partner-support"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static String sign(Consumer<JWTClaimsSet.Builder> change) throws JOSEException {
        JWTClaimsSet.Builder builder = claims();
        change.accept(builder);
        return sign(first, builder.build());
    }

    static Http.Response tickets(String token) {
        return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", token, TICKETS, null);
    }

    static void assertRefused(String token) {
        Http.Response response = tickets(token);
        assertThat(response.status()).as(response.text()).isEqualTo(401);
        assertThat(response.errorTypes()).containsExactly("UnauthorizedException");
    }

    @Test
    void aValidTokenOfTheProviderIsAnOidcCaller() throws JOSEException {
        Http.Response response = tickets(sign(b -> {}));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.errors()).isEmpty();
        assertThat(tickets("Bearer " + sign(b -> {})).status()).isEqualTo(200);
    }

    @Test
    void everyBadTokenIsRefused() throws JOSEException {
        assertRefused(sign(b -> b.audience("another-client")));
        assertRefused(sign(b -> b.audience((String) null)));
        assertRefused(sign(b -> b.expirationTime(Date.from(CLOCK.instant().minus(Duration.ofMinutes(5))))));
        assertRefused(sign(b -> b.notBeforeTime(Date.from(CLOCK.instant().plus(Duration.ofMinutes(5))))));
        assertRefused(sign(b -> b.subject(null)));
        // Signed by a key the provider never published, under a kid it did.
        assertRefused(sign(key("k1"), claims().build()));
        // A valid token with its payload changed: more groups.
        String valid = sign(b -> {});
        String[] parts = valid.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(claims()
                .claim("groups", List.of("ADMINS")).build().toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(parts[0] + "." + forged + "." + parts[2]);
        // HS256 keyed with the public key, and alg none.
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        hmac.sign(new MACSigner(first.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertRefused(hmac.serialize());
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        assertRefused(none);
    }

    @Test
    void rotatedKeysAreFetchedAndAnUnreachableKeySetFailsClosed() throws JOSEException {
        RSAKey second = key("k2");
        JWKS.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())).toString());
        Http.Response rotated = tickets(sign(second, claims().build()));
        assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);

        RSAKey third = key("k3");
        JWKS_STATUS.set(500);
        try {
            assertRefused(sign(third, claims().build()));
        } finally {
            JWKS_STATUS.set(200);
        }
    }

    @Test
    void theTokensAgeSinceIssueAndAuthenticationIsBoundedWhenConfigured() throws Exception {
        TokenVerifier verifier = TokenVerifier.oidc(jwksUri().toURL(), ISSUER, Optional.of(CLIENT_ID), 600, 300, CLOCK);
        Instant now = CLOCK.instant();
        String fresh = sign(b -> b.claim("auth_time", now.getEpochSecond()));
        assertThat(verifier.verify(fresh)).containsEntry("sub", "partner-user-1");
        String issuedLongAgo = sign(b -> b.issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .claim("auth_time", now.getEpochSecond()));
        assertThatThrownBy(() -> verifier.verify(issuedLongAgo)).isInstanceOf(AuthenticationException.class);
        String authenticatedLongAgo = sign(b -> b.claim("auth_time", now.minus(Duration.ofHours(1)).getEpochSecond()));
        assertThatThrownBy(() -> verifier.verify(authenticatedLongAgo)).isInstanceOf(AuthenticationException.class);
        String noAuthTime = sign(b -> {});
        assertThatThrownBy(() -> verifier.verify(noAuthTime)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void withoutAConfiguredKeySetOidcTokensAreRefused() throws Exception {
        try (Sandbox plain = Sandbox.builder(new ShopBackend())
                .projectDirectory(ShopFunctionsOverHttpTest.shopProject())
                .functionHandler("thumbnails", new ShopFunctionsOverHttpTest.Thumbnails())
                .clock(CLOCK)
                .banner(null)
                .requestLog(line -> {})
                .start()) {
            Http.Response response = Http.graphql(plain.graphqlEndpoint(), "Authorization", sign(b -> {}), TICKETS,
                    null);
            assertThat(response.status()).isEqualTo(401);
        }
    }
}
