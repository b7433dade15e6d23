package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.FunctionDataAccess;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.validate.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The GraphQL API: models, enums, custom types, custom operations, schema-level rules and authorization modes.
 * Everything declared here returns a handle that the rest of the definition refers to.
 */
public final class DataBuilder {
    private final BackendBuilder backend;
    private final List<ModelBuilder> models = new ArrayList<>();
    private final List<EnumRef<?>> enums = new ArrayList<>();
    private final List<CustomTypeBuilder> customTypes = new ArrayList<>();
    private final List<OperationBuilder<?>> operations = new ArrayList<>();
    private final List<ConversationBuilder> conversations = new ArrayList<>();
    private final AuthorizationModesBuilder modes;
    private String name = DataDefinition.DEFAULT_NAME;
    private Function<SchemaAllow, List<? extends SchemaRule>> rules;

    DataBuilder(BackendBuilder backend) {
        this.backend = backend;
        this.modes = new AuthorizationModesBuilder(backend);
    }

    /** The API's name; {@code amplifyData} by default. */
    public DataBuilder name(String apiName) {
        this.name = Objects.requireNonNull(apiName, "apiName");
        return this;
    }

    /** Declares a model and returns its builder, which is also its handle. */
    public ModelBuilder model(String modelName) {
        ModelBuilder model = new ModelBuilder(backend, modelName);
        models.add(model);
        return model;
    }

    /** Declares a model configured by {@code configure}, and returns its handle. */
    public ModelBuilder model(String modelName, Consumer<ModelBuilder> configure) {
        ModelBuilder model = model(modelName);
        configure.accept(model);
        return model;
    }

    /** Declares an enum from a Java enum: same name and constants. Enum fields then take its constants. */
    public <E extends Enum<E>> EnumRef<E> enumType(Class<E> javaEnum) {
        List<String> values = Arrays.stream(javaEnum.getEnumConstants()).map(Enum::name).toList();
        EnumRef<E> ref = new EnumRef<>(backend, javaEnum.getSimpleName(), values, Enum::name);
        enums.add(ref);
        return ref;
    }

    /** Declares an enum by name and values. Enum fields then take value names. */
    public EnumRef<String> enumType(String enumName, String... values) {
        EnumRef<String> ref = new EnumRef<>(backend, Objects.requireNonNull(enumName, "enumName"),
                List.of(values), value -> value);
        enums.add(ref);
        return ref;
    }

    /** Declares a custom (non-model) type configured by {@code configure}, and returns its handle. */
    public CustomTypeBuilder customType(String typeName, Consumer<CustomTypeBuilder> configure) {
        CustomTypeBuilder type = new CustomTypeBuilder(backend, typeName);
        customTypes.add(type);
        configure.accept(type);
        return type;
    }

    /** Declares a custom query. */
    public QueryBuilder query(String operationName) {
        return add(new QueryBuilder(backend, operationName));
    }

    /** Declares a custom mutation. */
    public MutationBuilder mutation(String operationName) {
        return add(new MutationBuilder(backend, operationName));
    }

    /** Declares a custom subscription. */
    public SubscriptionBuilder subscription(String operationName) {
        return add(new SubscriptionBuilder(backend, operationName));
    }

    /**
     * Declares a generation route: a query answered by a Bedrock model (see {@link GenerationBuilder}). It is a
     * custom query like any other to clients, codegen and subscriptions.
     */
    public GenerationBuilder generation(String routeName) {
        return add(new GenerationBuilder(backend, routeName));
    }

    /**
     * Declares a conversation route: a chat with a Bedrock model, kept per owner (see {@link ConversationBuilder}).
     * The builder is the route's handle.
     */
    public ConversationBuilder conversation(String routeName) {
        ConversationBuilder conversation = new ConversationBuilder(backend, routeName);
        conversations.add(conversation);
        return conversation;
    }

    /** Declares a conversation route configured by {@code configure}, and returns its handle. */
    public ConversationBuilder conversation(String routeName, Consumer<ConversationBuilder> configure) {
        ConversationBuilder conversation = conversation(routeName);
        configure.accept(conversation);
        return conversation;
    }

    private <T extends OperationBuilder<?>> T add(T operation) {
        operations.add(operation);
        return operation;
    }

    /**
     * Schema-level rules: they apply to every model without rules of its own. {@code allow.resource(fn)} grants a
     * function IAM access to the API.
     */
    public DataBuilder authorization(Function<SchemaAllow, List<? extends SchemaRule>> schemaRules) {
        this.rules = Objects.requireNonNull(schemaRules, "schemaRules");
        return this;
    }

    /** How callers authenticate; see {@link AuthorizationModesBuilder}. */
    public DataBuilder authorizationModes(Consumer<AuthorizationModesBuilder> configure) {
        configure.accept(modes);
        return this;
    }

    DataDefinition toDefinition(Problems problems) {
        List<AuthRule> schemaRules = new ArrayList<>();
        List<FunctionDataAccess> access = new ArrayList<>();
        if (rules != null) {
            List<? extends SchemaRule> declared = rules.apply(new SchemaAllow());
            for (int i = 0; i < declared.size(); i++) {
                String place = "data.rules[" + i + "]";
                SchemaRule rule = declared.get(i);
                if (rule instanceof ResourceRule resource) {
                    resource.function().checkSameBackend(backend, place, problems);
                    access.add(resource.toModel());
                } else if (rule instanceof Rule<?> modelRule) {
                    schemaRules.add(toSchemaRule(modelRule, place, problems));
                }
            }
        }
        return new DataDefinition(
                name,
                modes.toModel(problems),
                schemaRules,
                access,
                models.stream().map(m -> m.toDefinition(problems)).toList(),
                enums.stream().<io.amplify4j.model.data.EnumDefinition>map(EnumRef::toDefinition).toList(),
                customTypes.stream().map(t -> t.toDefinition(problems)).toList(),
                operations.stream().map(o -> o.toDefinition(problems)).toList(),
                conversations.stream().map(c -> c.toDefinition(problems)).toList());
    }

    private static <O extends Enum<O>> AuthRule toSchemaRule(Rule<O> rule, String place, Problems problems) {
        List<ModelOperation> ops = rule.operations.stream()
                .map(op -> op instanceof FieldOperation f ? f.toModelOperation() : (ModelOperation) op)
                .toList();
        return rule.toModel(ops, place, problems);
    }
}
