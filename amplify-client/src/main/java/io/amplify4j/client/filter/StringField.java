package io.amplify4j.client.filter;

/**
 * A {@code String} field (also {@code AWSEmail}, {@code AWSURL}, {@code AWSPhone}, {@code AWSIPAddress}).
 *
 * @param <M> the model type
 */
public final class StringField<M> extends TextField<M> {
    private StringField(Class<M> model, String name) {
        super(model, name);
    }

    public static <M> StringField<M> of(Class<M> model, String graphqlName) {
        return new StringField<>(model, graphqlName);
    }
}
