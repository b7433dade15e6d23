package io.amplify4j.sandbox.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Verifies a user pool token completely, as AppSync and Cognito's guidance require: a signed JWS (never
 * {@code alg: none}), algorithm RS256 only, a {@code kid} found in the pool's key set, a valid signature, the exact
 * issuer, {@code exp} in the future and {@code nbf} (when present) in the past with at most
 * {@value #MAX_CLOCK_SKEW_SECONDS} s of skew, {@code token_use} {@code id} (whose {@code aud} must be the client id)
 * or {@code access} (whose {@code client_id} must be). Anything else is refused; no claim is read from a token
 * before its signature is checked.
 *
 * <p>Thread-safe.
 */
public final class TokenVerifier {
    /** The clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}. */
    public static final int MAX_CLOCK_SKEW_SECONDS = 60;

    /**
     * How long fetching an OIDC provider's key set may take to connect, and then to read, in milliseconds. Nimbus's
     * default (500 ms each) refuses every token of a provider that answers slowly, or of any provider while the
     * machine is busy (a loaded CI runner): the key set is fetched on the first request, inside it.
     */
    static final int JWKS_TIMEOUT_MILLIS = 5_000;

    /** The largest key set accepted, in bytes (Nimbus's default). */
    static final int JWKS_SIZE_LIMIT_BYTES = 50 * 1024;
    private static final int MAX_REMEMBERED = 10_000;

    private final String issuer;
    private final ClaimsRule rule;
    private final Clock clock;
    /** The user pool's key set, read afresh for every token; empty for OIDC, whose keys are fetched by URL. */
    private final Optional<Supplier<JWKSet>> publicKeys;
    private final DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    /**
     * Tokens whose signature (an RSA verification, a tenth of a simple request's time) was already checked: clients
     * send the same token for an hour. A remembered token is still held to the clock and to its key being
     * published, every time. Bounded: emptied at {@value #MAX_REMEMBERED} tokens. Only for the user pool, whose key
     * set is known locally.
     */
    private final Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    private record Verified(String kid, JWTClaimsSet claims) {}

    /** What a verified token must also satisfy beyond signature, issuer and times: audience, token use, ages. */
    @FunctionalInterface
    private interface ClaimsRule {
        boolean admits(JWTClaimsSet claims);
    }

    /** A verifier for the local user pool's tokens ({@code token_use} {@code id} or {@code access}) with fixed keys. */
    public TokenVerifier(JWKSet publicKeys, String issuer, String clientId, Clock clock) {
        this(fixed(publicKeys), issuer, clientId, clock);
    }

    /**
     * A verifier for the local user pool's tokens that reads the key set afresh for every token, so a rotated key (a
     * new {@code kid}) verifies as soon as the pool publishes it and a retired one stops verifying. When the key set
     * cannot be had (the supplier fails or returns null), every token is refused: verification fails closed.
     */
    public TokenVerifier(Supplier<JWKSet> publicKeys, String issuer, String clientId, Clock clock) {
        this(suppliedKeys(Objects.requireNonNull(publicKeys, "publicKeys")), Optional.of(publicKeys), issuer,
                Set.of("sub", "exp", "iat", "token_use"), userPoolRule(Objects.requireNonNull(clientId, "clientId")),
                clock);
    }

    private TokenVerifier(JWKSource<SecurityContext> keys, Optional<Supplier<JWKSet>> publicKeys, String issuer,
            Set<String> requiredClaims, ClaimsRule rule, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rule = rule;
        this.publicKeys = publicKeys;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                null,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                requiredClaims,
                null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
        this.claimsVerifier = claims;
    }

    private static Supplier<JWKSet> fixed(JWKSet publicKeys) {
        JWKSet publicOnly = publicKeys.toPublicJWKSet();
        return () -> publicOnly;
    }

    private static JWKSource<SecurityContext> suppliedKeys(Supplier<JWKSet> publicKeys) {
        return (selector, context) -> {
            JWKSet current;
            try {
                current = publicKeys.get();
            } catch (RuntimeException e) {
                throw new KeySourceException("The key set is not available", e);
            }
            if (current == null) {
                throw new KeySourceException("The key set is not available");
            }
            return selector.select(current.toPublicJWKSet());
        };
    }

    /**
     * A verifier for an OpenID Connect provider's tokens, as AppSync's {@code OPENID_CONNECT} mode checks them, with
     * the same strictness as the user pool's: RS256 only, a {@code kid} of the provider's key set (fetched from
     * {@code jwksUrl}, cached, and fetched again for a {@code kid} it does not know, so key rotation works; when the
     * key set cannot be fetched, tokens are refused), a valid signature, the exact issuer, {@code exp}, {@code nbf}
     * and {@code iat} with bounded skew, {@code aud} containing {@code clientId} when one is configured, and the
     * token's age since issue ({@code iat}) and since authentication ({@code auth_time}) within the configured
     * limits (0: no limit).
     */
    public static TokenVerifier oidc(URL jwksUrl, String issuer, Optional<String> clientId, int authTtlSeconds,
            int issueTtlSeconds, Clock clock) {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(Objects.requireNonNull(jwksUrl, "jwksUrl"),
                        new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT_BYTES))
                .rateLimited(false)
                .retrying(false)
                .outageTolerant(false)
                .refreshAheadCache(false)
                .build();
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clock, "clock");
        ClaimsRule rule = claims -> {
            if (clientId.isPresent() && (claims.getAudience() == null
                    || !claims.getAudience().contains(clientId.get()))) {
                return false;
            }
            long now = clock.instant().getEpochSecond();
            if (issueTtlSeconds > 0 && (claims.getIssueTime() == null
                    || now - claims.getIssueTime().toInstant().getEpochSecond() > issueTtlSeconds + MAX_CLOCK_SKEW_SECONDS)) {
                return false;
            }
            if (authTtlSeconds > 0) {
                Object authTime = claims.getClaim("auth_time");
                if (!(authTime instanceof Number seconds)
                        || now - seconds.longValue() > authTtlSeconds + MAX_CLOCK_SKEW_SECONDS) {
                    return false;
                }
            }
            return true;
        };
        return new TokenVerifier(keys, Optional.empty(), issuer, Set.of("sub", "exp", "iat"), rule, clock);
    }

    private static ClaimsRule userPoolRule(String clientId) {
        return claims -> {
            Object use = claims.getClaim("token_use");
            if ("id".equals(use)) {
                List<String> audience = claims.getAudience();
                return audience != null && audience.size() == 1 && clientId.equals(audience.get(0));
            }
            if ("access".equals(use)) {
                return clientId.equals(claims.getClaim("client_id"));
            }
            return false;
        };
    }

    /** The issuer every token must name. */
    public String issuer() {
        return issuer;
    }

    /**
     * True while claims {@link #verify} returned are still within their {@code exp} (plus the skew): what a
     * long-lived subscription is checked against, without verifying the signature again.
     */
    public boolean unexpired(Map<String, Object> claims) {
        Object exp = claims.get("exp");
        if (!(exp instanceof Number seconds)) {
            return false;
        }
        return clock.instant().getEpochSecond() <= seconds.longValue() + MAX_CLOCK_SKEW_SECONDS;
    }

    /** The verified token's claims as plain JSON values (dates as epoch seconds). */
    public Map<String, Object> verify(String token) throws AuthenticationException {
        Verified known = publicKeys.isPresent() ? verified.get(token) : null;
        if (known != null) {
            // The signature, issuer and audience of this exact text were checked; what can change since is the
            // time and whether its key is still published.
            try {
                JWKSet keys = publicKeys.get().get();
                if (keys != null && keys.getKeyByKeyId(known.kid()) != null) {
                    claimsVerifier.verify(known.claims(), null);
                    return known.claims().toJSONObject();
                }
            } catch (BadJOSEException e) {
                verified.remove(token);
                String reason = String.valueOf(e.getMessage());
                throw new AuthenticationException(reason.contains("Expired JWT")
                        ? "Token has expired." : "Valid authorization header not provided.");
            } catch (RuntimeException e) {
                // the key set is unavailable: fall through to the full check, which refuses
            }
            verified.remove(token);
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new AuthenticationException("Unable to parse JWT token.");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new AuthenticationException("Valid authorization header not provided.");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(jwt, null);
        } catch (BadJOSEException e) {
            String reason = String.valueOf(e.getMessage());
            throw new AuthenticationException(reason.contains("Expired JWT")
                    ? "Token has expired." : "Valid authorization header not provided.");
        } catch (JOSEException | RuntimeException e) {
            throw new AuthenticationException("Valid authorization header not provided.");
        }
        if (!rule.admits(claims)) {
            throw new AuthenticationException("Valid authorization header not provided.");
        }
        if (publicKeys.isPresent()) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, new Verified(jwt.getHeader().getKeyID(), claims));
        }
        return claims.toJSONObject();
    }
}
