package io.amplify4j.sandbox.dynamodb.expression;

import io.amplify4j.sandbox.dynamodb.AttributeValue;
import io.amplify4j.sandbox.dynamodb.AttributeValues;
import io.amplify4j.sandbox.dynamodb.expression.UpdateExpression.ValueExpression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies an update expression to an item. Every right-hand side is evaluated against the item as it was before
 * the update, as DynamoDB does; then SET, REMOVE, ADD and DELETE actions are applied.
 */
public final class UpdateApplier {
    static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";
    static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";
    static final String MISSING_ATTRIBUTE =
            "The provided expression refers to an attribute that does not exist in the item";

    private UpdateApplier() {}

    /** Rejects updates of key attributes, with DynamoDB's message. */
    public static void checkKeys(UpdateExpression update, Set<String> keyAttributes) {
        for (Path path : update.targets()) {
            if (keyAttributes.contains(path.attribute())) {
                throw new ExpressionException("One or more parameter values were invalid: Cannot update attribute "
                        + path.attribute() + ". This attribute is part of the key");
            }
        }
    }

    /** The item after the update; {@code item} is not changed. */
    public static Map<String, AttributeValue> apply(UpdateExpression update, Map<String, AttributeValue> item) {
        List<AttributeValue> setValues = new ArrayList<>();
        for (UpdateExpression.SetAction set : update.sets()) {
            setValues.add(evaluate(set.value(), item));
        }
        Map<String, AttributeValue> result = new LinkedHashMap<>(item);
        for (int i = 0; i < update.sets().size(); i++) {
            setAt(result, update.sets().get(i).path(), setValues.get(i));
        }
        List<Path> removes = new ArrayList<>(update.removes());
        removes.sort(REMOVAL_ORDER);
        for (Path path : removes) {
            removeAt(result, path);
        }
        for (UpdateExpression.AddAction add : update.adds()) {
            Optional<AttributeValue> current = Documents.resolve(result, add.path());
            setAt(result, add.path(), current.isEmpty() ? add.value() : add(current.get(), add.value()));
        }
        for (UpdateExpression.DeleteAction delete : update.deletes()) {
            Optional<AttributeValue> current = Documents.resolve(result, delete.path());
            if (current.isEmpty()) {
                continue;
            }
            Optional<AttributeValue> remaining = difference(current.get(), delete.value());
            if (remaining.isPresent()) {
                setAt(result, delete.path(), remaining.get());
            } else {
                removeAt(result, delete.path());
            }
        }
        return result;
    }

    private static AttributeValue evaluate(ValueExpression expression, Map<String, AttributeValue> item) {
        if (expression instanceof ValueExpression.Literal literal) {
            return literal.value();
        } else if (expression instanceof ValueExpression.PathValue p) {
            return Documents.resolve(item, p.path()).orElseThrow(() -> new ExpressionException(MISSING_ATTRIBUTE));
        } else if (expression instanceof ValueExpression.IfNotExists ifNotExists) {
            Optional<AttributeValue> current = Documents.resolve(item, ifNotExists.path());
            return current.isPresent() ? current.get() : evaluate(ifNotExists.fallback(), item);
        } else if (expression instanceof ValueExpression.ListAppend append) {
            AttributeValue first = evaluate(append.first(), item);
            AttributeValue second = evaluate(append.second(), item);
            if (!(first instanceof AttributeValue.L a) || !(second instanceof AttributeValue.L b)) {
                throw new ExpressionException(WRONG_TYPE);
            }
            List<AttributeValue> joined = new ArrayList<>(a.value());
            joined.addAll(b.value());
            return new AttributeValue.L(joined);
        } else if (expression instanceof ValueExpression.Plus plus) {
            return arithmetic(evaluate(plus.left(), item), evaluate(plus.right(), item), true);
        } else {
            ValueExpression.Minus minus = (ValueExpression.Minus) expression;
            return arithmetic(evaluate(minus.left(), item), evaluate(minus.right(), item), false);
        }
    }

    private static AttributeValue arithmetic(AttributeValue left, AttributeValue right, boolean plus) {
        if (!(left instanceof AttributeValue.N a) || !(right instanceof AttributeValue.N b)) {
            throw new ExpressionException(WRONG_TYPE);
        }
        return AttributeValues.checkedNumber(plus ? a.value().add(b.value()) : a.value().subtract(b.value()));
    }

    private static AttributeValue add(AttributeValue current, AttributeValue value) {
        if (current instanceof AttributeValue.N a && value instanceof AttributeValue.N b) {
            return AttributeValues.checkedNumber(a.value().add(b.value()));
        }
        if (current instanceof AttributeValue.SS a && value instanceof AttributeValue.SS b) {
            Set<String> union = new LinkedHashSet<>(a.value());
            union.addAll(b.value());
            return new AttributeValue.SS(union);
        }
        if (current instanceof AttributeValue.NS a && value instanceof AttributeValue.NS b) {
            Set<java.math.BigDecimal> union = new LinkedHashSet<>(a.value());
            union.addAll(b.value());
            return new AttributeValue.NS(union);
        }
        if (current instanceof AttributeValue.BS a && value instanceof AttributeValue.BS b) {
            Set<AttributeValue.B> union = new LinkedHashSet<>(a.value());
            union.addAll(b.value());
            return new AttributeValue.BS(union);
        }
        throw new ExpressionException(WRONG_TYPE);
    }

    private static Optional<AttributeValue> difference(AttributeValue current, AttributeValue value) {
        if (current instanceof AttributeValue.SS a && value instanceof AttributeValue.SS b) {
            Set<String> rest = new LinkedHashSet<>(a.value());
            rest.removeAll(b.value());
            return rest.isEmpty() ? Optional.empty() : Optional.of(new AttributeValue.SS(rest));
        }
        if (current instanceof AttributeValue.NS a && value instanceof AttributeValue.NS b) {
            Set<java.math.BigDecimal> rest = new LinkedHashSet<>(a.value());
            rest.removeAll(b.value());
            return rest.isEmpty() ? Optional.empty() : Optional.of(new AttributeValue.NS(rest));
        }
        if (current instanceof AttributeValue.BS a && value instanceof AttributeValue.BS b) {
            Set<AttributeValue.B> rest = new LinkedHashSet<>(a.value());
            rest.removeAll(b.value());
            return rest.isEmpty() ? Optional.empty() : Optional.of(new AttributeValue.BS(rest));
        }
        throw new ExpressionException(WRONG_TYPE);
    }

    private static void setAt(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        if (path.size() == 1) {
            item.put(path.attribute(), value);
            return;
        }
        AttributeValue parent = Documents.resolve(item, path.parent())
                .orElseThrow(() -> new ExpressionException(INVALID_PATH));
        AttributeValue updated;
        if (path.last() instanceof String name) {
            if (!(parent instanceof AttributeValue.M m)) {
                throw new ExpressionException(INVALID_PATH);
            }
            Map<String, AttributeValue> members = new LinkedHashMap<>(m.value());
            members.put(name, value);
            updated = new AttributeValue.M(members);
        } else {
            if (!(parent instanceof AttributeValue.L l)) {
                throw new ExpressionException(INVALID_PATH);
            }
            int index = (Integer) path.last();
            List<AttributeValue> elements = new ArrayList<>(l.value());
            if (index < elements.size()) {
                elements.set(index, value);
            } else {
                elements.add(value);
            }
            updated = new AttributeValue.L(elements);
        }
        setAt(item, path.parent(), updated);
    }

    private static void removeAt(Map<String, AttributeValue> item, Path path) {
        if (path.size() == 1) {
            item.remove(path.attribute());
            return;
        }
        Optional<AttributeValue> parent = Documents.resolve(item, path.parent());
        if (parent.isEmpty()) {
            throw new ExpressionException(INVALID_PATH);
        }
        AttributeValue updated;
        if (path.last() instanceof String name) {
            if (!(parent.get() instanceof AttributeValue.M m)) {
                throw new ExpressionException(INVALID_PATH);
            }
            if (!m.value().containsKey(name)) {
                return;
            }
            Map<String, AttributeValue> members = new LinkedHashMap<>(m.value());
            members.remove(name);
            updated = new AttributeValue.M(members);
        } else {
            if (!(parent.get() instanceof AttributeValue.L l)) {
                throw new ExpressionException(INVALID_PATH);
            }
            int index = (Integer) path.last();
            if (index >= l.value().size()) {
                return;
            }
            List<AttributeValue> elements = new ArrayList<>(l.value());
            elements.remove(index);
            updated = new AttributeValue.L(elements);
        }
        setAt(item, path.parent(), updated);
    }

    /** Removals of list elements run from the highest index down, so each index means the original element. */
    private static final Comparator<Path> REMOVAL_ORDER = Comparator
            .comparing((Path p) -> p.size() == 1 ? "" : p.parent().toString())
            .thenComparing(p -> p.last() instanceof Integer i ? -i : 0);
}
