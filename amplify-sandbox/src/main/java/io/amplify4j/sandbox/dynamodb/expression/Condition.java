package io.amplify4j.sandbox.dynamodb.expression;

import java.util.List;

/** A parsed condition, filter or key condition expression. */
public sealed interface Condition {
    /** {@code = <> < <= > >=}. */
    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    record Compare(Operand left, Comparator comparator, Operand right) implements Condition {}

    record Between(Operand value, Operand lower, Operand upper) implements Condition {}

    record In(Operand value, List<Operand> candidates) implements Condition {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    record And(Condition left, Condition right) implements Condition {}

    record Or(Condition left, Condition right) implements Condition {}

    record Not(Condition condition) implements Condition {}

    /** attribute_exists, attribute_not_exists, attribute_type, begins_with or contains. */
    record Function(String name, List<Operand> arguments) implements Condition {
        public Function {
            arguments = List.copyOf(arguments);
        }
    }
}
