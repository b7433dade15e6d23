package io.amplify4j.client.filter;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a field's operator returns ({@code Todo.DONE.eq(false)}), and what combining such predicates returns: usable
 * both as a {@link ModelFilter} and as a {@link ModelCondition} of the same model.
 *
 * @param <M> the model type
 */
public final class FieldPredicate<M> implements ModelFilter<M>, ModelCondition<M> {
    private final Map<String, Object> json;

    private FieldPredicate(Map<String, Object> json) {
        this.json = json;
    }

    static <M> FieldPredicate<M> of(Map<String, Object> json) {
        return new FieldPredicate<>(Objects.requireNonNull(json, "json"));
    }

    @JsonValue
    @Override
    public Map<String, Object> toVariables() {
        return json;
    }

    /** Both this and {@code other}; still usable as a filter and as a condition. */
    public FieldPredicate<M> and(FieldPredicate<M> other) {
        return of(Json.combine("and", List.of(json, other.json)));
    }

    /** This or {@code other}; still usable as a filter and as a condition. */
    public FieldPredicate<M> or(FieldPredicate<M> other) {
        return of(Json.combine("or", List.of(json, other.json)));
    }

    /** The opposite of this; still usable as a filter and as a condition. */
    @Override
    public FieldPredicate<M> not() {
        return of(Json.object("not", json));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldPredicate<?> that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
