package io.amplify4j.client.filter;

/**
 * A {@code Float} field: comparisons, {@code between}, {@code attributeExists}. The {@code double} overloads let whole numbers be written as they are ({@code PRICE.gt(10)}).
 *
 * @param <M> the model type
 */
public final class FloatField<M> extends ComparableField<M, Double> {
    private FloatField(Class<M> model, String name) {
        super(model, name, value -> value);
    }

    public static <M> FloatField<M> of(Class<M> model, String graphqlName) {
        return new FloatField<>(model, graphqlName);
    }

    /** The operators AppSync's subscription filters accept for this field. */
    public OrderedSubscriptionField<M, Double> subscription() {
        return new OrderedSubscriptionField<>(model(), name(), wire);
    }

    public FieldPredicate<M> eq(double value) {
        return eq(Double.valueOf(value));
    }

    public FieldPredicate<M> ne(double value) {
        return ne(Double.valueOf(value));
    }

    public FieldPredicate<M> le(double value) {
        return le(Double.valueOf(value));
    }

    public FieldPredicate<M> lt(double value) {
        return lt(Double.valueOf(value));
    }

    public FieldPredicate<M> ge(double value) {
        return ge(Double.valueOf(value));
    }

    public FieldPredicate<M> gt(double value) {
        return gt(Double.valueOf(value));
    }

    public FieldPredicate<M> between(double low, double high) {
        return between(Double.valueOf(low), Double.valueOf(high));
    }
}
