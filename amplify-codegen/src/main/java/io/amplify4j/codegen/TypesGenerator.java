package io.amplify4j.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.amplify4j.model.data.CustomTypeDefinition;
import io.amplify4j.model.data.EnumDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.TypeRef;
import io.amplify4j.plan.FieldPlan;
import io.amplify4j.plan.ModelPlan;
import io.amplify4j.plan.OperationShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The value types: a Java enum per GraphQL enum, a record per custom type, and a record per model carrying its
 * typed filter fields ({@code Todo.DONE.eq(true)}).
 */
final class TypesGenerator {
    private final CodegenContext context;

    TypesGenerator(CodegenContext context) {
        this.context = context;
    }

    List<TypeSpec> generate() {
        List<TypeSpec> types = new ArrayList<>();
        context.data().definition().enums().forEach(e -> types.add(enumType(e)));
        for (CustomTypeDefinition custom : context.data().definition().customTypes()) {
            List<Component> components = custom.fields().stream()
                    .map(f -> new Component(f.name(), f.type(), f.description())).toList();
            types.add(record(context.typeClass(custom.name()), custom.description(), components, List.of()));
        }
        if (context.hasEventInvocationResponse()) {
            types.add(record(context.typeClass(OperationShapes.EVENT_INVOCATION_RESPONSE),
                    Optional.of("The answer of an operation whose function runs asynchronously: whether it was"
                            + " invoked."),
                    List.of(new Component("success", FieldType.required(TypeRef.scalar(ScalarType.BOOLEAN)),
                            Optional.empty())), List.of()));
        }
        for (ModelPlan model : context.data().models()) {
            List<Component> components = CodegenContext.recordFields(model).stream()
                    .map(f -> new Component(f.name(), f.type(), f.description())).toList();
            ClassName name = context.classes(model).record();
            types.add(record(name, model.definition().description(), components, filterFields(model, name,
                    components)));
        }
        return types;
    }

    private record Component(String name, FieldType type, Optional<String> description) {}

    private TypeSpec enumType(EnumDefinition definition) {
        TypeSpec.Builder type = context.qualified(TypeSpec.enumBuilder(context.typeClass(definition.name())),
                        context.typeClass(definition.name()))
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L\n", definition.description().map(Javadoc::text)
                        .orElse("The GraphQL enum {@code " + definition.name() + "}."));
        JavaNames.Scope constants = new JavaNames.Scope();
        for (String value : definition.values()) {
            String javaName = constants.allocate(JavaNames.member(value));
            TypeSpec.Builder constant = TypeSpec.anonymousClassBuilder("");
            if (!javaName.equals(value)) {
                constant.addAnnotation(AnnotationSpec.builder(Runtime.JSON_PROPERTY)
                        .addMember("value", "$S", value).build());
            }
            type.addEnumConstant(javaName, constant.build());
        }
        return type.build();
    }

    private TypeSpec record(ClassName name, Optional<String> description, List<Component> components,
            List<FieldSpec> statics) {
        TypeSpec.Builder type = context.qualified(TypeSpec.recordBuilder(name), name).addModifiers(Modifier.PUBLIC);
        type.addJavadoc("$L\n", description.map(Javadoc::text).orElse("The GraphQL type {@code "
                + name.simpleName() + "}."));
        JavaNames.Scope members = new JavaNames.Scope();
        statics.forEach(f -> members.reserve(f.name()));
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        boolean javadocParams = false;
        for (Component component : components) {
            String javaName = members.allocate(JavaNames.member(component.name()));
            constructor.addParameter(ParameterSpec.builder(context.javaType(component.type()), javaName)
                    .addAnnotations(context.jsonAnnotations(component.name(), javaName, component.type()))
                    .build());
            type.addJavadoc("\n@param $L $L", javaName, component.description().map(Javadoc::text)
                    .orElse(requiredness(component.type()) + " {@code " + component.name() + "}"));
            javadocParams = true;
        }
        if (javadocParams) {
            type.addJavadoc("\n");
        }
        type.recordConstructor(constructor.build());
        statics.forEach(type::addField);
        return type.build();
    }

    private static String requiredness(FieldType type) {
        return type.required() ? "the required" : "the optional, nullable";
    }

    /** One typed filter field per filterable field: only the operators AppSync accepts for its kind exist. */
    private List<FieldSpec> filterFields(ModelPlan model, ClassName record, List<Component> components) {
        JavaNames.Scope constants = new JavaNames.Scope();
        // Constant names must not shadow the record's components (they cannot: components are never upper case
        // after JavaNames.member, unless declared so), so reserve them.
        components.forEach(c -> constants.reserve(JavaNames.member(c.name())));
        List<FieldSpec> fields = new ArrayList<>();
        for (FieldPlan field : CodegenContext.recordFields(model)) {
            Optional<FilterKind> kind = FilterKind.of(field.type());
            if (kind.isEmpty()) {
                continue;
            }
            TypeName type = kind.get().fieldType(record, field, context);
            CodeBlock init = kind.get().initializer(record, field, context);
            fields.add(FieldSpec.builder(type, constants.allocate(JavaNames.constant(field.name())),
                            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Filters and conditions on {@code $L}$L\n", field.name(),
                            field.description().map(d -> ": " + Javadoc.text(d)).orElse("."))
                    .initializer(init)
                    .build());
        }
        for (String sortKey : sortKeys(model)) {
            FieldPlan field = model.field(sortKey).orElseThrow();
            sortKeyField(record, field).ifPresent(spec -> fields.add(FieldSpec.builder(spec.type(),
                            constants.allocate(JavaNames.constant(sortKey) + "_KEY"), Modifier.PUBLIC,
                            Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Key conditions on the sort key {@code $L}, for the queries by key.\n", sortKey)
                    .initializer(spec.initializer())
                    .build()));
        }
        return fields;
    }

    /** The single sort keys of the primary key and of the indexes with a query, in that order, each once. */
    private static List<String> sortKeys(ModelPlan model) {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        if (model.primaryKey().explicit() && model.primaryKey().sortKeys().size() == 1
                && model.has(io.amplify4j.plan.ModelOperationKind.LIST)) {
            keys.add(model.primaryKey().sortKeys().get(0));
        }
        for (io.amplify4j.plan.IndexPlan index : model.indexes()) {
            if (index.queryField().isPresent() && index.sortKeys().size() == 1) {
                keys.add(index.sortKeys().get(0));
            }
        }
        return List.copyOf(keys);
    }

    private record SortKeySpec(TypeName type, CodeBlock initializer) {}

    private Optional<SortKeySpec> sortKeyField(ClassName record, FieldPlan field) {
        ClassName sortKeyField = Runtime.SORT_KEY_FIELD;
        if (field.type().base() instanceof TypeRef.EnumType enumType) {
            ClassName e = context.typeClass(enumType.name());
            return Optional.of(new SortKeySpec(ParameterizedTypeName.get(sortKeyField, record, e),
                    CodeBlock.of("$T.enumeration($T.class, $S, $T.class)", sortKeyField, record, field.name(), e)));
        }
        Optional<ScalarType> scalar = field.type().scalar();
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        String factory = switch (scalar.get()) {
            case INT -> "integer";
            case FLOAT -> "floating";
            case DATE -> "date";
            case TIME -> "time";
            case DATETIME -> "dateTime";
            case TIMESTAMP -> "timestamp";
            case BOOLEAN, JSON -> "";
            default -> "string";
        };
        if (factory.isEmpty()) {
            return Optional.empty();
        }
        TypeName type = factory.equals("string")
                ? ParameterizedTypeName.get(Runtime.field("StringSortKeyField"), record)
                : ParameterizedTypeName.get(sortKeyField, record, context.javaBase(field.type().base()));
        return Optional.of(new SortKeySpec(type, CodeBlock.of("$T.$L($T.class, $S)", sortKeyField, factory, record,
                field.name())));
    }

    /** The runtime field class of each kind of filterable field. */
    enum FilterKind {
        ID("IdField"),
        STRING("StringField"),
        INT("IntField"),
        FLOAT("FloatField"),
        BOOLEAN("BooleanField"),
        DATE("DateField"),
        TIME("TimeField"),
        DATETIME("DateTimeField"),
        TIMESTAMP("TimestampField"),
        ENUM("EnumField");

        private final String className;

        FilterKind(String className) {
            this.className = className;
        }

        /** The kind of a field, when AppSync can filter on it (scalars but AWSJSON, and single enums). */
        static Optional<FilterKind> of(FieldType type) {
            if (type.base() instanceof TypeRef.EnumType) {
                return type.list() ? Optional.empty() : Optional.of(ENUM);
            }
            return type.scalar().flatMap(s -> switch (s) {
                case ID -> Optional.of(ID);
                case STRING, EMAIL, PHONE, URL, IP_ADDRESS -> Optional.of(STRING);
                case INT -> Optional.of(INT);
                case FLOAT -> Optional.of(FLOAT);
                case BOOLEAN -> Optional.of(BOOLEAN);
                case DATE -> Optional.of(DATE);
                case TIME -> Optional.of(TIME);
                case DATETIME -> Optional.of(DATETIME);
                case TIMESTAMP -> Optional.of(TIMESTAMP);
                case JSON -> Optional.empty();
            });
        }

        TypeName fieldType(ClassName record, FieldPlan field, CodegenContext context) {
            if (this == ENUM) {
                return ParameterizedTypeName.get(Runtime.field(className), record,
                        context.typeClass(field.type().base().graphqlName()));
            }
            return ParameterizedTypeName.get(Runtime.field(className), record);
        }

        CodeBlock initializer(ClassName record, FieldPlan field, CodegenContext context) {
            if (this == ENUM) {
                return CodeBlock.of("$T.of($T.class, $S, $T.class)", Runtime.field(className), record, field.name(),
                        context.typeClass(field.type().base().graphqlName()));
            }
            return CodeBlock.of("$T.of($T.class, $S)", Runtime.field(className), record, field.name());
        }
    }

}
