package io.amplify4j.plan.lock;

import java.util.Objects;

/**
 * An explicit permission for one change that {@link LockCheck} would otherwise refuse because it replaces or deletes
 * a stateful resource. Each names exactly one resource, so allowing one change never lets another through.
 */
public sealed interface Allowance {

    /** Replace a model's table (new key or new name): the old table's items are not carried over. */
    static Allowance replaceTable(String model) {
        return new ReplaceTable(model);
    }

    /** Remove a model whose table the lock records: the table is deleted (sandbox) or detached and kept. */
    static Allowance removeModel(String model) {
        return new RemoveModel(model);
    }

    /** A model renamed from {@code from} to {@code to}: it keeps the old model's table and resource ids. */
    static Allowance renameModel(String from, String to) {
        return new RenameModel(from, to);
    }

    /** Change several GSIs of a model's table in one deployment (only sensible for an empty or new table). */
    static Allowance multipleIndexChanges(String model) {
        return new MultipleIndexChanges(model);
    }

    /** Remove or replace a bucket: its objects are deleted (sandbox) or the bucket is detached and kept. */
    static Allowance replaceBucket(String storage) {
        return new ReplaceBucket(storage);
    }

    /** Replace the user pool: every user, password and group membership is lost. */
    static Allowance replaceUserPool() {
        return new ReplaceUserPool();
    }

    /** See {@link #replaceTable}. */
    record ReplaceTable(String model) implements Allowance {
        public ReplaceTable {
            Objects.requireNonNull(model, "model");
        }
    }

    /** See {@link #removeModel}. */
    record RemoveModel(String model) implements Allowance {
        public RemoveModel {
            Objects.requireNonNull(model, "model");
        }
    }

    /** See {@link #renameModel}. */
    record RenameModel(String from, String to) implements Allowance {
        public RenameModel {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** See {@link #multipleIndexChanges}. */
    record MultipleIndexChanges(String model) implements Allowance {
        public MultipleIndexChanges {
            Objects.requireNonNull(model, "model");
        }
    }

    /** See {@link #replaceBucket}. */
    record ReplaceBucket(String storage) implements Allowance {
        public ReplaceBucket {
            Objects.requireNonNull(storage, "storage");
        }
    }

    /** See {@link #replaceUserPool}. */
    record ReplaceUserPool() implements Allowance {}
}
