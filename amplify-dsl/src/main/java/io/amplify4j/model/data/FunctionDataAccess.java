package io.amplify4j.model.data;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;

/**
 * A function granted IAM access to the API ({@code allow.resource(fn)} at schema level).
 * Stricter than Amplify: only these functions are admitted as IAM callers, and only for these root types.
 *
 * @param function the function's name
 * @param operations the root types it may call; never empty
 */
public record FunctionDataAccess(String function, List<ResourceOperation> operations) {
    public FunctionDataAccess {
        Objects.requireNonNull(function, "function");
        operations = Canonical.enumSet(operations);
    }

    /** What a granted function may call. */
    public enum ResourceOperation {
        QUERY,
        MUTATE,
        LISTEN
    }
}
