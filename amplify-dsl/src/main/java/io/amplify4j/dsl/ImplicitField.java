package io.amplify4j.dsl;

/**
 * A handle on a field every model has without declaring it: {@code id}, {@code createdAt} or {@code updatedAt}.
 *
 * @param <T> the field's value type
 */
public final class ImplicitField<T> implements FieldRef<T> {
    private final ModelBuilder owner;
    private final String name;

    ImplicitField(ModelBuilder owner, String name) {
        this.owner = owner;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ModelBuilder owner() {
        return owner;
    }

    @Override
    public String toString() {
        return owner.name() + "." + name;
    }
}
