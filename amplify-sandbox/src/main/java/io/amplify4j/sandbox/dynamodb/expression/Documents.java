package io.amplify4j.sandbox.dynamodb.expression;

import io.amplify4j.sandbox.dynamodb.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reading document paths from items, and projecting items onto paths. */
public final class Documents {
    private Documents() {}

    /** The value at {@code path}, or empty when any step of it is missing or of the wrong type. */
    public static Optional<AttributeValue> resolve(Map<String, AttributeValue> item, Path path) {
        AttributeValue current = item.get(path.attribute());
        for (int i = 1; i < path.size() && current != null; i++) {
            Object element = path.elements().get(i);
            if (element instanceof String name) {
                current = current instanceof AttributeValue.M m ? m.value().get(name) : null;
            } else {
                int index = (Integer) element;
                current = current instanceof AttributeValue.L l && index < l.value().size()
                        ? l.value().get(index) : null;
            }
        }
        return Optional.ofNullable(current);
    }

    /**
     * The item reduced to the given paths, as DynamoDB's ProjectionExpression does: nested maps keep only the
     * selected members, lists only the selected elements (in index order, compacted).
     */
    public static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<Path> paths) {
        Node root = new Node();
        for (Path path : paths) {
            Optional<AttributeValue> value = resolve(item, path);
            if (value.isEmpty()) {
                continue;
            }
            Node node = root;
            for (int i = 0; i < path.size(); i++) {
                Object element = path.elements().get(i);
                if (element instanceof String name) {
                    node = node.fields.computeIfAbsent(name, k -> new Node());
                } else {
                    node = node.indexes.computeIfAbsent((Integer) element, k -> new Node());
                }
            }
            node.leaf = value.get();
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        // Keep the item's attribute order for a stable result.
        for (String attribute : item.keySet()) {
            Node node = root.fields.get(attribute);
            if (node != null) {
                out.put(attribute, node.build());
            }
        }
        return out;
    }

    private static final class Node {
        AttributeValue leaf;
        final Map<String, Node> fields = new LinkedHashMap<>();
        final TreeMap<Integer, Node> indexes = new TreeMap<>();

        AttributeValue build() {
            if (leaf != null) {
                return leaf;
            }
            if (!fields.isEmpty()) {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                fields.forEach((name, node) -> map.put(name, node.build()));
                return new AttributeValue.M(map);
            }
            List<AttributeValue> list = new ArrayList<>();
            indexes.values().forEach(node -> list.add(node.build()));
            return new AttributeValue.L(list);
        }
    }
}
