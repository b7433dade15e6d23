package io.amplify4j.sandbox.dynamodb.expression;

import io.amplify4j.sandbox.dynamodb.AttributeValue;

/** An operand of a condition: a document path, an expression attribute value, or {@code size(path)}. */
public sealed interface Operand {
    /** A document path into the item. */
    record PathOperand(Path path) implements Operand {}

    /** A {@code :value} placeholder, already resolved. */
    record Value(String placeholder, AttributeValue value) implements Operand {}

    /** {@code size(path)}. */
    record Size(Path path) implements Operand {}
}
