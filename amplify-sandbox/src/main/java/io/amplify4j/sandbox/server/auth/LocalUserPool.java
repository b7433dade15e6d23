package io.amplify4j.sandbox.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for a Cognito user pool: users with passwords and groups, and sign-in that returns an ID token
 * and an access token shaped like Cognito's (RS256, {@code kid}, {@code iss}, {@code aud} or {@code client_id},
 * {@code token_use}, {@code exp}, {@code iat}, {@code auth_time}, {@code sub}, {@code cognito:username},
 * {@code cognito:groups}, {@code jti}). Each pool makes a fresh RSA key pair; {@link #jwks()} is its public half.
 *
 * <p>Thread-safe.
 */
public final class LocalUserPool {
    /** How long tokens live by default: Cognito's default for ID and access tokens. */
    public static final Duration DEFAULT_TOKEN_VALIDITY = Duration.ofHours(1);

    private final String poolId;
    private final String clientId;
    private final String issuer;
    private final Clock clock;
    private final int minPasswordLength;
    private final RSAKey key;
    private final JWSSigner signer;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private volatile Triggers triggers = Triggers.NONE;

    /**
     * @param issuerBase the sandbox's base URL ({@code http://127.0.0.1:port}); the issuer is it plus the pool id
     * @param minPasswordLength the definition's password policy minimum length
     */
    public LocalUserPool(String issuerBase, Clock clock, int minPasswordLength) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minPasswordLength = minPasswordLength;
        this.poolId = "local_" + randomText(9, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
        this.clientId = randomText(26, "abcdefghijklmnopqrstuvwxyz0123456789");
        this.issuer = issuerBase + "/" + poolId;
        try {
            this.key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make the user pool's RSA key pair", e);
        }
    }

    /** A user of the pool. */
    public record User(String username, String sub, List<String> groups, Map<String, String> attributes,
            String salt, String passwordHash) {
        public User {
            groups = List.copyOf(groups);
            attributes = Map.copyOf(attributes);
        }
    }

    /**
     * The pool's Lambda triggers ({@code io.amplify4j.sandbox.function.UserPoolTriggers} runs the definition's).
     * A trigger refuses an event by throwing a {@link UserPoolException}, which reaches the client as Cognito's.
     */
    public interface Triggers {
        /** No triggers. */
        Triggers NONE = new Triggers() {};

        /** Before a user is created (sign-up). */
        default void preSignUp(String username, Map<String, String> attributes) {}

        /** After a user is created and confirmed. */
        default void postConfirmation(User user) {}

        /** Before a password sign-in is accepted. */
        default void preAuthentication(User user) {}

        /** After a password sign-in succeeded. */
        default void postAuthentication(User user) {}

        /** Before tokens are issued: the claims to change. */
        default TokenChanges preTokenGeneration(User user) {
            return TokenChanges.NONE;
        }
    }

    /**
     * What a pre token generation trigger changes: claims added to or overridden in the ID token, claims removed
     * from it, and the groups ({@code cognito:groups}) of both tokens. Claims that identify the token ({@code iss},
     * {@code sub}, {@code aud}, {@code token_use}, times, {@code cognito:username} ...) cannot be changed, as in
     * Cognito.
     */
    public record TokenChanges(Map<String, Object> addOrOverride, List<String> suppress,
            Optional<List<String>> groups) {
        public static final TokenChanges NONE = new TokenChanges(Map.of(), List.of(), Optional.empty());

        public TokenChanges {
            addOrOverride = Map.copyOf(addOrOverride);
            suppress = List.copyOf(suppress);
            groups = groups.map(List::copyOf);
        }
    }

    /** Claims no trigger may change. */
    static final java.util.Set<String> PROTECTED_CLAIMS = java.util.Set.of("acr", "amr", "aud", "at_hash",
            "auth_time", "azp", "client_id", "cognito:username", "cognito:groups", "exp", "iat", "identities", "iss",
            "jti", "nbf", "nonce", "origin_jti", "sub", "token_use", "username", "event_id", "scope");

    /** Sets the pool's triggers. */
    public void triggers(Triggers triggers) {
        this.triggers = Objects.requireNonNull(triggers, "triggers");
    }

    /** The tokens sign-in returns. */
    public record Tokens(String idToken, String accessToken, long expiresIn) {}

    /** A Cognito-style failure: {@code errorType} is Cognito's exception name. */
    public static final class UserPoolException extends RuntimeException {
        private final String errorType;

        public UserPoolException(String errorType, String message) {
            super(message, null, false, false);
            this.errorType = errorType;
        }

        public String errorType() {
            return errorType;
        }
    }

    public String poolId() {
        return poolId;
    }

    public String clientId() {
        return clientId;
    }

    /** The {@code iss} of every token: the sandbox's base URL and the pool id, as Cognito's issuer is. */
    public String issuer() {
        return issuer;
    }

    /** The public key set, as served at {@code /.well-known/jwks.json}. */
    public JWKSet jwks() {
        return new JWKSet(key.toPublicJWK());
    }

    /**
     * Creates a user, confirmed, in {@code groups}. Fails with {@code UsernameExistsException} for a taken name and
     * {@code InvalidPasswordException} for a password shorter than the policy's minimum.
     */
    public User createUser(String username, String password, List<String> groups, Map<String, String> attributes) {
        if (username == null || username.isBlank() || username.length() > 128) {
            throw new UserPoolException("InvalidParameterException", "Username must be 1 to 128 characters.");
        }
        if (password == null || password.length() < minPasswordLength) {
            throw new UserPoolException("InvalidPasswordException",
                    "Password did not conform with policy: Password not long enough");
        }
        if (users.containsKey(username)) {
            throw new UserPoolException("UsernameExistsException", "User account already exists");
        }
        triggers.preSignUp(username, attributes);
        String salt = randomText(16, "0123456789abcdef");
        User user = new User(username, UUID.randomUUID().toString(), groups, attributes, salt, hash(salt, password));
        if (users.putIfAbsent(username, user) != null) {
            throw new UserPoolException("UsernameExistsException", "User account already exists");
        }
        triggers.postConfirmation(user);
        return user;
    }

    public Optional<User> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** Signs a user in with a password; a wrong name or password gives Cognito's one message for both. */
    public Tokens signIn(String username, String password) {
        User user = username == null ? null : users.get(username);
        boolean ok = user != null && password != null
                && MessageDigest.isEqual(user.passwordHash().getBytes(StandardCharsets.UTF_8),
                        hash(user.salt(), password).getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            throw new UserPoolException("NotAuthorizedException", "Incorrect username or password.");
        }
        triggers.preAuthentication(user);
        Tokens tokens = tokens(user, clock.instant(), DEFAULT_TOKEN_VALIDITY);
        triggers.postAuthentication(user);
        return tokens;
    }

    /** Tokens for an existing user without a password: the admin path tests use. */
    public Tokens tokensFor(String username) {
        return tokensFor(username, clock.instant(), DEFAULT_TOKEN_VALIDITY);
    }

    /** Tokens for an existing user issued at {@code issuedAt}, valid for {@code validity}: expired ones for tests. */
    public Tokens tokensFor(String username, Instant issuedAt, Duration validity) {
        User user = user(username).orElseThrow(
                () -> new UserPoolException("UserNotFoundException", "User does not exist."));
        return tokens(user, issuedAt, validity);
    }

    /** Signs a claims set with the pool's key: what every token of the pool is. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    private Tokens tokens(User user, Instant issuedAt, Duration validity) {
        TokenChanges changes = triggers.preTokenGeneration(user);
        List<String> groups = changes.groups().orElse(user.groups());
        Date iat = Date.from(issuedAt);
        Date exp = Date.from(issuedAt.plus(validity));
        String originJti = UUID.randomUUID().toString();
        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder()
                .subject(user.sub())
                .issuer(issuer)
                .audience(clientId)
                .claim("token_use", "id")
                .claim("cognito:username", user.username())
                .claim("origin_jti", originJti)
                .claim("auth_time", issuedAt.getEpochSecond())
                .issueTime(iat)
                .expirationTime(exp)
                .jwtID(UUID.randomUUID().toString());
        if (!groups.isEmpty()) {
            id.claim("cognito:groups", groups);
        }
        Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
        attributes.forEach(id::claim);
        changes.addOrOverride().forEach((name, value) -> {
            if (!PROTECTED_CLAIMS.contains(name)) {
                id.claim(name, value);
            }
        });
        changes.suppress().forEach(name -> {
            if (!PROTECTED_CLAIMS.contains(name)) {
                id.claim(name, null);
            }
        });
        JWTClaimsSet.Builder access = new JWTClaimsSet.Builder()
                .subject(user.sub())
                .issuer(issuer)
                .claim("client_id", clientId)
                .claim("token_use", "access")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("username", user.username())
                .claim("origin_jti", originJti)
                .claim("auth_time", issuedAt.getEpochSecond())
                .issueTime(iat)
                .expirationTime(exp)
                .jwtID(UUID.randomUUID().toString());
        if (!groups.isEmpty()) {
            access.claim("cognito:groups", groups);
        }
        return new Tokens(sign(id.build()), sign(access.build()), validity.toSeconds());
    }

    private static String hash(String salt, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomText(int length, String alphabet) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
