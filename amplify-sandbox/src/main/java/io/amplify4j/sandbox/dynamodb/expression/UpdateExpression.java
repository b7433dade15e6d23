package io.amplify4j.sandbox.dynamodb.expression;

import io.amplify4j.sandbox.dynamodb.AttributeValue;
import java.util.List;

/** A parsed update expression: its SET, REMOVE, ADD and DELETE actions. */
public record UpdateExpression(
        List<SetAction> sets, List<Path> removes, List<AddAction> adds, List<DeleteAction> deletes) {

    public UpdateExpression {
        sets = List.copyOf(sets);
        removes = List.copyOf(removes);
        adds = List.copyOf(adds);
        deletes = List.copyOf(deletes);
    }

    /** {@code SET path = value}. */
    public record SetAction(Path path, ValueExpression value) {}

    /** {@code ADD path :value}. */
    public record AddAction(Path path, AttributeValue value) {}

    /** {@code DELETE path :set}. */
    public record DeleteAction(Path path, AttributeValue value) {}

    /** The right-hand side of a SET action. */
    public sealed interface ValueExpression {
        record PathValue(Path path) implements ValueExpression {}

        record Literal(AttributeValue value) implements ValueExpression {}

        record Plus(ValueExpression left, ValueExpression right) implements ValueExpression {}

        record Minus(ValueExpression left, ValueExpression right) implements ValueExpression {}

        record IfNotExists(Path path, ValueExpression fallback) implements ValueExpression {}

        record ListAppend(ValueExpression first, ValueExpression second) implements ValueExpression {}
    }

    /** Every path this update writes, for overlap and key checks. */
    public List<Path> targets() {
        java.util.List<Path> out = new java.util.ArrayList<>();
        sets.forEach(s -> out.add(s.path()));
        out.addAll(removes);
        adds.forEach(a -> out.add(a.path()));
        deletes.forEach(d -> out.add(d.path()));
        return out;
    }
}
