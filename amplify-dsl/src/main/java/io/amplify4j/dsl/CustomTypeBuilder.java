package io.amplify4j.dsl;

import io.amplify4j.model.data.CustomTypeDefinition;
import io.amplify4j.validate.Problems;
import java.util.Optional;

/** A custom (non-model) type: a nested object with no table, also usable as an operation's argument or result. */
public final class CustomTypeBuilder extends FieldContainer<CustomTypeBuilder> {
    CustomTypeBuilder(BackendBuilder backend, String name) {
        super(backend, name);
    }

    CustomTypeDefinition toDefinition(Problems problems) {
        String place = "data.types." + name();
        return new CustomTypeDefinition(name(), fieldDefinitions(place, problems), Optional.ofNullable(description));
    }

    @Override
    public String describe() {
        return "custom type `" + name() + "`";
    }
}
