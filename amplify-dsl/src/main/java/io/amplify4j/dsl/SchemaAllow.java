package io.amplify4j.dsl;

import io.amplify4j.model.data.ModelOperation;
import java.util.Objects;

/**
 * Schema-level rules: they apply to every model that has no rules of its own. Owner and group fields are named,
 * since they stand for a field of each model; {@link #resource} grants a function IAM access to the API.
 */
public final class SchemaAllow extends AllowBase<ModelOperation> {
    SchemaAllow() {}

    /** The owner named in the field {@code fieldName} of each model. */
    public OwnerRule<ModelOperation> ownerDefinedIn(String fieldName) {
        return new OwnerRule<>(Objects.requireNonNull(fieldName, "fieldName"), false);
    }

    /** Any of the owners listed in the String list field {@code fieldName} of each model. */
    public OwnerRule<ModelOperation> ownersDefinedIn(String fieldName) {
        return new OwnerRule<>(Objects.requireNonNull(fieldName, "fieldName"), true);
    }

    /** Members of the group named in the field {@code fieldName} of each model. */
    public GroupRule<ModelOperation> groupDefinedIn(String fieldName) {
        return GroupRule.definedIn(Objects.requireNonNull(fieldName, "fieldName"), false);
    }

    /** Members of any group listed in the String list field {@code fieldName} of each model. */
    public GroupRule<ModelOperation> groupsDefinedIn(String fieldName) {
        return GroupRule.definedIn(Objects.requireNonNull(fieldName, "fieldName"), true);
    }

    /** IAM access to the API for {@code function}; limit it with {@link ResourceRule#to}. */
    public ResourceRule resource(FunctionRef function) {
        return new ResourceRule(Objects.requireNonNull(function, "function"));
    }
}
