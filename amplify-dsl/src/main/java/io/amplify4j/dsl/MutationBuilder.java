package io.amplify4j.dsl;

import io.amplify4j.model.data.CustomOperation;

/** A custom mutation; custom subscriptions can publish its results. */
public final class MutationBuilder extends FunctionBackedOperation<MutationBuilder> {
    MutationBuilder(BackendBuilder backend, String name) {
        super(backend, name, CustomOperation.Type.MUTATION);
    }
}
