package io.amplify4j.model.data;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An enum type, its values in declaration order. */
public record EnumDefinition(String name, List<String> values, Optional<String> description) {
    public EnumDefinition {
        Objects.requireNonNull(name, "name");
        values = Canonical.list(values);
        Objects.requireNonNull(description, "description");
    }
}
