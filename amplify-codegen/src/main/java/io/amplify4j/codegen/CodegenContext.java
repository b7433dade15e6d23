package io.amplify4j.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.CustomTypeDefinition;
import io.amplify4j.model.data.EnumDefinition;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.TypeRef;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.FieldPlan;
import io.amplify4j.plan.ModelPlan;
import io.amplify4j.plan.OperationShapes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every generator of one client needs: the plan, the package, and the Java name of every generated type,
 * allocated once in declaration order so that no two generated types share a name.
 */
final class CodegenContext {
    private final BackendPlan plan;
    private final DataPlan data;
    private final String packageName;
    private final OperationShapes shapes;
    private final Map<String, ClassName> graphqlTypes = new LinkedHashMap<>();
    private final Map<String, ModelClasses> modelClasses = new LinkedHashMap<>();
    private final ClassName facade;
    private final Map<CustomOperation.Type, ClassName> operationClasses = new LinkedHashMap<>();
    private final Optional<ClassName> conversationsClass;
    private final boolean eventInvocationResponse;

    /** The classes generated for one model. */
    record ModelClasses(ClassName record, Optional<ClassName> createInput, Optional<ClassName> updateInput,
            ClassName client, String accessor) {}

    CodegenContext(BackendPlan plan, CodegenOptions options) {
        this.plan = plan;
        this.data = plan.data().orElseThrow(() -> new IllegalArgumentException("Backend \"" + plan.model().name()
                + "\" has no data definition, so there is no API to generate a client for. Add"
                + " backend.data().model(...) to the definition."));
        this.packageName = options.packageName();
        this.shapes = new OperationShapes(plan.names());
        JavaNames.Scope types = new JavaNames.Scope();
        for (EnumDefinition e : data.definition().enums()) {
            graphqlTypes.put(e.name(), className(types.allocate(JavaNames.type(e.name()))));
        }
        for (CustomTypeDefinition t : data.definition().customTypes()) {
            graphqlTypes.put(t.name(), className(types.allocate(JavaNames.type(t.name()))));
        }
        for (ModelPlan m : data.models()) {
            graphqlTypes.put(m.name(), className(types.allocate(JavaNames.type(m.name()))));
        }
        eventInvocationResponse = data.definition().operations().stream()
                .anyMatch(o -> OperationShapes.returnType(o).startsWith(OperationShapes.EVENT_INVOCATION_RESPONSE));
        if (eventInvocationResponse) {
            graphqlTypes.put(OperationShapes.EVENT_INVOCATION_RESPONSE,
                    className(types.allocate(OperationShapes.EVENT_INVOCATION_RESPONSE)));
        }
        String api = options.clientName().orElse(JavaNames.type(camel(plan.model().name())) + "Api");
        facade = className(types.allocate(api));
        JavaNames.Scope accessors = new JavaNames.Scope("queries", "mutations", "subscriptions", "conversations",
                "client", "withAuthMode", "graphql");
        for (ModelPlan m : data.models()) {
            Optional<ClassName> create = m.operation(io.amplify4j.plan.ModelOperationKind.CREATE)
                    .map(x -> className(types.allocate(JavaNames.type(m.names().createInput()))));
            Optional<ClassName> update = m.operation(io.amplify4j.plan.ModelOperationKind.UPDATE)
                    .map(x -> className(types.allocate(JavaNames.type(m.names().updateInput()))));
            ClassName client = className(types.allocate(JavaNames.type(m.name()) + "Client"));
            String accessor = accessors.allocate(JavaNames.member(JavaNames.lowerFirst(
                    plan.names().plural(m.name()))));
            modelClasses.put(m.name(), new ModelClasses(graphqlTypes.get(m.name()), create, update, client,
                    accessor));
        }
        for (CustomOperation.Type type : CustomOperation.Type.values()) {
            boolean any = data.definition().operations().stream().anyMatch(o -> o.type() == type);
            if (any) {
                String suffix = switch (type) {
                    case QUERY -> "Queries";
                    case MUTATION -> "Mutations";
                    case SUBSCRIPTION -> "Subscriptions";
                };
                operationClasses.put(type, className(types.allocate(JavaNames.type(camel(plan.model().name()))
                        + suffix)));
            }
        }
        conversationsClass = data.conversations().isEmpty() ? Optional.empty()
                : Optional.of(className(types.allocate(JavaNames.type(camel(plan.model().name())) + "Conversations")));
    }

    /** {@code my-shop} → {@code myShop}: backend names may hold characters a Java name may not. */
    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        String result = out.toString();
        return result.isEmpty() || !Character.isLetter(result.charAt(0)) ? "Backend" + result : result;
    }

    private ClassName className(String simpleName) {
        return ClassName.get(packageName, simpleName);
    }

    BackendPlan plan() {
        return plan;
    }

    DataPlan data() {
        return data;
    }

    String packageName() {
        return packageName;
    }

    OperationShapes shapes() {
        return shapes;
    }

    ClassName facade() {
        return facade;
    }

    Map<CustomOperation.Type, ClassName> operationClasses() {
        return operationClasses;
    }

    /** The class of the conversation routes' entry points, when the API has conversation routes. */
    Optional<ClassName> conversationsClass() {
        return conversationsClass;
    }

    boolean hasEventInvocationResponse() {
        return eventInvocationResponse;
    }

    ModelClasses classes(ModelPlan model) {
        return modelClasses.get(model.name());
    }

    /** The class of a GraphQL object, enum or custom type. */
    ClassName typeClass(String graphqlName) {
        ClassName name = graphqlTypes.get(graphqlName);
        if (name == null) {
            throw new IllegalStateException("No generated class for GraphQL type " + graphqlName);
        }
        return name;
    }

    /** Every generated simple name, so that JavaPoet qualifies an imported type of the same name. */
    String[] generatedSimpleNames() {
        Set<String> all = new LinkedHashSet<>();
        graphqlTypes.values().forEach(c -> all.add(c.simpleName()));
        modelClasses.values().forEach(c -> {
            c.createInput().ifPresent(n -> all.add(n.simpleName()));
            c.updateInput().ifPresent(n -> all.add(n.simpleName()));
            all.add(c.client().simpleName());
        });
        all.add(facade.simpleName());
        operationClasses.values().forEach(c -> all.add(c.simpleName()));
        conversationsClass.ifPresent(c -> all.add(c.simpleName()));
        return all.toArray(String[]::new);
    }

    /**
     * Simple names of the library types generated code refers to. A generated type of the same name (a custom type
     * called {@code List}, a model called {@code Instant}) would shadow them, so those are always written in full.
     */
    private static final Set<String> REFERENCED_SIMPLE_NAMES = Set.of("String", "Integer", "Double", "Boolean",
            "Object", "Override", "IllegalArgumentException", "List", "ArrayList", "Map", "LinkedHashMap", "Set",
            "LinkedHashSet", "Collections", "Optional", "Objects", "Instant", "LocalDate", "LocalTime",
            "CompletableFuture", "Pattern", "GraphQLClient", "GraphQLRequest", "GraphQLSubscription", "Page",
            "Pages", "AuthMode", "ConversationClient", "ConversationRoute", "ModelFilter", "ModelCondition", "SubscriptionFilter", "KeyCondition",
            "SortKeyField", "StringSortKeyField", "SortDirection", "JsonNode", "TypeReference", "JsonProperty", "JsonInclude", "JsonValue",
            "JsonSerialize", "JsonDeserialize", "EpochSecondsSerializer", "EpochSecondsDeserializer",
            "AwsJsonSerializer", "AwsJsonDeserializer", "IdField", "StringField", "IntField", "FloatField",
            "BooleanField", "EnumField", "DateField", "TimeField", "DateTimeField", "TimestampField");

    private volatile String[] clashing;

    /**
     * A top-level type builder that never imports a library type whose simple name is also a generated type of the
     * package (JavaPoet then writes {@code java.util.List} in full next to a generated {@code List}). Only the
     * clashing names are passed: JavaPoet's check is linear in their number.
     */
    TypeSpec.Builder qualified(TypeSpec.Builder type, ClassName self) {
        if (clashing == null) {
            clashing = java.util.Arrays.stream(generatedSimpleNames())
                    .filter(REFERENCED_SIMPLE_NAMES::contains)
                    .toArray(String[]::new);
        }
        return clashing.length == 0 ? type : type.alwaysQualify(clashing);
    }

    /** The one-line header of every generated file. */
    String header() {
        return "Generated by Amplify4j from the backend \"" + plan.model().name() + "\". Do not edit.";
    }

    // ---- types -------------------------------------------------------------------------------------------

    /** The Java type of a field type: boxed scalars, java.time for AWS dates and times, lists as {@link List}. */
    TypeName javaType(FieldType type) {
        TypeName base = javaBase(type.base());
        return type.list() ? ParameterizedTypeName.get(ClassName.get(List.class), base) : base;
    }

    /** The Java type of a single value. */
    TypeName javaBase(TypeRef base) {
        if (base instanceof TypeRef.Scalar scalar) {
            return switch (scalar.scalar()) {
                case INT -> ClassName.get(Integer.class);
                case FLOAT -> ClassName.get(Double.class);
                case BOOLEAN -> ClassName.get(Boolean.class);
                case DATE -> ClassName.get(LocalDate.class);
                case TIME -> ClassName.get(LocalTime.class);
                case DATETIME, TIMESTAMP -> ClassName.get(Instant.class);
                case JSON -> Runtime.JSON_NODE;
                default -> ClassName.get(String.class);
            };
        }
        return typeClass(base.graphqlName());
    }

    /** The Java type of an SDL type text naming a scalar, enum, custom type, model or EventInvocationResponse. */
    TypeName javaType(String sdlType) {
        String named = sdlType.replace("[", "").replace("]", "").replace("!", "");
        TypeName base = scalarByGraphqlName(named).map(s -> javaBase(new TypeRef.Scalar(s)))
                .orElseGet(() -> typeClass(named));
        return sdlType.startsWith("[") ? ParameterizedTypeName.get(ClassName.get(List.class), base) : base;
    }

    static Optional<ScalarType> scalarByGraphqlName(String name) {
        for (ScalarType s : ScalarType.values()) {
            if (s.graphqlName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The SDL type in input position: custom types become their generated input ({@code AddressInput}). */
    String inputSdl(FieldType type) {
        if (type.base() instanceof TypeRef.CustomType custom) {
            return type.graphql(plan.names().nonModelInput(custom.name()));
        }
        return type.graphql();
    }

    /**
     * The Jackson annotations a value of this type needs on a record component: its GraphQL name when the Java name
     * differs, epoch seconds for AWSTimestamp, and JSON-in-a-string for AWSJSON.
     */
    List<AnnotationSpec> jsonAnnotations(String graphqlName, String javaName, FieldType type) {
        List<AnnotationSpec> annotations = new ArrayList<>();
        if (!graphqlName.equals(javaName)) {
            annotations.add(AnnotationSpec.builder(Runtime.JSON_PROPERTY).addMember("value", "$S", graphqlName)
                    .build());
        }
        Optional<ScalarType> scalar = type.scalar();
        String using = type.list() ? "contentUsing" : "using";
        if (scalar.filter(ScalarType.TIMESTAMP::equals).isPresent()) {
            annotations.add(AnnotationSpec.builder(Runtime.JSON_SERIALIZE)
                    .addMember(using, "$T.class", Runtime.EPOCH_SECONDS_SERIALIZER).build());
            annotations.add(AnnotationSpec.builder(Runtime.JSON_DESERIALIZE)
                    .addMember(using, "$T.class", Runtime.EPOCH_SECONDS_DESERIALIZER).build());
        } else if (scalar.filter(ScalarType.JSON::equals).isPresent()) {
            annotations.add(AnnotationSpec.builder(Runtime.JSON_SERIALIZE)
                    .addMember(using, "$T.class", Runtime.AWS_JSON_SERIALIZER).build());
            annotations.add(AnnotationSpec.builder(Runtime.JSON_DESERIALIZE)
                    .addMember(using, "$T.class", Runtime.AWS_JSON_DESERIALIZER).build());
        }
        return annotations;
    }

    /**
     * An expression giving the value as it goes on the wire, for values not inside a generated record (key
     * arguments, update inputs): AWSTimestamp as epoch seconds, AWSJSON as JSON text.
     */
    CodeBlock wireValue(FieldType type, String variable) {
        Optional<ScalarType> scalar = type.scalar();
        String convert;
        if (scalar.filter(ScalarType.TIMESTAMP::equals).isPresent()) {
            convert = "getEpochSecond()";
        } else if (scalar.filter(ScalarType.JSON::equals).isPresent()) {
            convert = "toString()";
        } else {
            return CodeBlock.of("$N", variable);
        }
        if (type.list()) {
            return CodeBlock.of("$N == null ? null : $N.stream().map(v -> v == null ? null : v.$L).toList()",
                    variable, variable, convert);
        }
        return CodeBlock.of("$N == null ? null : $N.$L", variable, variable, convert);
    }

    // ---- selection sets ----------------------------------------------------------------------------------

    /** The fields of a model the client reads: every field but relationships, in plan order. */
    static List<FieldPlan> recordFields(ModelPlan model) {
        return model.fields().stream().filter(FieldPlan::isStored).toList();
    }

    /** The selection set of an SDL type, {@code { a b c { x y } }}, or empty text for scalars and enums. */
    String selection(String sdlType) {
        String named = sdlType.replace("[", "").replace("]", "").replace("!", "");
        if (named.equals(OperationShapes.EVENT_INVOCATION_RESPONSE)) {
            return " { success }";
        }
        Optional<ModelPlan> model = data.model(named);
        if (model.isPresent()) {
            return " { " + recordFields(model.get()).stream()
                    .map(f -> f.name() + selection(f.type(), new LinkedHashSet<>()))
                    .collect(Collectors.joining(" ")) + " }";
        }
        return selection(new FieldType(typeRef(named), false, false, false), new LinkedHashSet<>());
    }

    private TypeRef typeRef(String named) {
        Optional<ScalarType> scalar = scalarByGraphqlName(named);
        if (scalar.isPresent()) {
            return new TypeRef.Scalar(scalar.get());
        }
        if (data.definition().enumType(named).isPresent()) {
            return new TypeRef.EnumType(named);
        }
        return new TypeRef.CustomType(named);
    }

    /** Custom types are expanded field by field; a custom type already being expanded is not entered again. */
    private String selection(FieldType type, Set<String> expanding) {
        if (!(type.base() instanceof TypeRef.CustomType custom)) {
            return "";
        }
        CustomTypeDefinition definition = data.definition().customType(custom.name()).orElseThrow();
        expanding.add(custom.name());
        List<String> fields = new ArrayList<>();
        for (FieldDefinition field : definition.fields()) {
            if (field.type().base() instanceof TypeRef.CustomType nested && expanding.contains(nested.name())) {
                continue;
            }
            fields.add(field.name() + selection(field.type(), expanding));
        }
        expanding.remove(custom.name());
        return " { " + String.join(" ", fields) + " }";
    }
}
