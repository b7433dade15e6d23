package io.amplify4j.dsl;

import io.amplify4j.model.data.AiModel;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.ConversationDefinition;
import io.amplify4j.model.data.ConversationTool;
import io.amplify4j.model.data.InferenceConfiguration;
import io.amplify4j.validate.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A conversation route: a chat with a Bedrock model, kept per owner, whose turns run in a Java conversation handler
 * that may call the backend's own queries as tools. The builder is also the route's handle.
 *
 * <pre>{@code
 * data.conversation("chat")
 *     .aiModel(AiModel.CLAUDE_3_5_SONNET)
 *     .systemPrompt("You are the shop's assistant.")
 *     .tool("listProducts", "Lists the products of the catalogue", product)
 *     .tool("recommend", "Recommends products", recommendProducts)
 *     .authorization(allow -> List.of(allow.owner()));
 * }</pre>
 *
 * <p>Without {@link #handler(FunctionRef)}, turns run in a function the backend adds, {@code <route>ConversationHandler},
 * whose handler is {@code io.amplify4j.client.ai.ConversationHandler} from {@code amplify-client}.
 */
public final class ConversationBuilder implements Handle {
    private final BackendBuilder backend;
    private final String name;
    private AiModel aiModel;
    private String systemPrompt = "";
    private InferenceConfiguration inference = InferenceConfiguration.none();
    private final List<ConversationTool> tools = new ArrayList<>();
    private final List<Handle> toolHandles = new ArrayList<>();
    private FunctionRef handler;
    private Function<ConversationAllow, List<ConversationRule>> rules;
    private String description;

    ConversationBuilder(BackendBuilder backend, String name) {
        this.backend = backend;
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The route's name: the send-message mutation's name. */
    public String name() {
        return name;
    }

    /** The Bedrock model the conversation talks to. */
    public ConversationBuilder aiModel(AiModel model) {
        this.aiModel = Objects.requireNonNull(model, "model");
        return this;
    }

    /** The system prompt of every turn. */
    public ConversationBuilder systemPrompt(String prompt) {
        this.systemPrompt = Objects.requireNonNull(prompt, "prompt");
        return this;
    }

    /** Inference parameters, for example {@code c -> c.maxTokens(1000).temperature(0.5)}. */
    public ConversationBuilder inferenceConfiguration(Consumer<InferenceConfigurationBuilder> configure) {
        InferenceConfigurationBuilder builder = new InferenceConfigurationBuilder();
        configure.accept(builder);
        this.inference = builder.toModel();
        return this;
    }

    /** A tool running {@code model}'s list operation, with the caller's identity. */
    public ConversationBuilder tool(String toolName, String toolDescription, ModelBuilder model) {
        Objects.requireNonNull(model, "model");
        tools.add(new ConversationTool(Objects.requireNonNull(toolName, "toolName"),
                Objects.requireNonNull(toolDescription, "toolDescription"),
                new ConversationTool.Target.ModelList(model.name())));
        toolHandles.add(model);
        return this;
    }

    /** A tool running a custom query of this backend, with the caller's identity. */
    public ConversationBuilder tool(String toolName, String toolDescription, QueryBuilder query) {
        Objects.requireNonNull(query, "query");
        tools.add(new ConversationTool(Objects.requireNonNull(toolName, "toolName"),
                Objects.requireNonNull(toolDescription, "toolDescription"),
                new ConversationTool.Target.Query(query.name())));
        return this;
    }

    /** Runs turns in {@code function}, a Java function of this backend, instead of the default handler function. */
    public ConversationBuilder handler(FunctionRef function) {
        this.handler = Objects.requireNonNull(function, "function");
        return this;
    }

    /** The route's rules: {@code allow -> List.of(allow.owner())}. */
    public ConversationBuilder authorization(Function<ConversationAllow, List<ConversationRule>> routeRules) {
        this.rules = Objects.requireNonNull(routeRules, "routeRules");
        return this;
    }

    public ConversationBuilder description(String text) {
        this.description = Objects.requireNonNull(text, "text");
        return this;
    }

    @Override
    public BackendBuilder backend() {
        return backend;
    }

    @Override
    public String describe() {
        return "conversation route `" + name + "`";
    }

    ConversationDefinition toDefinition(Problems problems) {
        String place = "data.conversations." + name;
        toolHandles.forEach(h -> h.checkSameBackend(backend, place + ".tools", problems));
        if (handler != null) {
            handler.checkSameBackend(backend, place + ".handlerFunction", problems);
        }
        AiModel model = aiModel;
        if (model == null) {
            problems.add(place, "Conversation route `" + name + "` has no AI model. Name one with aiModel(...), for "
                    + "example aiModel(AiModel.CLAUDE_3_5_SONNET).");
            // Stands in only so the rest of the route is still checked; build() fails with the problem above.
            model = AiModel.CLAUDE_3_5_SONNET;
        }
        List<AuthRule> authRules = rules == null
                ? List.of()
                : rules.apply(new ConversationAllow()).stream().map(ConversationRule::toModel).toList();
        return new ConversationDefinition(name, model, systemPrompt, inference, tools,
                Optional.ofNullable(handler).map(FunctionRef::name), authRules, Optional.ofNullable(description));
    }
}
