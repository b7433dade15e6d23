package io.amplify4j.plan;

import io.amplify4j.model.Canonical;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a storage policy: an effect, an operation and the storage paths it covers.
 *
 * <p>Paths are relative to the bucket, with {@code {entity_id}} already substituted: {@code *} for everyone but
 * entity rules, {@link #IDENTITY_ID_VARIABLE} for those. For object operations the IAM resources are
 * {@code <bucket ARN>/<path>}; for {@link StorageOperation#LIST} the resource is the bucket and each path becomes
 * two {@code s3:prefix} condition values, the path and the path without its final {@code *} ({@code foo/bar/*} and
 * {@code foo/bar/}), so that the folder itself can be listed too.
 *
 * @param effect allow or deny
 * @param operation what is allowed or denied
 * @param paths the storage paths, in the order the definition first names them
 */
public record StorageStatement(Effect effect, StorageOperation operation, List<String> paths) {
    /** The IAM policy variable holding the caller's identity-pool identity id ({@code region:uuid}). */
    public static final String IDENTITY_ID_VARIABLE = "${cognito-identity.amazonaws.com:sub}";

    public StorageStatement {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(operation, "operation");
        paths = Canonical.list(paths);
    }

    /** Allow or deny, as IAM spells them. */
    public enum Effect {
        ALLOW("Allow"),
        DENY("Deny");

        private final String iamName;

        Effect(String iamName) {
            this.iamName = iamName;
        }

        /** {@code Allow} or {@code Deny}. */
        public String iamName() {
            return iamName;
        }
    }

    /** The {@code s3:prefix} values of a list statement: each path, then the path without its final {@code *}. */
    public List<String> listPrefixConditions() {
        List<String> values = new ArrayList<>();
        for (String path : paths) {
            values.add(path);
            values.add(path.substring(0, path.length() - 1));
        }
        return List.copyOf(values);
    }

    /**
     * Whether this statement applies to {@code target}: an object key for object operations, the {@code prefix} of a
     * listing for {@link StorageOperation#LIST}. Patterns match as IAM matches them ({@code *} any run of
     * characters, {@code ?} one character, keys taken literally); the identity id variable matches only the
     * caller's own id, and nothing when the caller has none.
     */
    public boolean appliesTo(String target, Optional<String> identityId) {
        Objects.requireNonNull(target, "target");
        List<String> patterns = operation.onObjects() ? paths : listPrefixConditions();
        for (String pattern : patterns) {
            if (IamPatterns.matches(pattern, target, identityId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * This statement as an IAM policy statement (Jackson-ready maps), with {@code bucketArn} as the bucket's ARN or
     * a token standing for it.
     */
    public Map<String, Object> toIam(String bucketArn) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", effect.iamName());
        statement.put("Action", operation.iamAction());
        if (operation.onObjects()) {
            statement.put("Resource", paths.stream().map(p -> bucketArn + "/" + p).toList());
        } else {
            statement.put("Resource", List.of(bucketArn));
            statement.put("Condition", Map.of("StringLike", Map.of("s3:prefix", listPrefixConditions())));
        }
        return statement;
    }
}
