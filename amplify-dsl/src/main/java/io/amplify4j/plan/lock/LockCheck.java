package io.amplify4j.plan.lock;

import io.amplify4j.plan.lock.Hazard.Kind;
import io.amplify4j.plan.lock.StatefulResource.Index;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the stateful shape of the plan with the lock file's and lists every change that would replace or delete
 * a stateful resource and that no {@link Allowance} permits. Independent of CDK: it compares two descriptions.
 *
 * <p>Platform facts the checks encode: a DynamoDB table's key schema cannot change, and CloudFormation replaces a
 * table whose key or name changes (a custom-named table cannot even be replaced in one step); DynamoDB creates or
 * deletes one GSI per {@code UpdateTable}, so CloudFormation fails an update touching two; a bucket whose logical id
 * or name changes is a new bucket; Cognito cannot change a pool's sign-in attributes, user name case sensitivity or
 * required attributes, nor remove or change a custom attribute.
 */
public final class LockCheck {
    private LockCheck() {}

    /**
     * The construct id of each model's resources: the id the lock records for the model, or for the model it was
     * renamed from (with an allowance); a new model's own name.
     */
    public static Map<String, String> resourceIds(Optional<Lock> previous, List<String> models,
            List<Allowance> allowances) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String model : models) {
            String id = model;
            if (previous.isPresent()) {
                Optional<String> renamedFrom = allowances.stream()
                        .filter(a -> a instanceof Allowance.RenameModel r && r.to().equals(model))
                        .map(a -> ((Allowance.RenameModel) a).from())
                        .findFirst();
                Optional<StatefulResource.Table> locked = previous.get().table(renamedFrom.orElse(model));
                if (locked.isPresent()) {
                    id = locked.get().resourceId();
                }
            }
            ids.put(model, id);
        }
        return ids;
    }

    /** The refused changes from {@code previous} to {@code current}, tables first, then buckets, then the pool. */
    public static List<Hazard> compare(Lock previous, Lock current, List<Allowance> allowances) {
        List<Hazard> hazards = new ArrayList<>();
        Map<String, StatefulResource.Table> currentById = current.tables().stream()
                .collect(Collectors.toMap(StatefulResource.Table::resourceId, Function.identity(), (a, b) -> a));
        for (StatefulResource.Table before : previous.tables()) {
            StatefulResource.Table after = currentById.get(before.resourceId());
            if (after == null) {
                if (!allowances.contains(Allowance.removeModel(before.model()))) {
                    hazards.add(removed(before, previous, current));
                }
                continue;
            }
            boolean replaceAllowed = allowances.contains(Allowance.replaceTable(after.model()));
            boolean keyChanged = !before.partitionKey().equals(after.partitionKey())
                    || !before.sortKey().equals(after.sortKey());
            if (keyChanged && !replaceAllowed) {
                hazards.add(new Hazard(Kind.TABLE_KEY_CHANGED, after.place(), "the key of table `"
                        + before.tableName() + "` changes from (" + before.keyText() + ") to (" + after.keyText()
                        + "). DynamoDB cannot change a table's key: CloudFormation would have to replace the table,"
                        + " and the new table starts empty. Either keep the key and add a secondary index for the new"
                        + " access pattern, or replace the table on purpose: give the model a new table name, copy"
                        + " the items over after deploying, and allow it with Allowance.replaceTable(\""
                        + after.model() + "\")."));
            }
            if (!before.tableName().equals(after.tableName()) && !replaceAllowed) {
                hazards.add(new Hazard(Kind.TABLE_RENAMED, after.place(), "the name of its table changes from `"
                        + before.tableName() + "` to `" + after.tableName() + "`. CloudFormation would create an"
                        + " empty table `" + after.tableName() + "` and delete `" + before.tableName()
                        + "` with all its items (in production it is kept, detached from the API). Keep the name with"
                        + " tableName(\"" + before.tableName() + "\") on the model, or copy the items over and allow"
                        + " it with Allowance.replaceTable(\"" + after.model() + "\")."));
            }
            if (!keyChanged && before.tableName().equals(after.tableName())) {
                indexHazard(before, after, allowances).ifPresent(hazards::add);
            }
        }
        Map<String, StatefulResource.Bucket> buckets = current.buckets().stream()
                .collect(Collectors.toMap(StatefulResource.Bucket::storage, Function.identity()));
        for (StatefulResource.Bucket before : previous.buckets()) {
            StatefulResource.Bucket after = buckets.get(before.storage());
            if (allowances.contains(Allowance.replaceBucket(before.storage()))) {
                continue;
            }
            if (after == null) {
                hazards.add(new Hazard(Kind.BUCKET_REPLACED, before.place(), "the bucket is gone from the"
                        + " definition (removed or renamed). CloudFormation would delete it with every object in it"
                        + " (in production it is kept, detached). Keep the storage's name, or copy the objects to"
                        + " the new bucket and allow it with Allowance.replaceBucket(\"" + before.storage() + "\")."));
            } else if (!before.bucketName().equals(after.bucketName())) {
                hazards.add(new Hazard(Kind.BUCKET_REPLACED, before.place(), "the bucket's name changes from `"
                        + before.bucketName().orElse("(generated)") + "` to `"
                        + after.bucketName().orElse("(generated)") + "`. CloudFormation would create a new, empty"
                        + " bucket and delete the old one with its objects (in production it is kept, detached)."
                        + " Keep the name, or copy the objects over and allow it with Allowance.replaceBucket(\""
                        + before.storage() + "\")."));
            }
        }
        if (previous.userPool().isPresent() && !allowances.contains(Allowance.replaceUserPool())) {
            userPoolHazard(previous.userPool().get(), current.userPool()).ifPresent(hazards::add);
        }
        return hazards;
    }

    private static Hazard removed(StatefulResource.Table before, Lock previous, Lock current) {
        List<String> added = current.tables().stream()
                .filter(t -> previous.tables().stream().noneMatch(p -> p.resourceId().equals(t.resourceId())))
                .map(StatefulResource.Table::model)
                .toList();
        String rename = added.isEmpty() ? "If it was renamed, allow Allowance.renameModel(\"" + before.model()
                + "\", \"<NewName>\") and keep its table with tableName(\"" + before.tableName() + "\")"
                : "If it was renamed (to " + String.join(" or ", added.stream().map(a -> "`" + a + "`").toList())
                        + "?), allow Allowance.renameModel(\"" + before.model() + "\", \"" + added.get(0)
                        + "\") and keep its table with tableName(\"" + before.tableName() + "\") on the new model";
        return new Hazard(Kind.MODEL_REMOVED, before.place(), "the model is gone from the definition, so its table `"
                + before.tableName() + "` would be deleted with all its items (in production it is kept, detached"
                + " from the API). " + rename + "; if it is removed on purpose, allow Allowance.removeModel(\""
                + before.model() + "\").");
    }

    private static Optional<Hazard> indexHazard(StatefulResource.Table before, StatefulResource.Table after,
            List<Allowance> allowances) {
        Map<String, Index> old = before.indexes().stream().collect(Collectors.toMap(Index::name, i -> i));
        Map<String, Index> now = after.indexes().stream().collect(Collectors.toMap(Index::name, i -> i));
        List<String> steps = new ArrayList<>();
        for (String name : new TreeSet<>(old.keySet())) {
            if (!now.containsKey(name)) {
                steps.add("remove `" + name + "`");
            } else if (!old.get(name).equals(now.get(name))) {
                steps.add("remove `" + name + "` (its keys or projection change)");
            }
        }
        for (String name : new TreeSet<>(now.keySet())) {
            if (!old.containsKey(name)) {
                steps.add("add `" + name + "`");
            } else if (!old.get(name).equals(now.get(name))) {
                steps.add("add `" + name + "` again with its new keys or projection");
            }
        }
        if (steps.size() <= 1 || allowances.contains(Allowance.multipleIndexChanges(after.model()))
                || allowances.contains(Allowance.replaceTable(after.model()))) {
            return Optional.empty();
        }
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            order.append(i == 0 ? "" : ", then ").append("deploy ").append(i + 1).append(": ").append(steps.get(i));
        }
        return Optional.of(new Hazard(Kind.MULTIPLE_INDEX_CHANGES, after.place(), steps.size()
                + " global secondary index changes on table `" + after.tableName() + "` in one deployment."
                + " DynamoDB creates or deletes one index per table update, so CloudFormation would fail and roll"
                + " back. Deploy them one at a time (" + order + "), updating the lock file after each; or, if the"
                + " table holds nothing worth keeping, allow it with Allowance.multipleIndexChanges(\""
                + after.model() + "\")."));
    }

    private static Optional<Hazard> userPoolHazard(StatefulResource.UserPool before,
            Optional<StatefulResource.UserPool> current) {
        String consequence = " Cognito cannot change this on an existing user pool: CloudFormation would replace it,"
                + " and every user, password and group membership would be lost. Keep the setting, or migrate the"
                + " users (for example with a user migration trigger) and allow it with"
                + " Allowance.replaceUserPool().";
        if (current.isEmpty()) {
            return Optional.of(new Hazard(Kind.USER_POOL_REPLACED, "auth", "auth is gone from the definition, so"
                    + " the user pool would be deleted with every user (in production it is kept, detached). Keep"
                    + " auth, or export the users and allow it with Allowance.replaceUserPool()."));
        }
        StatefulResource.UserPool after = current.get();
        List<String> changes = new ArrayList<>();
        if (!before.signInAttributes().equals(after.signInAttributes())) {
            changes.add("the sign-in attributes change from " + before.signInAttributes() + " to "
                    + after.signInAttributes());
        }
        if (before.caseSensitiveUsernames() != after.caseSensitiveUsernames()) {
            changes.add("user names become case " + (after.caseSensitiveUsernames() ? "sensitive" : "insensitive"));
        }
        if (!before.requiredAttributes().equals(after.requiredAttributes())) {
            changes.add("the required attributes change from " + before.requiredAttributes() + " to "
                    + after.requiredAttributes());
        }
        Map<String, StatefulResource.CustomAttribute> now = after.customAttributes().stream()
                .collect(Collectors.toMap(StatefulResource.CustomAttribute::name, a -> a));
        for (StatefulResource.CustomAttribute attribute : before.customAttributes()) {
            StatefulResource.CustomAttribute changed = now.get(attribute.name());
            if (changed == null) {
                changes.add("custom attribute `custom:" + attribute.name() + "` is removed");
            } else if (!changed.equals(attribute)) {
                changes.add("custom attribute `custom:" + attribute.name() + "` changes from " + attribute.describe()
                        + " to " + changed.describe());
            }
        }
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Hazard(Kind.USER_POOL_REPLACED, "auth", String.join("; ", changes) + "."
                + consequence));
    }
}
