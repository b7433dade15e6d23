package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthRule;
import java.util.function.Supplier;

/** A rule on a custom operation. It has no {@code to(...)}: it admits the caller to the operation as a whole. */
public final class OperationRule {
    private final Supplier<AuthRule> factory;

    OperationRule(Supplier<AuthRule> factory) {
        this.factory = factory;
    }

    AuthRule toModel() {
        return factory.get();
    }
}
