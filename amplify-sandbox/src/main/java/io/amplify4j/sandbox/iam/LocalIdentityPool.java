package io.amplify4j.sandbox.iam;

import io.amplify4j.plan.IamPrincipal;
import io.amplify4j.plan.IdentityPoolPlan;
import io.amplify4j.sandbox.server.auth.AuthenticationException;
import io.amplify4j.sandbox.server.auth.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Cognito identity pool for the sandbox: identities for guests and for the local user pool's users, and
 * temporary credentials for the role each assumes.
 *
 * <ul>
 *   <li>Guests get an identity only when the definition uses {@code guest()} somewhere (otherwise
 *       {@code NotAuthorizedException}, as the service answers a pool without unauthenticated access); each
 *       {@code GetId} without logins makes a new one.</li>
 *   <li>Signed-in users present their user pool ID token under the provider name
 *       {@code cognito-idp.<region>.amazonaws.com/<userPoolId>}; it is verified completely (signature, issuer,
 *       audience, expiry, token use {@code id}). A user's identity id is the same every time: it is derived from
 *       the pool id and the user's {@code sub}, so it also survives a restart.</li>
 *   <li>A user in groups assumes the role of the lowest-precedence group, as the plan's role mapping says;
 *       otherwise the authenticated role.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class LocalIdentityPool {
    private final String region;
    private final String poolId;
    private final IdentityPoolPlan plan;
    private final Optional<UserPoolLogin> userPool;
    private final IamRoles roles;
    private final CredentialStore credentials;
    private final Duration validity;
    private final Map<String, Identity> identities = new ConcurrentHashMap<>();

    /** The user pool whose ID tokens are accepted as logins. */
    public record UserPoolLogin(String userPoolId, TokenVerifier verifier) {
        public UserPoolLogin {
            Objects.requireNonNull(userPoolId, "userPoolId");
            Objects.requireNonNull(verifier, "verifier");
        }
    }

    /** An identity of the pool: a guest, or the identity of the user with {@code sub}. */
    private record Identity(String id, Optional<String> sub) {}

    /** What {@code GetCredentialsForIdentity} returns. */
    public record IdentityCredentials(String identityId, TemporaryCredentials credentials, IamSession session) {}

    /**
     * @param backendName names the pool's id deterministically, so identity ids stay the same across restarts
     * @param validity how long issued credentials last (Cognito: one hour)
     */
    public LocalIdentityPool(String backendName, String region, IdentityPoolPlan plan, Optional<UserPoolLogin> userPool,
            IamRoles roles, CredentialStore credentials, Duration validity) {
        this.region = Objects.requireNonNull(region, "region");
        this.poolId = region + ":" + UUID.nameUUIDFromBytes(("amplify4j-identity-pool:" + backendName)
                .getBytes(StandardCharsets.UTF_8));
        this.plan = Objects.requireNonNull(plan, "plan");
        this.userPool = Objects.requireNonNull(userPool, "userPool");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.validity = Objects.requireNonNull(validity, "validity");
    }

    /** The pool's id, {@code <region>:<uuid>}. */
    public String poolId() {
        return poolId;
    }

    /** The key under which clients put the user pool's ID token in {@code Logins}. */
    public Optional<String> userPoolProviderName() {
        return userPool.map(p -> "cognito-idp." + region + ".amazonaws.com/" + p.userPoolId());
    }

    /** The identity id of the user with {@code sub}: stable for this pool. */
    public String identityIdForSub(String sub) {
        return region + ":" + UUID.nameUUIDFromBytes((poolId + "|" + sub).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code GetId}: the identity for these logins, or a new guest identity without any. */
    public String getId(String identityPoolId, Map<String, String> logins) throws IdentityPoolException {
        checkPool(identityPoolId);
        if (logins.isEmpty()) {
            if (!plan.allowUnauthenticatedIdentities()) {
                throw new IdentityPoolException("NotAuthorizedException",
                        "Unauthenticated access is not supported for this identity pool.");
            }
            Identity guest = new Identity(region + ":" + UUID.randomUUID(), Optional.empty());
            identities.put(guest.id(), guest);
            return guest.id();
        }
        Map<String, Object> claims = verifyLogins(logins);
        String sub = (String) claims.get("sub");
        Identity identity = new Identity(identityIdForSub(sub), Optional.of(sub));
        identities.put(identity.id(), identity);
        return identity.id();
    }

    /** {@code GetCredentialsForIdentity}: credentials for the identity's role, checked against its logins. */
    public IdentityCredentials getCredentialsForIdentity(String identityId, Map<String, String> logins)
            throws IdentityPoolException {
        if (identityId == null || !identityId.startsWith(region + ":")) {
            throw new IdentityPoolException("InvalidParameterException", "1 validation error detected: Value '"
                    + identityId + "' at 'identityId' failed to satisfy constraint: Member must satisfy regular "
                    + "expression pattern: [\\w-]+:[0-9a-f-]+");
        }
        Identity identity = identities.get(identityId);
        if (identity == null) {
            throw new IdentityPoolException("ResourceNotFoundException", "Identity '" + identityId + "' not found.");
        }
        IamSession session;
        if (identity.sub().isEmpty()) {
            if (!logins.isEmpty()) {
                throw new IdentityPoolException("NotAuthorizedException", "Logins don't match. Please include at "
                        + "least one valid login for this identity or identity pool.");
            }
            if (!plan.allowUnauthenticatedIdentities()) {
                throw new IdentityPoolException("NotAuthorizedException",
                        "Unauthenticated access is not supported for this identity pool.");
            }
            IamPrincipal guest = IamPrincipal.guest();
            session = new IamSession(guest, roles.roleArn(guest),
                    roles.sessionArn(guest, IamRoles.IDENTITY_POOL_SESSION), Optional.of(poolId),
                    Optional.of(identityId), Optional.empty(), List.of(), Optional.empty());
        } else {
            if (logins.isEmpty()) {
                throw new IdentityPoolException("NotAuthorizedException", "Unauthenticated access is not supported "
                        + "for this identity.");
            }
            Map<String, Object> claims = verifyLogins(logins);
            if (!identity.sub().get().equals(claims.get("sub"))) {
                throw new IdentityPoolException("NotAuthorizedException", "Logins don't match. Please include at "
                        + "least one valid login for this identity or identity pool.");
            }
            List<String> groups = groups(claims.get("cognito:groups"));
            IamPrincipal role = plan.roleFor(groups);
            String provider = userPoolProviderName().orElseThrow();
            session = new IamSession(role, roles.roleArn(role), roles.sessionArn(role, IamRoles.IDENTITY_POOL_SESSION),
                    Optional.of(poolId), Optional.of(identityId),
                    Optional.ofNullable((String) claims.get("cognito:username")), groups,
                    Optional.of("\"" + provider + "\",\"" + provider + ":CognitoSignIn:" + claims.get("sub") + "\""));
        }
        return new IdentityCredentials(identityId, credentials.issue(session, validity), session);
    }

    private void checkPool(String identityPoolId) throws IdentityPoolException {
        if (!poolId.equals(identityPoolId)) {
            throw new IdentityPoolException("ResourceNotFoundException", "IdentityPool '" + identityPoolId
                    + "' not found.");
        }
    }

    private Map<String, Object> verifyLogins(Map<String, String> logins) throws IdentityPoolException {
        Optional<String> provider = userPoolProviderName();
        if (logins.size() != 1 || provider.isEmpty() || !logins.containsKey(provider.get())) {
            throw new IdentityPoolException("NotAuthorizedException", "Invalid login token. Logins must name only "
                    + "this sandbox's user pool: " + provider.orElse("(none: the backend defines no auth)") + ".");
        }
        Map<String, Object> claims;
        try {
            claims = userPool.get().verifier().verify(logins.get(provider.get()));
        } catch (AuthenticationException e) {
            throw new IdentityPoolException("NotAuthorizedException", "Invalid login token. " + e.getMessage());
        }
        if (!"id".equals(claims.get("token_use"))) {
            throw new IdentityPoolException("NotAuthorizedException", "Invalid login token. Not a Cognito ID token.");
        }
        return claims;
    }

    private static List<String> groups(Object claim) {
        if (claim instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return claim instanceof String s ? List.of(s) : List.of();
    }
}
