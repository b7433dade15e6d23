package io.amplify4j.sandbox.dynamodb;

import java.util.Objects;

/** A key attribute of a table or index: its name and scalar type ({@code S}, {@code N} or {@code B}). */
public record KeyAttribute(String name, ScalarType type) {
    /** The scalar types a key attribute may have. */
    public enum ScalarType { S, N, B }

    public KeyAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a key attribute needs a name");
        }
    }

    public static KeyAttribute string(String name) {
        return new KeyAttribute(name, ScalarType.S);
    }

    public static KeyAttribute number(String name) {
        return new KeyAttribute(name, ScalarType.N);
    }

    public static KeyAttribute binary(String name) {
        return new KeyAttribute(name, ScalarType.B);
    }

    boolean matches(AttributeValue value) {
        return value.type().equals(type.name());
    }
}
