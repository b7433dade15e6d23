package io.amplify4j.cdk.storage;

import io.amplify4j.model.Profile;
import io.amplify4j.plan.BucketPlan;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * What {@link AmplifyStorage} builds from.
 *
 * @param bucket the plan of the bucket: its definition and the policy of every principal with a grant
 * @param profile production buckets are retained and always versioned
 * @param authenticatedRole the identity pool's authenticated role, when a policy is for signed-in users
 * @param guestRole the identity pool's guest role, when a policy is for guests
 * @param groupRoles the user pool groups' roles by group name
 * @param functions the backend's functions by name: granted functions (their roles) and triggers
 */
public record AmplifyStorageProps(
        BucketPlan bucket,
        Profile profile,
        Optional<IRole> authenticatedRole,
        Optional<IRole> guestRole,
        Map<String, IRole> groupRoles,
        Map<String, IFunction> functions) {

    public AmplifyStorageProps {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(authenticatedRole, "authenticatedRole");
        Objects.requireNonNull(guestRole, "guestRole");
        groupRoles = Map.copyOf(groupRoles);
        functions = Map.copyOf(functions);
    }

    /** A builder for one bucket of a plan. */
    public static Builder builder(BucketPlan bucket, Profile profile) {
        return new Builder(bucket, profile);
    }

    /** Builds {@link AmplifyStorageProps}. */
    public static final class Builder {
        private final BucketPlan bucket;
        private final Profile profile;
        private IRole authenticatedRole;
        private IRole guestRole;
        private final Map<String, IRole> groupRoles = new TreeMap<>();
        private final Map<String, IFunction> functions = new TreeMap<>();

        Builder(BucketPlan bucket, Profile profile) {
            this.bucket = bucket;
            this.profile = profile;
        }

        public Builder authenticatedRole(IRole role) {
            this.authenticatedRole = role;
            return this;
        }

        public Builder guestRole(IRole role) {
            this.guestRole = role;
            return this;
        }

        public Builder groupRoles(Map<String, ? extends IRole> roles) {
            groupRoles.putAll(roles);
            return this;
        }

        public Builder functions(Map<String, ? extends IFunction> byName) {
            functions.putAll(byName);
            return this;
        }

        public AmplifyStorageProps build() {
            return new AmplifyStorageProps(bucket, profile, Optional.ofNullable(authenticatedRole),
                    Optional.ofNullable(guestRole), groupRoles, functions);
        }
    }
}
