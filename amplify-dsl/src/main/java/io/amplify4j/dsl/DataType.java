package io.amplify4j.dsl;

import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.TypeRef;
import java.util.Objects;

/**
 * The type of a custom operation's argument or return value, as an immutable value.
 *
 * <p>Modifiers follow Amplify: {@code DataType.string().required().array().required()} is {@code [String!]!};
 * {@code required()} before {@code array()} makes the elements required, after it the list.
 */
public final class DataType {
    private final TypeRef base;
    private final boolean list;
    private final boolean required;
    private final boolean elementRequired;
    private final Object handle;

    private DataType(TypeRef base, boolean list, boolean required, boolean elementRequired, Object handle) {
        this.base = base;
        this.list = list;
        this.required = required;
        this.elementRequired = elementRequired;
        this.handle = handle;
    }

    static DataType scalarType(ScalarType scalar) {
        return new DataType(TypeRef.scalar(scalar), false, false, false, null);
    }

    public static DataType id() {
        return scalarType(ScalarType.ID);
    }

    public static DataType string() {
        return scalarType(ScalarType.STRING);
    }

    public static DataType integer() {
        return scalarType(ScalarType.INT);
    }

    public static DataType floating() {
        return scalarType(ScalarType.FLOAT);
    }

    public static DataType bool() {
        return scalarType(ScalarType.BOOLEAN);
    }

    public static DataType date() {
        return scalarType(ScalarType.DATE);
    }

    public static DataType time() {
        return scalarType(ScalarType.TIME);
    }

    public static DataType datetime() {
        return scalarType(ScalarType.DATETIME);
    }

    public static DataType timestamp() {
        return scalarType(ScalarType.TIMESTAMP);
    }

    public static DataType email() {
        return scalarType(ScalarType.EMAIL);
    }

    public static DataType json() {
        return scalarType(ScalarType.JSON);
    }

    public static DataType phone() {
        return scalarType(ScalarType.PHONE);
    }

    public static DataType url() {
        return scalarType(ScalarType.URL);
    }

    public static DataType ipAddress() {
        return scalarType(ScalarType.IP_ADDRESS);
    }

    /** A model of this backend, for operations that return or take one. */
    public static DataType ref(ModelBuilder model) {
        Objects.requireNonNull(model, "model");
        return new DataType(new TypeRef.Model(model.name()), false, false, false, model);
    }

    /** An enum of this backend. */
    public static DataType ref(EnumRef<?> enumType) {
        Objects.requireNonNull(enumType, "enumType");
        return new DataType(new TypeRef.EnumType(enumType.name()), false, false, false, enumType);
    }

    /** A custom type of this backend. */
    public static DataType ref(CustomTypeBuilder customType) {
        Objects.requireNonNull(customType, "customType");
        return new DataType(new TypeRef.CustomType(customType.name()), false, false, false, customType);
    }

    /** Required value; after {@link #array()}, a required list. */
    public DataType required() {
        return new DataType(base, list, true, elementRequired, handle);
    }

    /** A list of this type; a value required so far becomes a required element. */
    public DataType array() {
        if (list) {
            throw new IllegalStateException("array() was already called on this type; nested lists are not supported");
        }
        return new DataType(base, true, false, required, handle);
    }

    FieldType toFieldType() {
        return new FieldType(base, list, required, elementRequired);
    }

    /** The DSL handle this type refers to, if any: used to check it belongs to the same backend. */
    Object handle() {
        return handle;
    }

    @Override
    public String toString() {
        return toFieldType().graphql();
    }
}
