package io.amplify4j.sandbox.iam;

import io.amplify4j.plan.IamPrincipal;
import java.util.Objects;

/**
 * The sandbox's stand-ins for the backend's IAM roles: one per principal, in a fixed local account, named after
 * the backend so that ARNs read well in logs. The cloud's role ARNs come from CDK; nothing in the plan depends on
 * the names, only on which principal a session holds.
 */
public final class IamRoles {
    /** The account every sandbox ARN is in (AWS's documentation account). */
    public static final String ACCOUNT_ID = "123456789012";
    /** The session name Cognito gives identity-pool credentials. */
    public static final String IDENTITY_POOL_SESSION = "CognitoIdentityCredentials";

    private final String backendName;

    public IamRoles(String backendName) {
        this.backendName = Objects.requireNonNull(backendName, "backendName");
    }

    /** The role's name, within IAM's limits ({@code [\w+=,.@-]}, at most 64 characters). */
    public String roleName(IamPrincipal principal) {
        String name;
        if (principal instanceof IamPrincipal.Group g) {
            name = backendName + "-" + g.name() + "GroupRole";
        } else if (principal instanceof IamPrincipal.Function f) {
            name = backendName + "-" + f.name() + "-lambdaRole";
        } else if (principal instanceof IamPrincipal.Guest) {
            name = backendName + "-unauthRole";
        } else {
            name = backendName + "-authRole";
        }
        String clean = name.replaceAll("[^\\w+=,.@-]", "-");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }

    /** {@code arn:aws:iam::123456789012:role/<name>}. */
    public String roleArn(IamPrincipal principal) {
        return "arn:aws:iam::" + ACCOUNT_ID + ":role/" + roleName(principal);
    }

    /** The ARN of a session of the role: {@code arn:aws:sts::123456789012:assumed-role/<name>/<session>}. */
    public String sessionArn(IamPrincipal principal, String sessionName) {
        return "arn:aws:sts::" + ACCOUNT_ID + ":assumed-role/" + roleName(principal) + "/" + sessionName;
    }
}
