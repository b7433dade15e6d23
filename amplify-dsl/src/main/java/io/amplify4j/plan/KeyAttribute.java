package io.amplify4j.plan;

import java.util.Objects;

/**
 * A DynamoDB key attribute: its name in the table and its type.
 *
 * @param name the attribute name: a field name, or a composite attribute such as {@code status#createdAt}
 * @param type {@link AttributeType#S} or {@link AttributeType#N}
 */
public record KeyAttribute(String name, AttributeType type) {
    public KeyAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** DynamoDB scalar attribute types usable in keys (binary keys are never generated). */
    public enum AttributeType {
        S,
        N
    }
}
