package io.amplify4j.client.filter;

import java.util.Objects;

/**
 * A field of model {@code M} as filters name it: the model's class (so predicates are typed by model) and the
 * field's GraphQL name. Each scalar kind has its own subclass offering only the operators AppSync accepts for it.
 *
 * @param <M> the model type
 */
public abstract class FieldRef<M> {
    private final Class<M> model;
    private final String name;

    FieldRef(Class<M> model, String name) {
        this.model = Objects.requireNonNull(model, "model");
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A field name must not be blank (model " + model.getSimpleName() + ")");
        }
    }

    /** The model this field belongs to. */
    public Class<M> model() {
        return model;
    }

    /** The field's name in the GraphQL schema. */
    public String name() {
        return name;
    }

    /** {@code {"<field>": {"<operator>": value}}}. */
    final FieldPredicate<M> predicate(String operator, Object wireValue) {
        return FieldPredicate.of(Json.object(name, Json.object(operator, Json.require(wireValue, name, operator))));
    }

    final FieldPredicate<M> betweenWire(Object low, Object high) {
        return predicate("between", java.util.List.of(Json.require(low, name, "between"),
                Json.require(high, name, "between")));
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((FieldRef<?>) other).model == model
                && ((FieldRef<?>) other).name.equals(name);
    }

    @Override
    public int hashCode() {
        return model.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return model.getSimpleName() + "." + name;
    }
}
