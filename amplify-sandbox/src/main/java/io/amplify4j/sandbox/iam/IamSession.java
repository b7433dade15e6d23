package io.amplify4j.sandbox.iam;

import io.amplify4j.plan.IamPrincipal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds a set of temporary credentials: the role assumed and, for identity-pool identities, the identity.
 *
 * @param principal the plan's principal whose grants apply (guest, authenticated, a group's or a function's role)
 * @param roleArn the assumed role's ARN ({@code arn:aws:iam::<account>:role/<name>})
 * @param userArn the session's ARN, what AppSync reports as {@code userArn}
 *     ({@code arn:aws:sts::<account>:assumed-role/<name>/<session>})
 * @param identityPoolId the identity pool's id, for identity-pool identities
 * @param identityId the identity's id ({@code region:uuid}), for identity-pool identities
 * @param username the user pool user behind an authenticated identity
 * @param groups that user's groups when the credentials were issued (a snapshot, as the token's claim is)
 * @param authProvider for signed-in identities, AppSync's {@code cognitoIdentityAuthProvider}:
 *     {@code "<provider>","<provider>:CognitoSignIn:<sub>"}
 */
public record IamSession(
        IamPrincipal principal,
        String roleArn,
        String userArn,
        Optional<String> identityPoolId,
        Optional<String> identityId,
        Optional<String> username,
        List<String> groups,
        Optional<String> authProvider) {

    public IamSession {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(userArn, "userArn");
        Objects.requireNonNull(identityPoolId, "identityPoolId");
        Objects.requireNonNull(identityId, "identityId");
        Objects.requireNonNull(username, "username");
        groups = List.copyOf(groups);
        Objects.requireNonNull(authProvider, "authProvider");
    }

    /** True for the identity pool's unauthenticated identities. */
    public boolean guest() {
        return principal instanceof IamPrincipal.Guest;
    }

    /** True for identity-pool identities (guest or signed in), false for functions. */
    public boolean identityPoolIdentity() {
        return identityId.isPresent();
    }

    /** How the request log names the caller, for example {@code iam:guest:eu-west-1:...} or {@code iam:function:f}. */
    public String describe() {
        if (principal instanceof IamPrincipal.Function f) {
            return "iam:function:" + f.name();
        }
        return "iam:" + principal.key() + ":" + username.orElse(identityId.orElse("-"));
    }
}
