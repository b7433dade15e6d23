package io.amplify4j.plan;

import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.ConversationDefinition;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.CustomTypeDefinition;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.DisabledOperation;
import io.amplify4j.model.data.EnumDefinition;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.FunctionDataAccess;
import io.amplify4j.model.data.FunctionDataAccess.ResourceOperation;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.RelationshipDefinition;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.SecondaryIndexDefinition;
import io.amplify4j.model.data.TypeRef;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.FunctionDefinition;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Expands conversation routes into what they stand for, before anything else is planned, so that tables, resolvers,
 * SDL, model introspection, CDK, the sandbox and code generation all see ordinary models, types and operations:
 *
 * <ul>
 *   <li>the models {@code Conversation<Route>} (name, metadata, messages; subscriptions off) and
 *       {@code ConversationMessage<Route>} (conversationId, role, content, aiContext, associatedUserMessageId; an
 *       index on conversationId sorted by createdAt; created only through the route's mutations, never updated),
 *       both with the route's owner rules;</li>
 *   <li>the shared types {@code ContentBlock}, {@code ToolUseBlock}, {@code ToolResultBlock},
 *       {@code ToolResultContent}, {@code ConversationMessageStreamPart}, {@code ConversationTurnError} and the enum
 *       {@code ConversationParticipantRole}, once for all routes, and per route the input types of the
 *       assistant-response and stream mutations ({@link #inputOnlyTypes}: no object type is rendered for them);</li>
 *   <li>the send-message mutation {@code <route>}, {@code createAssistantResponse<Route>},
 *       {@code createAssistantResponseStream<Route>} and the subscription {@code onCreateAssistantResponse<Route>}
 *       (their resolvers come from {@link io.amplify4j.plan.resolver.ResolverPlanner}, not from handlers);</li>
 *   <li>the handler function's access to the API (query and mutate), and the default handler function
 *       {@code <route>ConversationHandler} running {@value #DEFAULT_HANDLER_CLASS} when the route names none.</li>
 * </ul>
 *
 * <p>The definition keeps its {@link DataDefinition#conversations()}, so the plan still knows which operations the
 * routes own. Expanding an expanded model changes nothing.
 */
public final class AiRoutes {
    /** The handler class of the default conversation handler function, in {@code amplify-client}. */
    public static final String DEFAULT_HANDLER_CLASS = "io.amplify4j.client.ai.ConversationHandler";

    /** Timeout of the default handler function: a turn streams a whole answer and may run several tools. */
    public static final int DEFAULT_HANDLER_TIMEOUT_SECONDS = 60;

    /** A content block of a message: text, a tool use or a tool result. */
    public static final String CONTENT_BLOCK = "ContentBlock";
    /** The model asking to run a tool. */
    public static final String TOOL_USE_BLOCK = "ToolUseBlock";
    /** A tool's answer. */
    public static final String TOOL_RESULT_BLOCK = "ToolResultBlock";
    /** One part of a tool's answer: text or JSON. */
    public static final String TOOL_RESULT_CONTENT = "ToolResultContent";
    /** A part of a streamed assistant answer. */
    public static final String STREAM_PART = "ConversationMessageStreamPart";
    /** An error of a turn, streamed to the client. */
    public static final String TURN_ERROR = "ConversationTurnError";
    /** Who wrote a message: {@code user} or {@code assistant}. */
    public static final String ROLE_ENUM = "ConversationParticipantRole";

    private AiRoutes() {}

    /** The model with its conversation routes expanded (the model itself when it has none). */
    public static BackendModel expand(BackendModel model, Names names) {
        return expand(model, names, AiRoutes::locate);
    }

    /**
     * As {@link #expand(BackendModel, Names)}, locating the default handler class with {@code locator} (class name
     * to the jar or class directory holding it).
     */
    static BackendModel expand(BackendModel model, Names names, Function<String, Optional<String>> locator) {
        if (model.data().isEmpty() || model.data().get().conversations().isEmpty()) {
            return model;
        }
        DataDefinition data = model.data().get();
        if (data.model(names.conversationModel(data.conversations().get(0).name())).isPresent()) {
            return model;
        }
        List<FunctionDefinition> functions = new ArrayList<>(model.functions());
        for (ConversationDefinition route : data.conversations()) {
            if (route.handlerFunction().isEmpty()) {
                String name = names.conversationHandlerFunction(route.name());
                String artifact = locator.apply(DEFAULT_HANDLER_CLASS).orElseThrow(() -> new IllegalStateException(
                        "Conversation route `" + route.name() + "` runs the default handler " + DEFAULT_HANDLER_CLASS
                                + ", which is not on the class path. Add amplify-client to the class path (and to the"
                                + " functions' jar), or declare the route's handler with handler(fn)."));
                functions.add(defaultHandler(name, artifact));
            }
        }
        return new BackendModel(model.name(), model.profile(), model.auth(), Optional.of(expandData(data, names)),
                model.storage(), functions);
    }

    /**
     * The data definition with its conversation routes expanded (itself when it has none, or is expanded already);
     * the default handler functions are not part of it (see {@link #expand(BackendModel, Names)}).
     */
    public static DataDefinition expandData(DataDefinition data, Names names) {
        if (data.conversations().isEmpty()
                || data.model(names.conversationModel(data.conversations().get(0).name())).isPresent()) {
            return data;
        }
        List<ModelDefinition> models = new ArrayList<>(data.models());
        List<EnumDefinition> enums = new ArrayList<>(data.enums());
        List<CustomTypeDefinition> types = new ArrayList<>(data.customTypes());
        List<CustomOperation> operations = new ArrayList<>(data.operations());
        Map<String, Set<ResourceOperation>> access = new LinkedHashMap<>();
        data.functionAccess().forEach(a -> access.put(a.function(), new LinkedHashSet<>(a.operations())));
        if (enums.stream().noneMatch(e -> e.name().equals(ROLE_ENUM))) {
            enums.add(roleEnum());
        }
        Set<String> typeNames = new TreeSet<>();
        types.forEach(t -> typeNames.add(t.name()));
        sharedTypes().stream().filter(t -> typeNames.add(t.name())).forEach(types::add);
        for (ConversationDefinition route : data.conversations()) {
            models.add(conversationModel(route, names));
            models.add(messageModel(route, names));
            types.add(responseInput(route, names));
            types.add(streamInput(route, names));
            operations.addAll(operations(route, names));
            access.computeIfAbsent(handlerFunction(route, names), f -> new LinkedHashSet<>())
                    .addAll(EnumSet.of(ResourceOperation.QUERY, ResourceOperation.MUTATE));
        }
        List<FunctionDataAccess> functionAccess = new ArrayList<>();
        access.forEach((function, ops) -> functionAccess.add(new FunctionDataAccess(function, List.copyOf(ops))));
        return new DataDefinition(data.name(), data.authorizationModes(), data.rules(), functionAccess, models, enums,
                types, operations, data.conversations());
    }

    /** The function running the route's turns: its own, or the default handler function. */
    public static String handlerFunction(ConversationDefinition route, Names names) {
        return route.handlerFunction().orElseGet(() -> names.conversationHandlerFunction(route.name()));
    }

    /**
     * The custom types that stand for the input types of the routes' mutations
     * ({@code CreateAssistantResponse<Route>}, {@code CreateAssistantResponseStream<Route>}): only their input types
     * ({@code ...Input}) are rendered.
     */
    public static Set<String> inputOnlyTypes(DataDefinition data, Names names) {
        Set<String> out = new TreeSet<>();
        for (ConversationDefinition route : data.conversations()) {
            out.add(Names.upperFirst(names.assistantResponseMutation(route.name())));
            out.add(Names.upperFirst(names.assistantResponseStreamMutation(route.name())));
        }
        return out;
    }

    /** The jar or class directory holding {@code className}, when the class is on the class path. */
    public static Optional<String> locate(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, AiRoutes.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context == null) {
                return Optional.empty();
            }
            try {
                type = Class.forName(className, false, context);
            } catch (ClassNotFoundException | LinkageError again) {
                return Optional.empty();
            }
        }
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.of(location.normalize().toString().replace('\\', '/'));
        } catch (URISyntaxException | NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ---- the parts ---------------------------------------------------------------------------------------

    private static FunctionDefinition defaultHandler(String name, String artifact) {
        return new FunctionDefinition(name, new FunctionCode.Java(DEFAULT_HANDLER_CLASS, artifact,
                FunctionCode.JavaRuntime.JAVA_21), FunctionDefinition.DEFAULT_MEMORY_MB,
                DEFAULT_HANDLER_TIMEOUT_SECONDS, FunctionDefinition.DEFAULT_EPHEMERAL_STORAGE_MB,
                FunctionDefinition.Architecture.X86_64, Map.of(), Map.of(), List.of(), List.of(), true,
                FunctionDefinition.DEFAULT_LOG_RETENTION_DAYS);
    }

    private static EnumDefinition roleEnum() {
        return new EnumDefinition(ROLE_ENUM, List.of("user", "assistant"),
                Optional.of("Who wrote a message of a conversation."));
    }

    /** The types every conversation route shares, in the order the SDL declares them. */
    public static List<CustomTypeDefinition> sharedTypes() {
        return List.of(
                type(CONTENT_BLOCK, "A part of a message: text, a tool use or a tool result.",
                        field("text", FieldType.of(string())),
                        field("toolUse", FieldType.of(custom(TOOL_USE_BLOCK))),
                        field("toolResult", FieldType.of(custom(TOOL_RESULT_BLOCK)))),
                type(TOOL_USE_BLOCK, "The model asking to run a tool.",
                        field("toolUseId", FieldType.required(string())),
                        field("name", FieldType.required(string())),
                        field("input", FieldType.required(TypeRef.scalar(ScalarType.JSON)))),
                type(TOOL_RESULT_BLOCK, "What a tool answered.",
                        field("toolUseId", FieldType.required(string())),
                        field("status", FieldType.of(string())),
                        field("content", new FieldType(custom(TOOL_RESULT_CONTENT), true, true, true))),
                type(TOOL_RESULT_CONTENT, "A part of a tool's answer: text or JSON.",
                        field("text", FieldType.of(string())),
                        field("json", FieldType.of(TypeRef.scalar(ScalarType.JSON)))),
                type(STREAM_PART, "A part of an assistant's answer as it is streamed.",
                        field("id", FieldType.required(TypeRef.scalar(ScalarType.ID))),
                        field("owner", FieldType.of(string())),
                        field("conversationId", FieldType.required(TypeRef.scalar(ScalarType.ID))),
                        field("associatedUserMessageId", FieldType.required(TypeRef.scalar(ScalarType.ID))),
                        field("contentBlockIndex", FieldType.of(integer())),
                        field("contentBlockText", FieldType.of(string())),
                        field("contentBlockDeltaIndex", FieldType.of(integer())),
                        field("contentBlockDoneAtIndex", FieldType.of(integer())),
                        field("contentBlockToolUse", FieldType.of(custom(TOOL_USE_BLOCK))),
                        field("stopReason", FieldType.of(string())),
                        field("errors", new FieldType(custom(TURN_ERROR), true, false, false))),
                type(TURN_ERROR, "An error of a conversation turn.",
                        field("errorType", FieldType.required(string())),
                        field("message", FieldType.required(string()))));
    }

    private static ModelDefinition conversationModel(ConversationDefinition route, Names names) {
        String model = names.conversationModel(route.name());
        return new ModelDefinition(model,
                List.of(field("name", FieldType.of(string())),
                        field("metadata", FieldType.of(TypeRef.scalar(ScalarType.JSON)))),
                List.of(new RelationshipDefinition("messages", RelationshipDefinition.Kind.HAS_MANY,
                        names.conversationMessageModel(route.name()), List.of("conversationId"), false, false,
                        List.of(), Optional.empty())),
                List.of(), List.of(), List.of(DisabledOperation.SUBSCRIPTIONS), route.rules(), Optional.empty(),
                Optional.empty(), Optional.of("A conversation of route `" + route.name() + "`, kept per owner."));
    }

    private static ModelDefinition messageModel(ConversationDefinition route, Names names) {
        String model = names.conversationMessageModel(route.name());
        return new ModelDefinition(model,
                List.of(field("conversationId", FieldType.required(TypeRef.scalar(ScalarType.ID))),
                        field("role", FieldType.of(new TypeRef.EnumType(ROLE_ENUM))),
                        field("content", new FieldType(custom(CONTENT_BLOCK), true, false, false)),
                        field("aiContext", FieldType.of(TypeRef.scalar(ScalarType.JSON))),
                        field("associatedUserMessageId", FieldType.of(TypeRef.scalar(ScalarType.ID)))),
                List.of(new RelationshipDefinition("conversation", RelationshipDefinition.Kind.BELONGS_TO,
                        names.conversationModel(route.name()), List.of("conversationId"), false, false, List.of(),
                        Optional.empty())),
                List.of(),
                List.of(new SecondaryIndexDefinition("conversationId", List.of("createdAt"), Optional.empty(),
                        Optional.empty(), true, SecondaryIndexDefinition.Projection.all())),
                // Messages are written by the route's mutations only, and never change.
                List.of(DisabledOperation.CREATE, DisabledOperation.UPDATE, DisabledOperation.SUBSCRIPTIONS),
                route.rules(), Optional.empty(), Optional.empty(),
                Optional.of("A message of a conversation of route `" + route.name() + "`."));
    }

    private static CustomTypeDefinition responseInput(ConversationDefinition route, Names names) {
        return type(Names.upperFirst(names.assistantResponseMutation(route.name())),
                "The assistant's answer to a message.",
                field("conversationId", FieldType.required(TypeRef.scalar(ScalarType.ID))),
                field("associatedUserMessageId", FieldType.required(TypeRef.scalar(ScalarType.ID))),
                field("content", new FieldType(custom(CONTENT_BLOCK), true, false, false)));
    }

    private static CustomTypeDefinition streamInput(ConversationDefinition route, Names names) {
        return type(Names.upperFirst(names.assistantResponseStreamMutation(route.name())),
                "A part of the assistant's answer as it is streamed.",
                field("conversationId", FieldType.required(TypeRef.scalar(ScalarType.ID))),
                field("associatedUserMessageId", FieldType.required(TypeRef.scalar(ScalarType.ID))),
                field("contentBlockIndex", FieldType.of(integer())),
                field("contentBlockText", FieldType.of(string())),
                field("contentBlockDeltaIndex", FieldType.of(integer())),
                field("contentBlockDoneAtIndex", FieldType.of(integer())),
                field("contentBlockToolUse", FieldType.of(custom(TOOL_USE_BLOCK))),
                field("stopReason", FieldType.of(string())),
                field("errors", new FieldType(custom(TURN_ERROR), true, false, false)));
    }

    private static List<CustomOperation> operations(ConversationDefinition route, Names names) {
        String messageModel = names.conversationMessageModel(route.name());
        FieldType message = FieldType.of(new TypeRef.Model(messageModel));
        FieldType streamPart = FieldType.of(custom(STREAM_PART));
        String responseMutation = names.assistantResponseMutation(route.name());
        String streamMutation = names.assistantResponseStreamMutation(route.name());
        CustomOperation send = new CustomOperation(route.name(), CustomOperation.Type.MUTATION,
                List.of(argument("conversationId", FieldType.required(TypeRef.scalar(ScalarType.ID))),
                        argument("content", new FieldType(custom(CONTENT_BLOCK), true, true, true)),
                        argument("aiContext", FieldType.of(TypeRef.scalar(ScalarType.JSON)))),
                Optional.of(message), List.of(), route.rules(), List.of(),
                Optional.of(route.description().orElse("Sends a message to a conversation of route `" + route.name()
                        + "`; the answer streams to " + names.assistantResponseSubscription(route.name()) + ".")));
        CustomOperation response = new CustomOperation(responseMutation, CustomOperation.Type.MUTATION,
                List.of(argument("input", FieldType.required(custom(Names.upperFirst(responseMutation))))),
                Optional.of(message), List.of(), route.rules(), List.of(),
                Optional.of("Saves the assistant's answer (called by the conversation handler)."));
        CustomOperation stream = new CustomOperation(streamMutation, CustomOperation.Type.MUTATION,
                List.of(argument("input", FieldType.required(custom(Names.upperFirst(streamMutation))))),
                Optional.of(streamPart), List.of(), route.rules(), List.of(),
                Optional.of("Publishes a part of the assistant's answer (called by the conversation handler)."));
        CustomOperation subscription = new CustomOperation(names.assistantResponseSubscription(route.name()),
                CustomOperation.Type.SUBSCRIPTION,
                List.of(argument("conversationId", FieldType.of(TypeRef.scalar(ScalarType.ID)))),
                Optional.of(streamPart), List.of(), route.rules(),
                List.of(new CustomOperation.SubscriptionSource.Mutation(streamMutation)),
                Optional.of("The assistant's answers of the caller's conversations, as they stream."));
        return List.of(send, response, stream, subscription);
    }

    private static CustomOperation.Argument argument(String name, FieldType type) {
        return new CustomOperation.Argument(name, type, Optional.empty());
    }

    private static CustomTypeDefinition type(String name, String description, FieldDefinition... fields) {
        return new CustomTypeDefinition(name, List.of(fields), Optional.of(description));
    }

    private static FieldDefinition field(String name, FieldType type) {
        return FieldDefinition.of(name, type);
    }

    private static TypeRef string() {
        return TypeRef.scalar(ScalarType.STRING);
    }

    private static TypeRef integer() {
        return TypeRef.scalar(ScalarType.INT);
    }

    private static TypeRef custom(String name) {
        return new TypeRef.CustomType(name);
    }
}
