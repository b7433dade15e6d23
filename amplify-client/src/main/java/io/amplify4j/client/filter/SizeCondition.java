package io.amplify4j.client.filter;

/**
 * Conditions on a text field's length: AppSync's {@code ModelSizeInput}.
 *
 * @param <M> the model type
 */
public final class SizeCondition<M> {
    private final FieldRef<M> field;

    SizeCondition(FieldRef<M> field) {
        this.field = field;
    }

    private FieldPredicate<M> size(String operator, Object value) {
        return FieldPredicate.of(Json.object(field.name(), Json.object("size", Json.object(operator, value))));
    }

    public FieldPredicate<M> eq(int size) {
        return size("eq", size);
    }

    public FieldPredicate<M> ne(int size) {
        return size("ne", size);
    }

    public FieldPredicate<M> le(int size) {
        return size("le", size);
    }

    public FieldPredicate<M> lt(int size) {
        return size("lt", size);
    }

    public FieldPredicate<M> ge(int size) {
        return size("ge", size);
    }

    public FieldPredicate<M> gt(int size) {
        return size("gt", size);
    }

    public FieldPredicate<M> between(int low, int high) {
        return size("between", java.util.List.of(low, high));
    }
}
