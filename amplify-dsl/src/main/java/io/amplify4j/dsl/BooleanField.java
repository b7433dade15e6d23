package io.amplify4j.dsl;

/** A field of GraphQL type {@code Boolean}. */
public final class BooleanField extends FieldBuilder<Boolean, BooleanField> {
    BooleanField(FieldState state) {
        super(state);
    }

    /** The value a create fills in when the caller leaves the field out. */
    public BooleanField defaultValue(boolean value) {
        return defaultText(String.valueOf(value));
    }
}
