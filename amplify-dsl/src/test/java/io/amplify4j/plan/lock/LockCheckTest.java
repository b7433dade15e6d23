package io.amplify4j.plan.lock;

import static io.amplify4j.model.data.ModelOperation.READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.dsl.AuthBuilder;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.dsl.StringField;
import io.amplify4j.model.auth.AuthDefinition.CustomAttribute;
import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.plan.BackendPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per data-losing change: the exact message, and the allowance that lets it through. */
class LockCheckTest {

    /** The knobs of the notes backend that the tests turn. */
    record Shape(String model, boolean slugKey, Optional<String> tableName, List<String> indexes, String storage,
            boolean phone, List<String> customAttributes) {
        static Shape base() {
            return new Shape("Note", false, Optional.empty(), List.of("author"), "media", false, List.of("team"));
        }

        Shape withModel(String name) {
            return new Shape(name, slugKey, tableName, indexes, storage, phone, customAttributes);
        }

        Shape withSlugKey() {
            return new Shape(model, true, tableName, indexes, storage, phone, customAttributes);
        }

        Shape withTableName(String name) {
            return new Shape(model, slugKey, Optional.of(name), indexes, storage, phone, customAttributes);
        }

        Shape withIndexes(String... fields) {
            return new Shape(model, slugKey, tableName, List.of(fields), storage, phone, customAttributes);
        }

        Shape withStorage(String name) {
            return new Shape(model, slugKey, tableName, indexes, name, phone, customAttributes);
        }

        Shape withPhone() {
            return new Shape(model, slugKey, tableName, indexes, storage, true, customAttributes);
        }

        Shape withCustomAttributes(String... names) {
            return new Shape(model, slugKey, tableName, indexes, storage, phone, List.of(names));
        }

        Lock lock() {
            BackendBuilder backend = Backend.builder("notes");
            AuthBuilder auth = backend.auth().loginWithEmail();
            if (phone) {
                auth.loginWithPhone();
            }
            customAttributes.forEach(a -> auth.customAttribute(a, CustomAttribute.DataType.STRING));
            backend.data().authorizationModes(modes -> modes.apiKey(30));
            ModelBuilder note = backend.data().model(model);
            StringField slug = note.string("slug").required();
            Map<String, StringField> fields = Map.of(
                    "author", note.string("author").required(),
                    "topic", note.string("topic").required(),
                    "status", note.string("status").required());
            for (String field : indexes) {
                note.secondaryIndex(fields.get(field));
            }
            if (slugKey) {
                note.identifier(slug);
            }
            tableName.ifPresent(note::tableName);
            note.authorization(allow -> List.of(allow.owner(), allow.publicApiKey().to(READ)));
            backend.storage(storage, bucket -> bucket.access("public/*",
                    allow -> List.of(allow.authenticated().to(StorageAction.READ))));
            return Lock.of(BackendPlan.of(backend.build()));
        }
    }

    static List<Hazard> compare(Shape before, Shape after, Allowance... allowances) {
        Lock previous = before.lock();
        Lock current = after.lock();
        Map<String, String> ids = LockCheck.resourceIds(Optional.of(previous),
                current.tables().stream().map(StatefulResource.Table::model).toList(), List.of(allowances));
        current = current.withTables(current.tables().stream()
                .map(t -> new StatefulResource.Table(t.model(), ids.get(t.model()), t.tableName(), t.partitionKey(),
                        t.sortKey(), t.indexes()))
                .toList());
        return LockCheck.compare(previous, current, List.of(allowances));
    }

    @Test
    void an_unchanged_backend_passes() {
        assertThat(compare(Shape.base(), Shape.base())).isEmpty();
    }

    @Test
    void a_changed_table_key_is_refused() {
        List<Hazard> hazards = compare(Shape.base(), Shape.base().withSlugKey());
        assertThat(hazards).extracting(Hazard::toString).containsExactly("data.Note: the key of table `notes-Note`"
                + " changes from (id:S) to (slug:S). DynamoDB cannot change a table's key: CloudFormation would have"
                + " to replace the table, and the new table starts empty. Either keep the key and add a secondary"
                + " index for the new access pattern, or replace the table on purpose: give the model a new table"
                + " name, copy the items over after deploying, and allow it with Allowance.replaceTable(\"Note\").");
        assertThat(compare(Shape.base(), Shape.base().withSlugKey(), Allowance.replaceTable("Note"))).isEmpty();
    }

    @Test
    void a_renamed_table_is_refused() {
        List<Hazard> hazards = compare(Shape.base(), Shape.base().withTableName("notes-v2"));
        assertThat(hazards).extracting(Hazard::toString).containsExactly("data.Note: the name of its table changes"
                + " from `notes-Note` to `notes-v2`. CloudFormation would create an empty table `notes-v2` and delete"
                + " `notes-Note` with all its items (in production it is kept, detached from the API). Keep the name"
                + " with tableName(\"notes-Note\") on the model, or copy the items over and allow it with"
                + " Allowance.replaceTable(\"Note\").");
        assertThat(compare(Shape.base(), Shape.base().withTableName("notes-v2"), Allowance.replaceTable("Note")))
                .isEmpty();
    }

    @Test
    void a_renamed_model_is_refused_as_a_removal_and_suggests_the_rename() {
        List<Hazard> hazards = compare(Shape.base(), Shape.base().withModel("Memo"));
        assertThat(hazards).extracting(Hazard::kind).containsExactly(Hazard.Kind.MODEL_REMOVED);
        assertThat(hazards.get(0).toString()).isEqualTo("data.Note: the model is gone from the definition, so its"
                + " table `notes-Note` would be deleted with all its items (in production it is kept, detached from the"
                + " API). If it was renamed (to `Memo`?), allow Allowance.renameModel(\"Note\", \"Memo\") and keep its"
                + " table with tableName(\"notes-Note\") on the new model; if it is removed on purpose, allow"
                + " Allowance.removeModel(\"Note\").");
    }

    @Test
    void an_allowed_rename_that_keeps_the_table_passes_and_keeps_the_resource_id() {
        Shape before = Shape.base().withIndexes();
        Shape renamed = before.withModel("Memo").withTableName("notes-Note");
        assertThat(compare(before, renamed, Allowance.renameModel("Note", "Memo"))).isEmpty();
        // A default index name follows the model's name, so renaming a model with one also renames the index.
        assertThat(compare(Shape.base(), Shape.base().withModel("Memo").withTableName("notes-Note"),
                Allowance.renameModel("Note", "Memo"))).extracting(Hazard::kind)
                .containsExactly(Hazard.Kind.MULTIPLE_INDEX_CHANGES);
        assertThat(LockCheck.resourceIds(Optional.of(Shape.base().lock()), List.of("Memo"),
                List.of(Allowance.renameModel("Note", "Memo")))).containsExactly(Map.entry("Memo", "Note"));
        // Renamed without keeping the table name: still a table replacement.
        assertThat(compare(Shape.base(), Shape.base().withModel("Memo"), Allowance.renameModel("Note", "Memo")))
                .extracting(Hazard::kind).containsExactly(Hazard.Kind.TABLE_RENAMED);
    }

    @Test
    void a_removed_model_passes_only_when_allowed() {
        Shape without = Shape.base().withModel("Other");
        assertThat(compare(Shape.base(), without, Allowance.removeModel("Note"))).isEmpty();
    }

    @Test
    void two_index_changes_on_one_table_are_refused_with_the_steps() {
        List<Hazard> hazards = compare(Shape.base(), Shape.base().withIndexes("topic", "status"));
        assertThat(hazards).extracting(Hazard::toString).containsExactly("data.Note: 3 global secondary index"
                + " changes on table `notes-Note` in one deployment. DynamoDB creates or deletes one index per table"
                + " update, so CloudFormation would fail and roll back. Deploy them one at a time (deploy 1: remove"
                + " `notesByAuthor`, then deploy 2: add `notesByStatus`, then deploy 3: add `notesByTopic`), updating"
                + " the lock file after each; or, if the table holds nothing worth keeping, allow it with"
                + " Allowance.multipleIndexChanges(\"Note\").");
        assertThat(compare(Shape.base(), Shape.base().withIndexes("author", "topic"))).isEmpty();
        assertThat(compare(Shape.base(), Shape.base().withIndexes("topic", "status"),
                Allowance.multipleIndexChanges("Note"))).isEmpty();
    }

    @Test
    void a_removed_or_renamed_bucket_is_refused() {
        List<Hazard> hazards = compare(Shape.base(), Shape.base().withStorage("pictures"));
        assertThat(hazards).extracting(Hazard::toString).containsExactly("storage.media: the bucket is gone from"
                + " the definition (removed or renamed). CloudFormation would delete it with every object in it (in"
                + " production it is kept, detached). Keep the storage's name, or copy the objects to the new bucket"
                + " and allow it with Allowance.replaceBucket(\"media\").");
        assertThat(compare(Shape.base(), Shape.base().withStorage("pictures"), Allowance.replaceBucket("media")))
                .isEmpty();
    }

    @Test
    void a_user_pool_sign_in_change_is_refused() {
        List<Hazard> hazards = compare(Shape.base(), Shape.base().withPhone());
        assertThat(hazards).extracting(Hazard::toString).containsExactly("auth: the sign-in attributes change from"
                + " [email] to [email, phone_number]; the required attributes change from [email] to [email,"
                + " phone_number]. Cognito cannot change this on an existing user pool: CloudFormation would replace"
                + " it, and every user, password and group membership would be lost. Keep the setting, or migrate the"
                + " users (for example with a user migration trigger) and allow it with Allowance.replaceUserPool().");
        assertThat(compare(Shape.base(), Shape.base().withPhone(), Allowance.replaceUserPool())).isEmpty();
    }

    @Test
    void a_removed_custom_attribute_is_refused_and_an_added_one_passes() {
        assertThat(compare(Shape.base(), Shape.base().withCustomAttributes())).extracting(Hazard::toString)
                .containsExactly("auth: custom attribute `custom:team` is removed. Cognito cannot change this on an"
                        + " existing user pool: CloudFormation would replace it, and every user, password and group"
                        + " membership would be lost. Keep the setting, or migrate the users (for example with a user"
                        + " migration trigger) and allow it with Allowance.replaceUserPool().");
        assertThat(compare(Shape.base(), Shape.base().withCustomAttributes("team", "region"))).isEmpty();
    }

    @Test
    void the_lock_file_round_trips_and_the_guard_lists_every_hazard(@TempDir Path directory) {
        Path file = directory.resolve(Lock.DEFAULT_FILE_NAME);
        Lock lock = Shape.base().lock().withDataPlacement(Map.of("Note", 1));
        lock.write(file);
        assertThat(Lock.read(file)).contains(lock);
        DeploymentLock guard = DeploymentLock.at(file);
        assertThatThrownBy(() -> guard.check(guard.read().orElseThrow(), Shape.base().withSlugKey().withStorage("x").lock()))
                .isInstanceOf(UnsafeChangeException.class)
                .hasMessageStartingWith("Synthesis refused: 2 changes against the lock file " + file
                        + " would lose data.\n- data.Note: the key of table")
                .hasMessageContaining("\n- storage.media: the bucket is gone")
                .hasMessageEndingWith("Nothing was deployed. Allowances go in DeploymentLock.allow(...); the lock"
                        + " file is updated only by an explicit writeLock() after a synthesis that passed.");
        assertThat(DeploymentLock.at(directory.resolve("absent.json")).read()).isEmpty();
    }
}
