package io.amplify4j.dsl;

/**
 * A field whose value is one of an enum's values.
 *
 * @param <E> the Java enum the GraphQL enum was declared from, or {@code String} for enums declared by name
 */
public final class EnumField<E> extends FieldBuilder<E, EnumField<E>> {
    private final EnumRef<E> enumType;

    EnumField(FieldState state, EnumRef<E> enumType) {
        super(state);
        this.enumType = enumType;
    }

    /** The value a create fills in when the caller leaves the field out: one of the enum's values. */
    public EnumField<E> defaultValue(E value) {
        return defaultText(enumType.valueName(value));
    }
}
