package io.amplify4j.plan;

import io.amplify4j.model.Canonical;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The storage policy of one principal on one bucket: Amplify's one policy per acceptor and bucket, holding per
 * operation an allow statement and, where a sub-path takes the parent's grant away, a deny statement.
 *
 * @param principal who the policy is attached to
 * @param statements per operation (get, list, write, delete) the allow statement, then the deny statement if any
 */
public record StoragePolicy(IamPrincipal principal, List<StorageStatement> statements) {

    public StoragePolicy {
        Objects.requireNonNull(principal, "principal");
        statements = Canonical.list(statements);
    }

    /**
     * IAM's decision for this policy alone: denied when a deny statement applies, else allowed when an allow
     * statement applies, else denied (nothing is accessible unless granted).
     *
     * @param operation the operation asked for
     * @param target the object key, or for {@link StorageOperation#LIST} the listing's prefix
     * @param identityId the caller's identity-pool identity id, empty for functions
     */
    public boolean allows(StorageOperation operation, String target, Optional<String> identityId) {
        boolean allowed = false;
        for (StorageStatement statement : statements) {
            if (statement.operation() != operation || !statement.appliesTo(target, identityId)) {
                continue;
            }
            if (statement.effect() == StorageStatement.Effect.DENY) {
                return false;
            }
            allowed = true;
        }
        return allowed;
    }

    /** The policy document as IAM JSON (Jackson-ready maps), with {@code bucketArn} as the bucket's ARN or a token. */
    public Map<String, Object> toIamDocument(String bucketArn) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements.stream().map(s -> s.toIam(bucketArn)).toList());
        return document;
    }
}
