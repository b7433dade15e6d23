package io.amplify4j.dsl;

import io.amplify4j.model.data.EnumDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A handle on an enum of the data definition. Declared from a Java enum ({@code EnumRef<OrderStatus>}), an enum
 * field's default takes a constant of that enum; declared by name ({@code EnumRef<String>}), it takes a value name.
 *
 * @param <E> the Java type of the enum's values
 */
public final class EnumRef<E> implements Handle {
    private final BackendBuilder backend;
    private final String name;
    private final List<String> values;
    private final Function<E, String> valueName;
    private String description;

    EnumRef(BackendBuilder backend, String name, List<String> values, Function<E, String> valueName) {
        this.backend = backend;
        this.name = name;
        this.values = List.copyOf(values);
        this.valueName = valueName;
    }

    public String name() {
        return name;
    }

    /** The enum's value names, in declaration order. */
    public List<String> values() {
        return values;
    }

    /** Documentation, carried into the schema and generated clients. */
    public EnumRef<E> description(String text) {
        this.description = Objects.requireNonNull(text, "text");
        return this;
    }

    String valueName(E value) {
        return valueName.apply(Objects.requireNonNull(value, "value"));
    }

    EnumDefinition toDefinition() {
        return new EnumDefinition(name, values, Optional.ofNullable(description));
    }

    @Override
    public BackendBuilder backend() {
        return backend;
    }

    @Override
    public String describe() {
        return "enum `" + name + "`";
    }
}
