package io.amplify4j.client.filter;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A filter for list queries of model {@code M}: AppSync's {@code Model<M>FilterInput}. Made from the model's field
 * constants ({@code Todo.DONE.eq(false)}) and combined with {@link #and}, {@link #or}, {@link #not}, or
 * {@link #allOf}/{@link #anyOf}. A filter of one model cannot be passed where another model's is expected.
 *
 * @param <M> the model type
 */
public interface ModelFilter<M> {
    /** The filter as AppSync's input object, values in their wire form; what the client serializes. */
    @JsonValue
    Map<String, Object> toVariables();

    /** Both this and {@code other}. */
    default ModelFilter<M> and(ModelFilter<M> other) {
        return FieldPredicate.of(Json.combine("and", List.of(toVariables(), other.toVariables())));
    }

    /** This or {@code other}. */
    default ModelFilter<M> or(ModelFilter<M> other) {
        return FieldPredicate.of(Json.combine("or", List.of(toVariables(), other.toVariables())));
    }

    /** The opposite of this. */
    default ModelFilter<M> not() {
        return FieldPredicate.of(Json.object("not", toVariables()));
    }

    /** Every one of {@code filters}. */
    @SafeVarargs
    static <M> ModelFilter<M> allOf(ModelFilter<M>... filters) {
        return FieldPredicate.of(Json.combine("and", Arrays.stream(filters).map(ModelFilter::toVariables).toList()));
    }

    /** At least one of {@code filters}. */
    @SafeVarargs
    static <M> ModelFilter<M> anyOf(ModelFilter<M>... filters) {
        return FieldPredicate.of(Json.combine("or", Arrays.stream(filters).map(ModelFilter::toVariables).toList()));
    }
}
