package io.amplify4j.sandbox.dynamodb.expression;

import io.amplify4j.sandbox.dynamodb.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The expression attribute names and values of one request. AppSync sends each expression block's
 * {@code expressionNames}/{@code expressionValues} to DynamoDB merged into one request, so they are merged here
 * too, and, as DynamoDB does, a name or value no expression of the request uses is an error.
 */
public final class ExpressionAttributes {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();
    private final Set<String> usedNames = new TreeSet<>();
    private final Set<String> usedValues = new TreeSet<>();

    /** Adds {@code #name -> attribute name} entries; keys must start with {@code #}, names must not be empty. */
    public void addNames(Map<String, String> more) {
        for (Map.Entry<String, String> entry : more.entrySet()) {
            if (!isPlaceholder(entry.getKey(), '#')) {
                throw new ExpressionException("ExpressionAttributeNames contains invalid key: Syntax error; key: \""
                        + entry.getKey() + "\"");
            }
            if (entry.getValue().isEmpty()) {
                throw new ExpressionException("ExpressionAttributeNames contains invalid value: Empty attribute name"
                        + " for key: " + entry.getKey());
            }
            names.put(entry.getKey(), entry.getValue());
        }
    }

    /** Adds {@code :value -> value} entries; keys must start with {@code :}. */
    public void addValues(Map<String, AttributeValue> more) {
        for (Map.Entry<String, AttributeValue> entry : more.entrySet()) {
            if (!isPlaceholder(entry.getKey(), ':')) {
                throw new ExpressionException("ExpressionAttributeValues contains invalid key: Syntax error; key: \""
                        + entry.getKey() + "\"");
            }
            values.put(entry.getKey(), entry.getValue());
        }
    }

    private static boolean isPlaceholder(String key, char prefix) {
        if (key.length() < 2 || key.charAt(0) != prefix) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    String name(String placeholder, String kind) {
        String name = names.get(placeholder);
        if (name == null) {
            throw ExpressionException.invalid(kind, "An expression attribute name used in the document path is not"
                    + " defined; attribute name: " + placeholder);
        }
        usedNames.add(placeholder);
        return name;
    }

    AttributeValue value(String placeholder, String kind) {
        AttributeValue value = values.get(placeholder);
        if (value == null) {
            throw ExpressionException.invalid(kind, "An expression attribute value used in expression is not"
                    + " defined; attribute value: " + placeholder);
        }
        usedValues.add(placeholder);
        return value;
    }

    /** Fails as DynamoDB does when a name or value was given but no expression used it. */
    public void checkAllUsed() {
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw new ExpressionException("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw new ExpressionException("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
