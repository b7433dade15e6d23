package io.amplify4j.dsl;

/** A field holding a value of a custom type (a nested object). */
public final class CustomTypeField extends FieldBuilder<CustomTypeBuilder, CustomTypeField> {
    CustomTypeField(FieldState state) {
        super(state);
    }
}
