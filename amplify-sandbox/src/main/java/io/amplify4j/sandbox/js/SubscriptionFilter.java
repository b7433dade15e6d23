package io.amplify4j.sandbox.js;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a subscription event matches an enhanced subscription filter, the object a resolver passes to
 * {@code extensions.setSubscriptionFilter}:
 * {@code {filterGroup: [{filters: [{fieldName, operator, value}]}]}}. Groups are OR-ed, the filters of a group
 * AND-ed. {@code fieldName} may be a dotted path into the payload ({@code author.name}).
 *
 * <p>Operators: {@code eq ne le lt ge gt contains notContains beginsWith in notIn between containsAny}. Numbers
 * compare by value whatever their Java type; strings compare lexicographically; a field missing from the payload
 * counts as null. {@code contains}/{@code notContains} look for a substring in a string field or an element in a
 * list field; {@code containsAny} asks whether a list field shares an element with the given list.
 */
public final class SubscriptionFilter {
    /** AppSync's limits: values of {@code in}/{@code notIn}, values of {@code containsAny}, depth and length of a field path. */
    public static final int MAX_IN_VALUES = 5;

    public static final int MAX_CONTAINS_ANY_VALUES = 20;
    public static final int MAX_FIELD_DEPTH = 5;
    public static final int MAX_FIELD_LENGTH = 256;

    private static final List<String> OPERATORS = List.of(
            "eq", "ne", "le", "lt", "ge", "gt", "contains", "notContains", "beginsWith", "in", "notIn", "between",
            "containsAny");

    private SubscriptionFilter() {}

    /**
     * Whether the payload passes the filter. A filter without groups lets every event through.
     *
     * @param filter {@code {filterGroup: [...]}}
     * @param payload the event, as plain JSON Java values
     */
    public static boolean matches(Map<String, Object> filter, Map<String, Object> payload) {
        Objects.requireNonNull(payload, "payload");
        List<Object> groups = Json.asList(filter.get("filterGroup"));
        if (groups.isEmpty()) {
            return true;
        }
        for (Object group : groups) {
            if (groupMatches(Json.asList(Json.asMap(group).get("filters")), payload)) {
                return true;
            }
        }
        return false;
    }

    private static boolean groupMatches(List<Object> filters, Map<String, Object> payload) {
        for (Object f : filters) {
            Map<String, Object> filter = Json.asMap(f);
            Object actual = lookup(payload, String.valueOf(filter.get("fieldName")));
            if (!test(String.valueOf(filter.get("operator")), actual, filter.get("value"))) {
                return false;
            }
        }
        return true;
    }

    private static Object lookup(Map<String, Object> payload, String path) {
        Object current = payload;
        for (String part : path.split("\\.", -1)) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static boolean test(String operator, Object actual, Object expected) {
        return switch (operator) {
            case "eq" -> same(actual, expected);
            case "ne" -> !same(actual, expected);
            case "le" -> ordered(actual, expected) && compare(actual, expected) <= 0;
            case "lt" -> ordered(actual, expected) && compare(actual, expected) < 0;
            case "ge" -> ordered(actual, expected) && compare(actual, expected) >= 0;
            case "gt" -> ordered(actual, expected) && compare(actual, expected) > 0;
            case "contains" -> contains(actual, expected);
            case "notContains" -> !contains(actual, expected);
            case "beginsWith" -> actual instanceof String s && expected instanceof String p && s.startsWith(p);
            case "in" -> expected instanceof List<?> values && values.stream().anyMatch(v -> same(actual, v));
            case "notIn" -> !(expected instanceof List<?> values && values.stream().anyMatch(v -> same(actual, v)));
            case "between" -> expected instanceof List<?> range
                    && range.size() == 2
                    && ordered(actual, range.get(0)) && compare(actual, range.get(0)) >= 0
                    && ordered(actual, range.get(1)) && compare(actual, range.get(1)) <= 0;
            case "containsAny" -> actual instanceof List<?> elements
                    && expected instanceof List<?> wanted
                    && elements.stream().anyMatch(e -> wanted.stream().anyMatch(w -> same(e, w)));
            default -> false;
        };
    }

    private static boolean contains(Object actual, Object expected) {
        if (actual instanceof String s) {
            return expected instanceof String part && s.contains(part);
        }
        if (actual instanceof List<?> list) {
            return list.stream().anyMatch(element -> same(element, expected));
        }
        return false;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y)) == 0;
        }
        return Objects.equals(a, b);
    }

    /** Whether two values have an order: two numbers or two strings. */
    private static boolean ordered(Object a, Object b) {
        return (a instanceof Number && b instanceof Number) || (a instanceof String && b instanceof String);
    }

    /** The order of two {@linkplain #ordered ordered} values. */
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y));
        }
        return ((String) a).compareTo((String) b);
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }

    /**
     * What AppSync would refuse in this filter, one message per problem (empty when valid): unknown operators,
     * {@code in}/{@code notIn} with more than {@value #MAX_IN_VALUES} values, {@code containsAny} with more than
     * {@value #MAX_CONTAINS_ANY_VALUES}, {@code between} without two bounds, and field paths deeper than
     * {@value #MAX_FIELD_DEPTH} levels or longer than {@value #MAX_FIELD_LENGTH} characters.
     */
    public static List<String> problems(Map<String, Object> filter) {
        var problems = new ArrayList<String>();
        if (!(filter.get("filterGroup") instanceof List<?> groups)) {
            problems.add("filterGroup must be a list of groups");
            return problems;
        }
        for (int g = 0; g < groups.size(); g++) {
            if (!(Json.asMap(groups.get(g)).get("filters") instanceof List<?> filters)) {
                problems.add("filterGroup[" + g + "].filters must be a list of filters");
                continue;
            }
            for (int i = 0; i < filters.size(); i++) {
                Map<String, Object> f = Json.asMap(filters.get(i));
                String where = "filterGroup[" + g + "].filters[" + i + "]";
                String field = String.valueOf(f.get("fieldName"));
                String operator = String.valueOf(f.get("operator"));
                Object value = f.get("value");
                if (!(f.get("fieldName") instanceof String)) {
                    problems.add(where + ".fieldName must be a string");
                } else if (field.length() > MAX_FIELD_LENGTH) {
                    problems.add(where + ".fieldName is longer than " + MAX_FIELD_LENGTH + " characters");
                } else if (field.split("\\.", -1).length > MAX_FIELD_DEPTH) {
                    problems.add(where + ".fieldName " + field + " is nested deeper than " + MAX_FIELD_DEPTH + " levels");
                }
                if (!OPERATORS.contains(operator)) {
                    problems.add(where + ".operator " + operator + " is not one of " + String.join(", ", OPERATORS));
                } else if ((operator.equals("in") || operator.equals("notIn"))
                        && !(value instanceof List<?> list && list.size() <= MAX_IN_VALUES)) {
                    problems.add(where + " (" + operator + ") needs a list of at most " + MAX_IN_VALUES + " values");
                } else if (operator.equals("containsAny")
                        && !(value instanceof List<?> list && list.size() <= MAX_CONTAINS_ANY_VALUES)) {
                    problems.add(where + " (containsAny) needs a list of at most " + MAX_CONTAINS_ANY_VALUES + " values");
                } else if (operator.equals("between") && !(value instanceof List<?> list && list.size() == 2)) {
                    problems.add(where + " (between) needs a list of two bounds");
                }
            }
        }
        return problems;
    }
}
