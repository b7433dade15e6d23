package io.amplify4j.dsl;

import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.TypeRef;
import io.amplify4j.validate.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What models and custom types share: declaring typed fields. Each method declares a field and returns its
 * builder, which is also the handle other parts of the definition use to refer to it.
 *
 * @param <SELF> the concrete container
 */
public abstract class FieldContainer<SELF extends FieldContainer<SELF>> implements Handle {
    private final BackendBuilder backend;
    private final String name;
    final List<FieldState> fields = new ArrayList<>();
    String description;

    FieldContainer(BackendBuilder backend, String name) {
        this.backend = backend;
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The type's name in the GraphQL schema. */
    public String name() {
        return name;
    }

    @Override
    public BackendBuilder backend() {
        return backend;
    }

    @SuppressWarnings("unchecked")
    public SELF description(String text) {
        this.description = Objects.requireNonNull(text, "text");
        return (SELF) this;
    }

    private FieldState declare(String fieldName, TypeRef base, Object typeHandle) {
        FieldState state = new FieldState(this, Objects.requireNonNull(fieldName, "fieldName"), base, typeHandle);
        fields.add(state);
        return state;
    }

    private StringField text(String fieldName, ScalarType scalar) {
        return new StringField(declare(fieldName, TypeRef.scalar(scalar), null));
    }

    /** A field of type {@code ID}. */
    public StringField id(String fieldName) {
        return text(fieldName, ScalarType.ID);
    }

    /** A field of type {@code String}. */
    public StringField string(String fieldName) {
        return text(fieldName, ScalarType.STRING);
    }

    /** A field of type {@code AWSEmail}. */
    public StringField email(String fieldName) {
        return text(fieldName, ScalarType.EMAIL);
    }

    /** A field of type {@code AWSPhone}. */
    public StringField phone(String fieldName) {
        return text(fieldName, ScalarType.PHONE);
    }

    /** A field of type {@code AWSURL}. */
    public StringField url(String fieldName) {
        return text(fieldName, ScalarType.URL);
    }

    /** A field of type {@code AWSIPAddress}. */
    public StringField ipAddress(String fieldName) {
        return text(fieldName, ScalarType.IP_ADDRESS);
    }

    /** A field of type {@code AWSJSON}; its default is JSON text. */
    public StringField json(String fieldName) {
        return text(fieldName, ScalarType.JSON);
    }

    /** A field of type {@code Int}. */
    public IntField integer(String fieldName) {
        return new IntField(declare(fieldName, TypeRef.scalar(ScalarType.INT), null));
    }

    /** A field of type {@code Float}. */
    public FloatField floating(String fieldName) {
        return new FloatField(declare(fieldName, TypeRef.scalar(ScalarType.FLOAT), null));
    }

    /** A field of type {@code Boolean}. */
    public BooleanField bool(String fieldName) {
        return new BooleanField(declare(fieldName, TypeRef.scalar(ScalarType.BOOLEAN), null));
    }

    /** A field of type {@code AWSDate}. */
    public DateField date(String fieldName) {
        return new DateField(declare(fieldName, TypeRef.scalar(ScalarType.DATE), null));
    }

    /** A field of type {@code AWSTime}. */
    public TimeField time(String fieldName) {
        return new TimeField(declare(fieldName, TypeRef.scalar(ScalarType.TIME), null));
    }

    /** A field of type {@code AWSDateTime}. */
    public DateTimeField datetime(String fieldName) {
        return new DateTimeField(declare(fieldName, TypeRef.scalar(ScalarType.DATETIME), null));
    }

    /** A field of type {@code AWSTimestamp}. */
    public TimestampField timestamp(String fieldName) {
        return new TimestampField(declare(fieldName, TypeRef.scalar(ScalarType.TIMESTAMP), null));
    }

    /** A field holding one of an enum's values. */
    public <E> EnumField<E> enumeration(String fieldName, EnumRef<E> enumType) {
        Objects.requireNonNull(enumType, "enumType");
        return new EnumField<>(declare(fieldName, new TypeRef.EnumType(enumType.name()), enumType), enumType);
    }

    /** A field holding a value of a custom type. */
    public CustomTypeField customType(String fieldName, CustomTypeBuilder type) {
        Objects.requireNonNull(type, "type");
        return new CustomTypeField(declare(fieldName, new TypeRef.CustomType(type.name()), type));
    }

    List<FieldDefinition> fieldDefinitions(String place, Problems problems) {
        return fields.stream()
                .map(f -> f.toDefinition(place + ".fields." + f.name, problems))
                .toList();
    }
}
