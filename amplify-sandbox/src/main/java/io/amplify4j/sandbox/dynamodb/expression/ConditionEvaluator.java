package io.amplify4j.sandbox.dynamodb.expression;

import io.amplify4j.sandbox.dynamodb.AttributeValue;
import io.amplify4j.sandbox.dynamodb.AttributeValues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a parsed condition against an item, with DynamoDB's semantics: an ordering comparison between values of
 * different types (or involving a missing attribute) is false, never an error; {@code =} is false and {@code <>}
 * true when the types differ or the attribute is missing.
 */
public final class ConditionEvaluator {
    private ConditionEvaluator() {}

    /** Whether {@code item} (empty for a missing item) satisfies {@code condition}. */
    public static boolean evaluate(Condition condition, Map<String, AttributeValue> item) {
        if (condition instanceof Condition.And and) {
            return evaluate(and.left(), item) && evaluate(and.right(), item);
        } else if (condition instanceof Condition.Or or) {
            return evaluate(or.left(), item) || evaluate(or.right(), item);
        } else if (condition instanceof Condition.Not not) {
            return !evaluate(not.condition(), item);
        } else if (condition instanceof Condition.Compare compare) {
            Optional<AttributeValue> left = value(compare.left(), item);
            Optional<AttributeValue> right = value(compare.right(), item);
            return switch (compare.comparator()) {
                case EQ -> left.isPresent() && right.isPresent() && left.get().equals(right.get());
                case NE -> !(left.isPresent() && right.isPresent() && left.get().equals(right.get()));
                case LT -> ordered(left, right) && compare(left.get(), right.get()) < 0;
                case LE -> ordered(left, right) && compare(left.get(), right.get()) <= 0;
                case GT -> ordered(left, right) && compare(left.get(), right.get()) > 0;
                case GE -> ordered(left, right) && compare(left.get(), right.get()) >= 0;
            };
        } else if (condition instanceof Condition.Between between) {
            Optional<AttributeValue> v = value(between.value(), item);
            Optional<AttributeValue> low = value(between.lower(), item);
            Optional<AttributeValue> high = value(between.upper(), item);
            return ordered(v, low) && ordered(v, high)
                    && compare(low.get(), v.get()) <= 0 && compare(v.get(), high.get()) <= 0;
        } else if (condition instanceof Condition.In in) {
            Optional<AttributeValue> v = value(in.value(), item);
            if (v.isEmpty()) {
                return false;
            }
            for (Operand candidate : in.candidates()) {
                Optional<AttributeValue> c = value(candidate, item);
                if (c.isPresent() && c.get().equals(v.get())) {
                    return true;
                }
            }
            return false;
        } else {
            return function((Condition.Function) condition, item);
        }
    }

    private static boolean function(Condition.Function function, Map<String, AttributeValue> item) {
        Path path = ((Operand.PathOperand) function.arguments().get(0)).path();
        Optional<AttributeValue> target = Documents.resolve(item, path);
        switch (function.name()) {
            case "attribute_exists":
                return target.isPresent();
            case "attribute_not_exists":
                return target.isEmpty();
            case "attribute_type": {
                Optional<AttributeValue> type = value(function.arguments().get(1), item);
                return target.isPresent() && type.isPresent() && type.get() instanceof AttributeValue.S s
                        && target.get().type().equals(s.value());
            }
            case "begins_with": {
                Optional<AttributeValue> prefix = value(function.arguments().get(1), item);
                if (target.isEmpty() || prefix.isEmpty()) {
                    return false;
                }
                if (target.get() instanceof AttributeValue.S s && prefix.get() instanceof AttributeValue.S p) {
                    return s.value().startsWith(p.value());
                }
                if (target.get() instanceof AttributeValue.B b && prefix.get() instanceof AttributeValue.B p) {
                    byte[] bytes = b.bytes();
                    byte[] start = p.bytes();
                    return bytes.length >= start.length
                            && Arrays.equals(Arrays.copyOf(bytes, start.length), start);
                }
                return false;
            }
            default: {
                Optional<AttributeValue> operand = value(function.arguments().get(1), item);
                if (target.isEmpty() || operand.isEmpty()) {
                    return false;
                }
                return contains(target.get(), operand.get());
            }
        }
    }

    private static boolean contains(AttributeValue target, AttributeValue operand) {
        if (target instanceof AttributeValue.S s) {
            return operand instanceof AttributeValue.S o && s.value().contains(o.value());
        }
        if (target instanceof AttributeValue.SS ss) {
            return operand instanceof AttributeValue.S o && ss.value().contains(o.value());
        }
        if (target instanceof AttributeValue.NS ns) {
            return operand instanceof AttributeValue.N o && ns.value().contains(o.value());
        }
        if (target instanceof AttributeValue.BS bs) {
            return operand instanceof AttributeValue.B o && bs.value().contains(o);
        }
        if (target instanceof AttributeValue.L l) {
            return l.value().contains(operand);
        }
        return false;
    }

    /** The value of an operand, or empty when it refers to something missing. */
    static Optional<AttributeValue> value(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Operand.Value v) {
            return Optional.of(v.value());
        }
        if (operand instanceof Operand.PathOperand p) {
            return Documents.resolve(item, p.path());
        }
        Optional<AttributeValue> target = Documents.resolve(item, ((Operand.Size) operand).path());
        return target.flatMap(ConditionEvaluator::size).map(n -> new AttributeValue.N(BigDecimal.valueOf(n)));
    }

    /**
     * DynamoDB's {@code size}: length of a string (UTF-8 bytes) or binary, number of elements of a set, list or
     * map; nothing for other types (so any comparison with it is false).
     */
    static Optional<Long> size(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return Optional.of((long) s.value().getBytes(StandardCharsets.UTF_8).length);
        } else if (value instanceof AttributeValue.B b) {
            return Optional.of((long) b.bytes().length);
        } else if (value instanceof AttributeValue.SS ss) {
            return Optional.of((long) ss.value().size());
        } else if (value instanceof AttributeValue.NS ns) {
            return Optional.of((long) ns.value().size());
        } else if (value instanceof AttributeValue.BS bs) {
            return Optional.of((long) bs.value().size());
        } else if (value instanceof AttributeValue.L l) {
            return Optional.of((long) l.value().size());
        } else if (value instanceof AttributeValue.M m) {
            return Optional.of((long) m.value().size());
        }
        return Optional.empty();
    }

    private static boolean ordered(Optional<AttributeValue> a, Optional<AttributeValue> b) {
        return a.isPresent() && b.isPresent() && comparable(a.get(), b.get());
    }

    static boolean comparable(AttributeValue a, AttributeValue b) {
        return AttributeValues.comparable(a, b);
    }

    static int compare(AttributeValue a, AttributeValue b) {
        return AttributeValues.compareScalars(a, b);
    }
}
