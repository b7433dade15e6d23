package io.amplify4j.client.filter;

import java.util.Arrays;
import java.util.Collection;

/**
 * An enum field in a subscription filter: {@code eq ne in notIn}, values sent by constant name.
 *
 * @param <M> the model type
 * @param <E> the Java enum
 */
public final class EnumSubscriptionField<M, E extends Enum<E>> extends SubscriptionField<M, E> {
    EnumSubscriptionField(Class<M> model, String name) {
        super(model, name, Enum::name);
    }

    @SafeVarargs
    public final SubscriptionFilter<M> in(E... values) {
        return list("in", Arrays.asList(values));
    }

    public SubscriptionFilter<M> in(Collection<? extends E> values) {
        return list("in", values);
    }

    @SafeVarargs
    public final SubscriptionFilter<M> notIn(E... values) {
        return list("notIn", Arrays.asList(values));
    }

    public SubscriptionFilter<M> notIn(Collection<? extends E> values) {
        return list("notIn", values);
    }
}
