package io.amplify4j.client.ai;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.auth.AuthProviders;
import io.amplify4j.client.function.FunctionEnvironment;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Lambda handler of a conversation route: answers one user message. The route's send-message mutation saves
 * the user's message and invokes this handler (as an asynchronous event, see {@link ConversationEvent}); the
 * handler then
 *
 * <ol>
 *   <li>loads the conversation's history with the route's {@code messageHistoryQuery},</li>
 *   <li>calls Bedrock's {@code ConverseStream} with the route's model, system prompt, inference configuration, the
 *       history and the tools,</li>
 *   <li>publishes every text delta through the route's {@code streamMutation} ({@code contentBlockIndex},
 *       {@code contentBlockDeltaIndex}, {@code contentBlockText}; then {@code contentBlockDoneAtIndex} when a block
 *       ends), which the app receives on the route's subscription,</li>
 *   <li>runs the tools the model asks for (a tool's GraphQL query with the tool input as variables), feeds the
 *       results back and calls the model again, up to {@link #maxTurns()} times,</li>
 *   <li>saves the assistant's message with the route's {@code responseMutation}, then publishes the stop
 *       reason.</li>
 * </ol>
 *
 * <p>Every API call is made with the caller's own {@code Authorization} header, so owner rules apply to the
 * history it reads, the tools it runs and the messages it writes: the handler can do nothing the user could not.
 * A failure (Bedrock refusing, a tool's query failing badly, the API refusing) is published as a stream part with
 * {@code errors}, so the app sees it; only when even that cannot be published does the invocation fail.
 *
 * <p>Configuration comes from the function's environment: the API endpoint from the one {@code <api>_GRAPHQL_ENDPOINT}
 * variable (set when the function has data access, which the conversation route grants its handler), Bedrock's
 * endpoint from {@value BedrockRuntime#ENDPOINT_VARIABLE} or {@code AWS_REGION}, credentials from Lambda's
 * variables or the default chain.
 *
 * <p>Subclass it to add tools written in Java ({@link #extraTools}), change the system prompt per message
 * ({@link #systemPrompt}) or the turn limit ({@link #maxTurns}); declare the subclass as the route's handler
 * function ({@code data.conversation("chat").handler(fn)}).
 */
public class ConversationHandler implements RequestHandler<Map<String, Object>, Object> {
    /** Model calls per user message when the model keeps asking for tools. */
    public static final int DEFAULT_MAX_TURNS = 10;

    private static final String ENDPOINT_SUFFIX = "_GRAPHQL_ENDPOINT";
    /** The sandbox's record of the running function's environment variables. */
    private static final String SANDBOX_ENVIRONMENT = "io.amplify4j.sandbox.function.LambdaEnvironment";

    private final Supplier<Map<String, String>> environment;
    private final FunctionEnvironment variables;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The handler Lambda makes: it reads the process's environment, or, when it runs inside an Amplify4j sandbox
     * (whose functions share one process), the running function's environment as the sandbox keeps it.
     */
    public ConversationHandler() {
        this(processEnvironment());
    }

    /**
     * {@code System.getenv()}, unless the sandbox's per-function environment is reachable: the sandbox runs functions
     * in its own process, so the function's variables are not the process's. Found by name, since amplify-client
     * does not depend on the sandbox; in Lambda the class does not exist.
     */
    private static Supplier<Map<String, String>> processEnvironment() {
        try {
            Class<?> sandbox = Class.forName(SANDBOX_ENVIRONMENT, false, ConversationHandler.class.getClassLoader());
            java.lang.reflect.Method getenv = sandbox.getMethod("getenv");
            return () -> {
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, String> environment = (Map<String, String>) getenv.invoke(null);
                    return environment;
                } catch (ReflectiveOperationException e) {
                    return System.getenv();
                }
            };
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return System::getenv;
        }
    }

    /**
     * A handler reading its environment from {@code environment}, asked at every invocation on the invocation's
     * thread: for tests, and for running the handler as a sandbox stand-in, whose environment is not the
     * process's.
     */
    public ConversationHandler(Supplier<Map<String, String>> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.variables = FunctionEnvironment.of(name -> this.environment.get().get(name));
    }

    @Override
    public Object handleRequest(Map<String, Object> input, Context context) {
        Consumer<String> log = context == null || context.getLogger() == null ? System.err::println
                : context.getLogger()::log;
        ConversationEvent event = ConversationEvent.from(mapper.valueToTree(input));
        BedrockRuntime bedrock = BedrockRuntime.builderFromEnvironment(name -> variables.findValue(name)
                .orElse(null)).httpClient(http).build();
        try (GraphQLClient graphql = GraphQLClient.builder()
                .endpoint(variables.value(graphqlEndpointVariable(event)))
                .auth(AuthProviders.userPool(event.authorization()))
                .httpClient(http)
                .requestTimeout(Duration.ofSeconds(30))
                .build()) {
            return new ConversationTurn(event, graphql, bedrock, mapper, systemPrompt(event), extraTools(event),
                    maxTurns(), log).run();
        }
    }

    /**
     * The environment variable holding the API's endpoint: by default the only {@code <api>_GRAPHQL_ENDPOINT}
     * variable of the function. Override it when the function has access to several APIs.
     */
    protected String graphqlEndpointVariable(ConversationEvent event) {
        List<String> names = environment.get().keySet().stream().filter(n -> n.endsWith(ENDPOINT_SUFFIX)).sorted()
                .toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        throw new IllegalStateException(names.isEmpty()
                ? "The conversation handler of route `" + event.route().name() + "` has no <api>" + ENDPOINT_SUFFIX
                        + " variable: the function needs data access to the API (the conversation route grants it"
                        + " to its handler function; redeploy or restart the sandbox)."
                : "The conversation handler of route `" + event.route().name() + "` sees several API endpoints "
                        + names + ": override graphqlEndpointVariable(event) to choose one.");
    }

    /**
     * The system prompt for this message: by default the route's, followed by the message's {@code aiContext}
     * (JSON the app sent along with the message, such as what the user is looking at) when there is one.
     */
    protected String systemPrompt(ConversationEvent event) {
        String prompt = event.route().systemPrompt();
        if (event.aiContext().isEmpty()) {
            return prompt;
        }
        JsonNode context = ConversationHistory.json(event.aiContext().get(), mapper);
        return prompt + (prompt.isBlank() ? "" : "\n\n") + "Context from the application (JSON): " + context;
    }

    /** Tools written in Java to offer the model besides the route's own; none by default. */
    protected List<ExecutableTool> extraTools(ConversationEvent event) {
        return List.of();
    }

    /** How many times the model may be called for one message; {@value #DEFAULT_MAX_TURNS} by default. */
    protected int maxTurns() {
        return DEFAULT_MAX_TURNS;
    }
}
