package io.amplify4j.model.data;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/** What a field, argument or return type refers to: a scalar, an enum, a custom type or a model. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TypeRef.Scalar.class, name = "scalar"),
    @JsonSubTypes.Type(value = TypeRef.EnumType.class, name = "enum"),
    @JsonSubTypes.Type(value = TypeRef.CustomType.class, name = "customType"),
    @JsonSubTypes.Type(value = TypeRef.Model.class, name = "model")
})
public sealed interface TypeRef {

    /** The name this type has in GraphQL SDL. */
    String graphqlName();

    /** A built-in AppSync scalar. */
    record Scalar(ScalarType scalar) implements TypeRef {
        public Scalar {
            Objects.requireNonNull(scalar, "scalar");
        }

        @Override
        public String graphqlName() {
            return scalar.graphqlName();
        }
    }

    /** An enum declared in the data definition. */
    record EnumType(String name) implements TypeRef {
        public EnumType {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String graphqlName() {
            return name;
        }
    }

    /** A custom (non-model) type declared in the data definition. */
    record CustomType(String name) implements TypeRef {
        public CustomType {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String graphqlName() {
            return name;
        }
    }

    /** A model declared in the data definition (custom operations may return models). */
    record Model(String name) implements TypeRef {
        public Model {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String graphqlName() {
            return name;
        }
    }

    static TypeRef scalar(ScalarType scalar) {
        return new Scalar(scalar);
    }
}
