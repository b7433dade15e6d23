package io.amplify4j.model.data;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A custom (non-model) type: a GraphQL object type with no table of its own. */
public record CustomTypeDefinition(String name, List<FieldDefinition> fields, Optional<String> description) {
    public CustomTypeDefinition {
        Objects.requireNonNull(name, "name");
        fields = Canonical.list(fields);
        Objects.requireNonNull(description, "description");
    }
}
