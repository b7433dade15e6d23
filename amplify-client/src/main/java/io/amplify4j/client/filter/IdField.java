package io.amplify4j.client.filter;

/**
 * An {@code ID} field: the same operators as a string.
 *
 * @param <M> the model type
 */
public final class IdField<M> extends TextField<M> {
    private IdField(Class<M> model, String name) {
        super(model, name);
    }

    public static <M> IdField<M> of(Class<M> model, String graphqlName) {
        return new IdField<>(model, graphqlName);
    }
}
