package io.amplify4j.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.model.data.AiModel;
import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.ConversationDefinition;
import io.amplify4j.model.data.ConversationTool;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.InferenceConfiguration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Generation and conversation routes become the model's records as declared. */
class AiRoutesDslTest {
    private final DataDefinition data = new AiBackend().define().data().orElseThrow();

    @Test
    void generationRouteIsAQueryWithOneGenerationHandler() {
        CustomOperation describe = data.operation("describeProduct").orElseThrow();
        assertThat(describe.type()).isEqualTo(CustomOperation.Type.QUERY);
        assertThat(describe.handlers()).containsExactly(new CustomOperation.Handler.Generation(
                AiModel.CLAUDE_3_5_HAIKU, "You write short, honest product descriptions.",
                new InferenceConfiguration(Optional.of(500), Optional.of(0.3), Optional.empty())));
        assertThat(describe.generation()).isPresent();
        assertThat(describe.returns().orElseThrow().graphql()).isEqualTo("ProductDescription");
        assertThat(describe.arguments()).extracting(a -> a.name() + ": " + a.type().graphql())
                .containsExactly("name: String!", "features: [String!]");
        assertThat(data.operation("summarize").orElseThrow().generation().orElseThrow().inference())
                .isEqualTo(InferenceConfiguration.none());
        assertThat(data.operation("recommendProducts").orElseThrow().generation()).isEmpty();
    }

    @Test
    void conversationRouteKeepsToolsHandlerAndOwnerRule() {
        ConversationDefinition chat = data.conversation("chat").orElseThrow();
        assertThat(chat.aiModel()).isEqualTo(AiModel.CLAUDE_3_5_SONNET);
        assertThat(chat.inference()).isEqualTo(
                new InferenceConfiguration(Optional.of(1000), Optional.empty(), Optional.of(0.9)));
        assertThat(chat.tools()).containsExactly(
                new ConversationTool("listProducts", "Lists the products of the catalogue.",
                        new ConversationTool.Target.ModelList("Product")),
                new ConversationTool("recommend", "Recommends products of a category.",
                        new ConversationTool.Target.Query("recommendProducts")));
        assertThat(chat.handlerFunction()).contains("chatHandler");
        assertThat(chat.rules()).containsExactly(new AuthRule.Owner("owner", false, "sub::username",
                AuthProvider.USER_POOLS, false, List.of()));
        assertThat(chat.description()).contains("Chat with the shop's assistant.");
    }

    @Test
    void withoutHandlerTheRouteNamesNoFunction() {
        BackendBuilder backend = Backend.builder("b");
        backend.data().conversation("chat", c -> c.aiModel(AiModel.AMAZON_NOVA_PRO).systemPrompt("Hi."));
        ConversationDefinition chat = new DataBuilderAccess(backend).conversation("chat");
        assertThat(chat.handlerFunction()).isEmpty();
        assertThat(chat.rules()).isEmpty();
    }

    @Test
    void modelsMapFriendlyNamesToBedrockIds() {
        assertThat(AiModel.CLAUDE_3_5_HAIKU.friendlyName()).isEqualTo("Claude 3.5 Haiku");
        assertThat(AiModel.CLAUDE_3_5_HAIKU.bedrockModelId()).isEqualTo("anthropic.claude-3-5-haiku-20241022-v1:0");
        assertThat(AiModel.CLAUDE_3_5_HAIKU.inferenceProfile()).isFalse();
        assertThat(AiModel.CLAUDE_3_5_HAIKU.foundationModelId()).isEqualTo(AiModel.CLAUDE_3_5_HAIKU.bedrockModelId());
        assertThat(AiModel.US_CLAUDE_3_7_SONNET.bedrockModelId())
                .isEqualTo("us.anthropic.claude-3-7-sonnet-20250219-v1:0");
        assertThat(AiModel.US_CLAUDE_3_7_SONNET.inferenceProfile()).isTrue();
        assertThat(AiModel.US_CLAUDE_3_7_SONNET.foundationModelId())
                .isEqualTo("anthropic.claude-3-7-sonnet-20250219-v1:0");
        assertThat(AiModel.GLOBAL_CLAUDE_SONNET_4_5.foundationModelId())
                .isEqualTo("anthropic.claude-sonnet-4-5-20250929-v1:0");
        assertThat(AiModel.byFriendlyName("Cohere Command R+")).contains(AiModel.COHERE_COMMAND_R_PLUS);
        assertThat(java.util.Arrays.stream(AiModel.values()).map(AiModel::friendlyName).distinct().count())
                .isEqualTo(AiModel.values().length);
        assertThat(java.util.Arrays.stream(AiModel.values()).map(AiModel::bedrockModelId).distinct().count())
                .isEqualTo(AiModel.values().length);
    }

    @Test
    void aiRoutesSurviveTheManifest() {
        io.amplify4j.model.BackendModel model = new AiBackend().define();
        String json = io.amplify4j.manifest.Manifest.of(model).toJson();
        assertThat(json).contains("\"kind\" : \"generation\"", "\"aiModel\" : \"CLAUDE_3_5_HAIKU\"",
                "\"kind\" : \"modelList\"");
        assertThat(io.amplify4j.manifest.Manifest.fromJson(json).backend()).isEqualTo(model);
        // Definitions without conversation routes write the manifest they wrote before AI routes existed.
        assertThat(io.amplify4j.manifest.Manifest.of(new io.amplify4j.fixtures.TodoBackend().define()).toJson())
                .doesNotContain("conversations");
    }

    /** Reads the unvalidated definition, for shapes validation would refuse. */
    private record DataBuilderAccess(BackendBuilder backend) {
        ConversationDefinition conversation(String name) {
            return backend.data().toDefinition(new io.amplify4j.validate.Problems()).conversation(name).orElseThrow();
        }
    }
}
