package io.amplify4j.client.filter;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * A condition on the sort key of a query by primary or secondary index: AppSync's
 * {@code Model<Type>KeyConditionInput} ({@code {"beginsWith": "2026-"}}), made by a {@link SortKeyField}. It is
 * sent as the query's argument named after the sort key field ({@link #field()}).
 *
 * @param <M> the model type
 */
public final class KeyCondition<M> {
    private final String field;
    private final Map<String, Object> json;

    KeyCondition(String field, Map<String, Object> json) {
        this.field = Objects.requireNonNull(field, "field");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The sort key field, which is also the name of the query's argument. */
    public String field() {
        return field;
    }

    /** The condition as AppSync's input object. */
    @JsonValue
    public Map<String, Object> toVariables() {
        return json;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyCondition<?> that && field.equals(that.field) && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return field.hashCode() * 31 + json.hashCode();
    }

    @Override
    public String toString() {
        return field + " " + json;
    }
}
