package io.amplify4j.client.filter;

/**
 * A {@code Boolean} field: only {@code eq}, {@code ne}, {@code attributeExists} and {@code attributeType}, as AppSync's
 * {@code ModelBooleanInput} allows.
 *
 * @param <M> the model type
 */
public final class BooleanField<M> extends FieldRef<M> {
    private BooleanField(Class<M> model, String name) {
        super(model, name);
    }

    public static <M> BooleanField<M> of(Class<M> model, String graphqlName) {
        return new BooleanField<>(model, graphqlName);
    }

    public FieldPredicate<M> eq(boolean value) {
        return predicate("eq", value);
    }

    public FieldPredicate<M> ne(boolean value) {
        return predicate("ne", value);
    }

    public FieldPredicate<M> attributeExists(boolean exists) {
        return predicate("attributeExists", exists);
    }

    public FieldPredicate<M> attributeType(AttributeType type) {
        return predicate("attributeType", type.wireName());
    }

    /** The operators AppSync's subscription filters accept for this field: {@code eq} and {@code ne}. */
    public BooleanSubscriptionField<M> subscription() {
        return new BooleanSubscriptionField<>(model(), name());
    }
}
