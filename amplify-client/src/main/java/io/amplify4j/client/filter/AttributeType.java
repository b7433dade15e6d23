package io.amplify4j.client.filter;

import com.fasterxml.jackson.annotation.JsonValue;

/** DynamoDB attribute types, for {@code attributeType(..)}: AppSync's {@code ModelAttributeTypes}. */
public enum AttributeType {
    BINARY("binary"),
    BINARY_SET("binarySet"),
    BOOL("bool"),
    LIST("list"),
    MAP("map"),
    NUMBER("number"),
    NUMBER_SET("numberSet"),
    STRING("string"),
    STRING_SET("stringSet"),
    NULL("_null");

    private final String wireName;

    AttributeType(String wireName) {
        this.wireName = wireName;
    }

    /** The name AppSync's schema uses. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
