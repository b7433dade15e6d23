package io.amplify4j.dsl;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** A field of GraphQL type {@code AWSDateTime}. */
public final class DateTimeField extends FieldBuilder<OffsetDateTime, DateTimeField> {
    DateTimeField(FieldState state) {
        super(state);
    }

    /** The value a create fills in when the caller leaves the field out. */
    public DateTimeField defaultValue(OffsetDateTime value) {
        return defaultText(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }
}
