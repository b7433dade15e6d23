package io.amplify4j.client.filter;

/**
 * An {@code AWSDateTime} field ({@link java.time.Instant}, sent as ISO-8601 UTC): comparisons in time order, since AppSync compares the text and UTC ISO-8601 text sorts by time.
 *
 * @param <M> the model type
 */
public final class DateTimeField<M> extends ComparableField<M, java.time.Instant> {
    private DateTimeField(Class<M> model, String name) {
        super(model, name, Json::dateTime);
    }

    public static <M> DateTimeField<M> of(Class<M> model, String graphqlName) {
        return new DateTimeField<>(model, graphqlName);
    }

    /** The operators AppSync's subscription filters accept for this field. */
    public OrderedSubscriptionField<M, java.time.Instant> subscription() {
        return new OrderedSubscriptionField<>(model(), name(), wire);
    }
}
