package io.amplify4j.plan;

import io.amplify4j.model.BackendModel;
import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Optional;

/**
 * Storage access, computed once per bucket: who may get, list, write and delete what. CDK turns each
 * {@link StoragePolicy} into an IAM policy on its role; the sandbox's S3 endpoint asks {@link BucketPlan#allows}.
 *
 * @param buckets one plan per bucket, in declaration order
 */
public record StoragePlan(List<BucketPlan> buckets) {

    public StoragePlan {
        buckets = Canonical.list(buckets);
    }

    /** Plans the buckets of a validated backend. */
    public static StoragePlan of(BackendModel model) {
        StoragePlanner planner = new StoragePlanner(model);
        return new StoragePlan(model.storage().stream().map(planner::plan).toList());
    }

    /** The bucket of that name. */
    public Optional<BucketPlan> bucket(String name) {
        return buckets.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The default bucket: the one marked default, or the only one. */
    public Optional<BucketPlan> defaultBucket() {
        return buckets.stream().filter(b -> b.definition().isDefault()).findFirst()
                .or(() -> buckets.size() == 1 ? Optional.of(buckets.get(0)) : Optional.empty());
    }
}
