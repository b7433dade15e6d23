package io.amplify4j.plan;

import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.CustomTypeDefinition;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.EnumDefinition;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * JSON schemas of the API's types, the one derivation behind structured output of generation routes (the return
 * type as a tool's input schema) and the input schemas of conversation tools (a query's arguments, a list
 * operation's filter). Schemas are maps with sorted keys, so the text they render to is deterministic.
 *
 * <p>Mapping: ID and the text scalars are strings (AWSDate, AWSTime, AWSDateTime, AWSEmail and AWSURL with their
 * {@code format}); AWSJSON is a string holding JSON text (what the GraphQL scalar carries); Int and AWSTimestamp are
 * integers, Float numbers, Boolean booleans; enums are strings limited to their values; custom types are objects
 * listing their required fields; lists are arrays. Descriptions carry over. Custom types that contain themselves have
 * no finite schema ({@link #cycle}).
 */
public final class JsonSchemas {
    /** Bedrock tools take an object as input, so a value that is not one is wrapped as this property. */
    public static final String VALUE_PROPERTY = "value";

    private final DataDefinition data;

    /** Schemas of the types of {@code data}. */
    public JsonSchemas(DataDefinition data) {
        this.data = data;
    }

    /** The schema of a value of {@code type}; a custom type as an object, a list as an array. */
    public Map<String, Object> of(FieldType type) {
        Map<String, Object> element = base(type.base(), new LinkedHashSet<>());
        if (!type.list()) {
            return element;
        }
        return schema("type", "array", "items", element);
    }

    /**
     * The schema of a generation route's structured output: the return type's object schema for a single custom
     * type, otherwise an object whose {@value #VALUE_PROPERTY} property holds the value (see {@link #wrapped}).
     */
    public Map<String, Object> output(FieldType type) {
        if (!wrapped(type)) {
            return of(type);
        }
        Map<String, Object> schema = schema("type", "object", "properties", Map.of(VALUE_PROPERTY, of(type)));
        if (type.required()) {
            schema.put("required", List.of(VALUE_PROPERTY));
        }
        return schema;
    }

    /** True when structured output of {@code type} is wrapped in {@code {value: ...}}: anything but one custom type. */
    public static boolean wrapped(FieldType type) {
        return type.list() || !(type.base() instanceof TypeRef.CustomType);
    }

    /** The schema of an operation's arguments: an object with one property per argument. */
    public Map<String, Object> arguments(List<CustomOperation.Argument> arguments) {
        Map<String, Object> properties = new TreeMap<>();
        List<String> required = new ArrayList<>();
        for (CustomOperation.Argument argument : arguments) {
            properties.put(argument.name(), described(of(argument.type()), argument.description()));
            if (argument.type().required()) {
                required.add(argument.name());
            }
        }
        return object(properties, required);
    }

    /**
     * The schema of a model's list operation arguments: {@code filter} (per scalar and enum field but JSON ones, the
     * main comparisons the filter input offers, and {@code and}/{@code or}/{@code not}), {@code limit} and
     * {@code nextToken}.
     */
    public Map<String, Object> listArguments(ModelPlan model) {
        Map<String, Object> fields = new TreeMap<>();
        for (FieldPlan field : model.fields()) {
            if (field.origin() == FieldPlan.Origin.RELATIONSHIP) {
                continue;
            }
            TypeRef base = field.type().base();
            boolean json = field.type().scalar().filter(ScalarType.JSON::equals).isPresent();
            if ((base instanceof TypeRef.Scalar && !json) || base instanceof TypeRef.EnumType) {
                fields.put(field.name(), comparisons(field.type()));
            }
        }
        Map<String, Object> anyFilter = schema("type", "object");
        fields.put("and", schema("type", "array", "items", anyFilter));
        fields.put("or", schema("type", "array", "items", anyFilter));
        fields.put("not", anyFilter);
        Map<String, Object> properties = new TreeMap<>();
        properties.put("filter", described(object(fields, List.of()),
                Optional.of("Conditions the " + model.name() + " items must meet.")));
        properties.put("limit", schema("type", "integer", "minimum", 1));
        properties.put("nextToken", described(schema("type", "string"),
                Optional.of("The nextToken of the previous page, to read the next one.")));
        return object(properties, List.of());
    }

    /**
     * The first custom type reachable from {@code type} that contains itself, if any: such a type has no finite
     * schema, so it cannot be a generation route's result or a tool's argument.
     */
    public Optional<String> cycle(FieldType type) {
        return cycle(type.base(), new LinkedHashSet<>());
    }

    private Optional<String> cycle(TypeRef base, Set<String> path) {
        if (!(base instanceof TypeRef.CustomType custom)) {
            return Optional.empty();
        }
        if (!path.add(custom.name())) {
            return Optional.of(custom.name());
        }
        Optional<CustomTypeDefinition> type = data.customType(custom.name());
        if (type.isPresent()) {
            for (FieldDefinition field : type.get().fields()) {
                Optional<String> found = cycle(field.type().base(), path);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        path.remove(custom.name());
        return Optional.empty();
    }

    // ---- types -------------------------------------------------------------------------------------------

    private Map<String, Object> base(TypeRef base, Set<String> path) {
        if (base instanceof TypeRef.Scalar scalar) {
            return scalar(scalar.scalar());
        }
        if (base instanceof TypeRef.EnumType enumType) {
            List<String> values = data.enumType(enumType.name()).map(EnumDefinition::values).orElse(List.of());
            return schema("type", "string", "enum", values);
        }
        if (base instanceof TypeRef.CustomType custom) {
            CustomTypeDefinition type = data.customType(custom.name()).orElseThrow(() ->
                    new IllegalArgumentException("No custom type " + custom.name()));
            if (!path.add(custom.name())) {
                throw new IllegalArgumentException("Custom type " + custom.name() + " contains itself; it has no"
                        + " finite JSON schema");
            }
            Map<String, Object> properties = new TreeMap<>();
            List<String> required = new ArrayList<>();
            for (FieldDefinition field : type.fields()) {
                Map<String, Object> element = base(field.type().base(), path);
                Map<String, Object> value = field.type().list() ? schema("type", "array", "items", element) : element;
                properties.put(field.name(), described(value, field.description()));
                if (field.type().required()) {
                    required.add(field.name());
                }
            }
            path.remove(custom.name());
            return described(object(properties, required), type.description());
        }
        throw new IllegalArgumentException("A model (" + base.graphqlName() + ") has no JSON schema here; use a custom"
                + " type");
    }

    private static Map<String, Object> scalar(ScalarType scalar) {
        return switch (scalar) {
            case INT, TIMESTAMP -> schema("type", "integer");
            case FLOAT -> schema("type", "number");
            case BOOLEAN -> schema("type", "boolean");
            case DATE -> schema("type", "string", "format", "date");
            case TIME -> schema("type", "string", "format", "time");
            case DATETIME -> schema("type", "string", "format", "date-time");
            case EMAIL -> schema("type", "string", "format", "email");
            case URL -> schema("type", "string", "format", "uri");
            case JSON -> schema("type", "string", "description", "JSON text");
            default -> schema("type", "string");
        };
    }

    /**
     * The comparisons a filter offers on a field, kept short (a conversation's tools travel in its resolver's code,
     * which AppSync limits to 32,768 characters): equality for every field, ordering and {@code between} for numbers,
     * {@code beginsWith} and {@code contains} for text, {@code contains} for lists.
     */
    private Map<String, Object> comparisons(FieldType type) {
        Map<String, Object> element = type.base() instanceof TypeRef.Scalar scalar
                ? schema("type", scalar(scalar.scalar()).get("type"))
                : base(type.base(), new LinkedHashSet<>());
        Map<String, Object> operators = new TreeMap<>();
        operators.put("eq", element);
        operators.put("ne", element);
        Optional<ScalarType> scalar = type.scalar();
        if (type.list()) {
            operators.put("contains", element);
        } else if (scalar.filter(ScalarType::isNumeric).isPresent()) {
            for (String op : List.of("gt", "ge", "lt", "le")) {
                operators.put(op, element);
            }
            operators.put("between", schema("type", "array", "items", element, "minItems", 2, "maxItems", 2));
        } else if (scalar.filter(ScalarType::isText).isPresent()) {
            operators.put("beginsWith", element);
            operators.put("contains", element);
        }
        return object(operators, List.of());
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = schema("type", "object", "properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        return schema;
    }

    private static Map<String, Object> described(Map<String, Object> schema, Optional<String> description) {
        if (description.isEmpty()) {
            return schema;
        }
        Map<String, Object> out = new TreeMap<>(schema);
        out.put("description", description.get());
        return out;
    }

    private static Map<String, Object> schema(Object... keysAndValues) {
        Map<String, Object> out = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
