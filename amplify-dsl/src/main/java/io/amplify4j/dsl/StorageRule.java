package io.amplify4j.dsl;

import io.amplify4j.model.storage.StorageAccessor;
import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.model.storage.StorageDefinition.AccessRule;
import io.amplify4j.validate.Problems;
import java.util.List;

/** A storage path rule: who, and which actions. */
public final class StorageRule {
    private final Target target;
    private final List<StorageAction> actions;

    private StorageRule(Target target, List<StorageAction> actions) {
        this.target = target;
        this.actions = actions;
    }

    AccessRule toModel(BackendBuilder backend, String place, Problems problems) {
        if (target.function != null) {
            target.function.checkSameBackend(backend, place, problems);
        }
        return new AccessRule(target.accessor, actions);
    }

    /** Who a rule is for; a rule exists only once its actions are named. */
    public static final class Target {
        private final StorageAccessor accessor;
        private final FunctionRef function;

        Target(StorageAccessor accessor, FunctionRef function) {
            this.accessor = accessor;
            this.function = function;
        }

        /** The actions granted: {@code READ} (get and list), or {@code GET}/{@code LIST}, {@code WRITE}, {@code DELETE}. */
        public StorageRule to(StorageAction... actions) {
            return new StorageRule(this, List.of(actions));
        }
    }
}
