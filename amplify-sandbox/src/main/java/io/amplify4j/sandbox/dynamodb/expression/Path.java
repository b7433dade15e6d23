package io.amplify4j.sandbox.dynamodb.expression;

import java.util.List;
import java.util.Objects;

/**
 * A document path with its placeholders already substituted: attribute names ({@link String}) and list indexes
 * ({@link Integer}), for example {@code a.b[1].c} is {@code ["a", "b", 1, "c"]}.
 */
public record Path(List<Object> elements) {
    public Path {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.get(0) instanceof String)) {
            throw new IllegalArgumentException("a path starts with an attribute name");
        }
        for (Object element : elements) {
            Objects.requireNonNull(element);
            if (!(element instanceof String) && !(element instanceof Integer)) {
                throw new IllegalArgumentException("path elements are names or indexes: " + element);
            }
        }
    }

    public static Path of(Object... elements) {
        return new Path(List.of(elements));
    }

    /** The top-level attribute this path starts from. */
    public String attribute() {
        return (String) elements.get(0);
    }

    public int size() {
        return elements.size();
    }

    public Object last() {
        return elements.get(elements.size() - 1);
    }

    public Path parent() {
        return new Path(elements.subList(0, elements.size() - 1));
    }

    /** Whether this path equals {@code other} or one is a prefix of the other. */
    public boolean overlaps(Path other) {
        int n = Math.min(size(), other.size());
        return elements.subList(0, n).equals(other.elements.subList(0, n));
    }

    /** DynamoDB's rendering in messages, e.g. {@code [a, b, [1]]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Object element = elements.get(i);
            out.append(element instanceof Integer ? "[" + element + "]" : element);
        }
        return out.append(']').toString();
    }
}
