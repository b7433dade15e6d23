package io.amplify4j.dsl;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A list field ({@code [T]}) and its handle. {@code ownersDefinedIn} and {@code groupsDefinedIn} take a
 * {@code ListField<String>}, so a single-valued field cannot be passed by mistake.
 *
 * @param <T> the element type
 */
public final class ListField<T> implements FieldRef<List<T>> {
    private final FieldState state;

    ListField(FieldState state) {
        this.state = state;
    }

    @Override
    public String name() {
        return state.name;
    }

    @Override
    public FieldContainer<?> owner() {
        return state.owner;
    }

    /** The list itself must be present ({@code [T]!}). */
    public ListField<T> required() {
        state.required = true;
        return this;
    }

    public ListField<T> description(String text) {
        state.description = Objects.requireNonNull(text, "text");
        return this;
    }

    /** Field-level rules; see {@link FieldBuilder#authorization}. */
    public ListField<T> authorization(Function<FieldAllow, List<? extends Rule<FieldOperation>>> rules) {
        state.rules = Objects.requireNonNull(rules, "rules");
        return this;
    }

    @Override
    public String toString() {
        return state.owner.name() + "." + state.name;
    }
}
