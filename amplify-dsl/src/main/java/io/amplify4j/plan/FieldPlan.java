package io.amplify4j.plan;

import io.amplify4j.model.Canonical;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.RelationshipDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a model as it appears in the GraphQL type, declared or implicit.
 *
 * @param name the field name
 * @param type its GraphQL type shape
 * @param origin why the field exists
 * @param relationship the relationship, for {@link Origin#RELATIONSHIP} fields
 * @param rules field-level authorization rules; empty means the model's rules apply
 * @param description documentation carried into the SDL and generated clients
 */
public record FieldPlan(
        String name,
        FieldType type,
        Origin origin,
        Optional<RelationshipDefinition> relationship,
        List<AuthRule> rules,
        Optional<String> description) {

    public FieldPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(relationship, "relationship");
        rules = Canonical.list(rules);
        Objects.requireNonNull(description, "description");
    }

    /** Why a field is part of the model type. */
    public enum Origin {
        /** {@code id: ID!}, added when the model has no identifier. */
        IMPLICIT_ID,
        /** Declared by the user. */
        DECLARED,
        /** A hasMany, hasOne or belongsTo field. */
        RELATIONSHIP,
        /** {@code createdAt} or {@code updatedAt}, maintained by the mutation resolvers. */
        TIMESTAMP,
        /** An owner or group field an auth rule names and the user did not declare. */
        AUTH
    }

    /** True for fields stored as attributes of the item (everything but relationship fields). */
    public boolean isStored() {
        return origin != Origin.RELATIONSHIP;
    }

    /** True for the fields Amplify writes through mutation inputs (not timestamps, not relationships). */
    public boolean isInput() {
        return origin != Origin.RELATIONSHIP && origin != Origin.TIMESTAMP;
    }
}
