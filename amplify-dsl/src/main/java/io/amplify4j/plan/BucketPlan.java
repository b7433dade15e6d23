package io.amplify4j.plan;

import io.amplify4j.model.Canonical;
import io.amplify4j.model.storage.StorageDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One bucket's access, computed once: the policy of every principal that gets any grant on it. CDK attaches these
 * policies to the roles; the sandbox decides every request with {@link #allows}, over the same statements, so
 * the cloud and the sandbox cannot disagree.
 *
 * @param definition the bucket as defined
 * @param policies per principal: guest, authenticated, then each group (declaration order), then each function
 *     (declaration order); principals without any grant are left out
 */
public record BucketPlan(StorageDefinition definition, List<StoragePolicy> policies) {

    public BucketPlan {
        Objects.requireNonNull(definition, "definition");
        policies = Canonical.list(policies);
    }

    /** The bucket's friendly name. */
    public String name() {
        return definition.name();
    }

    /** The policy of {@code principal}, if it has any grant on this bucket. */
    public Optional<StoragePolicy> policy(IamPrincipal principal) {
        return policies.stream().filter(p -> p.principal().equals(principal)).findFirst();
    }

    /**
     * Whether {@code principal} may do {@code operation} on {@code target}: an object key, or for
     * {@link StorageOperation#LIST} the listing's prefix (as S3 checks {@code s3:prefix}, not each listed key).
     *
     * @param identityId the caller's identity-pool identity id ({@code region:uuid}); empty for functions
     */
    public boolean allows(IamPrincipal principal, Optional<String> identityId, StorageOperation operation,
            String target) {
        return policy(principal).map(p -> p.allows(operation, target, identityId)).orElse(false);
    }

    /** Every policy as IAM JSON, keyed by {@link IamPrincipal#key()}, with {@code bucketArn} for the bucket's ARN. */
    public Map<String, Object> toIamDocuments(String bucketArn) {
        Map<String, Object> documents = new LinkedHashMap<>();
        policies.forEach(p -> documents.put(p.principal().key(), p.toIamDocument(bucketArn)));
        return documents;
    }
}
