package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;
import static io.amplify4j.validate.NameRules.qList;

import io.amplify4j.model.storage.StorageDefinition.PathAccess;
import java.util.List;

/**
 * The ten storage path rules of Amplify's {@code validate_storage_access_paths.ts}, one check each. The prefix
 * limits exist because access is compiled into IAM allow and deny statements per path, and deny-by-default only
 * works with at most two levels of nesting; the {@code {entity_id}} rules keep the token a whole, final segment,
 * where it can become {@code ${cognito-identity.amazonaws.com:sub}} in a policy.
 */
final class StoragePathRules {
    private StoragePathRules() {}

    private static final String TOKEN = PathAccess.ENTITY_ID;

    /** Checks {@code path} against the other paths of the same bucket. */
    static void check(Context ctx, String place, String path, List<String> allPaths) {
        // Rules 1 to 4: format.
        if (path.startsWith("/")) {
            ctx.addf(place, "Storage access paths must not start with \"/\". Found %s; remove the leading slash.", q(path));
        }
        if (!path.endsWith("/*")) {
            String stem = path.replaceAll("[/*]+$", "");
            ctx.addf(place, "Storage access paths must end with \"/*\". Found %s; write it as %s.", q(path),
                    q(stem + "/*"));
        }
        if (path.contains("//")) {
            ctx.addf(place, "Path cannot contain \"//\". Found %s; remove the empty path part.", q(path));
        }
        if (path.indexOf('*') >= 0 && path.indexOf('*') < path.length() - 1) {
            ctx.addf(place, "Wildcards are only allowed as the final part of a path. Found %s; remove the other "
                    + "wildcards.", q(path));
        }
        // Rule 5: nesting.
        List<String> prefixes = allPaths.stream()
                .filter(other -> !other.equals(path) && path.startsWith(other.replace("*", "")))
                .toList();
        if (prefixes.size() > 1) {
            ctx.addf(place, "For any given path, only one other path can be a prefix of it. Found %s which has "
                    + "prefixes %s; keep at most one of them above this path.", q(path), qList(prefixes));
        }
        int first = path.indexOf(TOKEN);
        if (first < 0) {
            return;
        }
        // Rules 6 to 10: the entity token.
        if (prefixes.size() == 1) {
            ctx.addf(place, "A path cannot be a prefix of another path that contains the {entity_id} token. Found %s "
                    + "which has prefixes %s; remove the prefix path or move this one elsewhere.", q(path),
                    qList(prefixes));
        }
        if (path.indexOf(TOKEN, first + 1) >= 0) {
            ctx.addf(place, "The {entity_id} token can only appear once in a path. Found %s; remove all but one "
                    + "occurrence.", q(path));
            return;
        }
        String before = path.substring(0, first);
        String after = path.substring(first + TOKEN.length());
        if (!after.equals("/*")) {
            ctx.addf(place, "The {entity_id} token must be the path part right before the ending wildcard. Found %s; "
                    + "for example `foo/bar/{entity_id}/*`.", q(path));
        } else if (before.isEmpty()) {
            ctx.addf(place, "The {entity_id} token must not be the first path part. Found %s; add a prefix, for "
                    + "example `foo/{entity_id}/*`.", q(path));
        } else if (!before.endsWith("/")) {
            ctx.addf(place, "A path part that includes the {entity_id} token cannot include any other characters. "
                    + "Found %s; for example `foo/{entity_id}/*`.", q(path));
        }
    }
}
