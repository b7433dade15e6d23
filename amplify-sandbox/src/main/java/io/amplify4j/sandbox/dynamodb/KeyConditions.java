package io.amplify4j.sandbox.dynamodb;

import io.amplify4j.sandbox.dynamodb.expression.Condition;
import io.amplify4j.sandbox.dynamodb.expression.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The restricted form of a KeyConditionExpression: equality on the partition key, and optionally one of
 * {@code = < <= > >= BETWEEN begins_with} on the sort key, joined by AND.
 */
final class KeyConditions {
    private KeyConditions() {}

    /** A checked key condition: the partition value and, if any, the condition on the sort key. */
    record KeyCondition(AttributeValue partitionValue, Optional<Condition> sortCondition) {}

    static KeyCondition analyze(Condition condition, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey) {
        List<Condition> conjuncts = new ArrayList<>();
        flatten(condition, conjuncts);
        if (conjuncts.size() > 2) {
            throw DynamoDbError.validation("Conditions can be of length 1 or 2 only");
        }
        AttributeValue partitionValue = null;
        Condition sortCondition = null;
        for (Condition conjunct : conjuncts) {
            String attribute = attributeOf(conjunct);
            if (attribute.equals(partitionKey.name())) {
                if (partitionValue != null) {
                    throw DynamoDbError.validation("KeyConditionExpressions must only contain one condition per key");
                }
                if (!(conjunct instanceof Condition.Compare compare)
                        || compare.comparator() != Condition.Comparator.EQ) {
                    throw DynamoDbError.validation("Query key condition not supported");
                }
                partitionValue = ((Operand.Value) compare.right()).value();
                checkType(partitionKey, partitionValue);
            } else if (sortKey.isPresent() && attribute.equals(sortKey.get().name())) {
                if (sortCondition != null) {
                    throw DynamoDbError.validation("KeyConditionExpressions must only contain one condition per key");
                }
                checkSortCondition(conjunct, sortKey.get());
                sortCondition = conjunct;
            } else {
                throw DynamoDbError.validation("Query condition missed key schema element: " + partitionKey.name());
            }
        }
        if (partitionValue == null) {
            throw DynamoDbError.validation("Query condition missed key schema element: " + partitionKey.name());
        }
        return new KeyCondition(partitionValue, Optional.ofNullable(sortCondition));
    }

    private static void flatten(Condition condition, List<Condition> out) {
        if (condition instanceof Condition.And and) {
            flatten(and.left(), out);
            flatten(and.right(), out);
        } else if (condition instanceof Condition.Or) {
            throw invalidOperator("OR");
        } else if (condition instanceof Condition.Not) {
            throw invalidOperator("NOT");
        } else if (condition instanceof Condition.In) {
            throw invalidOperator("IN");
        } else if (condition instanceof Condition.Compare compare
                && compare.comparator() == Condition.Comparator.NE) {
            throw invalidOperator("<>");
        } else if (condition instanceof Condition.Function function && !function.name().equals("begins_with")) {
            throw invalidOperator(function.name());
        } else {
            out.add(condition);
        }
    }

    private static DynamoDbError invalidOperator(String operator) {
        return DynamoDbError.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }

    /** The key attribute a conjunct constrains; the other operands must be values. */
    private static String attributeOf(Condition conjunct) {
        List<Operand> values;
        Operand subject;
        if (conjunct instanceof Condition.Compare compare) {
            subject = compare.left();
            values = List.of(compare.right());
        } else if (conjunct instanceof Condition.Between between) {
            subject = between.value();
            values = List.of(between.lower(), between.upper());
        } else {
            Condition.Function function = (Condition.Function) conjunct;
            subject = function.arguments().get(0);
            values = function.arguments().subList(1, function.arguments().size());
        }
        if (!(subject instanceof Operand.PathOperand path) || path.path().size() != 1) {
            throw DynamoDbError.validation("Query key condition not supported");
        }
        for (Operand value : values) {
            if (!(value instanceof Operand.Value)) {
                throw DynamoDbError.validation("Query key condition not supported");
            }
        }
        return path.path().attribute();
    }

    private static void checkSortCondition(Condition conjunct, KeyAttribute sortKey) {
        List<Operand> values = new ArrayList<>();
        if (conjunct instanceof Condition.Compare compare) {
            values.add(compare.right());
        } else if (conjunct instanceof Condition.Between between) {
            values.add(between.lower());
            values.add(between.upper());
        } else {
            if (sortKey.type() == KeyAttribute.ScalarType.N) {
                throw DynamoDbError.validation("Invalid KeyConditionExpression: Incorrect operand type for operator"
                        + " or function; operator or function: begins_with, operand type: N");
            }
            values.add(((Condition.Function) conjunct).arguments().get(1));
        }
        for (Operand value : values) {
            checkType(sortKey, ((Operand.Value) value).value());
        }
    }

    private static void checkType(KeyAttribute key, AttributeValue value) {
        if (!key.matches(value)) {
            throw DynamoDbError.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }
}
