package io.amplify4j.dsl;

import io.amplify4j.model.data.ValidatorKind;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The builder of a single-valued field, and the handle that refers to it. Subclasses add what only makes sense
 * for their value type: a string field's default takes a {@code String}, numeric checks exist only on numbers.
 *
 * @param <T> the field's value type
 * @param <SELF> the concrete builder, so that chained calls keep it
 */
public abstract class FieldBuilder<T, SELF extends FieldBuilder<T, SELF>> implements FieldRef<T> {
    final FieldState state;

    FieldBuilder(FieldState state) {
        this.state = state;
    }

    @SuppressWarnings("unchecked")
    final SELF self() {
        return (SELF) this;
    }

    @Override
    public String name() {
        return state.name;
    }

    @Override
    public FieldContainer<?> owner() {
        return state.owner;
    }

    /** The field must have a value ({@code T!}). */
    public SELF required() {
        state.required = true;
        return self();
    }

    /** Documentation, carried into the GraphQL schema and generated clients' javadoc. */
    public SELF description(String text) {
        state.description = Objects.requireNonNull(text, "text");
        return self();
    }

    /**
     * Field-level rules. Once a field has rules, only they decide who reads and writes it; the model's rules no
     * longer apply to it. Example: {@code .authorization(allow -> List.of(allow.owner().to(FieldOperation.READ)))}.
     */
    public SELF authorization(Function<FieldAllow, List<? extends Rule<FieldOperation>>> rules) {
        state.rules = Objects.requireNonNull(rules, "rules");
        return self();
    }

    /** Turns this field into a list of its type; a field required so far gets required elements. */
    public ListField<T> array() {
        state.toArray();
        return new ListField<>(state);
    }

    final SELF defaultText(String value) {
        state.defaultValue = Objects.requireNonNull(value, "value");
        return self();
    }

    final SELF check(ValidatorKind kind, Object operand, String message) {
        state.addValidator(kind, String.valueOf(operand), message);
        return self();
    }

    @Override
    public String toString() {
        return state.owner.name() + "." + state.name;
    }
}
