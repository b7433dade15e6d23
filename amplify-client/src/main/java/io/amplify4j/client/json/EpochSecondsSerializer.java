package io.amplify4j.client.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.Instant;

/** Writes an {@link Instant} as whole epoch seconds: AppSync's {@code AWSTimestamp}. */
public final class EpochSecondsSerializer extends StdScalarSerializer<Instant> {
    public EpochSecondsSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeNumber(value.getEpochSecond());
    }
}
