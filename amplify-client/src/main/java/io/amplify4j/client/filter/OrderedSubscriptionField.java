package io.amplify4j.client.filter;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A field with ordered values in a subscription filter: {@code eq ne le lt ge gt between in notIn}.
 *
 * @param <M> the model type
 * @param <V> the Java value type
 */
public class OrderedSubscriptionField<M, V> extends SubscriptionField<M, V> {
    OrderedSubscriptionField(Class<M> model, String name, Function<V, Object> wire) {
        super(model, name, wire);
    }

    public final SubscriptionFilter<M> le(V value) {
        return filter("le", wire(value, "le"));
    }

    public final SubscriptionFilter<M> lt(V value) {
        return filter("lt", wire(value, "lt"));
    }

    public final SubscriptionFilter<M> ge(V value) {
        return filter("ge", wire(value, "ge"));
    }

    public final SubscriptionFilter<M> gt(V value) {
        return filter("gt", wire(value, "gt"));
    }

    public final SubscriptionFilter<M> between(V low, V high) {
        return filter("between", List.of(wire(low, "between"), wire(high, "between")));
    }

    /** The value is one of {@code values}. */
    @SafeVarargs
    public final SubscriptionFilter<M> in(V... values) {
        return list("in", Arrays.asList(values));
    }

    public final SubscriptionFilter<M> in(Collection<? extends V> values) {
        return list("in", values);
    }

    /** The value is none of {@code values}. */
    @SafeVarargs
    public final SubscriptionFilter<M> notIn(V... values) {
        return list("notIn", Arrays.asList(values));
    }

    public final SubscriptionFilter<M> notIn(Collection<? extends V> values) {
        return list("notIn", values);
    }
}
