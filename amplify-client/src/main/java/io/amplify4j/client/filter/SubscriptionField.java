package io.amplify4j.client.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A field as AppSync's subscription filters see it ({@code ModelSubscription<Kind>Input}): {@code eq} and
 * {@code ne} on every kind; the subclasses add what the kind allows. Got from a field's {@code subscription()}.
 *
 * @param <M> the model type
 * @param <V> the Java value type
 */
public abstract class SubscriptionField<M, V> {
    private final Class<M> model;
    private final String name;
    private final Function<V, Object> wire;

    SubscriptionField(Class<M> model, String name, Function<V, Object> wire) {
        this.model = Objects.requireNonNull(model, "model");
        this.name = Objects.requireNonNull(name, "name");
        this.wire = wire;
    }

    public Class<M> model() {
        return model;
    }

    public String name() {
        return name;
    }

    final Object wire(V value, String operator) {
        return wire.apply(Objects.requireNonNull(value, () -> "`" + name + "." + operator + "` needs a value"));
    }

    final SubscriptionFilter<M> filter(String operator, Object wireValue) {
        return SubscriptionFilter.of(Json.object(name, Json.object(operator, wireValue)));
    }

    final SubscriptionFilter<M> list(String operator, Collection<? extends V> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("`" + name + "." + operator + "` needs at least one value");
        }
        List<Object> wired = new ArrayList<>(values.size());
        for (V value : values) {
            wired.add(wire(value, operator));
        }
        return filter(operator, List.copyOf(wired));
    }

    public SubscriptionFilter<M> eq(V value) {
        return filter("eq", wire(value, "eq"));
    }

    public SubscriptionFilter<M> ne(V value) {
        return filter("ne", wire(value, "ne"));
    }

    @Override
    public String toString() {
        return model.getSimpleName() + "." + name + " (subscription)";
    }
}
