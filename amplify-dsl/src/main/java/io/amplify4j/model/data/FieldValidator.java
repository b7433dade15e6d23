package io.amplify4j.model.data;

import java.util.Objects;
import java.util.Optional;

/**
 * One value check on a field.
 *
 * @param kind what is checked
 * @param operand the bound, length, prefix, suffix or regular expression, as text
 * @param message the error message the caller sees when the check fails; a default is derived when absent
 */
public record FieldValidator(ValidatorKind kind, String operand, Optional<String> message) {
    public FieldValidator {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(message, "message");
    }
}
