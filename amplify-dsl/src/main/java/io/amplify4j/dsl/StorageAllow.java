package io.amplify4j.dsl;

import io.amplify4j.model.storage.StorageAccessor;
import java.util.Arrays;
import java.util.Objects;

/** Who a storage path rule is for; finish each with {@link StorageRule.Target#to}. */
public final class StorageAllow {
    StorageAllow() {}

    /** Guest identities of the identity pool. */
    public StorageRule.Target guest() {
        return new StorageRule.Target(new StorageAccessor.Guest(), null);
    }

    /** Any signed-in identity. */
    public StorageRule.Target authenticated() {
        return new StorageRule.Target(new StorageAccessor.Authenticated(), null);
    }

    /** Members of any of these groups; they keep their authenticated and entity grants too. */
    public StorageRule.Target groups(AuthGroup... groups) {
        return new StorageRule.Target(
                new StorageAccessor.Groups(Arrays.stream(groups).map(AuthGroup::name).toList()), null);
    }

    /** The identity whose id fills the path's {@code {entity_id}} segment. */
    public StorageRule.Target entity() {
        return new StorageRule.Target(new StorageAccessor.Entity(), null);
    }

    /** A function of this backend. */
    public StorageRule.Target resource(FunctionRef function) {
        Objects.requireNonNull(function, "function");
        return new StorageRule.Target(new StorageAccessor.Resource(function.name()), function);
    }
}
