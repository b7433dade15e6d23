package io.amplify4j.sandbox.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Conversions between AppSync's JSON forms and {@link AttributeValue}, DynamoDB's ordering of key values, and
 * DynamoDB's item size.
 *
 * <p><b>Unmarshalled numbers</b>: a number that is integral and fits in a {@code long} becomes a {@link Long};
 * every other number becomes a {@link BigDecimal} (exact, never a {@code Double}, so nothing DynamoDB stored is
 * rounded on the way out). Sets become lists in insertion order, binary values base64 strings, NULL {@code null}.
 */
public final class AttributeValues {
    /** DynamoDB's maximum item size, 400 KB. */
    public static final int MAX_ITEM_SIZE = 400 * 1024;

    private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");

    private AttributeValues() {}

    // ---------------------------------------------------------------------------------------- typed JSON in

    /** Reads one typed value such as {@code {"S": "x"}} or {@code {"N": "1"}} (a JSON number is accepted for N). */
    public static AttributeValue fromTyped(Object json) {
        if (!(json instanceof Map<?, ?> map) || map.isEmpty()) {
            throw DynamoDbError.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (map.size() > 1) {
            throw DynamoDbError.validation("Supplied AttributeValue has more than one datatypes set, "
                    + "must contain exactly one of the supported datatypes");
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        String type = String.valueOf(entry.getKey());
        Object raw = entry.getValue();
        if (!TYPES.contains(type)) {
            throw DynamoDbError.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (raw == null) {
            throw DynamoDbError.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        switch (type) {
            case "S":
                return new AttributeValue.S(string(raw));
            case "N":
                return new AttributeValue.N(number(raw));
            case "B":
                return binary(raw);
            case "BOOL":
                if (!(raw instanceof Boolean b)) {
                    throw invalidType();
                }
                return new AttributeValue.Bool(b);
            case "NULL":
                if (!Boolean.TRUE.equals(raw)) {
                    throw DynamoDbError.validation("One or more parameter values were invalid: "
                            + "Null attribute value types must have the value of true");
                }
                return new AttributeValue.Null();
            case "M":
                return new AttributeValue.M(fromTypedMap(raw));
            case "L": {
                List<AttributeValue> list = new ArrayList<>();
                for (Object element : list(raw)) {
                    list.add(fromTyped(element));
                }
                return new AttributeValue.L(list);
            }
            case "SS": {
                List<String> strings = new ArrayList<>();
                for (Object element : list(raw)) {
                    strings.add(string(element));
                }
                checkSet("string", strings);
                return new AttributeValue.SS(new LinkedHashSet<>(strings));
            }
            case "NS": {
                List<BigDecimal> numbers = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (Object element : list(raw)) {
                    BigDecimal number = number(element);
                    numbers.add(number);
                    texts.add(String.valueOf(element));
                }
                if (numbers.isEmpty()) {
                    throw emptySet("number");
                }
                if (new LinkedHashSet<>(numbers).size() != numbers.size()) {
                    throw duplicates(texts);
                }
                return new AttributeValue.NS(new LinkedHashSet<>(numbers));
            }
            default: {
                List<AttributeValue.B> binaries = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (Object element : list(raw)) {
                    binaries.add(binary(element));
                    texts.add(String.valueOf(element));
                }
                if (binaries.isEmpty()) {
                    throw emptySet("binary");
                }
                if (new LinkedHashSet<>(binaries).size() != binaries.size()) {
                    throw duplicates(texts);
                }
                return new AttributeValue.BS(new LinkedHashSet<>(binaries));
            }
        }
    }

    /** Reads a map of typed values, such as a {@code key} or {@code attributeValues} block. */
    public static Map<String, AttributeValue> fromTypedMap(Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            throw invalidType();
        }
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            result.put(String.valueOf(entry.getKey()), fromTyped(entry.getValue()));
        }
        return result;
    }

    private static void checkSet(String kind, List<String> members) {
        if (members.isEmpty()) {
            throw emptySet(kind);
        }
        if (new LinkedHashSet<>(members).size() != members.size()) {
            throw duplicates(members);
        }
    }

    private static DynamoDbError emptySet(String kind) {
        // DynamoDB's own wording, including the double space.
        return DynamoDbError.validation("One or more parameter values were invalid: An " + kind
                + " set  may not be empty");
    }

    private static DynamoDbError duplicates(List<String> members) {
        return DynamoDbError.validation("One or more parameter values were invalid: Input collection "
                + members.toString() + " contains duplicates.");
    }

    private static DynamoDbError invalidType() {
        return DynamoDbError.validation("Supplied AttributeValue has an invalid value for its data type");
    }

    private static String string(Object raw) {
        if (!(raw instanceof String s)) {
            throw invalidType();
        }
        return s;
    }

    private static BigDecimal number(Object raw) {
        if (raw instanceof String s) {
            return DynamoNumbers.parse(s);
        }
        if (raw instanceof BigDecimal d) {
            return DynamoNumbers.check(d);
        }
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return DynamoNumbers.check(BigDecimal.valueOf(((Number) raw).longValue()));
        }
        if (raw instanceof java.math.BigInteger i) {
            return DynamoNumbers.check(new BigDecimal(i));
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw DynamoDbError.validation("A value provided cannot be converted into a number");
            }
            return DynamoNumbers.check(new BigDecimal(Double.toString(d)));
        }
        throw DynamoDbError.validation("A value provided cannot be converted into a number");
    }

    private static AttributeValue.B binary(Object raw) {
        try {
            return new AttributeValue.B(Base64.getDecoder().decode(string(raw)));
        } catch (IllegalArgumentException e) {
            throw DynamoDbError.validation("Invalid Binary value: the value is not valid base64");
        }
    }

    private static List<?> list(Object raw) {
        if (!(raw instanceof List<?> list)) {
            throw invalidType();
        }
        return list;
    }

    /** A number computed by an update, checked against DynamoDB's range and precision. */
    public static AttributeValue.N checkedNumber(BigDecimal value) {
        return new AttributeValue.N(DynamoNumbers.check(value));
    }

    // ---------------------------------------------------------------------------------------- JSON out

    /** The plain JSON form AppSync hands response handlers (see the class comment for numbers). */
    public static Object toJson(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return s.value();
        } else if (value instanceof AttributeValue.N n) {
            return DynamoNumbers.toJson(n.value());
        } else if (value instanceof AttributeValue.B b) {
            return b.base64();
        } else if (value instanceof AttributeValue.Bool b) {
            return b.value();
        } else if (value instanceof AttributeValue.Null) {
            return null;
        } else if (value instanceof AttributeValue.M m) {
            return toJson(m.value());
        } else if (value instanceof AttributeValue.L l) {
            List<Object> out = new ArrayList<>();
            for (AttributeValue element : l.value()) {
                out.add(toJson(element));
            }
            return out;
        } else if (value instanceof AttributeValue.SS ss) {
            return new ArrayList<Object>(ss.value());
        } else if (value instanceof AttributeValue.NS ns) {
            List<Object> out = new ArrayList<>();
            for (BigDecimal number : ns.value()) {
                out.add(DynamoNumbers.toJson(number));
            }
            return out;
        } else {
            List<Object> out = new ArrayList<>();
            for (AttributeValue.B b : ((AttributeValue.BS) value).value()) {
                out.add(b.base64());
            }
            return out;
        }
    }

    /** An item or map in plain JSON form. */
    public static Map<String, Object> toJson(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
            out.put(entry.getKey(), toJson(entry.getValue()));
        }
        return out;
    }

    /** The typed JSON form, e.g. {@code {"N": "1"}}; numbers as DynamoDB's text. Keys are sorted. */
    static Object toTyped(AttributeValue value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof AttributeValue.S s) {
            out.put("S", s.value());
        } else if (value instanceof AttributeValue.N n) {
            out.put("N", n.text());
        } else if (value instanceof AttributeValue.B b) {
            out.put("B", b.base64());
        } else {
            throw new IllegalArgumentException("only key types are written as typed JSON here: " + value.type());
        }
        return out;
    }

    static Map<String, Object> toTypedKey(Map<String, AttributeValue> key) {
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, AttributeValue> entry : key.entrySet()) {
            out.put(entry.getKey(), toTyped(entry.getValue()));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------- ordering

    /**
     * DynamoDB's order for scalar key values: numbers numerically, strings by their UTF-8 bytes, binary by unsigned
     * bytes. Values of different types order by type name (only happens across partitions of different tables).
     */
    public static final Comparator<AttributeValue> KEY_ORDER = AttributeValues::compareScalars;

    public static int compareScalars(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
            return compareUtf8(x.value(), y.value());
        }
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
            return compareBytes(x, y);
        }
        return a.type().compareTo(b.type());
    }

    /** Whether two values can be ordered with {@code < <= > >= BETWEEN}: both N, both S or both B. */
    public static boolean comparable(AttributeValue a, AttributeValue b) {
        return (a instanceof AttributeValue.N && b instanceof AttributeValue.N)
                || (a instanceof AttributeValue.S && b instanceof AttributeValue.S)
                || (a instanceof AttributeValue.B && b instanceof AttributeValue.B);
    }

    static int compareUtf8(String a, String b) {
        // UTF-8 byte order equals code point order; compare code points to avoid encoding.
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int compareBytes(AttributeValue.B a, AttributeValue.B b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(a.at(i) & 0xff, b.at(i) & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    // ---------------------------------------------------------------------------------------- size

    /** The size of an item as DynamoDB computes it: attribute names plus values. */
    public static long itemSize(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
            size += utf8Length(entry.getKey()) + valueSize(entry.getValue());
        }
        return size;
    }

    /** The size of one value, without its name. */
    public static long valueSize(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return utf8Length(s.value());
        } else if (value instanceof AttributeValue.N n) {
            return numberSize(n.value());
        } else if (value instanceof AttributeValue.B b) {
            return b.length();
        } else if (value instanceof AttributeValue.Bool || value instanceof AttributeValue.Null) {
            return 1;
        } else if (value instanceof AttributeValue.M m) {
            long size = 3;
            for (Map.Entry<String, AttributeValue> entry : m.value().entrySet()) {
                size += 1 + utf8Length(entry.getKey()) + valueSize(entry.getValue());
            }
            return size;
        } else if (value instanceof AttributeValue.L l) {
            long size = 3;
            for (AttributeValue element : l.value()) {
                size += 1 + valueSize(element);
            }
            return size;
        } else if (value instanceof AttributeValue.SS ss) {
            long size = 0;
            for (String s : ss.value()) {
                size += utf8Length(s);
            }
            return size;
        } else if (value instanceof AttributeValue.NS ns) {
            long size = 0;
            for (BigDecimal n : ns.value()) {
                size += numberSize(n);
            }
            return size;
        } else {
            long size = 0;
            for (AttributeValue.B b : ((AttributeValue.BS) value).value()) {
                size += b.length();
            }
            return size;
        }
    }

    private static long numberSize(BigDecimal n) {
        return (DynamoNumbers.significantDigits(n) + 1) / 2 + 1;
    }

    /**
     * The length of {@code s} in UTF-8, as {@code s.getBytes(UTF_8).length} gives it (a lone surrogate becomes one
     * replacement byte), without encoding it: every item of a Query or Scan page is measured.
     */
    static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (!Character.isSurrogate(c)) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2;
                i++;
            }
        }
        return bytes;
    }
}
