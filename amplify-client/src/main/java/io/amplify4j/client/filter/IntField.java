package io.amplify4j.client.filter;

/**
 * An {@code Int} field: comparisons, {@code between}, {@code attributeExists}.
 *
 * @param <M> the model type
 */
public final class IntField<M> extends ComparableField<M, Integer> {
    private IntField(Class<M> model, String name) {
        super(model, name, value -> value);
    }

    public static <M> IntField<M> of(Class<M> model, String graphqlName) {
        return new IntField<>(model, graphqlName);
    }

    /** The operators AppSync's subscription filters accept for this field. */
    public OrderedSubscriptionField<M, Integer> subscription() {
        return new OrderedSubscriptionField<>(model(), name(), wire);
    }
}
