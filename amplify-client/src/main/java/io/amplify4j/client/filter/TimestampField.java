package io.amplify4j.client.filter;

/**
 * An {@code AWSTimestamp} field ({@link java.time.Instant}, sent as epoch seconds): numeric comparisons.
 *
 * @param <M> the model type
 */
public final class TimestampField<M> extends ComparableField<M, java.time.Instant> {
    private TimestampField(Class<M> model, String name) {
        super(model, name, Json::epochSeconds);
    }

    public static <M> TimestampField<M> of(Class<M> model, String graphqlName) {
        return new TimestampField<>(model, graphqlName);
    }

    /** The operators AppSync's subscription filters accept for this field. */
    public OrderedSubscriptionField<M, java.time.Instant> subscription() {
        return new OrderedSubscriptionField<>(model(), name(), wire);
    }
}
