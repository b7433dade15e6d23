package io.amplify4j.client.filter;

import java.util.function.Function;

/**
 * A field whose values have an order: {@code eq ne le lt ge gt between}, plus {@code attributeExists} and
 * {@code attributeType}. The subclasses fix the value type ({@link IntField}, {@link DateTimeField}, ...).
 *
 * @param <M> the model type
 * @param <V> the Java value type
 */
public abstract class ComparableField<M, V> extends FieldRef<M> {
    final Function<V, Object> wire;

    ComparableField(Class<M> model, String name, Function<V, Object> wire) {
        super(model, name);
        this.wire = wire;
    }

    final Object wire(V value, String operator) {
        return wire.apply(java.util.Objects.requireNonNull(value, () -> "`" + name() + "." + operator
                + "` needs a value; to match a missing attribute use attributeExists(false)"));
    }

    public FieldPredicate<M> eq(V value) {
        return predicate("eq", wire(value, "eq"));
    }

    public FieldPredicate<M> ne(V value) {
        return predicate("ne", wire(value, "ne"));
    }

    public FieldPredicate<M> le(V value) {
        return predicate("le", wire(value, "le"));
    }

    public FieldPredicate<M> lt(V value) {
        return predicate("lt", wire(value, "lt"));
    }

    public FieldPredicate<M> ge(V value) {
        return predicate("ge", wire(value, "ge"));
    }

    public FieldPredicate<M> gt(V value) {
        return predicate("gt", wire(value, "gt"));
    }

    /** Between {@code low} and {@code high}, both included. */
    public FieldPredicate<M> between(V low, V high) {
        return betweenWire(wire(low, "between"), wire(high, "between"));
    }

    /** The attribute is present ({@code true}) or absent ({@code false}) on the item. */
    public FieldPredicate<M> attributeExists(boolean exists) {
        return predicate("attributeExists", exists);
    }

    /** The attribute is stored with this DynamoDB type. */
    public FieldPredicate<M> attributeType(AttributeType type) {
        return predicate("attributeType", type.wireName());
    }
}
