package io.amplify4j.client.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;

/** Reads AppSync's {@code AWSTimestamp} (epoch seconds, a number or a numeric string) as an {@link Instant}. */
public final class EpochSecondsDeserializer extends StdScalarDeserializer<Instant> {
    public EpochSecondsDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return Instant.ofEpochSecond(parser.getLongValue());
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText().strip();
            try {
                return Instant.ofEpochSecond(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not epoch seconds");
            }
        }
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
}
