package io.amplify4j.samples.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.UnauthorizedException;
import io.amplify4j.client.ai.AssistantResponse;
import io.amplify4j.client.ai.Conversation;
import io.amplify4j.client.ai.ConversationClient;
import io.amplify4j.client.ai.ConversationMessage;
import io.amplify4j.client.ai.ConversationRole;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.model.data.AiModel;
import io.amplify4j.samples.client.ai.AiApi;
import io.amplify4j.samples.client.ai.ProductDescription;
import io.amplify4j.samples.client.ai.Tone;
import io.amplify4j.sandbox.ai.RecordedModelProvider;
import io.amplify4j.sandbox.server.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client generated from the AI fixture against the sandbox, with the recorded model provider (the test double):
 * a generation route as a typed query, and a conversation through {@code api.conversations().chat()}, answered by
 * the library's own {@code ConversationHandler} as the fixture declares it (its jar is not built here, so the
 * sandbox loads the handler from the class path).
 */
class AiClientTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static RecordedModelProvider models;
    static Sandbox sandbox;
    static GraphQLClient ana;
    static GraphQLClient ben;

    @BeforeAll
    static void start() throws Exception {
        models = RecordedModelProvider.builder()
                .converse(AiModel.CLAUDE_3_5_HAIKU.bedrockModelId(), RecordedModelProvider.toolUse(
                        "structured_output", Map.of("headline", "A kettle that sings", "body", "Boils fast.",
                                "keywords", List.of("kettle", "steel"), "tone", "PLAYFUL", "words", 5)))
                .converseStream(AiModel.CLAUDE_3_5_SONNET.bedrockModelId(), List.of(
                        JSON.readTree("{\"messageStart\":{\"role\":\"assistant\"}}"),
                        JSON.readTree("{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":"
                                + "\"Hello from \"}}}"),
                        JSON.readTree("{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":"
                                + "\"the shop.\"}}}"),
                        JSON.readTree("{\"contentBlockStop\":{\"contentBlockIndex\":0}}"),
                        JSON.readTree("{\"messageStop\":{\"stopReason\":\"end_turn\"}}")))
                .build();
        sandbox = Sandbox.builder(new AiBackend()).banner(null).requestLog(line -> { }).modelProvider(models)
                .user("ana", Clients.PASSWORD).user("ben", Clients.PASSWORD).start();
        ana = Clients.signedIn(sandbox, "ana");
        ben = Clients.signedIn(sandbox, "ben");
    }

    @AfterAll
    static void stop() {
        if (ana != null) {
            ana.close();
            ben.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aGenerationRouteIsATypedQuery() {
        ProductDescription description = new AiApi(ana).queries().describeProduct("Kettle", List.of("steel"));
        assertThat(description.headline()).isEqualTo("A kettle that sings");
        assertThat(description.keywords()).containsExactly("kettle", "steel");
        assertThat(description.tone()).isEqualTo(Tone.PLAYFUL);
        JsonNode request = models.calls(AiModel.CLAUDE_3_5_HAIKU.bedrockModelId()).get(0).request();
        assertThat(request.path("toolConfig").path("toolChoice").path("tool").path("name").asText()).isEqualTo("structured_output");
    }

    @Test
    void aConversationThroughTheGeneratedEntryPoint() {
        ConversationClient chat = new AiApi(ana).conversations().chat();
        Conversation conversation = chat.create("Hello");
        AssistantResponse answer = chat.ask(conversation.id(), "Hi!", Duration.ofSeconds(60));
        assertThat(answer.failed()).as("%s", answer.errors()).isFalse();
        assertThat(answer.text()).isEqualTo("Hello from the shop.");
        List<ConversationMessage> messages = chat.listAllMessages(conversation.id()).stream().toList();
        assertThat(messages).extracting(ConversationMessage::role)
                .containsExactly(ConversationRole.USER, ConversationRole.ASSISTANT);
        assertThat(messages).extracting(ConversationMessage::text).containsExactly("Hi!", "Hello from the shop.");

        ConversationClient bens = new AiApi(ben).conversations().chat();
        assertThatThrownBy(() -> bens.send(conversation.id(), "Let me in")).isInstanceOf(UnauthorizedException.class);
        assertThat(bens.listAll().stream().toList()).isEmpty();
    }
}
