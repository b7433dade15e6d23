package io.amplify4j.client.filter;

/**
 * A text field in a subscription filter: the ordered operators plus {@code contains}, {@code notContains} and
 * {@code beginsWith}.
 *
 * @param <M> the model type
 */
public final class TextSubscriptionField<M> extends OrderedSubscriptionField<M, String> {
    TextSubscriptionField(Class<M> model, String name) {
        super(model, name, value -> value);
    }

    public SubscriptionFilter<M> contains(String part) {
        return filter("contains", wire(part, "contains"));
    }

    public SubscriptionFilter<M> notContains(String part) {
        return filter("notContains", wire(part, "notContains"));
    }

    public SubscriptionFilter<M> beginsWith(String prefix) {
        return filter("beginsWith", wire(prefix, "beginsWith"));
    }
}
