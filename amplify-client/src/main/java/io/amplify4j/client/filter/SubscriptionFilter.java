package io.amplify4j.client.filter;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A filter for subscriptions to model {@code M}: AppSync's {@code ModelSubscription<M>FilterInput}, applied by
 * AppSync before an event is sent. Made from a field's {@code subscription()} view
 * ({@code Todo.PRIORITY.subscription().in(4, 5)}); AppSync's subscription filters combine with and/or only.
 *
 * @param <M> the model type
 */
public final class SubscriptionFilter<M> {
    private final Map<String, Object> json;

    private SubscriptionFilter(Map<String, Object> json) {
        this.json = json;
    }

    static <M> SubscriptionFilter<M> of(Map<String, Object> json) {
        return new SubscriptionFilter<>(Objects.requireNonNull(json, "json"));
    }

    /** The filter as AppSync's input object, values in their wire form. */
    @JsonValue
    public Map<String, Object> toVariables() {
        return json;
    }

    /** Both this and {@code other}. */
    public SubscriptionFilter<M> and(SubscriptionFilter<M> other) {
        return of(Json.combine("and", List.of(json, other.json)));
    }

    /** This or {@code other}. */
    public SubscriptionFilter<M> or(SubscriptionFilter<M> other) {
        return of(Json.combine("or", List.of(json, other.json)));
    }

    /** Every one of {@code filters}. */
    @SafeVarargs
    public static <M> SubscriptionFilter<M> allOf(SubscriptionFilter<M>... filters) {
        return of(Json.combine("and", Arrays.stream(filters).map(f -> f.json).toList()));
    }

    /** At least one of {@code filters}. */
    @SafeVarargs
    public static <M> SubscriptionFilter<M> anyOf(SubscriptionFilter<M>... filters) {
        return of(Json.combine("or", Arrays.stream(filters).map(f -> f.json).toList()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubscriptionFilter<?> that && json.equals(that.json);
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
