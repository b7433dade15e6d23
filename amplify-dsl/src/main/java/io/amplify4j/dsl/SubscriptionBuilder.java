package io.amplify4j.dsl;

import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.CustomOperation.MutationKind;
import io.amplify4j.model.data.CustomOperation.SubscriptionSource;
import io.amplify4j.validate.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A custom subscription: it publishes the results of the mutations named with {@code forMutations}. */
public final class SubscriptionBuilder extends CustomHandledOperation<SubscriptionBuilder> {
    private final List<SubscriptionSource> sources = new ArrayList<>();
    private final List<Handle> sourceHandles = new ArrayList<>();

    SubscriptionBuilder(BackendBuilder backend, String name) {
        super(backend, name, CustomOperation.Type.SUBSCRIPTION);
    }

    /** Publishes the results of these generated mutations of {@code model}; all three when none are named. */
    public SubscriptionBuilder forMutations(ModelBuilder model, MutationKind... mutations) {
        Objects.requireNonNull(model, "model");
        List<MutationKind> kinds = mutations.length == 0 ? List.of(MutationKind.values()) : List.of(mutations);
        sources.add(new SubscriptionSource.ModelMutations(model.name(), kinds));
        sourceHandles.add(model);
        return this;
    }

    /** Publishes the results of a custom mutation. */
    public SubscriptionBuilder forMutation(MutationBuilder mutation) {
        Objects.requireNonNull(mutation, "mutation");
        sources.add(new SubscriptionSource.Mutation(mutation.name()));
        return this;
    }

    @Override
    List<SubscriptionSource> sources(String place, Problems problems) {
        sourceHandles.forEach(h -> h.checkSameBackend(backend, place + ".sources", problems));
        return sources;
    }
}
