package io.amplify4j.client.filter;

/**
 * An {@code AWSTime} field ({@link java.time.LocalTime}): comparisons in time order.
 *
 * @param <M> the model type
 */
public final class TimeField<M> extends ComparableField<M, java.time.LocalTime> {
    private TimeField(Class<M> model, String name) {
        super(model, name, Json::time);
    }

    public static <M> TimeField<M> of(Class<M> model, String graphqlName) {
        return new TimeField<>(model, graphqlName);
    }

    /** The operators AppSync's subscription filters accept for this field. */
    public OrderedSubscriptionField<M, java.time.LocalTime> subscription() {
        return new OrderedSubscriptionField<>(model(), name(), wire);
    }
}
