package io.amplify4j.plan.lock;

import java.util.Objects;

/**
 * A change that would replace or delete a stateful resource, found by {@link LockCheck}.
 *
 * @param kind what kind of change it is
 * @param place the resource's place in the definition ({@code data.Todo}, {@code storage.media}, {@code auth})
 * @param message what would happen and how to proceed, in full sentences
 */
public record Hazard(Kind kind, String place, String message) {
    public Hazard {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(message, "message");
    }

    /** The kinds of data-losing change. */
    public enum Kind {
        /** A table's partition or sort key changes. */
        TABLE_KEY_CHANGED,
        /** A table's name changes. */
        TABLE_RENAMED,
        /** A model the lock records is gone (removed, or renamed without saying so). */
        MODEL_REMOVED,
        /** More than one GSI of a table changes in one deployment. */
        MULTIPLE_INDEX_CHANGES,
        /** A bucket is removed or renamed. */
        BUCKET_REPLACED,
        /** A user pool setting that Cognito cannot change on an existing pool changes, or auth is removed. */
        USER_POOL_REPLACED
    }

    /** {@code place: message}. */
    @Override
    public String toString() {
        return place + ": " + message;
    }
}
