package io.amplify4j.plan;

import io.amplify4j.model.BackendModel;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.function.FunctionDefinition;
import io.amplify4j.model.storage.StorageAccessor;
import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.model.storage.StorageDefinition;
import io.amplify4j.model.storage.StorageDefinition.AccessRule;
import io.amplify4j.model.storage.StorageDefinition.PathAccess;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a bucket's path rules into one policy per principal, as Amplify's storage access orchestrator does
 * (security-and-reliability.md §3), with one deliberate difference: every group role also carries the
 * authenticated role's grants (union stance), so a user who joins a group keeps what signed-in users and the
 * owner of an {@code {entity_id}} folder may do. The group's grants are merged before deny-by-default is computed,
 * so the authenticated role's denies never take away what the group grants.
 */
final class StoragePlanner {
    private final List<String> groups;
    private final List<String> functions;

    StoragePlanner(BackendModel model) {
        this.groups = model.auth().map(AuthDefinition::groups).orElse(List.of()).stream()
                .map(AuthDefinition.UserGroup::name).toList();
        this.functions = model.functions().stream().map(FunctionDefinition::name).toList();
    }

    BucketPlan plan(StorageDefinition bucket) {
        // Step 1: every rule becomes (principal, operation, substituted path) allows, in declaration order.
        Map<IamPrincipal, Map<StorageOperation, Set<String>>> allows = new LinkedHashMap<>();
        Set<String> allPaths = new LinkedHashSet<>();
        for (PathAccess access : bucket.access()) {
            for (AccessRule rule : access.rules()) {
                String path = substitute(access.path(), rule.accessor() instanceof StorageAccessor.Entity
                        ? StorageStatement.IDENTITY_ID_VARIABLE : "*");
                allPaths.add(path);
                for (IamPrincipal principal : principals(rule.accessor())) {
                    Map<StorageOperation, Set<String>> byOperation =
                            allows.computeIfAbsent(principal, p -> new EnumMap<>(StorageOperation.class));
                    for (StorageOperation operation : operations(rule.actions())) {
                        byOperation.computeIfAbsent(operation, o -> new LinkedHashSet<>()).add(path);
                    }
                }
            }
        }
        // Step 2 (union stance): each group role gets the authenticated role's allows too.
        Map<StorageOperation, Set<String>> authenticated = allows.getOrDefault(IamPrincipal.authenticated(), Map.of());
        for (String group : groups) {
            if (authenticated.isEmpty()) {
                break;
            }
            Map<StorageOperation, Set<String>> byOperation =
                    allows.computeIfAbsent(IamPrincipal.group(group), p -> new EnumMap<>(StorageOperation.class));
            authenticated.forEach((operation, paths) ->
                    byOperation.computeIfAbsent(operation, o -> new LinkedHashSet<>()).addAll(paths));
        }
        // Step 3: deny-by-default on sub-paths, per principal and operation, then the policies in a fixed order.
        List<StoragePolicy> policies = new ArrayList<>();
        for (IamPrincipal principal : principalOrder()) {
            Map<StorageOperation, Set<String>> byOperation = allows.get(principal);
            if (byOperation == null || byOperation.isEmpty()) {
                continue;
            }
            List<StorageStatement> statements = new ArrayList<>();
            byOperation.forEach((operation, allowed) -> {
                Set<String> denied = new LinkedHashSet<>();
                for (String path : allPaths) {
                    findParent(path, allPaths)
                            .filter(parent -> !parent.equals(path.replace(StorageStatement.IDENTITY_ID_VARIABLE + "/", "")))
                            .filter(allowed::contains)
                            .filter(parent -> !allowed.contains(path))
                            .ifPresent(parent -> denied.add(path));
                }
                statements.add(new StorageStatement(StorageStatement.Effect.ALLOW, operation, withoutSubPaths(allowed)));
                if (!denied.isEmpty()) {
                    statements.add(new StorageStatement(StorageStatement.Effect.DENY, operation, List.copyOf(denied)));
                }
            });
            policies.add(new StoragePolicy(principal, statements));
        }
        return new BucketPlan(bucket, policies);
    }

    private List<IamPrincipal> principalOrder() {
        List<IamPrincipal> order = new ArrayList<>();
        order.add(IamPrincipal.guest());
        order.add(IamPrincipal.authenticated());
        groups.forEach(g -> order.add(IamPrincipal.group(g)));
        functions.forEach(f -> order.add(IamPrincipal.function(f)));
        return order;
    }

    private static List<IamPrincipal> principals(StorageAccessor accessor) {
        if (accessor instanceof StorageAccessor.Guest) {
            return List.of(IamPrincipal.guest());
        }
        if (accessor instanceof StorageAccessor.Authenticated || accessor instanceof StorageAccessor.Entity) {
            return List.of(IamPrincipal.authenticated());
        }
        if (accessor instanceof StorageAccessor.Groups g) {
            return g.groups().stream().map(IamPrincipal::group).toList();
        }
        return List.of(IamPrincipal.function(((StorageAccessor.Resource) accessor).function()));
    }

    /** {@code read} is get plus list; the result is in {@link StorageOperation} order without duplicates. */
    private static Set<StorageOperation> operations(List<StorageAction> actions) {
        Set<StorageOperation> operations = java.util.EnumSet.noneOf(StorageOperation.class);
        for (StorageAction action : actions) {
            switch (action) {
                case READ -> {
                    operations.add(StorageOperation.GET);
                    operations.add(StorageOperation.LIST);
                }
                case GET -> operations.add(StorageOperation.GET);
                case LIST -> operations.add(StorageOperation.LIST);
                case WRITE -> operations.add(StorageOperation.WRITE);
                case DELETE -> operations.add(StorageOperation.DELETE);
            }
        }
        return operations;
    }

    /**
     * Replaces {@code {entity_id}}; a result ending in {@code /*}{@code /*} (a non-entity rule on an entity path)
     * is trimmed to {@code /*}, as Amplify does: such a rule covers every identity's folder and the prefix itself.
     */
    static String substitute(String path, String replacement) {
        String result = path.replace(PathAccess.ENTITY_ID, replacement);
        return result.endsWith("/*/*") ? result.substring(0, result.length() - 2) : result;
    }

    /** The other path that is a prefix of {@code path} (validation allows at most one). */
    private static Optional<String> findParent(String path, Set<String> paths) {
        return paths.stream().filter(p -> !p.equals(path) && path.startsWith(p.replace("*", ""))).findFirst();
    }

    /** Allowing a path already allows its sub-paths, so they are left out of the statement. */
    private static List<String> withoutSubPaths(Set<String> paths) {
        return paths.stream().filter(p -> findParent(p, paths).isEmpty()).toList();
    }
}
