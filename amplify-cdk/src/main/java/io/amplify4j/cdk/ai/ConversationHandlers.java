package io.amplify4j.cdk.ai;

import io.amplify4j.model.data.AiModel;
import io.amplify4j.model.data.ConversationDefinition;
import io.amplify4j.model.data.DataDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * The functions that run conversation routes' turns, as the cloud needs them: which function handles which routes
 * and may therefore converse with which models, the checks that each is there with a role, and the Bedrock grant
 * on each handler's role ({@link BedrockGrants#converse}: its routes' models only).
 *
 * <p>Everything else a handler needs comes from the plan's expansion of the route into ordinary models, operations
 * and a function data-access grant (the API endpoint, {@code appsync:GraphQL}, the Lambda data source of the
 * send-message mutation), which {@code AmplifyData} and {@code AmplifyBackend} build like any other.
 */
public final class ConversationHandlers {

    /** A route's handler function and where the route is declared. */
    public record Handler(String route, String function) {
        /** The route's place in the definition, for messages. */
        public String place() {
            return "data.conversations." + route;
        }
    }

    private ConversationHandlers() {}

    /** The handler function of each conversation route, in declaration order. */
    public static List<Handler> handlers(DataDefinition data) {
        List<Handler> handlers = new ArrayList<>();
        for (ConversationDefinition conversation : data.conversations()) {
            handlers.add(new Handler(conversation.name(), handlerFunction(conversation)));
        }
        return handlers;
    }

    /**
     * The function that runs {@code conversation}'s turns: the one its definition names, else the default handler
     * function the plan adds for it.
     */
    public static String handlerFunction(ConversationDefinition conversation) {
        return conversation.handlerFunction().orElse(conversation.name() + "ConversationHandler");
    }

    /** The models each handler function converses with (the union over the routes it handles), by function. */
    public static Map<String, List<AiModel>> modelsByFunction(DataDefinition data) {
        Map<String, List<AiModel>> models = new TreeMap<>();
        for (ConversationDefinition conversation : data.conversations()) {
            models.computeIfAbsent(handlerFunction(conversation), f -> new ArrayList<>()).add(conversation.aiModel());
        }
        models.replaceAll((function, list) -> BedrockResources.sorted(list));
        return models;
    }

    /**
     * What is wrong with the functions given for the routes' handlers: place → problem and fix. A handler must be
     * among {@code functions} and have an execution role to grant Bedrock on.
     */
    public static Map<String, String> problems(DataDefinition data, Map<String, IFunction> functions) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Handler handler : handlers(data)) {
            IFunction function = functions.get(handler.function());
            if (function == null) {
                problems.put(handler.place(), "the conversation handler function `" + handler.function() + "` is not"
                        + " in the functions map. Pass it with AmplifyDataProps.builder(plan).function(\""
                        + handler.function() + "\", fn) (AmplifyBackend passes every function it builds).");
            } else if (function.getRole() == null) {
                problems.put(handler.place(), "the conversation handler function `" + handler.function() + "` has"
                        + " no execution role to grant Bedrock access to; use a function with a role.");
            }
        }
        return problems;
    }

    /**
     * Grants each handler function's role Converse and ConverseStream on the models of the routes it handles, one
     * policy per function under {@code scope} ({@code Bedrock<Function>}).
     */
    public static void grant(Construct scope, DataDefinition data, Map<String, IFunction> functions) {
        modelsByFunction(data).forEach((function, models) -> BedrockGrants.converse(scope,
                "Bedrock" + function.replaceAll("[^A-Za-z0-9]", ""), functions.get(function).getRole(), models));
    }
}
