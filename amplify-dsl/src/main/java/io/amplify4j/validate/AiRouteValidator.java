package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;

import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.ConversationDefinition;
import io.amplify4j.model.data.ConversationTool;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.CustomTypeDefinition;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.DisabledOperation;
import io.amplify4j.model.data.EnumDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.InferenceConfiguration;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.TypeRef;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.FunctionDefinition;
import io.amplify4j.plan.AiRoutes;
import io.amplify4j.plan.ConversationPlan;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.JsonSchemas;
import io.amplify4j.plan.Names;
import io.amplify4j.plan.resolver.ModuleSource;
import io.amplify4j.plan.resolver.PipelineFunctionPlan;
import io.amplify4j.plan.resolver.ResolverPlan;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * AI routes: generation routes (places {@code data.operations.<route>...}; the rules, arguments and return type are
 * also checked as those of any custom query) and conversation routes (places {@code data.conversations.<route>},
 * {@code ...systemPrompt}, {@code ...inferenceConfiguration.maxTokens}, {@code ...rules[0]}, {@code ...tools[0]},
 * {@code ...handlerFunction}).
 */
final class AiRouteValidator {
    /** Bedrock's tool name rule. */
    static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private static final Names NAMES = Names.DEFAULT;

    /** AppSync's limit on the code of one resolver or function. */
    static final int MAX_CODE_LENGTH = 32_768;

    private AiRouteValidator() {}

    static void check(Context ctx, DataDefinition data) {
        check(ctx, data, AiRoutes::locate);
    }

    /** As {@link #check(Context, DataDefinition)}, finding the default handler class with {@code locator}. */
    static void check(Context ctx, DataDefinition data, Function<String, Optional<String>> locator) {
        for (CustomOperation operation : data.operations()) {
            operation.generation().ifPresent(g -> checkGeneration(ctx, data, operation, g));
        }
        Set<String> routeNames = new HashSet<>();
        boolean namesValid = true;
        for (ConversationDefinition route : data.conversations()) {
            String place = "data.conversations." + route.name();
            if (!NameRules.checkGraphqlName(ctx, place, "Conversation route", route.name())) {
                namesValid = false;
            } else if (!routeNames.add(route.name())) {
                ctx.addf(place, "Conversation route %s is declared more than once. Rename one of them.",
                        q(route.name()));
                namesValid = false;
            }
            checkConversation(ctx, data, route, place, locator);
        }
        if (namesValid && !data.conversations().isEmpty()) {
            checkGeneratedNames(ctx, data);
        }
        boolean anyRoute = !data.conversations().isEmpty()
                || data.operations().stream().anyMatch(o -> o.generation().isPresent());
        if (anyRoute && ctx.problems.isEmpty()) {
            checkCodeSizes(ctx, DataPlan.of(data, ctx.backend.name(), NAMES));
        }
    }

    /**
     * AppSync takes at most {@value #MAX_CODE_LENGTH} characters of code per resolver or function; a route's tools
     * (schemas and documents) and a generation route's output schema travel in its code. Checked on the planned
     * modules, once the definition is otherwise valid.
     */
    private static void checkCodeSizes(Context ctx, DataPlan plan) {
        for (ResolverPlan resolver : plan.resolvers()) {
            Optional<String> route = routeOf(plan, resolver);
            if (route.isEmpty()) {
                continue;
            }
            List<String[]> modules = new java.util.ArrayList<>();
            modules.add(new String[] {"its resolver", resolver.code()});
            for (PipelineFunctionPlan function : resolver.functions()) {
                if (function.source() instanceof ModuleSource.Generated generated) {
                    modules.add(new String[] {"function " + q(function.name()), generated.code()});
                }
            }
            for (String[] module : modules) {
                if (module[1].length() > MAX_CODE_LENGTH) {
                    boolean generation = route.get().startsWith("data.operations.");
                    ctx.addf(route.get(), "The code of %s for %s has %d characters, over AppSync's limit of %d. %s",
                            module[0], q(resolver.coordinate()), module[1].length(), MAX_CODE_LENGTH, generation
                                    ? "Return a smaller type."
                                    : "Offer fewer tools, or tools on models and queries with fewer fields.");
                }
            }
        }
    }

    /** The place of the AI route a resolver belongs to, if any. */
    private static Optional<String> routeOf(DataPlan plan, ResolverPlan resolver) {
        Optional<CustomOperation> operation = plan.definition().operation(resolver.fieldName())
                .filter(o -> o.type().rootTypeName().equals(resolver.typeName()));
        if (operation.isPresent() && operation.get().generation().isPresent()) {
            return Optional.of("data.operations." + resolver.fieldName());
        }
        for (ConversationPlan conversation : plan.conversations()) {
            if (List.of(conversation.route(), conversation.responseMutation(), conversation.streamMutation(),
                    conversation.subscription()).contains(resolver.fieldName())) {
                return Optional.of("data.conversations." + conversation.route());
            }
        }
        return Optional.empty();
    }

    // ---- generation routes -------------------------------------------------------------------------------

    private static void checkGeneration(Context ctx, DataDefinition data, CustomOperation operation,
            CustomOperation.Handler.Generation generation) {
        String place = "data.operations." + operation.name();
        String route = "Generation route " + q(operation.name());
        if (operation.type() != CustomOperation.Type.QUERY) {
            ctx.addf(place, "%s is a %s, but generation routes are queries. Declare it with data.generation(...).",
                    route, operation.type().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (operation.handlers().size() > 1) {
            ctx.addf(place, "%s has %d handlers, but Bedrock answers a generation route: it takes no other handler. "
                    + "Remove the other handlers.", route, operation.handlers().size());
        }
        checkPrompt(ctx, place, route, generation.systemPrompt());
        checkInference(ctx, place, route, generation.inference());
        operation.returns().ifPresent(returns -> {
            if (returns.base() instanceof TypeRef.Model model) {
                ctx.addf(place + ".returns", "%s returns model %s, but the model's answer is not a stored item: a "
                        + "generation route returns a custom type, an enum or a scalar. Return a custom type with the "
                        + "fields you need.", route, q(model.name()));
            } else if (declared(data, returns)) {
                new JsonSchemas(data).cycle(returns).ifPresent(type -> ctx.addf(place + ".returns", "%s returns "
                        + "custom type %s, which contains itself, but structured output needs a finite JSON schema. "
                        + "Return a type without the cycle.", route, q(type)));
            }
        });
        for (CustomOperation.Argument argument : operation.arguments()) {
            if (declared(data, argument.type())) {
                new JsonSchemas(data).cycle(argument.type()).ifPresent(type -> ctx.addf(place + ".arguments."
                        + argument.name(), "Argument %s of %s is custom type %s, which contains itself. Use a type "
                        + "without the cycle.", q(argument.name()), route, q(type)));
            }
        }
    }

    /** True when every custom type and enum the type names is declared (else the reference check reports it). */
    private static boolean declared(DataDefinition data, FieldType type) {
        if (type.base() instanceof TypeRef.CustomType custom) {
            return data.customType(custom.name()).isPresent();
        }
        return !(type.base() instanceof TypeRef.EnumType e) || data.enumType(e.name()).isPresent();
    }

    private static void checkPrompt(Context ctx, String place, String route, String prompt) {
        if (prompt.isBlank()) {
            ctx.addf(place + ".systemPrompt", "%s has no system prompt. Tell the model what to do with "
                    + "systemPrompt(...).", route);
        }
    }

    private static void checkInference(Context ctx, String place, String route, InferenceConfiguration inference) {
        String base = place + ".inferenceConfiguration.";
        inference.maxTokens().filter(v -> v < 1).ifPresent(v -> ctx.addf(base + "maxTokens",
                "maxTokens of %s must be at least 1; got %d. Use a positive number of tokens.", route, v));
        inference.temperature().filter(v -> !(v >= 0 && v <= 1)).ifPresent(v -> ctx.addf(base + "temperature",
                "temperature of %s must be between 0 and 1; got %s. Use a value from 0 to 1.", route, v));
        inference.topP().filter(v -> !(v >= 0 && v <= 1)).ifPresent(v -> ctx.addf(base + "topP",
                "topP of %s must be between 0 and 1; got %s. Use a value from 0 to 1.", route, v));
    }

    // ---- conversation routes -----------------------------------------------------------------------------

    private static void checkConversation(Context ctx, DataDefinition data, ConversationDefinition route,
            String place, Function<String, Optional<String>> locator) {
        String label = "Conversation route " + q(route.name());
        checkPrompt(ctx, place, label, route.systemPrompt());
        checkInference(ctx, place, label, route.inference());
        checkRules(ctx, data, route, place, label);
        checkTools(ctx, data, route, place, label);
        checkHandler(ctx, route, place, label, locator);
    }

    private static void checkRules(Context ctx, DataDefinition data, ConversationDefinition route, String place,
            String label) {
        if (route.rules().isEmpty()) {
            ctx.addf(place, "%s has no authorization rule. Conversations belong to their owner: add "
                    + "authorization(allow -> List.of(allow.owner())).", label);
            return;
        }
        AuthRuleValidator.checkAll(ctx, data, place, "conversation route " + q(route.name()), route.rules(),
                AuthRuleValidator.Scope.MODEL, false);
        for (int i = 0; i < route.rules().size(); i++) {
            AuthRule rule = route.rules().get(i);
            String rulePlace = place + ".rules[" + i + "]";
            if (!(rule instanceof AuthRule.Owner owner)) {
                ctx.addf(rulePlace, "Rule %s on %s is not allowed: conversations belong to their owner, so owner() is "
                        + "the only rule. Use allow.owner().", q(AuthRuleValidator.ruleName(rule)),
                        "conversation route " + q(route.name()));
                continue;
            }
            if (owner.multiple() || !owner.field().equals(AuthRule.Owner.DEFAULT_FIELD)
                    || owner.provider() != AuthProvider.USER_POOLS || !owner.operations().isEmpty()
                    || owner.allowOwnerTransfer()) {
                ctx.addf(rulePlace, "Rule %s on conversation route %s must be a plain owner rule: the %s field, one "
                        + "user-pool owner, all operations, no owner transfer. Use allow.owner().",
                        q(AuthRuleValidator.ruleName(rule)), q(route.name()), q(AuthRule.Owner.DEFAULT_FIELD));
            }
        }
    }

    private static void checkTools(Context ctx, DataDefinition data, ConversationDefinition route, String place,
            String label) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < route.tools().size(); i++) {
            ConversationTool tool = route.tools().get(i);
            String toolPlace = place + ".tools[" + i + "]";
            if (!TOOL_NAME.matcher(tool.name()).matches()) {
                ctx.addf(toolPlace, "Tool name %s of %s is invalid: Bedrock takes 1 to 64 letters, digits, `_` or "
                        + "`-`. Rename the tool.", q(tool.name()), label);
            } else if (!names.add(tool.name())) {
                ctx.addf(toolPlace, "Tool %s of %s is declared more than once. Give each tool its own name.",
                        q(tool.name()), label);
            }
            if (tool.description().isBlank()) {
                ctx.addf(toolPlace, "Tool %s of %s has no description; the model reads it to decide when to use the "
                        + "tool. Describe what the tool does.", q(tool.name()), label);
            }
            if (tool.target() instanceof ConversationTool.Target.Query query) {
                Optional<CustomOperation> operation = data.operation(query.operation());
                if (operation.isEmpty() || operation.get().type() != CustomOperation.Type.QUERY) {
                    ctx.addf(toolPlace, "Tool %s of %s runs %s, which is not a custom query of this backend. Name a "
                            + "custom query.", q(tool.name()), label, q(query.operation()));
                } else {
                    for (CustomOperation.Argument argument : operation.get().arguments()) {
                        if (declared(data, argument.type())) {
                            new JsonSchemas(data).cycle(argument.type()).ifPresent(type -> ctx.addf(toolPlace,
                                    "Tool %s of %s runs %s, whose argument %s is custom type %s, which contains "
                                    + "itself: the tool's input needs a finite JSON schema. Use another query.",
                                    q(tool.name()), label, q(query.operation()), q(argument.name()), q(type)));
                        }
                    }
                }
            } else if (tool.target() instanceof ConversationTool.Target.ModelList list) {
                Optional<ModelDefinition> model = data.model(list.model());
                if (model.isEmpty()) {
                    ctx.addf(toolPlace, "Tool %s of %s lists model %s, which is not defined. Declare the model or fix "
                            + "the name.", q(tool.name()), label, q(list.model()));
                } else if (model.get().disabledOperations().contains(DisabledOperation.QUERIES)
                        || model.get().disabledOperations().contains(DisabledOperation.LIST)) {
                    ctx.addf(toolPlace, "Tool %s of %s lists model %s, which disables its list operation. Enable the "
                            + "list operation or use another tool.", q(tool.name()), label, q(list.model()));
                }
            }
        }
    }

    private static void checkHandler(Context ctx, ConversationDefinition route, String place, String label,
            Function<String, Optional<String>> locator) {
        String handlerPlace = place + ".handlerFunction";
        if (route.handlerFunction().isPresent()) {
            String name = route.handlerFunction().get();
            Optional<FunctionDefinition> function = ctx.function(name);
            if (function.isEmpty()) {
                ctx.addf(handlerPlace, "Handler function %s of %s is not defined. Define the function or fix the "
                        + "name.", q(name), label);
            } else if (!(function.get().code() instanceof FunctionCode.Java)) {
                ctx.addf(handlerPlace, "Handler function %s of %s is not a Java function; conversation handlers run "
                        + "in Java. Give it a Java handler (such as %s), or leave handler(...) out to use the "
                        + "default one.", q(name), label, q(AiRoutes.DEFAULT_HANDLER_CLASS));
            }
            return;
        }
        String name = NAMES.conversationHandlerFunction(route.name());
        if (ctx.hasFunction(name)) {
            ctx.addf(handlerPlace, "%s adds its default handler function %s, but the backend already defines a "
                    + "function of that name. Pass that function with handler(fn), or rename it.", label, q(name));
        }
        if (locator.apply(AiRoutes.DEFAULT_HANDLER_CLASS).isEmpty()) {
            ctx.addf(handlerPlace, "%s has no handler function, and the default handler %s is not on the class path. "
                    + "Add amplify-client to the class path (and to the functions' jar), or declare the route's "
                    + "handler with handler(fn).", label, q(AiRoutes.DEFAULT_HANDLER_CLASS));
        }
    }

    // ---- names the routes add ----------------------------------------------------------------------------

    /**
     * The types and operations the routes expand into must not collide with the definition's own names (declared,
     * or generated for its models), nor with each other's. A route's models, input types and operations are its
     * own; the shared types and enum are checked once. Names derived from an expanded model (its inputs and
     * operations) are checked against declared names only, and not at all when the model's own name collides.
     */
    private static void checkGeneratedNames(Context ctx, DataDefinition data) {
        Map<String, String> declaredTypes = new LinkedHashMap<>();
        data.models().forEach(m -> declaredTypes.put(m.name(), "model " + q(m.name())));
        data.enums().forEach(e -> declaredTypes.put(e.name(), "enum " + q(e.name())));
        data.customTypes().forEach(t -> declaredTypes.put(t.name(), "custom type " + q(t.name())));
        Map<String, String> existingTypes = new LinkedHashMap<>(declaredTypes);
        NameRules.generatedTypeNames(data).forEach(existingTypes::putIfAbsent);
        Map<String, String> declaredOperations = new LinkedHashMap<>();
        data.operations().forEach(o -> declaredOperations.put(o.name(), "custom operation " + q(o.name())));
        Map<String, String> existingOperations = new LinkedHashMap<>(declaredOperations);
        NameRules.generatedOperationNames(data).forEach(existingOperations::putIfAbsent);
        Map<String, String> added = new LinkedHashMap<>();
        boolean first = true;
        for (ConversationDefinition route : data.conversations()) {
            String place = "data.conversations." + route.name();
            String label = "Conversation route " + q(route.name());
            DataDefinition alone = new DataDefinition(data.name(), data.authorizationModes(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of(route));
            DataDefinition expanded = AiRoutes.expandData(alone, NAMES);
            Set<String> shared = new HashSet<>();
            AiRoutes.sharedTypes().forEach(t -> shared.add(t.name()));
            shared.add(AiRoutes.ROLE_ENUM);
            Set<String> collidedModels = new HashSet<>();
            for (ModelDefinition model : expanded.models()) {
                if (own(ctx, place, label, "model", model.name(), existingTypes, added, route)) {
                    collidedModels.add(model.name());
                }
            }
            for (CustomTypeDefinition type : expanded.customTypes()) {
                if (!shared.contains(type.name())) {
                    own(ctx, place, label, "type", type.name(), existingTypes, added, route);
                } else if (first && existingTypes.containsKey(type.name())) {
                    collides(ctx, place, label, "type", type.name(), existingTypes.get(type.name()));
                }
            }
            if (first && existingTypes.containsKey(AiRoutes.ROLE_ENUM)) {
                collides(ctx, place, label, "enum", AiRoutes.ROLE_ENUM, existingTypes.get(AiRoutes.ROLE_ENUM));
            }
            NameRules.generatedTypeNames(expanded).forEach((name, origin) -> {
                if (declaredTypes.containsKey(name) && !collidedModels.stream().anyMatch(m -> origin.contains(q(m)))) {
                    collides(ctx, place, label, "type", name, declaredTypes.get(name));
                }
            });
            for (CustomOperation operation : expanded.operations()) {
                if (existingOperations.containsKey(operation.name())) {
                    collides(ctx, place, label, "operation", operation.name(),
                            existingOperations.get(operation.name()));
                }
                String other = added.putIfAbsent("operation:" + operation.name(), route.name());
                if (other != null) {
                    ctx.addf(place, "Conversation routes %s and %s both generate the operation %s. Rename one of the "
                            + "routes.", q(other), q(route.name()), q(operation.name()));
                }
            }
            NameRules.generatedOperationNames(expanded).forEach((name, origin) -> {
                if (declaredOperations.containsKey(name) && !collidedModels.stream().anyMatch(m -> origin.contains(q(m)))) {
                    collides(ctx, place, label, "operation", name, declaredOperations.get(name));
                }
            });
            first = false;
        }
    }

    /** Checks a name only this route generates; true when it collides with an existing one. */
    private static boolean own(Context ctx, String place, String label, String kind, String name,
            Map<String, String> existing, Map<String, String> added, ConversationDefinition route) {
        String other = added.putIfAbsent("type:" + name, route.name());
        if (other != null) {
            ctx.addf(place, "Conversation routes %s and %s both generate the %s %s. Rename one of the routes.",
                    q(other), q(route.name()), kind, q(name));
        }
        if (existing.containsKey(name)) {
            collides(ctx, place, label, kind, name, existing.get(name));
            return true;
        }
        return false;
    }

    private static void collides(Context ctx, String place, String label, String kind, String name, String existing) {
        ctx.addf(place, "%s generates the %s %s, which collides with %s. Rename one of them.", label, kind, q(name),
                existing);
    }
}
