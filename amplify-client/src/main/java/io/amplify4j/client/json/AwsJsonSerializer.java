package io.amplify4j.client.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a {@link JsonNode} as AppSync's {@code AWSJSON}: the JSON text as a string ({@code "{\"a\":1}"}), which
 * is what AppSync accepts in variables.
 */
public final class AwsJsonSerializer extends StdSerializer<JsonNode> {
    public AwsJsonSerializer() {
        super(JsonNode.class);
    }

    @Override
    public void serialize(JsonNode value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.toString());
    }
}
