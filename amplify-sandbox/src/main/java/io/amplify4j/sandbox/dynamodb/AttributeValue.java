package io.amplify4j.sandbox.dynamodb;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A DynamoDB attribute value. Immutable; equality follows DynamoDB's: numbers compare by value ({@code 1} equals
 * {@code 1.0}), sets compare as sets, maps as maps, binary values by content.
 *
 * <p>Instances are built by {@link AttributeValues#fromTyped(Object)} (AppSync's typed JSON), which applies
 * DynamoDB's type rules; the constructors here only copy.
 */
public sealed interface AttributeValue {

    /** DynamoDB's type descriptor: {@code S}, {@code N}, {@code B}, {@code BOOL}, {@code NULL}, {@code M}, ... */
    String type();

    /** A string. */
    record S(String value) implements AttributeValue {
        public S {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String type() {
            return "S";
        }
    }

    /** A number, already normalized (no trailing zeros) and within DynamoDB's range and precision. */
    record N(BigDecimal value) implements AttributeValue {
        public N {
            Objects.requireNonNull(value, "value");
            value = DynamoNumbers.canonical(value);
        }

        @Override
        public String type() {
            return "N";
        }

        /** DynamoDB's text for this number, e.g. {@code 1.5}, {@code 100}, {@code 1E+30}. */
        public String text() {
            return DynamoNumbers.toText(value);
        }
    }

    /** Binary data. */
    final class B implements AttributeValue {
        private final byte[] bytes;

        public B(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        int length() {
            return bytes.length;
        }

        byte at(int index) {
            return bytes[index];
        }

        public String base64() {
            return Base64.getEncoder().encodeToString(bytes);
        }

        @Override
        public String type() {
            return "B";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof B other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "B[" + base64() + "]";
        }
    }

    /** A boolean. */
    record Bool(boolean value) implements AttributeValue {
        @Override
        public String type() {
            return "BOOL";
        }
    }

    /** DynamoDB's NULL. */
    record Null() implements AttributeValue {
        @Override
        public String type() {
            return "NULL";
        }
    }

    /** A map of attribute values; iteration order is insertion order. */
    record M(Map<String, AttributeValue> value) implements AttributeValue {
        public M {
            value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
        }

        @Override
        public String type() {
            return "M";
        }
    }

    /** A list of attribute values. */
    record L(List<AttributeValue> value) implements AttributeValue {
        public L {
            value = List.copyOf(value);
        }

        @Override
        public String type() {
            return "L";
        }
    }

    /** A string set: non-empty, no duplicates; iteration order is insertion order. */
    record SS(Set<String> value) implements AttributeValue {
        public SS {
            value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
        }

        @Override
        public String type() {
            return "SS";
        }
    }

    /** A number set: non-empty, no duplicates (by value). */
    record NS(Set<BigDecimal> value) implements AttributeValue {
        public NS {
            LinkedHashSet<BigDecimal> copy = new LinkedHashSet<>();
            for (BigDecimal number : value) {
                copy.add(DynamoNumbers.canonical(number));
            }
            value = Collections.unmodifiableSet(copy);
        }

        @Override
        public String type() {
            return "NS";
        }
    }

    /** A binary set: non-empty, no duplicates. */
    record BS(Set<B> value) implements AttributeValue {
        public BS {
            value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
        }

        @Override
        public String type() {
            return "BS";
        }
    }

    static S s(String value) {
        return new S(value);
    }

    static N n(long value) {
        return new N(BigDecimal.valueOf(value));
    }

    static N n(String value) {
        return new N(new BigDecimal(value));
    }
}
