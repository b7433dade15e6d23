package io.amplify4j.client.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads AppSync's {@code AWSJSON} as a {@link JsonNode}: AppSync returns it as a JSON-encoded string, which is
 * parsed; a value that is already structured JSON is taken as it is.
 */
public final class AwsJsonDeserializer extends StdDeserializer<JsonNode> {
    public AwsJsonDeserializer() {
        super(JsonNode.class);
    }

    @Override
    public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            try (JsonParser inner = parser.getCodec().getFactory().createParser(text)) {
                JsonNode node = parser.getCodec().readTree(inner);
                if (node == null) {
                    return (JsonNode) context.handleWeirdStringValue(JsonNode.class, text, "empty AWSJSON string");
                }
                return node;
            }
        }
        return parser.getCodec().readTree(parser);
    }
}
