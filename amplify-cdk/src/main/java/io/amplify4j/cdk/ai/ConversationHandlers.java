package io.amplify4j.cdk.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.cdk.function.AmplifyFunction;
import io.amplify4j.model.data.AiModel;
import io.amplify4j.plan.ConversationPlan;
import io.amplify4j.plan.DataPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.constructs.Construct;

/**
 * The functions that run conversation routes' turns (the plan's {@link ConversationPlan#handlerFunction()}), as the
 * cloud needs them: which function handles which routes and may therefore converse with which models, the checks
 * that each is there with a role, the Bedrock grant on each handler's role ({@link BedrockGrants#converse}: its
 * routes' models only), and its log group's token masking ({@link #prepare}).
 *
 * <p>Everything else a handler needs comes from the plan's expansion of the route into ordinary models, operations
 * and a function data-access grant (the API endpoint, {@code appsync:GraphQL}, the Lambda data source of the
 * send-message mutation), which {@code AmplifyData} and {@code AmplifyBackend} build like any other.
 */
public final class ConversationHandlers {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A route's handler function and where the route is declared. */
    public record Handler(String route, String function) {
        /** The route's place in the definition, for messages. */
        public String place() {
            return "data.conversations." + route;
        }
    }

    /**
     * Handler timeouts below this draw a warning: a turn streams the model's whole answer and may run tools through
     * the API, which routinely takes tens of seconds (Amplify's own handler has 60).
     */
    public static final int MINIMUM_TIMEOUT_SECONDS = 30;

    /**
     * The masking policy of a handler's log group: the turn event carries the caller's bearer token
     * ({@code request.headers.authorization}), which must not be readable in logs if a handler logs its event.
     */
    static final String TOKEN_MASKING_POLICY = """
            {"Name":"amplify4j-conversation-handler","Description":"Masks bearer tokens (JWTs) that conversation \
            turn events carry","Version":"2021-06-01","Configuration":{"CustomDataIdentifier":[{"Name":"JwtToken",\
            "Regex":"ey[A-Za-z0-9_=-]+\\\\.[A-Za-z0-9_=-]+\\\\.?[A-Za-z0-9_.+/=-]*"}]},"Statement":[{"Sid":\
            "audit","DataIdentifier":["JwtToken"],"Operation":{"Audit":{"FindingsDestination":{}}}},{"Sid":"mask",\
            "DataIdentifier":["JwtToken"],"Operation":{"Deidentify":{"MaskConfig":{}}}}]}""";

    private ConversationHandlers() {}

    /**
     * What a function needs because it handles conversation turns, beyond its grants: a log group that masks the
     * callers' tokens, and a warning when its timeout is shorter than {@link #MINIMUM_TIMEOUT_SECONDS}.
     */
    public static void prepare(AmplifyFunction function, List<String> routes) {
        CfnLogGroup logGroup = (CfnLogGroup) function.logGroup().getNode().getDefaultChild();
        try {
            logGroup.setDataProtectionPolicy(JSON.readValue(TOKEN_MASKING_POLICY,
                    new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the token masking policy is not JSON", e);
        }
        int timeout = function.definition().timeoutSeconds();
        if (timeout < MINIMUM_TIMEOUT_SECONDS) {
            Annotations.of(function).addWarningV2("amplify4j:conversationHandlerTimeout", "functions."
                    + function.definition().name() + " runs the turns of " + routes + " but times out after "
                    + timeout + " s; a turn streams the model's answer and may run tools, so it is cut off. Set"
                    + " timeoutSeconds(60) (at least " + MINIMUM_TIMEOUT_SECONDS + ") on the function.");
        }
    }

    /** The handler function of each conversation route, in declaration order (the plan's). */
    public static List<Handler> handlers(DataPlan data) {
        List<Handler> handlers = new ArrayList<>();
        for (ConversationPlan conversation : data.conversations()) {
            handlers.add(new Handler(conversation.route(), conversation.handlerFunction()));
        }
        return handlers;
    }

    /** The routes each handler function runs, by function. */
    public static Map<String, List<String>> routesByFunction(DataPlan data) {
        Map<String, List<String>> routes = new TreeMap<>();
        for (Handler handler : handlers(data)) {
            routes.computeIfAbsent(handler.function(), f -> new ArrayList<>()).add(handler.route());
        }
        return routes;
    }

    /** The models each handler function converses with (the union over the routes it handles), by function. */
    public static Map<String, List<AiModel>> modelsByFunction(DataPlan data) {
        Map<String, List<AiModel>> models = new TreeMap<>();
        for (ConversationPlan conversation : data.conversations()) {
            models.computeIfAbsent(conversation.handlerFunction(), f -> new ArrayList<>()).add(conversation.aiModel());
        }
        models.replaceAll((function, list) -> BedrockResources.sorted(list));
        return models;
    }

    /**
     * What is wrong with the functions given for the routes' handlers: place → problem and fix. A handler must be
     * among {@code functions} and have an execution role to grant Bedrock on.
     */
    public static Map<String, String> problems(DataPlan data, Map<String, IFunction> functions) {
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
    public static void grant(Construct scope, DataPlan data, Map<String, IFunction> functions) {
        modelsByFunction(data).forEach((function, models) -> BedrockGrants.converse(scope,
                "Bedrock" + function.replaceAll("[^A-Za-z0-9]", ""), functions.get(function).getRole(), models));
    }
}
