package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;
import static io.amplify4j.validate.NameRules.qList;

import io.amplify4j.model.Profile;
import io.amplify4j.model.storage.StorageAccessor;
import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.model.storage.StorageDefinition;
import io.amplify4j.model.storage.StorageDefinition.AccessRule;
import io.amplify4j.model.storage.StorageDefinition.PathAccess;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Storage buckets (#22–#26): names, the default bucket, CORS, triggers, paths and access rules. A path is placed
 * as {@code storage.media.access["photos/*"]} and its rules as {@code ...access["photos/*"].rules[0]}.
 */
final class StorageValidator {
    private StorageValidator() {}

    static void check(Context ctx, List<StorageDefinition> buckets) {
        Set<String> names = new HashSet<>();
        for (StorageDefinition bucket : buckets) {
            String place = "storage." + bucket.name();
            NameRules.checkResourceName(ctx, place, "storage", bucket.name());
            if (!names.add(bucket.name())) {
                ctx.addf(place, "Storage %s is defined more than once. Give each bucket its own name.", q(bucket.name()));
            }
            checkBucket(ctx, bucket, place);
        }
        List<String> defaults = buckets.stream().filter(StorageDefinition::isDefault).map(StorageDefinition::name)
                .toList();
        if (defaults.size() > 1) {
            ctx.addf("storage", "More than one default storage set: %s. Mark exactly one bucket as default.",
                    qList(defaults));
        } else if (defaults.isEmpty() && buckets.size() > 1) {
            ctx.addf("storage", "No default storage set among %s. Mark exactly one bucket as default with isDefault.",
                    qList(buckets.stream().map(StorageDefinition::name).toList()));
        }
    }

    private static void checkBucket(Context ctx, StorageDefinition bucket, String place) {
        checkCors(ctx, place, bucket.corsOrigins());
        bucket.onUpload().filter(f -> !ctx.hasFunction(f)).ifPresent(f -> ctx.addf(place + ".onUpload",
                "Upload trigger function %s is not defined. Define the function or fix the name.", q(f)));
        bucket.onDelete().filter(f -> !ctx.hasFunction(f)).ifPresent(f -> ctx.addf(place + ".onDelete",
                "Delete trigger function %s is not defined. Define the function or fix the name.", q(f)));
        List<String> paths = bucket.access().stream().map(PathAccess::path).distinct().toList();
        Set<String> seenPaths = new HashSet<>();
        for (PathAccess access : bucket.access()) {
            String pathPlace = place + ".access[\"" + access.path() + "\"]";
            if (!seenPaths.add(access.path())) {
                ctx.addf(pathPlace, "Path %s is listed more than once in storage %s. Merge its rules.",
                        q(access.path()), q(bucket.name()));
                continue;
            }
            StoragePathRules.check(ctx, pathPlace, access.path(), paths);
            checkRules(ctx, bucket, access, pathPlace);
        }
    }

    /** {@code *} alone, or scheme://host[:port] origins: S3 matches origins literally, never by pattern lists. */
    private static void checkCors(Context ctx, String place, List<String> origins) {
        boolean production = ctx.backend.profile() == Profile.PRODUCTION;
        for (int i = 0; i < origins.size(); i++) {
            String origin = origins.get(i);
            String originPlace = place + ".corsOrigins[" + i + "]";
            if (origin.equals("*")) {
                if (production) {
                    // DESIGN stance: production buckets name the origins they serve.
                    ctx.add(originPlace, "CORS origin `*` allows every web site in the production profile. List the "
                            + "app's origins instead.");
                }
                if (origins.size() > 1) {
                    ctx.add(originPlace, "CORS origin `*` allows every origin, so it must be the only one. Remove `*` "
                            + "or the other origins.");
                }
            } else if (!isOrigin(origin)) {
                ctx.addf(originPlace, "CORS origin %s is not an origin. Use `*` alone, or http(s)://host[:port] "
                        + "without path or wildcard.", q(origin));
            }
        }
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null && !origin.contains("*") && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkRules(Context ctx, StorageDefinition bucket, PathAccess access, String pathPlace) {
        Set<String> accessors = new HashSet<>();
        String where = "on path " + q(access.path()) + " of storage " + q(bucket.name());
        for (int j = 0; j < access.rules().size(); j++) {
            AccessRule rule = access.rules().get(j);
            String place = pathPlace + ".rules[" + j + "]";
            String head = "Rule " + q(rule.accessor().describe()) + " " + where;
            for (String key : accessorKeys(rule.accessor())) {
                if (!accessors.add(key)) {
                    ctx.addf(place, "%s is specified multiple times %s. Combine the actions into one rule.",
                            q(key), where);
                }
            }
            if (rule.actions().isEmpty()) {
                ctx.addf(place, "%s grants no actions. Add read, get, list, write or delete.", head);
            }
            if (rule.actions().contains(StorageAction.READ)
                    && (rule.actions().contains(StorageAction.GET) || rule.actions().contains(StorageAction.LIST))) {
                ctx.addf(place, "%s combines `read` with `get` or `list`; read already includes them. Use either read "
                        + "or get and list.", head);
            }
            checkAccessor(ctx, place, head, rule.accessor(), access.path());
        }
    }

    /** The identities a rule is for; one identity may appear once per path. */
    private static List<String> accessorKeys(StorageAccessor accessor) {
        if (accessor instanceof StorageAccessor.Groups g) {
            List<String> keys = new ArrayList<>();
            g.groups().forEach(name -> keys.add("group " + name));
            return keys;
        }
        return List.of(accessor.describe());
    }

    private static void checkAccessor(Context ctx, String place, String head, StorageAccessor accessor, String path) {
        if (accessor instanceof StorageAccessor.Resource r) {
            if (!ctx.hasFunction(r.function())) {
                ctx.addf(place, "%s names function %s, which is not defined. Define the function or fix the name.",
                        head, q(r.function()));
            }
            return;
        }
        if (!ctx.hasAuth()) {
            String kind = accessor instanceof StorageAccessor.Groups ? "groups"
                    : accessor instanceof StorageAccessor.Entity ? "entity" : accessor.describe();
            ctx.addf(place, "Cannot specify auth access for %s users without defining auth. Define auth or remove "
                    + "the rule (%s).", kind, "rule" + head.substring("Rule".length()));
        }
        if (accessor instanceof StorageAccessor.Groups g) {
            if (g.groups().isEmpty()) {
                ctx.addf(place, "%s names no group. Name at least one group.", head);
            }
            for (String group : g.groups()) {
                if (ctx.hasAuth() && !ctx.hasGroup(group)) {
                    ctx.addf(place, "Group %s in %s is not defined in auth.groups. Declare it in auth or fix the name "
                            + "(declared: %s).", q(group), "rule" + head.substring("Rule".length()), qList(ctx.groupNames()));
                }
            }
        }
        if (accessor instanceof StorageAccessor.Entity && !path.contains(PathAccess.ENTITY_ID)) {
            // Without the token the policy would grant every signed-in identity the whole prefix.
            ctx.addf(place, "%s needs a path with the {entity_id} token. Use a path like `%s{entity_id}/*` or another "
                    + "accessor.", head, path.endsWith("*") ? path.substring(0, path.length() - 1) : path + "/");
        }
    }
}
