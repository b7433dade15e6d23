package io.amplify4j.sandbox.server.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.FieldDefinition;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.TypeDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.PropertyDataFetcher;
import graphql.execution.DataFetcherResult;
import graphql.schema.SelectedField;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.WiringFactory;
import io.amplify4j.sandbox.js.AuthMode;
import io.amplify4j.sandbox.js.ResolverInfo;
import io.amplify4j.sandbox.js.ResolverResult;
import io.amplify4j.sandbox.runtime.Caller;
import io.amplify4j.sandbox.runtime.PlanResolvers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Executes GraphQL requests as AppSync does, over the plan's SDL: AppSync's scalars and {@code @aws_*} directives
 * declared, every field's authorization directives enforced before anything runs for it, the plan's resolvers
 * (through {@link PlanResolvers}, nothing else) on the fields that have one, plain property reads on the others,
 * and errors in AppSync's shapes. A request that fails to parse, validate, coerce its variables or pass the depth
 * limit gets request errors and no data.
 *
 * <p>Thread-safe; one instance serves every request.
 */
public final class GraphQLService {
    /** Declarations AppSync provides and the plan's SDL leaves out. */
    static final String PRELUDE = """
            directive @aws_api_key on OBJECT | FIELD_DEFINITION
            directive @aws_iam on OBJECT | FIELD_DEFINITION
            directive @aws_oidc on OBJECT | FIELD_DEFINITION
            directive @aws_lambda on OBJECT | FIELD_DEFINITION
            directive @aws_cognito_user_pools(cognito_groups: [String]) on OBJECT | FIELD_DEFINITION
            directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION
            directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
            directive @aws_publish(subscriptions: [String]) on FIELD_DEFINITION
            scalar AWSDate
            scalar AWSTime
            scalar AWSDateTime
            scalar AWSTimestamp
            scalar AWSEmail
            scalar AWSJSON
            scalar AWSURL
            scalar AWSPhone
            scalar AWSIPAddress
            """;

    private static final String CALLER = "amplify4j.caller";
    private static final String OPERATION = "amplify4j.operation";
    private static final String HEADERS = "amplify4j.headers";

    private final PlanResolvers resolvers;
    private final AuthMode defaultMode;
    private final GraphQLSchema schema;
    private final GraphQL graphQL;
    private final Consumer<Throwable> internalErrors;
    private final Map<String, List<String>> subscriptionsByMutation;
    private volatile MutationListener mutationListener = (field, payload) -> {};

    /**
     * @param sdl the plan's schema
     * @param resolvers the plan made runnable
     * @param defaultMode the API's default authorization mode
     * @param maxDepth the query depth limit (AppSync's {@code queryDepthLimit}, 1 to 75)
     * @param internalErrors where unexpected exceptions go (they reach the client only as a generic message)
     */
    public GraphQLService(String sdl, PlanResolvers resolvers, AuthMode defaultMode, int maxDepth,
            Consumer<Throwable> internalErrors) {
        this.resolvers = Objects.requireNonNull(resolvers, "resolvers");
        this.defaultMode = Objects.requireNonNull(defaultMode, "defaultMode");
        this.internalErrors = Objects.requireNonNull(internalErrors, "internalErrors");
        TypeDefinitionRegistry registry = new SchemaParser().parse(PRELUDE + "\n" + sdl);
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new Fetchers());
        AwsScalars.all().forEach(wiring::scalar);
        this.schema = new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
        this.graphQL = GraphQL.newGraphQL(schema)
                .instrumentation(new Limits(maxDepth))
                .defaultDataFetcherExceptionHandler(new InternalErrors())
                .build();
        this.subscriptionsByMutation = subscriptionsByMutation(schema);
    }

    /** Told of every mutation field that returned an object: the field's name and its result as selected. */
    @FunctionalInterface
    public interface MutationListener {
        void mutated(String mutationField, Map<String, Object> payload);
    }

    /** Where the results of mutations go (the real-time endpoint); nowhere by default. */
    public void onMutation(MutationListener listener) {
        this.mutationListener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * For each mutation field, the subscription fields whose {@code @aws_subscribe(mutations: [...])} lists it.
     */
    public Map<String, List<String>> subscriptionsByMutation() {
        return subscriptionsByMutation;
    }

    private static Map<String, List<String>> subscriptionsByMutation(GraphQLSchema schema) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (schema.getSubscriptionType() == null) {
            return Map.of();
        }
        for (GraphQLFieldDefinition field : schema.getSubscriptionType().getFieldDefinitions()) {
            FieldDefinition definition = field.getDefinition();
            if (definition == null) {
                continue;
            }
            for (graphql.language.Directive directive : definition.getDirectives("aws_subscribe")) {
                graphql.language.Argument mutations = directive.getArgument("mutations");
                if (mutations == null) {
                    continue;
                }
                List<graphql.language.Value> values = mutations.getValue() instanceof graphql.language.ArrayValue array
                        ? array.getValues() : List.of(mutations.getValue());
                for (graphql.language.Value<?> value : values) {
                    if (value instanceof graphql.language.StringValue name) {
                        out.computeIfAbsent(name.getValue(), k -> new ArrayList<>()).add(field.getName());
                    }
                }
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(out);
    }

    /**
     * A subscription accepted at {@code start}: its field, the arguments, the subscriber's selection (with the
     * document's fragments, to shape events), and the filter its resolver set (empty: every event).
     */
    public record Subscription(String fieldName, Map<String, Object> arguments, Field field,
            Map<String, graphql.language.FragmentDefinition> fragments, Optional<Map<String, Object>> filter) {}

    /** The outcome of {@link #subscribe}: a subscription, or AppSync-shaped errors. */
    public record SubscribeOutcome(Optional<Subscription> subscription, List<Map<String, Object>> errors) {}

    /**
     * What AppSync does at a real-time {@code start}: parse and validate the subscription document, check the
     * field's authorization directives, coerce its arguments and run the field's resolver with the subscriber as
     * caller, keeping the filter it sets ({@code extensions.setSubscriptionFilter}). Errors come back shaped as the
     * real-time {@code error} message carries them: {@code errorType} and {@code message}.
     */
    public SubscribeOutcome subscribe(Request request, Caller caller) {
        ExecutionInput.Builder inputBuilder = ExecutionInput.newExecutionInput()
                .query(request.query())
                .variables(request.variables());
        request.operationName().ifPresent(inputBuilder::operationName);
        ExecutionInput input = inputBuilder.build();
        graphql.ParseAndValidateResult parsed = graphql.ParseAndValidate.parseAndValidate(schema, input);
        if (parsed.isFailure()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (GraphQLError error : parsed.getErrors()) {
                errors.add(subscriptionError(error instanceof graphql.validation.ValidationError
                        || error instanceof graphql.InvalidSyntaxError ? "ValidationError"
                        : String.valueOf(error.getErrorType()), ErrorShapes.requestMessage(error)));
            }
            return failed(errors);
        }
        graphql.language.Document document = parsed.getDocument();
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition operation = null;
        for (OperationDefinition candidate : operations) {
            if (request.operationName().isEmpty() ? operations.size() == 1
                    : request.operationName().get().equals(candidate.getName())) {
                operation = candidate;
            }
        }
        if (operation == null) {
            return failed(List.of(subscriptionError("ValidationError",
                    "Exactly one operation, or the one `operationName` names, is required.")));
        }
        if (operation.getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
            return failed(List.of(subscriptionError("UnsupportedOperation",
                    operation.getOperation().name().toLowerCase(java.util.Locale.ROOT)
                            + " operations are not supported through the realtime channel")));
        }
        Map<String, graphql.language.FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(graphql.language.FragmentDefinition.class)
                .forEach(fragment -> fragments.put(fragment.getName(), fragment));
        List<Field> fields = new ArrayList<>();
        for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
            if (selection instanceof Field field && !field.getName().startsWith("__")) {
                fields.add(field);
            }
        }
        if (fields.size() != 1) {
            return failed(List.of(subscriptionError("ValidationError",
                    "A subscription selects exactly one subscription field.")));
        }
        Field field = fields.get(0);
        GraphQLFieldDefinition definition = schema.getSubscriptionType().getFieldDefinition(field.getName());
        FieldAuthorization authorization = FieldAuthorization.of(definition.getDefinition().getDirectives(),
                schema.getSubscriptionType().getDefinition() == null ? List.of()
                        : schema.getSubscriptionType().getDefinition().getDirectives(),
                defaultMode);
        String denied = "Not Authorized to access " + field.getName() + " on type Subscription";
        if (!authorization.admits(caller) || caller.deniedFields().contains("Subscription." + field.getName())) {
            return failed(List.of(subscriptionError("Unauthorized", denied)));
        }
        Map<String, Object> arguments;
        Map<String, Object> variables;
        try {
            GraphQLContext context = GraphQLContext.getDefault();
            graphql.execution.CoercedVariables coerced = graphql.execution.ValuesResolver.coerceVariableValues(schema,
                    operation.getVariableDefinitions(), graphql.execution.RawVariables.of(request.variables()),
                    context, java.util.Locale.ROOT);
            variables = coerced.toMap();
            arguments = graphql.execution.ValuesResolver.getArgumentValues(definition.getArguments(),
                    field.getArguments(), coerced, context, java.util.Locale.ROOT);
        } catch (RuntimeException e) {
            String message = e instanceof GraphQLError error ? ErrorShapes.requestMessage(error) : e.getMessage();
            return failed(List.of(subscriptionError("ValidationError", message)));
        }
        Optional<Map<String, Object>> filter = Optional.empty();
        if (resolvers.hasResolver("Subscription", field.getName())) {
            List<String> selectionList = new ArrayList<>();
            selectionList(field.getSelectionSet(), fragments, "", selectionList);
            ResolverInfo info = new ResolverInfo(field.getName(), "Subscription", variables, selectionList,
                    field.getSelectionSet() == null ? "" : AstPrinter.printAst(field.getSelectionSet()));
            ResolverResult result;
            try {
                result = resolvers.execute(info, arguments, null, caller);
            } catch (RuntimeException e) {
                internalErrors.accept(e);
                return failed(List.of(subscriptionError("InternalFailure",
                        "An internal failure occurred while starting the subscription.")));
            }
            if (!result.errors().isEmpty()) {
                List<Map<String, Object>> errors = new ArrayList<>();
                for (io.amplify4j.sandbox.js.GraphQLError error : result.errors()) {
                    errors.add(subscriptionError(error.errorType().orElse(null), error.message()));
                }
                return failed(errors);
            }
            filter = result.extensions().subscriptionFilter();
        }
        return new SubscribeOutcome(Optional.of(new Subscription(field.getName(), arguments, field,
                Map.copyOf(fragments), filter)), List.of());
    }

    private static SubscribeOutcome failed(List<Map<String, Object>> errors) {
        return new SubscribeOutcome(Optional.empty(), errors);
    }

    private static Map<String, Object> subscriptionError(String errorType, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorType", errorType);
        error.put("message", message);
        return error;
    }

    private static void selectionList(graphql.language.SelectionSet set,
            Map<String, graphql.language.FragmentDefinition> fragments, String prefix, List<String> out) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                if (!field.getName().startsWith("__")) {
                    out.add(prefix + field.getName());
                    selectionList(field.getSelectionSet(), fragments, prefix + field.getName() + "/", out);
                }
            } else if (selection instanceof graphql.language.InlineFragment inline) {
                selectionList(inline.getSelectionSet(), fragments, prefix, out);
            } else if (selection instanceof graphql.language.FragmentSpread spread
                    && fragments.get(spread.getName()) != null) {
                selectionList(fragments.get(spread.getName()).getSelectionSet(), fragments, prefix, out);
            }
        }
    }

    public GraphQLSchema schema() {
        return schema;
    }

    /** A GraphQL request: the {@code query}, {@code variables} and {@code operationName} of the body. */
    public record Request(String query, Map<String, Object> variables, Optional<String> operationName) {
        public Request {
            Objects.requireNonNull(query, "query");
            variables = variables == null ? Map.of() : variables;
            Objects.requireNonNull(operationName, "operationName");
        }
    }

    /**
     * What a request produced.
     *
     * @param requestErrors true when the request failed as a whole (syntax, validation, variables, limits): no data
     * @param body the response body, {@code data} then {@code errors}
     * @param operation the operation for the log, such as {@code mutation createTodo}
     * @param errorTypes the error types of the response's errors, in order ({@code -} for errors without one)
     */
    public record Outcome(boolean requestErrors, Map<String, Object> body, String operation, List<String> errorTypes) {}

    /** Runs a request for an authenticated caller. */
    public Outcome execute(Request request, Caller caller) {
        return execute(request, caller, Map.of());
    }

    /** Runs a request for an authenticated caller; {@code headers} (lower-case names) become {@code ctx.request}. */
    public Outcome execute(Request request, Caller caller, Map<String, String> headers) {
        ExecutionInput.Builder builder = ExecutionInput.newExecutionInput()
                .query(request.query())
                .variables(request.variables())
                .graphQLContext(Map.of(CALLER, caller, HEADERS, Map.copyOf(headers)));
        request.operationName().ifPresent(builder::operationName);
        ExecutionInput input = builder.build();
        GraphQLContext context = input.getGraphQLContext();
        ExecutionResult result = graphQL.execute(input);
        OperationDefinition operation = context.get(OPERATION);
        String description = describe(operation);
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        List<String> errorTypes = new ArrayList<>();
        boolean requestErrors = !result.isDataPresent();
        if (requestErrors) {
            body.put("data", null);
            for (GraphQLError error : result.getErrors()) {
                errors.add(ErrorShapes.requestError(error));
                errorTypes.add(error.getErrorType() == null ? "-" : error.getErrorType().toString());
            }
        } else {
            body.put("data", result.getData());
            for (GraphQLError error : result.getErrors()) {
                String message = error instanceof NonNullableFieldWasNullError
                        ? nullMessage(operation, error.getPath()).orElse(error.getMessage())
                        : error.getMessage();
                Map<String, Object> rendered = ErrorShapes.fieldError(error, message);
                errors.add(rendered);
                errorTypes.add(rendered.get("errorType") == null ? "-" : rendered.get("errorType").toString());
            }
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (!requestErrors && operation != null
                && operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            publish(operation, result.getData());
        }
        return new Outcome(requestErrors, body, description, errorTypes);
    }

    /** Hands each root mutation field's non-null object result, as the mutation selected it, to the listener. */
    @SuppressWarnings("unchecked")
    private void publish(OperationDefinition operation, Object data) {
        if (!(data instanceof Map<?, ?> results) || operation.getSelectionSet() == null) {
            return;
        }
        for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
            if (selection instanceof Field field && subscriptionsByMutation.containsKey(field.getName())
                    && results.get(field.getResultKey()) instanceof Map<?, ?> payload) {
                try {
                    mutationListener.mutated(field.getName(),
                            (Map<String, Object>) byFieldName(payload, field.getSelectionSet()));
                } catch (RuntimeException e) {
                    internalErrors.accept(e);
                }
            }
        }
    }

    /** A result keyed by the mutation's response keys (aliases), re-keyed by field names, as events carry them. */
    private static Object byFieldName(Object value, graphql.language.SelectionSet selection) {
        if (selection == null || value == null) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(byFieldName(item, selection)));
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, v) -> out.put(String.valueOf(key), v));
        renameAliases(map, selection, out);
        return out;
    }

    private static void renameAliases(Map<?, ?> map, graphql.language.SelectionSet selection,
            Map<String, Object> out) {
        for (Selection<?> s : selection.getSelections()) {
            if (s instanceof Field field) {
                if (field.getAlias() != null) {
                    out.remove(field.getAlias());
                }
                if (map.containsKey(field.getResultKey())) {
                    out.put(field.getName(), byFieldName(map.get(field.getResultKey()), field.getSelectionSet()));
                }
            } else if (s instanceof graphql.language.InlineFragment inline) {
                renameAliases(map, inline.getSelectionSet(), out);
            }
        }
    }

    private static String describe(OperationDefinition operation) {
        if (operation == null) {
            return "-";
        }
        Set<String> fields = new LinkedHashSet<>();
        if (operation.getSelectionSet() != null) {
            for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
                if (selection instanceof Field field) {
                    fields.add(field.getName());
                }
            }
        }
        String kind = operation.getOperation().name().toLowerCase(java.util.Locale.ROOT);
        return kind + " " + (fields.isEmpty() ? "-" : String.join(",", fields));
    }

    /** AppSync's message for a null in a non-null field: {@code Cannot return null for non-nullable type: ...}. */
    private Optional<String> nullMessage(OperationDefinition operation, List<Object> path) {
        if (operation == null || path == null || path.isEmpty()) {
            return Optional.empty();
        }
        GraphQLType parent = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        GraphQLFieldDefinition field = null;
        String parentName = null;
        for (Object segment : path) {
            if (!(segment instanceof String name)) {
                continue;
            }
            if (field != null) {
                parent = GraphQLTypeUtil.unwrapAll(field.getType());
            }
            if (!(parent instanceof GraphQLFieldsContainer container)) {
                return Optional.empty();
            }
            // The path holds response keys; an alias hides the field name, so fall back to graphql-java's message.
            field = container.getFieldDefinition(name);
            parentName = container.getName();
            if (field == null) {
                return Optional.empty();
            }
        }
        StringBuilder pathText = new StringBuilder();
        path.forEach(p -> pathText.append('/').append(p));
        return Optional.of("Cannot return null for non-nullable type: '" + GraphQLTypeUtil.unwrapAll(field.getType())
                .getName() + "' within parent '" + parentName + "' (" + pathText + ")");
    }

    // ------------------------------------------------------------------------------------------ fetchers

    /** Gives every field an authorization check in front of its resolver or property read. */
    private final class Fetchers implements WiringFactory {
        @Override
        public boolean providesDataFetcher(FieldWiringEnvironment environment) {
            return true;
        }

        @Override
        public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
            TypeDefinition<?> parent = environment.getParentType();
            FieldDefinition field = environment.getFieldDefinition();
            FieldAuthorization authorization = FieldAuthorization.of(field.getDirectives(), parent.getDirectives(),
                    defaultMode);
            String typeName = parent.getName();
            String fieldName = field.getName();
            boolean root = typeName.equals("Query") || typeName.equals("Mutation") || typeName.equals("Subscription");
            DataFetcher<?> inner = resolvers.hasResolver(typeName, fieldName)
                    ? env -> resolve(env, typeName, fieldName, root)
                    : PropertyDataFetcher.fetching(fieldName);
            String denied = "Not Authorized to access " + fieldName + " on type " + typeName;
            return env -> {
                Caller caller = env.getGraphQlContext().get(CALLER);
                if (!authorization.admits(caller) || caller.deniedFields().contains(typeName + "." + fieldName)) {
                    return DataFetcherResult.newResult()
                            .error(AppSyncError.at(env, denied, Optional.of("Unauthorized"), null, null))
                            .build();
                }
                return inner.get(env);
            };
        }
    }

    private Object resolve(DataFetchingEnvironment env, String typeName, String fieldName, boolean root) {
        Caller caller = env.getGraphQlContext().get(CALLER);
        ResolverInfo info = new ResolverInfo(fieldName, typeName, env.getVariables(), selectionSetList(env),
                selectionSetGraphQL(env));
        Map<String, String> headers = env.getGraphQlContext().getOrDefault(HEADERS, Map.of());
        ResolverResult result = resolvers.execute(info, env.getArguments(), root ? null : env.getSource(), caller,
                headers);
        if (result.errors().isEmpty()) {
            return result.data();
        }
        DataFetcherResult.Builder<Object> out = DataFetcherResult.newResult().data(result.data());
        for (io.amplify4j.sandbox.js.GraphQLError error : result.errors()) {
            out.error(AppSyncError.at(env, error.message(), error.errorType(), error.data().orElse(null),
                    error.errorInfo().orElse(null)));
        }
        return out.build();
    }

    private static List<String> selectionSetList(DataFetchingEnvironment env) {
        DataFetchingFieldSelectionSet selection = env.getSelectionSet();
        if (selection == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (SelectedField field : selection.getFields()) {
            if (!field.getName().startsWith("__")) {
                out.add(field.getQualifiedName());
            }
        }
        return out;
    }

    private static String selectionSetGraphQL(DataFetchingEnvironment env) {
        Field field = env.getField();
        return field == null || field.getSelectionSet() == null ? "" : AstPrinter.printAst(field.getSelectionSet());
    }

    // ------------------------------------------------------------------------------------------ limits and faults

    /** The depth limit (in AppSync's words), and a record of the operation being run for the log. */
    private static final class Limits extends MaxQueryDepthInstrumentation {
        Limits(int maxDepth) {
            super(maxDepth);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            parameters.getExecutionContext().getGraphQLContext()
                    .put(OPERATION, parameters.getExecutionContext().getOperationDefinition());
            return super.beginExecuteOperation(parameters, state);
        }

        @Override
        protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
            return new AbortExecutionException("Query depth limit of " + maxDepth + " exceeded: the query is "
                    + depth + " levels deep.");
        }
    }

    /** An unexpected exception in a fetcher: logged in full, reported to the client without internals. */
    private final class InternalErrors implements DataFetcherExceptionHandler {
        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
                graphql.execution.DataFetcherExceptionHandlerParameters parameters) {
            internalErrors.accept(parameters.getException());
            DataFetchingEnvironment env = parameters.getDataFetchingEnvironment();
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult()
                    .error(AppSyncError.at(env, "An internal failure occurred while resolving this field.",
                            Optional.of("InternalFailure"), null, null))
                    .build());
        }
    }
}
