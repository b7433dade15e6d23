package io.amplify4j.sandbox.runtime;

import io.amplify4j.sandbox.js.AuthMode;
import io.amplify4j.sandbox.js.Identities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who makes a request, already authenticated by the server: the authorization mode and {@code ctx.identity} in the
 * shape AppSync gives it. Verifying tokens, keys and signatures is the server's job, before a caller exists.
 *
 * @param authMode how the request was authorized
 * @param identity {@code ctx.identity}; empty for API key callers, whose identity is null
 * @param deniedFields fields ({@code Type.field}) forced to null for this caller: a Lambda authorizer's
 *     {@code deniedFields}; empty for every other caller
 */
public record Caller(AuthMode authMode, Optional<Map<String, Object>> identity, Set<String> deniedFields) {
    public Caller {
        Objects.requireNonNull(authMode, "authMode");
        Objects.requireNonNull(identity, "identity");
        deniedFields = Set.copyOf(deniedFields);
    }

    /** A caller with no denied fields. */
    public Caller(AuthMode authMode, Optional<Map<String, Object>> identity) {
        this(authMode, identity, Set.of());
    }

    /** A caller holding a valid API key. */
    public static Caller apiKey() {
        return new Caller(AuthMode.API_KEY, Optional.empty());
    }

    /** A user pool user with these token claims ({@code sub}, {@code iss}, {@code cognito:username}, ...). */
    public static Caller userPool(Map<String, Object> claims) {
        return new Caller(AuthMode.USER_POOL, Optional.of(Identities.userPool(claims, List.of("127.0.0.1"), "ALLOW")));
    }

    /** A user pool user of the pool with {@code issuer}, in {@code groups}. */
    public static Caller user(String issuer, String sub, String username, List<String> groups) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("iss", issuer);
        claims.put("cognito:username", username);
        claims.put("token_use", "id");
        if (!groups.isEmpty()) {
            claims.put("cognito:groups", List.copyOf(groups));
        }
        return userPool(claims);
    }

    /** An OIDC caller with these claims. */
    public static Caller oidc(Map<String, Object> claims) {
        return new Caller(AuthMode.OIDC, Optional.of(Identities.oidc(claims)));
    }

    /** An identity pool identity: guest ({@code unauthenticated}) or signed in ({@code authenticated}). */
    public static Caller identityPool(String poolId, String identityId, boolean guest) {
        return new Caller(AuthMode.IAM, Optional.of(Identities.iam("123456789012",
                "arn:aws:sts::123456789012:assumed-role/" + (guest ? "unauth" : "auth") + "Role/CognitoIdentityCredentials",
                identityId, List.of("127.0.0.1"), poolId, identityId,
                guest ? "unauthenticated" : "authenticated", null)));
    }

    /** A plain IAM principal, such as a function's execution role session. */
    public static Caller iam(String userArn) {
        return new Caller(AuthMode.IAM, Optional.of(Identities.iam("123456789012", userArn, userArn,
                List.of("127.0.0.1"), null, null, null, null)));
    }

    /** A caller a Lambda authorizer admitted, with the {@code resolverContext} it returned. */
    public static Caller lambda(Map<String, Object> resolverContext) {
        return new Caller(AuthMode.LAMBDA, Optional.of(Identities.lambda(resolverContext)));
    }

    /** A caller a Lambda authorizer admitted, with its {@code resolverContext} and {@code deniedFields}. */
    public static Caller lambda(Map<String, Object> resolverContext, Set<String> deniedFields) {
        return new Caller(AuthMode.LAMBDA, Optional.of(Identities.lambda(resolverContext)), deniedFields);
    }
}
