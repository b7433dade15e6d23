package io.amplify4j.sandbox.iam;

import io.amplify4j.plan.IamPrincipal;
import io.amplify4j.sandbox.js.AuthMode;
import io.amplify4j.sandbox.js.Identities;
import io.amplify4j.sandbox.runtime.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything IAM in one running sandbox: its region, its roles, the credentials it issued, the identity pool (when
 * the backend has auth) and the verifier of signed requests.
 *
 * <p>Thread-safe.
 */
public final class IamServices {
    /** The region the sandbox pretends to be in, unless configured otherwise. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** How long Cognito's and the functions' credentials last. */
    public static final Duration DEFAULT_CREDENTIAL_VALIDITY = Duration.ofHours(1);

    private final String region;
    private final IamRoles roles;
    private final CredentialStore credentials;
    private final SigV4Verifier verifier;
    private final Optional<LocalIdentityPool> identityPool;
    private final Duration validity;
    private final java.util.Set<String> functions;

    /**
     * @param functions the backend's function names: only they can be given credentials
     * @param identityPool the identity pool, when the backend has auth
     */
    public IamServices(String region, IamRoles roles, CredentialStore credentials, Clock clock,
            Optional<LocalIdentityPool> identityPool, Duration validity, List<String> functions) {
        this.region = Objects.requireNonNull(region, "region");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.verifier = new SigV4Verifier(credentials, region, clock);
        this.identityPool = Objects.requireNonNull(identityPool, "identityPool");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.functions = java.util.Set.copyOf(functions);
    }

    public String region() {
        return region;
    }

    public IamRoles roles() {
        return roles;
    }

    public CredentialStore credentials() {
        return credentials;
    }

    public SigV4Verifier verifier() {
        return verifier;
    }

    public Optional<LocalIdentityPool> identityPool() {
        return identityPool;
    }

    /**
     * Fresh temporary credentials for function {@code function}'s execution role: what the function's code would
     * find in its environment in Lambda. They carry exactly the function's grants ({@code allow.resource(fn)} in
     * data and storage rules).
     */
    public TemporaryCredentials functionCredentials(String function) {
        if (!functions.contains(function)) {
            throw new IllegalArgumentException("Function `" + function + "` is not defined by this backend; defined: "
                    + new java.util.TreeSet<>(functions) + ".");
        }
        IamPrincipal principal = IamPrincipal.function(function);
        IamSession session = new IamSession(principal, roles.roleArn(principal), roles.sessionArn(principal, function),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
        return credentials.issue(session, validity);
    }

    /**
     * The GraphQL caller a verified IAM session is: an identity-pool identity ({@code cognitoIdentityPoolId},
     * {@code cognitoIdentityId}, {@code cognitoIdentityAuthType} set) or a plain role session (a function).
     */
    public static Caller caller(IamSession session, String sourceIp) {
        String username = session.identityId().orElse(session.userArn());
        return new Caller(AuthMode.IAM, Optional.of(Identities.iam(IamRoles.ACCOUNT_ID, session.userArn(),
                username, List.of(sourceIp), session.identityPoolId().orElse(null), session.identityId().orElse(null),
                session.identityPoolIdentity() ? (session.guest() ? "unauthenticated" : "authenticated") : null,
                session.authProvider().orElse(null))));
    }
}
