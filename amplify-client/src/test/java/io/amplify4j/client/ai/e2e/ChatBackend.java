package io.amplify4j.client.ai.e2e;

import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.DataBuilder;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.AiModel;
import java.util.List;

/**
 * A conversation route whose model may list the caller's own products (owner rule only, so a tool run with the
 * wrong identity would see other users' products or none). The route has no handler of its own: it runs the
 * default {@code chatConversationHandler}, {@link io.amplify4j.client.ai.ConversationHandler}.
 */
public final class ChatBackend implements BackendDefinition {
    /** The route's model. */
    public static final AiModel MODEL = AiModel.CLAUDE_3_5_HAIKU;

    @Override
    public BackendModel define() {
        BackendBuilder backend = Backend.builder("chatty");
        backend.auth().loginWithEmail();
        DataBuilder data = backend.data();
        ModelBuilder product = data.model("Product");
        product.string("name").required();
        product.authorization(allow -> List.of(allow.owner()));
        data.conversation("chat")
                .aiModel(MODEL)
                .systemPrompt("You are the shop's assistant. Answer briefly.")
                .inferenceConfiguration(c -> c.maxTokens(300))
                .tool("listProducts", "Lists the caller's products.", product)
                .authorization(allow -> List.of(allow.owner()));
        return backend.build();
    }
}
