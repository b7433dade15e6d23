package io.amplify4j.sandbox.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private final String clientId;
    private final Clock clock;
    private final Supplier<JWKSet> publicKeys;
    private final DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;
    /**
     * Tokens whose signature (an RSA verification, a tenth of a simple request's time) was already checked: clients
     * send the same token for an hour. A remembered token is still held to the clock and to its key being
     * published, every time. Bounded: emptied at {@value #MAX_REMEMBERED} tokens.
     */
    private final Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 10_000;

    private record Verified(String kid, JWTClaimsSet claims) {}
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public TokenVerifier(JWKSet publicKeys, String issuer, String clientId, Clock clock) {
        this(fixed(publicKeys), issuer, clientId, clock);
    }

    private static Supplier<JWKSet> fixed(JWKSet publicKeys) {
        JWKSet publicOnly = publicKeys.toPublicJWKSet();
        return () -> publicOnly;
    }

    /**
     * A verifier that reads the key set afresh for every token, so a rotated key (a new {@code kid}) verifies as soon
     * as the pool publishes it and a retired one stops verifying. When the key set cannot be had (the supplier fails
     * or returns null), every token is refused: verification fails closed.
     */
    public TokenVerifier(Supplier<JWKSet> publicKeys, String issuer, String clientId, Clock clock) {
        Objects.requireNonNull(publicKeys, "publicKeys");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clock, "clock");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clock = clock;
        this.publicKeys = publicKeys;
        JWKSource<SecurityContext> keys = (selector, context) -> {
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
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                null,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "exp", "iat", "token_use"),
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
        Verified known = verified.get(token);
        if (known != null) {
            // The signature, issuer and audience of this exact text were checked; what can change since is the
            // time and whether its key is still published.
            try {
                JWKSet keys = publicKeys.get();
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
        Object use = claims.getClaim("token_use");
        boolean audienceOk;
        if ("id".equals(use)) {
            List<String> audience = claims.getAudience();
            audienceOk = audience != null && audience.size() == 1 && clientId.equals(audience.get(0));
        } else if ("access".equals(use)) {
            audienceOk = clientId.equals(claims.getClaim("client_id"));
        } else {
            audienceOk = false;
        }
        if (!audienceOk) {
            throw new AuthenticationException("Valid authorization header not provided.");
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(token, new Verified(jwt.getHeader().getKeyID(), claims));
        return claims.toJSONObject();
    }
}
