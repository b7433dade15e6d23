package io.amplify4j.plan;

import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.CustomTypeDefinition;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.EnumDefinition;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.FunctionDataAccess;
import io.amplify4j.model.data.RelationshipDefinition;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.TypeRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders the AppSync schema (SDL) of a data definition from its model plans, with Amplify's type, input and
 * operation names and AppSync's native auth directives.
 *
 * <p>The output declares neither AWS scalars nor AppSync directives: AppSync provides them. Layout, fixed so the same
 * definition always renders byte-identical text: model types (each followed by its connection type), enums, custom
 * types, {@code Query}, {@code Mutation}, {@code Subscription}, then per model its inputs, then inputs standing for
 * custom types, then the shared inputs and enums, each only when something uses it.
 *
 * <p>One renderer instance renders one schema; it records which shared inputs are used while it renders.
 */
public final class GraphqlSchemaRenderer {
    private static final String EVENT_INVOCATION_RESPONSE = OperationShapes.EVENT_INVOCATION_RESPONSE;
    private static final List<String> SHARED_SCALAR_BASES = List.of("String", "Int", "Float", "Boolean", "ID");
    private static final List<String> KEY_CONDITION_BASES = List.of("String", "ID", "Int", "Float");

    private final DataDefinition data;
    private final List<ModelPlan> models;
    private final Names names;
    private final OperationShapes shapes;
    private final Map<String, ModelPlan> modelsByName = new HashMap<>();
    private final Set<String> usedShared = new LinkedHashSet<>();
    /** Enum filter inputs by name: their text. */
    private final Map<String, String> enumInputs = new TreeMap<>();
    private final Set<String> usedCustomTypeInputs = new LinkedHashSet<>();
    private final EnumSet<FunctionDataAccess.ResourceOperation> functionAccess =
            EnumSet.noneOf(FunctionDataAccess.ResourceOperation.class);
    private AuthModes eventInvocationModes = AuthModes.NONE;

    private GraphqlSchemaRenderer(DataDefinition data, List<ModelPlan> models, Names names) {
        this.data = data;
        this.models = models;
        this.names = names;
        this.shapes = new OperationShapes(names);
        models.forEach(m -> modelsByName.put(m.name(), m));
        data.functionAccess().forEach(f -> functionAccess.addAll(f.operations()));
    }

    /** The SDL of the data definition. */
    public static String render(DataDefinition data, List<ModelPlan> models, Names names) {
        return new GraphqlSchemaRenderer(data, models, names).render();
    }

    private String render() {
        StringBuilder queries = new StringBuilder();
        StringBuilder mutations = new StringBuilder();
        StringBuilder subscriptions = new StringBuilder();
        StringBuilder modelInputs = new StringBuilder();
        for (ModelPlan model : models) {
            modelOperations(model, queries, mutations, subscriptions);
            modelInputs.append(modelInputs(model));
        }
        for (CustomOperation operation : data.operations()) {
            String line = customOperation(operation);
            switch (operation.type()) {
                case QUERY -> queries.append(line);
                case MUTATION -> mutations.append(line);
                case SUBSCRIPTION -> subscriptions.append(line);
            }
        }

        StringBuilder out = new StringBuilder();
        for (ModelPlan model : models) {
            out.append(modelType(model));
            if (connectionUsed(model)) {
                out.append(Sdl.block("type", model.names().connection(), modelModes(model).directives(),
                        Optional.empty(), List.of("items: [" + model.name() + "]!", "nextToken: String")));
            }
        }
        for (EnumDefinition enumDefinition : data.enums()) {
            out.append(Sdl.block("enum", enumDefinition.name(), "", enumDefinition.description(),
                    enumDefinition.values()));
        }
        Map<String, AuthModes> customTypeModes = customTypeModes();
        Set<String> inputOnly = AiRoutes.inputOnlyTypes(data, names);
        for (CustomTypeDefinition type : data.customTypes()) {
            if (inputOnly.contains(type.name())) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (FieldDefinition field : type.fields()) {
                descriptionLine(lines, field.description());
                lines.add(field.name() + ": " + field.type().graphql()
                        + (field.rules().isEmpty() ? "" : AuthModes.of(field.rules()).directives()));
            }
            out.append(Sdl.block("type", type.name(),
                    customTypeModes.getOrDefault(type.name(), AuthModes.NONE).directives(), type.description(), lines));
        }
        if (!eventInvocationModes.isEmpty()) {
            out.append(Sdl.block("type", EVENT_INVOCATION_RESPONSE, eventInvocationModes.directives(),
                    Optional.empty(), List.of("success: Boolean!")));
        }
        root(out, "Query", queries);
        root(out, "Mutation", mutations);
        root(out, "Subscription", subscriptions);
        out.append(modelInputs);
        out.append(customTypeInputs());
        out.append(sharedInputs());
        // One trailing newline, not a blank line.
        return out.toString().stripTrailing() + "\n";
    }

    private static void root(StringBuilder out, String name, StringBuilder fields) {
        if (!fields.isEmpty()) {
            out.append("type ").append(name).append(" {\n").append(fields).append("}\n\n");
        }
    }

    // ---- auth --------------------------------------------------------------------------------------------

    /** The modes of a model type: its rules', plus IAM when functions are granted access to the API. */
    private AuthModes modelModes(ModelPlan model) {
        AuthModes modes = AuthModes.of(model.rules());
        return functionAccess.isEmpty() ? modes : modes.plus(AuthProvider.IDENTITY_POOL);
    }

    /** The modes of a generated operation: the rules that grant it, plus IAM for functions granted its root type. */
    private AuthModes operationModes(ModelPlan model, ModelOperationKind kind) {
        List<AuthRule> granting = model.rules().stream().filter(kind::grantedBy).toList();
        return withFunctionAccess(AuthModes.of(granting), kind.rootType());
    }

    private AuthModes withFunctionAccess(AuthModes modes, CustomOperation.Type rootType) {
        FunctionDataAccess.ResourceOperation needed = switch (rootType) {
            case QUERY -> FunctionDataAccess.ResourceOperation.QUERY;
            case MUTATION -> FunctionDataAccess.ResourceOperation.MUTATE;
            case SUBSCRIPTION -> FunctionDataAccess.ResourceOperation.LISTEN;
        };
        return functionAccess.contains(needed) ? modes.plus(AuthProvider.IDENTITY_POOL) : modes;
    }

    /**
     * The modes of each custom type: the union over the operations returning it and the model types holding it,
     * carried into nested custom types, as Amplify does ({@code mergeCustomTypeAuthRules}); AppSync would otherwise
     * admit only the default mode on the type's fields.
     */
    private Map<String, AuthModes> customTypeModes() {
        Map<String, AuthModes> modes = new HashMap<>();
        for (ModelPlan model : models) {
            AuthModes modelModes = modelModes(model);
            for (FieldPlan field : model.fields()) {
                spread(modes, field.type().base(), modelModes);
            }
        }
        for (CustomOperation operation : data.operations()) {
            AuthModes operationModes = customOperationModes(operation);
            operation.returns().ifPresent(r -> spread(modes, r.base(), operationModes));
        }
        return modes;
    }

    private void spread(Map<String, AuthModes> modes, TypeRef type, AuthModes add) {
        if (!(type instanceof TypeRef.CustomType custom) || add.isEmpty()) {
            return;
        }
        AuthModes before = modes.get(custom.name());
        AuthModes after = before == null ? add : before.union(add);
        if (after.equals(before)) {
            return;
        }
        modes.put(custom.name(), after);
        data.customType(custom.name()).ifPresent(t -> t.fields().forEach(f -> spread(modes, f.type().base(), add)));
    }

    private AuthModes customOperationModes(CustomOperation operation) {
        return withFunctionAccess(AuthModes.of(operation.rules()), operation.type());
    }

    // ---- model type --------------------------------------------------------------------------------------

    private String modelType(ModelPlan model) {
        List<String> lines = new ArrayList<>();
        for (FieldPlan field : model.fields()) {
            descriptionLine(lines, field.description());
            String directives = field.rules().isEmpty() ? "" : fieldModes(field).directives();
            if (field.origin() == FieldPlan.Origin.RELATIONSHIP) {
                lines.add(relationshipField(model, field) + directives);
            } else {
                lines.add(field.name() + ": " + field.type().graphql() + directives);
            }
        }
        return Sdl.block("type", model.name(), modelModes(model).directives(), model.definition().description(),
                lines);
    }

    private AuthModes fieldModes(FieldPlan field) {
        AuthModes modes = AuthModes.of(field.rules());
        return functionAccess.isEmpty() ? modes : modes.plus(AuthProvider.IDENTITY_POOL);
    }

    /**
     * hasMany fields are connections with Amplify's arguments; hasOne and belongsTo are plain object fields. All are
     * nullable: a related item the caller may not read is redacted to null rather than failing the parent.
     */
    private String relationshipField(ModelPlan model, FieldPlan field) {
        RelationshipDefinition relationship = field.relationship().orElseThrow();
        if (relationship.kind() != RelationshipDefinition.Kind.HAS_MANY) {
            return field.name() + ": " + relationship.relatedModel();
        }
        ModelPlan related = modelsByName.get(relationship.relatedModel());
        usedShared.add(names.sortDirectionEnum());
        return field.name() + "(filter: " + related.names().filterInput()
                + ", sortDirection: " + names.sortDirectionEnum() + ", limit: Int, nextToken: String): "
                + related.names().connection();
    }

    private boolean connectionUsed(ModelPlan model) {
        return model.has(ModelOperationKind.LIST)
                || model.indexes().stream().anyMatch(i -> i.queryField().isPresent())
                || models.stream().flatMap(m -> m.relationships().stream())
                        .anyMatch(r -> r.kind() == RelationshipDefinition.Kind.HAS_MANY
                                && r.relatedModel().equals(model.name()));
    }

    // ---- model operations --------------------------------------------------------------------------------

    private void modelOperations(ModelPlan model, StringBuilder queries, StringBuilder mutations,
            StringBuilder subscriptions) {
        ModelTypeNames typeNames = model.names();
        model.operation(ModelOperationKind.GET).ifPresent(name -> queries.append(rootField(name,
                sdl(shapes.getArguments(model)), model.name(),
                operationModes(model, ModelOperationKind.GET).directives())));
        model.operation(ModelOperationKind.LIST).ifPresent(name -> queries.append(rootField(name,
                sdl(shapes.listArguments(model)), typeNames.connection(),
                operationModes(model, ModelOperationKind.LIST).directives())));
        for (IndexPlan index : model.indexes()) {
            index.queryField().ifPresent(name -> queries.append(rootField(name,
                    sdl(shapes.indexArguments(model, index)), typeNames.connection(),
                    operationModes(model, ModelOperationKind.LIST).directives())));
        }
        for (ModelOperationKind kind : List.of(ModelOperationKind.CREATE, ModelOperationKind.UPDATE,
                ModelOperationKind.DELETE)) {
            model.operation(kind).ifPresent(name -> mutations.append(rootField(name,
                    sdl(shapes.mutationArguments(model, kind)), model.name(),
                    operationModes(model, kind).directives())));
        }
        for (ModelOperationKind kind : List.of(ModelOperationKind.ON_CREATE, ModelOperationKind.ON_UPDATE,
                ModelOperationKind.ON_DELETE)) {
            model.operation(kind).ifPresent(name -> {
                List<String> arguments = sdl(shapes.subscriptionArguments(model));
                String mutation = model.operation(kind.sourceMutation().orElseThrow()).orElseThrow();
                subscriptions.append(rootField(name, arguments, model.name(),
                        " @aws_subscribe(mutations: [" + Sdl.string(mutation) + "])"
                                + operationModes(model, kind).directives()));
            });
        }
    }

    /**
     * The arguments as SDL; shared inputs and enums they name (sort direction, key conditions) are marked used, so
     * the schema declares them.
     */
    private List<String> sdl(List<OperationShapes.Argument> arguments) {
        arguments.forEach(a -> usedShared.add(a.namedType()));
        return arguments.stream().map(OperationShapes.Argument::sdl).toList();
    }

    private static String rootField(String name, List<String> arguments, String type, String directives) {
        return "  " + name + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")") + ": " + type
                + directives + "\n";
    }

    // ---- custom operations -------------------------------------------------------------------------------

    private String customOperation(CustomOperation operation) {
        // Argument descriptions are inline, so the argument list stays on the field's line.
        List<String> arguments = operation.arguments().stream()
                .map(a -> a.description().map(d -> Sdl.string(d) + " ").orElse("") + a.name() + ": "
                        + inputType(a.type()))
                .toList();
        AuthModes modes = customOperationModes(operation);
        String returnType = OperationShapes.returnType(operation);
        if (returnType.startsWith(EVENT_INVOCATION_RESPONSE)) {
            eventInvocationModes = eventInvocationModes.union(modes);
        }
        String subscribe = "";
        if (!operation.sources().isEmpty()) {
            subscribe = " @aws_subscribe(mutations: " + sourceMutations(operation).stream().map(Sdl::string)
                    .collect(Collectors.joining(", ", "[", "]")) + ")";
        }
        StringBuilder out = new StringBuilder();
        operation.description().ifPresent(d -> out.append("  ").append(Sdl.string(d)).append('\n'));
        return out.append(rootField(operation.name(), arguments, returnType, subscribe + modes.directives()))
                .toString();
    }

    private List<String> sourceMutations(CustomOperation operation) {
        List<String> mutations = new ArrayList<>();
        for (CustomOperation.SubscriptionSource source : operation.sources()) {
            if (source instanceof CustomOperation.SubscriptionSource.Mutation mutation) {
                mutations.add(mutation.name());
            } else if (source instanceof CustomOperation.SubscriptionSource.ModelMutations modelMutations) {
                List<CustomOperation.MutationKind> kinds = modelMutations.mutations().isEmpty()
                        ? List.of(CustomOperation.MutationKind.values())
                        : modelMutations.mutations();
                for (CustomOperation.MutationKind kind : kinds) {
                    String model = modelMutations.model();
                    mutations.add(switch (kind) {
                        case CREATE -> names.createMutation(model);
                        case UPDATE -> names.updateMutation(model);
                        case DELETE -> names.deleteMutation(model);
                    });
                }
            }
        }
        return mutations;
    }

    /** A type in input position: custom types are replaced by their generated input type. */
    private String inputType(FieldType type) {
        if (type.base() instanceof TypeRef.CustomType custom) {
            useCustomTypeInput(custom.name());
            return type.graphql(names.nonModelInput(custom.name()));
        }
        return type.graphql();
    }

    private void useCustomTypeInput(String typeName) {
        if (usedCustomTypeInputs.add(typeName)) {
            data.customType(typeName).ifPresent(t -> t.fields().forEach(f -> inputType(f.type())));
        }
    }

    private String customTypeInputs() {
        StringBuilder out = new StringBuilder();
        for (CustomTypeDefinition type : data.customTypes()) {
            if (usedCustomTypeInputs.contains(type.name())) {
                out.append(Sdl.block("input", names.nonModelInput(type.name()), "", Optional.empty(),
                        type.fields().stream().map(f -> f.name() + ": " + inputType(f.type())).toList()));
            }
        }
        return out.toString();
    }

    // ---- model inputs ------------------------------------------------------------------------------------

    private String modelInputs(ModelPlan model) {
        StringBuilder out = new StringBuilder();
        ModelTypeNames typeNames = model.names();
        if (connectionUsed(model)) {
            out.append(filterInput(model, typeNames.filterInput(), model.fields(), false, true));
        }
        if (model.hasMutations()) {
            List<FieldPlan> conditionFields = model.fields().stream()
                    .filter(FieldPlan::isInput)
                    .filter(f -> !f.name().equals("id") && !model.primaryKey().fields().contains(f.name()))
                    .toList();
            out.append(filterInput(model, typeNames.conditionInput(), conditionFields, false, true));
        }
        model.operation(ModelOperationKind.CREATE).ifPresent(x -> out.append(createInput(model)));
        model.operation(ModelOperationKind.UPDATE).ifPresent(x -> out.append(updateInput(model)));
        model.operation(ModelOperationKind.DELETE).ifPresent(x -> out.append(Sdl.block("input",
                typeNames.deleteInput(), "", Optional.empty(),
                sdl(shapes.getArguments(model)))));
        if (model.hasSubscriptions()) {
            out.append(filterInput(model, typeNames.subscriptionFilterInput(), model.fields(), true, false));
        }
        if (model.has(ModelOperationKind.LIST) && model.primaryKey().hasCompositeSortKey()) {
            out.append(compositeKeyInputs(model, model.primaryKey().sortKeys(), names.keyName(Optional.empty())));
        }
        for (IndexPlan index : model.indexes()) {
            if (index.queryField().isPresent() && index.hasCompositeSortKey()) {
                out.append(compositeKeyInputs(model, index.sortKeys(), index.keyName()));
            }
        }
        return out.toString();
    }

    /** Filter, condition or subscription filter input: one entry per scalar or enum field, then the combinators. */
    private String filterInput(ModelPlan model, String name, List<FieldPlan> fields, boolean subscription,
            boolean withNot) {
        List<String> lines = new ArrayList<>();
        for (FieldPlan field : fields) {
            fieldFilter(field, subscription).ifPresent(input -> lines.add(field.name() + ": " + input));
        }
        lines.add("and: [" + name + "]");
        lines.add("or: [" + name + "]");
        if (withNot) {
            lines.add("not: " + name);
        }
        return Sdl.block("input", name, "", Optional.empty(), lines);
    }

    /**
     * The filter input of a field. Scalars (lists too) filter as their base scalar; enums get their own
     * {@code Model<Enum>Input} or {@code Model<Enum>ListInput} in filters and conditions and compare as strings in
     * subscription filters; relationships and custom types are not filterable.
     */
    private Optional<String> fieldFilter(FieldPlan field, boolean subscription) {
        if (field.origin() == FieldPlan.Origin.RELATIONSHIP) {
            return Optional.empty();
        }
        TypeRef base = field.type().base();
        if (base instanceof TypeRef.Scalar scalar) {
            String filterScalar = Names.filterScalar(scalar.scalar());
            String input = subscription
                    ? names.subscriptionScalarFilterInput(filterScalar)
                    : names.scalarFilterInput(filterScalar);
            usedShared.add(input);
            return Optional.of(input);
        }
        if (base instanceof TypeRef.EnumType enumType) {
            if (subscription) {
                String input = names.subscriptionScalarFilterInput("String");
                usedShared.add(input);
                return Optional.of(input);
            }
            return Optional.of(enumFilterInput(enumType.name(), field.type().list()));
        }
        return Optional.empty();
    }

    private String enumFilterInput(String enumName, boolean list) {
        String name = list ? names.listFilterInput(enumName) : names.scalarFilterInput(enumName);
        List<String> lines = new ArrayList<>();
        lines.add("eq: " + (list ? "[" + enumName + "]" : enumName));
        lines.add("ne: " + (list ? "[" + enumName + "]" : enumName));
        if (list) {
            lines.add("contains: " + enumName);
            lines.add("notContains: " + enumName);
        }
        enumInputs.put(name, Sdl.block("input", name, "", Optional.empty(), lines));
        return name;
    }

    private String createInput(ModelPlan model) {
        return Sdl.block("input", model.names().createInput(), "", Optional.empty(),
                shapes.createInputFields(model).stream().map(f -> f.name() + ": " + inputType(f.type())).toList());
    }

    private String updateInput(ModelPlan model) {
        return Sdl.block("input", model.names().updateInput(), "", Optional.empty(),
                shapes.updateInputFields(model).stream().map(f -> f.name() + ": " + inputType(f.type())).toList());
    }

    /**
     * {@code ModelX<Key>CompositeKeyConditionInput} and {@code ModelX<Key>CompositeKeyInput}. As in Amplify, the last
     * sort key field of the key input is typed with its filter scalar and the others with their own type.
     */
    private String compositeKeyInputs(ModelPlan model, List<String> sortKeys, String keyName) {
        String keyInput = names.compositeKeyInput(model.name(), keyName);
        List<String> conditions = new ArrayList<>();
        for (String op : List.of("eq", "le", "lt", "ge", "gt", "between", "beginsWith")) {
            conditions.add(op + ": " + (op.equals("between") ? "[" + keyInput + "]" : keyInput));
        }
        List<String> keyFields = new ArrayList<>();
        for (int i = 0; i < sortKeys.size(); i++) {
            String field = sortKeys.get(i);
            Optional<ScalarType> scalar = model.field(field).flatMap(f -> f.type().scalar());
            String type = i == sortKeys.size() - 1 && scalar.isPresent()
                    ? Names.filterScalar(scalar.get())
                    : OperationShapes.keyType(model, field);
            keyFields.add(field + ": " + type);
        }
        return Sdl.block("input", names.compositeKeyConditionInput(model.name(), keyName), "", Optional.empty(),
                        conditions)
                + Sdl.block("input", keyInput, "", Optional.empty(), keyFields);
    }

    // ---- shared inputs -----------------------------------------------------------------------------------

    private String sharedInputs() {
        StringBuilder out = new StringBuilder();
        boolean anyFilter = false;
        boolean anySize = false;
        for (String base : SHARED_SCALAR_BASES) {
            String name = names.scalarFilterInput(base);
            if (usedShared.contains(name)) {
                anyFilter = true;
                anySize |= base.equals("String") || base.equals("ID");
                out.append(scalarFilterInput(name, base, false));
            }
        }
        for (String base : SHARED_SCALAR_BASES) {
            String name = names.subscriptionScalarFilterInput(base);
            if (usedShared.contains(name)) {
                out.append(scalarFilterInput(name, base, true));
            }
        }
        enumInputs.values().forEach(out::append);
        if (anyFilter) {
            out.append(Sdl.block("enum", names.attributeTypesEnum(), "", Optional.empty(), List.of("binary",
                    "binarySet", "bool", "list", "map", "number", "numberSet", "string", "stringSet", "_null")));
        }
        if (anySize) {
            out.append(Sdl.block("input", names.sizeInput(), "", Optional.empty(),
                    List.of("ne: Int", "eq: Int", "le: Int", "lt: Int", "ge: Int", "gt: Int", "between: [Int]")));
        }
        if (usedShared.contains(names.sortDirectionEnum())) {
            out.append(Sdl.block("enum", names.sortDirectionEnum(), "", Optional.empty(), List.of("ASC", "DESC")));
        }
        for (String base : KEY_CONDITION_BASES) {
            String name = names.keyConditionInput(base);
            if (usedShared.contains(name)) {
                List<String> lines = new ArrayList<>();
                for (String op : keyConditions(base)) {
                    lines.add(op + ": " + (op.equals("between") ? "[" + base + "]" : base));
                }
                out.append(Sdl.block("input", name, "", Optional.empty(), lines));
            }
        }
        return out.toString();
    }

    private static List<String> keyConditions(String base) {
        return base.equals("String") || base.equals("ID")
                ? List.of("eq", "le", "lt", "ge", "gt", "between", "beginsWith")
                : List.of("eq", "le", "lt", "ge", "gt", "between");
    }

    /** Amplify's operator lists ({@code definitions.ts}); subscription inputs add in/notIn and have no functions. */
    private String scalarFilterInput(String name, String base, boolean subscription) {
        List<String> operators = new ArrayList<>(switch (base) {
            case "String", "ID" -> List.of("ne", "eq", "le", "lt", "ge", "gt", "contains", "notContains", "between",
                    "beginsWith");
            case "Int", "Float" -> List.of("ne", "eq", "le", "lt", "ge", "gt", "between");
            default -> List.of("ne", "eq");
        });
        if (subscription && !base.equals("Boolean")) {
            operators.addAll(List.of("in", "notIn"));
        }
        List<String> lines = new ArrayList<>();
        for (String op : operators) {
            boolean list = op.equals("between") || op.equals("in") || op.equals("notIn");
            lines.add(op + ": " + (list ? "[" + base + "]" : base));
        }
        if (!subscription) {
            lines.add("attributeExists: Boolean");
            lines.add("attributeType: " + names.attributeTypesEnum());
            if (base.equals("String") || base.equals("ID")) {
                lines.add("size: " + names.sizeInput());
            }
        }
        return Sdl.block("input", name, "", Optional.empty(), lines);
    }

    private static void descriptionLine(List<String> lines, Optional<String> description) {
        description.ifPresent(d -> lines.add(Sdl.string(d)));
    }
}
