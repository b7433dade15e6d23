package io.amplify4j.sandbox.dynamodb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/** Test helpers: JSON written with single quotes, and canonical rendering of results for comparison. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Json() {}

    /** Parses JSON that may use single quotes. */
    static Map<String, Object> obj(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {});
        } catch (Exception e) {
            throw new IllegalArgumentException("bad test JSON: " + json, e);
        }
    }

    static Object value(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad test JSON: " + json, e);
        }
    }

    /** Canonical JSON text (sorted keys, no spaces) of a value; single-quoted input is normalized the same way. */
    static String canon(Object value) {
        try {
            if (value instanceof String s && (s.startsWith("{") || s.startsWith("["))) {
                value = value(s);
            }
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
