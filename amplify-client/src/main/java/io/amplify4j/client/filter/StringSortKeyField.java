package io.amplify4j.client.filter;

/**
 * A text sort key: the comparisons plus {@code beginsWith}.
 *
 * @param <M> the model type
 */
public final class StringSortKeyField<M> extends SortKeyField<M, String> {
    StringSortKeyField(Class<M> model, String name) {
        super(model, name, value -> value);
    }

    public KeyCondition<M> beginsWith(String prefix) {
        return condition("beginsWith", wire(prefix, "beginsWith"));
    }
}
