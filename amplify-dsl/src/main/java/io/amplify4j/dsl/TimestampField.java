package io.amplify4j.dsl;

import java.time.Instant;

/** A field of GraphQL type {@code AWSTimestamp}: seconds since the epoch. */
public final class TimestampField extends FieldBuilder<Instant, TimestampField> {
    TimestampField(FieldState state) {
        super(state);
    }

    /** The value a create fills in when the caller leaves the field out, stored as epoch seconds. */
    public TimestampField defaultValue(Instant value) {
        return defaultText(String.valueOf(value.getEpochSecond()));
    }
}
