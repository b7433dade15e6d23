package io.amplify4j.client.filter;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A condition on a write to model {@code M}: AppSync's {@code Model<M>ConditionInput}, checked by DynamoDB
 * atomically with the write ({@code update(input, Todo.DONE.eq(false))}); when it does not hold, nothing is written
 * and the call throws {@link io.amplify4j.client.ConditionalCheckFailedException}.
 *
 * @param <M> the model type
 */
public interface ModelCondition<M> {
    /** The condition as AppSync's input object, values in their wire form. */
    @JsonValue
    Map<String, Object> toVariables();

    /** Both this and {@code other}. */
    default ModelCondition<M> and(ModelCondition<M> other) {
        return FieldPredicate.of(Json.combine("and", List.of(toVariables(), other.toVariables())));
    }

    /** This or {@code other}. */
    default ModelCondition<M> or(ModelCondition<M> other) {
        return FieldPredicate.of(Json.combine("or", List.of(toVariables(), other.toVariables())));
    }

    /** The opposite of this. */
    default ModelCondition<M> not() {
        return FieldPredicate.of(Json.object("not", toVariables()));
    }

    /** Every one of {@code conditions}. */
    @SafeVarargs
    static <M> ModelCondition<M> allOf(ModelCondition<M>... conditions) {
        return FieldPredicate.of(Json.combine("and",
                Arrays.stream(conditions).map(ModelCondition::toVariables).toList()));
    }

    /** At least one of {@code conditions}. */
    @SafeVarargs
    static <M> ModelCondition<M> anyOf(ModelCondition<M>... conditions) {
        return FieldPredicate.of(Json.combine("or",
                Arrays.stream(conditions).map(ModelCondition::toVariables).toList()));
    }
}
