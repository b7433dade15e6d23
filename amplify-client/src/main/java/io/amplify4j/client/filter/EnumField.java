package io.amplify4j.client.filter;

import java.util.Objects;

/**
 * An enum field: only {@code eq} and {@code ne}, as AppSync's {@code Model<Enum>Input} allows. Values are sent by
 * their constant name, which is the GraphQL enum value.
 *
 * @param <M> the model type
 * @param <E> the Java enum
 */
public final class EnumField<M, E extends Enum<E>> extends FieldRef<M> {
    private final Class<E> enumType;

    private EnumField(Class<M> model, String name, Class<E> enumType) {
        super(model, name);
        this.enumType = Objects.requireNonNull(enumType, "enumType");
    }

    public static <M, E extends Enum<E>> EnumField<M, E> of(Class<M> model, String graphqlName, Class<E> enumType) {
        return new EnumField<>(model, graphqlName, enumType);
    }

    public Class<E> enumType() {
        return enumType;
    }

    public FieldPredicate<M> eq(E value) {
        return predicate("eq", value == null ? null : value.name());
    }

    public FieldPredicate<M> ne(E value) {
        return predicate("ne", value == null ? null : value.name());
    }

    /** The operators AppSync's subscription filters accept for this field: {@code eq ne in notIn}. */
    public EnumSubscriptionField<M, E> subscription() {
        return new EnumSubscriptionField<>(model(), name());
    }
}
