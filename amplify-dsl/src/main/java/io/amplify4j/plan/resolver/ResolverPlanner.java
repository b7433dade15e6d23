package io.amplify4j.plan.resolver;

import io.amplify4j.model.data.AiModel;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.FunctionDataAccess;
import io.amplify4j.plan.ConversationPlan;
import io.amplify4j.plan.IndexPlan;
import io.amplify4j.plan.ModelOperationKind;
import io.amplify4j.plan.ModelPlan;
import io.amplify4j.plan.Names;
import io.amplify4j.plan.RelationshipPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Plans every resolver of the API, its data sources and the environment variables the modules read. Order is fixed:
 * per model (declaration order) get, list, index queries, create, update, delete, subscriptions, then relationship
 * fields; then custom operations in declaration order (generation routes and the operations of conversation routes
 * by their own generators).
 */
public final class ResolverPlanner {
    private final ResolverContext context;
    private final List<ConversationPlan> conversations;

    public ResolverPlanner(DataDefinition data, List<ModelPlan> models, Names names) {
        this(data, models, names, List.of());
    }

    /** A planner for an expanded data definition whose conversation routes are planned as {@code conversations}. */
    public ResolverPlanner(DataDefinition data, List<ModelPlan> models, Names names,
            List<ConversationPlan> conversations) {
        this.context = new ResolverContext(data, models, names);
        this.conversations = List.copyOf(conversations);
    }

    public List<ResolverPlan> resolvers() {
        List<ResolverPlan> resolvers = new ArrayList<>();
        for (ModelPlan model : context.models) {
            model.operation(ModelOperationKind.GET)
                    .ifPresent(f -> resolvers.add(GetGenerator.generate(context, model, f)));
            model.operation(ModelOperationKind.LIST)
                    .ifPresent(f -> resolvers.add(ListGenerator.list(context, model, f)));
            for (IndexPlan index : model.indexes()) {
                index.queryField().ifPresent(f -> resolvers.add(ListGenerator.index(context, model, index, f)));
            }
            model.operation(ModelOperationKind.CREATE)
                    .ifPresent(f -> resolvers.add(CreateGenerator.generate(context, model, f)));
            model.operation(ModelOperationKind.UPDATE)
                    .ifPresent(f -> resolvers.add(UpdateGenerator.generate(context, model, f)));
            model.operation(ModelOperationKind.DELETE)
                    .ifPresent(f -> resolvers.add(DeleteGenerator.generate(context, model, f)));
            for (ModelOperationKind kind : List.of(ModelOperationKind.ON_CREATE, ModelOperationKind.ON_UPDATE,
                    ModelOperationKind.ON_DELETE)) {
                model.operation(kind).ifPresent(f -> resolvers.add(SubscriptionGenerator.generate(context, model, kind,
                        f)));
            }
            for (RelationshipPlan relationship : model.relationships()) {
                resolvers.add(RelationshipGenerator.generate(context, model, relationship));
            }
        }
        Map<String, ConversationPlan> conversationOperations = new HashMap<>();
        for (ConversationPlan conversation : conversations) {
            conversationOperations.put(conversation.route(), conversation);
        }
        for (CustomOperation operation : context.data.operations()) {
            ConversationPlan conversation = conversationOperations.get(operation.name());
            if (operation.generation().isPresent()) {
                resolvers.add(GenerationGenerator.generate(context, operation, operation.generation().get()));
            } else if (conversation != null && operation.type() == CustomOperation.Type.MUTATION) {
                // The route's four operations follow its send-message mutation in the expanded definition.
                List<AuthRule> rules = context.data.conversation(conversation.route()).orElseThrow().rules();
                resolvers.addAll(ConversationGenerator.generate(conversation, rules));
            } else if (!ownedByConversation(operation)) {
                resolvers.add(CustomOperationGenerator.generate(context, operation));
            }
        }
        return resolvers;
    }

    /**
     * NONE, then every model's table in declaration order, then the Lambda functions handlers invoke, by name, then
     * Bedrock when there are generation routes (with the models they call).
     */
    public List<DataSourcePlan> dataSources() {
        List<DataSourcePlan> sources = new ArrayList<>();
        sources.add(DataSourcePlan.none());
        for (ModelPlan model : context.models) {
            sources.add(DataSourcePlan.table(model.name(), model.tableName()));
        }
        TreeSet<String> functions = new TreeSet<>();
        for (CustomOperation operation : context.data.operations()) {
            for (CustomOperation.Handler handler : operation.handlers()) {
                if (handler instanceof CustomOperation.Handler.Function function) {
                    functions.add(function.function());
                }
            }
        }
        conversations.forEach(c -> functions.add(c.handlerFunction()));
        functions.forEach(f -> sources.add(DataSourcePlan.lambda(f)));
        List<AiModel> generationModels = context.data.operations().stream()
                .flatMap(o -> o.generation().stream())
                .map(CustomOperation.Handler.Generation::aiModel)
                .toList();
        if (!generationModels.isEmpty()) {
            sources.add(DataSourcePlan.bedrock(generationModels));
        }
        return sources;
    }

    /** True for the assistant-response, stream and subscription operations of a conversation route. */
    private boolean ownedByConversation(CustomOperation operation) {
        return conversations.stream().anyMatch(c -> c.responseMutation().equals(operation.name())
                || c.streamMutation().equals(operation.name()) || c.subscription().equals(operation.name()));
    }

    /** The identity pool id, the user pool issuer, and one role ARN per function granted access, by name. */
    public List<EnvironmentVariablePlan> environment() {
        List<EnvironmentVariablePlan> variables = new ArrayList<>();
        variables.add(new EnvironmentVariablePlan(ResolverNames.IDENTITY_POOL_ID_ENV,
                EnvironmentVariablePlan.Kind.IDENTITY_POOL_ID, Optional.empty()));
        variables.add(new EnvironmentVariablePlan(ResolverNames.USER_POOL_ISSUER_ENV,
                EnvironmentVariablePlan.Kind.USER_POOL_ISSUER, Optional.empty()));
        context.data.functionAccess().stream()
                .map(FunctionDataAccess::function)
                .distinct()
                .sorted()
                .forEach(f -> variables.add(new EnvironmentVariablePlan(ResolverNames.functionRoleArnEnv(f),
                        EnvironmentVariablePlan.Kind.FUNCTION_ROLE_ARN, Optional.of(f))));
        return variables;
    }
}
