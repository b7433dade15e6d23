package io.amplify4j.dsl;

import java.time.LocalTime;

/** A field of GraphQL type {@code AWSTime}. */
public final class TimeField extends FieldBuilder<LocalTime, TimeField> {
    TimeField(FieldState state) {
        super(state);
    }

    /** The value a create fills in when the caller leaves the field out. */
    public TimeField defaultValue(LocalTime value) {
        return defaultText(value.toString());
    }
}
