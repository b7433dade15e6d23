package io.amplify4j.sandbox.ai;

import io.amplify4j.model.data.ConversationDefinition;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.DataDefinition;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** What the sandbox needs to know about a definition's AI routes. */
public final class AiRoutes {
    private AiRoutes() {}

    /**
     * The Bedrock model ids every AI route of {@code data} names (generation and conversation routes), sorted: what
     * the sandbox's Bedrock serves, as the deployed roles allow only these. Empty when there are no AI routes.
     */
    public static Set<String> modelIds(DataDefinition data) {
        Set<String> ids = new TreeSet<>();
        for (CustomOperation operation : data.operations()) {
            operation.generation().ifPresent(generation -> ids.add(generation.aiModel().bedrockModelId()));
        }
        for (ConversationDefinition conversation : data.conversations()) {
            ids.add(conversation.aiModel().bedrockModelId());
        }
        return Collections.unmodifiableSet(ids);
    }
}
