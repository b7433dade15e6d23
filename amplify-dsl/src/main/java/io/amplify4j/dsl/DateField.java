package io.amplify4j.dsl;

import java.time.LocalDate;

/** A field of GraphQL type {@code AWSDate}. */
public final class DateField extends FieldBuilder<LocalDate, DateField> {
    DateField(FieldState state) {
        super(state);
    }

    /** The value a create fills in when the caller leaves the field out. */
    public DateField defaultValue(LocalDate value) {
        return defaultText(value.toString());
    }
}
