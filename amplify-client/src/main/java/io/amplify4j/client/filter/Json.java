package io.amplify4j.client.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the JSON-shaped maps filters render to; values are already in AppSync's wire form. */
final class Json {
    private Json() {}

    static Map<String, Object> object(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>(2);
        map.put(key, value);
        return Collections.unmodifiableMap(map);
    }

    /** {@code {"and": [a, b, ...]}}, splicing the parts of an operand that is itself an {@code and}. */
    static Map<String, Object> combine(String operator, List<Map<String, Object>> operands) {
        List<Object> parts = new ArrayList<>();
        for (Map<String, Object> operand : operands) {
            Objects.requireNonNull(operand, "filter");
            if (operand.size() == 1 && operand.get(operator) instanceof List<?> nested) {
                parts.addAll(nested);
            } else {
                parts.add(operand);
            }
        }
        return object(operator, Collections.unmodifiableList(parts));
    }

    static Object require(Object value, String field, String operator) {
        if (value == null) {
            throw new NullPointerException("`" + field + "." + operator + "` needs a value; to match a missing "
                    + "attribute use attributeExists(false)");
        }
        return value;
    }

    static String dateTime(Instant value) {
        return DateTimeFormatter.ISO_INSTANT.format(value);
    }

    static String date(LocalDate value) {
        return value.toString();
    }

    static String time(LocalTime value) {
        return DateTimeFormatter.ISO_LOCAL_TIME.format(value);
    }

    static long epochSeconds(Instant value) {
        return value.getEpochSecond();
    }
}
