package io.amplify4j.client.filter;

/**
 * An {@code AWSDate} field ({@link java.time.LocalDate}): comparisons in date order (AppSync compares the ISO text).
 *
 * @param <M> the model type
 */
public final class DateField<M> extends ComparableField<M, java.time.LocalDate> {
    private DateField(Class<M> model, String name) {
        super(model, name, Json::date);
    }

    public static <M> DateField<M> of(Class<M> model, String graphqlName) {
        return new DateField<>(model, graphqlName);
    }

    /** The operators AppSync's subscription filters accept for this field. */
    public OrderedSubscriptionField<M, java.time.LocalDate> subscription() {
        return new OrderedSubscriptionField<>(model(), name(), wire);
    }
}
