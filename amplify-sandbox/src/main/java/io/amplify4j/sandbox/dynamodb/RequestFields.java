package io.amplify4j.sandbox.dynamodb;

import io.amplify4j.sandbox.dynamodb.expression.ExpressionAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the fields of an AppSync request object, with errors for missing or ill-typed fields. */
final class RequestFields {
    private RequestFields() {}

    static Object required(Map<String, Object> request, String field) {
        Object value = request.get(field);
        if (value == null) {
            throw DynamoDbError.validation("The request is missing the required field '" + field + "'");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String field) {
        if (!(value instanceof Map<?, ?>)) {
            throw DynamoDbError.validation("The field '" + field + "' must be an object");
        }
        return (Map<String, Object>) value;
    }

    static Map<String, Object> requiredMap(Map<String, Object> request, String field) {
        return map(required(request, field), field);
    }

    static Optional<Map<String, Object>> optionalMap(Map<String, Object> request, String field) {
        Object value = request.get(field);
        return value == null ? Optional.empty() : Optional.of(map(value, field));
    }

    static List<?> list(Object value, String field) {
        if (!(value instanceof List<?> list)) {
            throw DynamoDbError.validation("The field '" + field + "' must be an array");
        }
        return list;
    }

    static String string(Object value, String field) {
        if (!(value instanceof String s)) {
            throw DynamoDbError.validation("The field '" + field + "' must be a string");
        }
        return s;
    }

    static Optional<String> optionalString(Map<String, Object> request, String field) {
        Object value = request.get(field);
        return value == null ? Optional.empty() : Optional.of(string(value, field));
    }

    static boolean bool(Map<String, Object> request, String field, boolean fallback) {
        Object value = request.get(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw DynamoDbError.validation("The field '" + field + "' must be a boolean");
        }
        return b;
    }

    static Optional<Long> optionalInteger(Map<String, Object> request, String field) {
        Object value = request.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d)) {
                return Optional.of(number.longValue());
            }
        }
        throw DynamoDbError.validation("The field '" + field + "' must be an integer");
    }

    /**
     * Reads an expression block {@code {expression, expressionNames?, expressionValues?}}, adding its names and
     * values to {@code attributes}, and returns the expression text.
     */
    static String expression(Object block, String field, ExpressionAttributes attributes) {
        Map<String, Object> map = map(block, field);
        String expression = string(required(map, "expression"), field + ".expression");
        Object names = map.get("expressionNames");
        if (names != null) {
            Map<String, String> converted = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : map(names, field + ".expressionNames").entrySet()) {
                converted.put(entry.getKey(), string(entry.getValue(), field + ".expressionNames"));
            }
            attributes.addNames(converted);
        }
        Object values = map.get("expressionValues");
        if (values != null) {
            attributes.addValues(AttributeValues.fromTypedMap(map(values, field + ".expressionValues")));
        }
        return expression;
    }
}
