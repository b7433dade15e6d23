package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.FieldValidator;
import io.amplify4j.model.data.TypeRef;
import io.amplify4j.model.data.ValidatorKind;
import io.amplify4j.validate.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The mutable state behind a field's builder and its list view; turned into a {@link FieldDefinition} once. */
final class FieldState {
    final FieldContainer<?> owner;
    final String name;
    final TypeRef base;
    final Object typeHandle;
    boolean list;
    boolean required;
    boolean elementRequired;
    String defaultValue;
    String description;
    final List<FieldValidator> validators = new ArrayList<>();
    Function<FieldAllow, List<? extends Rule<FieldOperation>>> rules;

    FieldState(FieldContainer<?> owner, String name, TypeRef base, Object typeHandle) {
        this.owner = owner;
        this.name = name;
        this.base = base;
        this.typeHandle = typeHandle;
    }

    void addValidator(ValidatorKind kind, String operand, String message) {
        validators.add(new FieldValidator(kind, operand, Optional.ofNullable(message)));
    }

    void toArray() {
        if (list) {
            throw new IllegalStateException("array() was already called on field `" + name + "`");
        }
        list = true;
        elementRequired = required;
        required = false;
    }

    FieldDefinition toDefinition(String place, Problems problems) {
        if (typeHandle instanceof Handle handle) {
            handle.checkSameBackend(owner.backend(), place, problems);
        }
        List<AuthRule> authRules = List.of();
        if (rules != null) {
            FieldAllow allow = new FieldAllow(owner, place + ".rules", problems);
            authRules = Rule.toModel(rules.apply(allow), place + ".rules", problems, FieldOperation::toModelOperation);
        }
        return new FieldDefinition(
                name,
                new FieldType(base, list, required, elementRequired),
                Optional.ofNullable(defaultValue),
                validators,
                authRules,
                Optional.ofNullable(description));
    }
}
