package io.amplify4j.sandbox.js;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How values cross between Java and guest code: as JSON text. Java values are written with Jackson and parsed with
 * {@code JSON.parse} in the guest; guest values are written with {@code JSON.stringify} and read back with Jackson
 * as plain Java values: {@code Map} (insertion order), {@code List}, {@code String}, {@code Boolean}, {@code null},
 * integral numbers as {@code Long} (or {@code BigInteger} beyond its range) and other numbers as {@code Double}.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON value: " + e.getOriginalMessage(), e);
        }
    }

    static Object read(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Guest code produced invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** An unmodifiable insertion-ordered copy that, unlike {@code Map.copyOf}, keeps JSON nulls. */
    static <V> Map<String, V> copyMap(Map<String, ? extends V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
