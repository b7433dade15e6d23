package io.amplify4j.sandbox.js;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds {@code ctx.identity} in the shape AppSync gives each authorization mode. */
public final class Identities {
    private Identities() {}

    /**
     * A Cognito user pool caller: {@code sub}, {@code issuer}, {@code username} (from {@code cognito:username}, or
     * {@code username} in an access token), all {@code claims}, {@code sourceIp}, {@code defaultAuthStrategy} and
     * {@code groups} (from {@code cognito:groups}, null when the token has none).
     */
    public static Map<String, Object> userPool(Map<String, Object> claims, List<String> sourceIp, String defaultAuthStrategy) {
        Objects.requireNonNull(claims, "claims");
        var identity = new LinkedHashMap<String, Object>();
        identity.put("sub", claims.get("sub"));
        identity.put("issuer", claims.get("iss"));
        identity.put("username", claims.containsKey("cognito:username") ? claims.get("cognito:username") : claims.get("username"));
        identity.put("claims", claims);
        identity.put("sourceIp", List.copyOf(sourceIp));
        identity.put("defaultAuthStrategy", defaultAuthStrategy);
        identity.put("groups", claims.get("cognito:groups"));
        return identity;
    }

    /** An OpenID Connect caller: {@code sub}, {@code issuer} and all {@code claims}. */
    public static Map<String, Object> oidc(Map<String, Object> claims) {
        var identity = new LinkedHashMap<String, Object>();
        identity.put("sub", claims.get("sub"));
        identity.put("issuer", claims.get("iss"));
        identity.put("claims", claims);
        return identity;
    }

    /**
     * An IAM caller. The Cognito fields are null for plain IAM users and roles, and set for identity pool
     * credentials.
     */
    public static Map<String, Object> iam(
            String accountId,
            String userArn,
            String username,
            List<String> sourceIp,
            String cognitoIdentityPoolId,
            String cognitoIdentityId,
            String cognitoIdentityAuthType,
            String cognitoIdentityAuthProvider) {
        var identity = new LinkedHashMap<String, Object>();
        identity.put("accountId", accountId);
        identity.put("cognitoIdentityPoolId", cognitoIdentityPoolId);
        identity.put("cognitoIdentityId", cognitoIdentityId);
        identity.put("sourceIp", List.copyOf(sourceIp));
        identity.put("username", username);
        identity.put("userArn", userArn);
        identity.put("cognitoIdentityAuthType", cognitoIdentityAuthType);
        identity.put("cognitoIdentityAuthProvider", cognitoIdentityAuthProvider);
        return identity;
    }

    /** A caller a Lambda authorizer admitted: the {@code resolverContext} it returned. */
    public static Map<String, Object> lambda(Map<String, Object> resolverContext) {
        var identity = new LinkedHashMap<String, Object>();
        identity.put("resolverContext", resolverContext);
        return identity;
    }
}
