package io.amplify4j.dsl;

/**
 * A handle on a field of a model or custom type, typed by the field's Java value type. Identifiers, indexes,
 * relationships and rules take handles rather than names, so that a renamed field breaks compilation
 * instead of the deployed API.
 *
 * @param <T> the field's value type ({@code String}, {@code Integer}, an enum, ...)
 */
public interface FieldRef<T> {
    /** The field's name. */
    String name();

    /** The model or custom type that declares the field. */
    FieldContainer<?> owner();
}
