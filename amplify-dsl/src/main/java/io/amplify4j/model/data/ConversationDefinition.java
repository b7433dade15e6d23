package io.amplify4j.model.data;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation route: a chat with a Bedrock model, kept per owner. The plan expands it into ordinary models
 * ({@code Conversation<Route>}, {@code ConversationMessage<Route>}), operations (the send-message mutation, the
 * assistant-response and stream mutations, the subscription), and the handler function's access to the API.
 *
 * @param name the route's name: the send-message mutation's name, for example {@code chat}
 * @param aiModel the model the handler calls
 * @param systemPrompt the system prompt of every turn
 * @param inference the inference parameters
 * @param tools the tools the model may call, in declaration order
 * @param handlerFunction the function that runs a turn; absent means the default handler function the plan adds
 *     ({@code <route>ConversationHandler}, running {@code io.amplify4j.client.ai.ConversationHandler})
 * @param rules the route's rules: owner rules only (each conversation belongs to the user who created it)
 * @param description documentation carried into generated clients
 */
public record ConversationDefinition(
        String name,
        AiModel aiModel,
        String systemPrompt,
        InferenceConfiguration inference,
        List<ConversationTool> tools,
        Optional<String> handlerFunction,
        List<AuthRule> rules,
        Optional<String> description) {

    public ConversationDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(aiModel, "aiModel");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(inference, "inference");
        tools = Canonical.list(tools);
        Objects.requireNonNull(handlerFunction, "handlerFunction");
        rules = Canonical.list(rules);
        Objects.requireNonNull(description, "description");
    }
}
