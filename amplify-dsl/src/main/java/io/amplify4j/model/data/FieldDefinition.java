package io.amplify4j.model.data;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A field of a model or custom type.
 *
 * @param name the field name
 * @param type its type shape
 * @param defaultValue the value a create fills in when the caller leaves the field out, as text
 *     ({@code "5"}, {@code "true"}, {@code "OPEN"}); the field type says how to read it
 * @param validators value checks made on create and update
 * @param rules field-level authorization rules; empty means the model's rules apply
 * @param description documentation carried into generated clients
 */
public record FieldDefinition(
        String name,
        FieldType type,
        Optional<String> defaultValue,
        List<FieldValidator> validators,
        List<AuthRule> rules,
        Optional<String> description) {

    public FieldDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        validators = Canonical.list(validators);
        rules = Canonical.list(rules);
        Objects.requireNonNull(description, "description");
    }

    /** A plain field with nothing but a name and a type. */
    public static FieldDefinition of(String name, FieldType type) {
        return new FieldDefinition(name, type, Optional.empty(), List.of(), List.of(), Optional.empty());
    }
}
