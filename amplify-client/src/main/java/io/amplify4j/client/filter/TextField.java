package io.amplify4j.client.filter;

/**
 * A text field ({@code String} or {@code ID}): comparisons plus {@code contains}, {@code notContains},
 * {@code beginsWith} and {@code size}.
 *
 * @param <M> the model type
 */
public abstract class TextField<M> extends ComparableField<M, String> {
    TextField(Class<M> model, String name) {
        super(model, name, value -> value);
    }

    /** The value contains {@code part} (for a list of strings: the list holds {@code part}). */
    public FieldPredicate<M> contains(String part) {
        return predicate("contains", part);
    }

    public FieldPredicate<M> notContains(String part) {
        return predicate("notContains", part);
    }

    public FieldPredicate<M> beginsWith(String prefix) {
        return predicate("beginsWith", prefix);
    }

    /** Conditions on the value's length (DynamoDB's {@code size}). */
    public SizeCondition<M> size() {
        return new SizeCondition<>(this);
    }

    /** The operators AppSync's subscription filters accept for this field. */
    public TextSubscriptionField<M> subscription() {
        return new TextSubscriptionField<>(model(), name());
    }
}
