package io.amplify4j.model.storage;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An S3 bucket with path-based access rules. Nothing is accessible unless a rule grants it.
 *
 * @param name the friendly name, used in outputs and environment variable names
 * @param isDefault the default bucket; required when a backend has more than one
 * @param versioned object versioning
 * @param corsOrigins origins allowed by CORS; empty means none (stricter than Amplify's {@code *})
 * @param access access rules per path, in declaration order
 * @param onUpload the function run when an object is created
 * @param onDelete the function run when an object is removed
 */
public record StorageDefinition(
        String name,
        boolean isDefault,
        boolean versioned,
        List<String> corsOrigins,
        List<PathAccess> access,
        Optional<String> onUpload,
        Optional<String> onDelete) {

    public StorageDefinition {
        Objects.requireNonNull(name, "name");
        corsOrigins = Canonical.list(corsOrigins);
        access = Canonical.list(access);
        Objects.requireNonNull(onUpload, "onUpload");
        Objects.requireNonNull(onDelete, "onDelete");
    }

    /** The rules for one path pattern such as {@code media/{entity_id}/*}. */
    public record PathAccess(String path, List<AccessRule> rules) {
        /** The token replaced by the caller's identity-pool identity id. */
        public static final String ENTITY_ID = "{entity_id}";

        public PathAccess {
            Objects.requireNonNull(path, "path");
            rules = Canonical.list(rules);
        }
    }

    /** Who may do what on a path. */
    public record AccessRule(StorageAccessor accessor, List<StorageAction> actions) {
        public AccessRule {
            Objects.requireNonNull(accessor, "accessor");
            actions = Canonical.enumSet(actions);
        }
    }
}
