package io.amplify4j.model.data;

import java.util.Objects;

/**
 * The shape of a field's type: its base type, whether it is a list, and which levels are required.
 *
 * @param base the scalar, enum, custom type or model
 * @param list true for a list ({@code [T]})
 * @param required for a single value: the value is required ({@code T!}); for a list: the list is required ({@code [T]!})
 * @param elementRequired for a list only: its elements are required ({@code [T!]})
 */
public record FieldType(TypeRef base, boolean list, boolean required, boolean elementRequired) {

    public FieldType {
        Objects.requireNonNull(base, "base");
        if (!list && elementRequired) {
            throw new IllegalArgumentException("elementRequired applies to lists only");
        }
    }

    public static FieldType of(TypeRef base) {
        return new FieldType(base, false, false, false);
    }

    public static FieldType required(TypeRef base) {
        return new FieldType(base, false, true, false);
    }

    public FieldType withRequired(boolean newRequired) {
        return new FieldType(base, list, newRequired, elementRequired);
    }

    /** The type in GraphQL SDL, for example {@code [String!]!}. */
    public String graphql() {
        return graphql(base.graphqlName());
    }

    /** The type in GraphQL SDL with another base name, for example an input type standing for a custom type. */
    public String graphql(String baseName) {
        if (!list) {
            return required ? baseName + "!" : baseName;
        }
        return "[" + baseName + (elementRequired ? "!" : "") + "]" + (required ? "!" : "");
    }

    /** The scalar type, if the base is a scalar. */
    public java.util.Optional<ScalarType> scalar() {
        return base instanceof TypeRef.Scalar s ? java.util.Optional.of(s.scalar()) : java.util.Optional.empty();
    }

    /** True for a single (non-list) value of that scalar type. */
    public boolean isSingle(ScalarType scalarType) {
        return !list && scalar().filter(scalarType::equals).isPresent();
    }
}
