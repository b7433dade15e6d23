package io.amplify4j.client.filter;

/**
 * A boolean field in a subscription filter: {@code eq} and {@code ne} only.
 *
 * @param <M> the model type
 */
public final class BooleanSubscriptionField<M> extends SubscriptionField<M, Boolean> {
    BooleanSubscriptionField(Class<M> model, String name) {
        super(model, name, value -> value);
    }
}
