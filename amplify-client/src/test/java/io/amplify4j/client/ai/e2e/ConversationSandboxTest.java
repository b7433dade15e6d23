package io.amplify4j.client.ai.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.GraphQLRequest;
import io.amplify4j.client.GraphQLSubscription;
import io.amplify4j.client.UnauthorizedException;
import io.amplify4j.client.ai.AssistantResponse;
import io.amplify4j.client.ai.Conversation;
import io.amplify4j.client.ai.ConversationClient;
import io.amplify4j.client.ai.ConversationHandler;
import io.amplify4j.client.ai.ConversationMessage;
import io.amplify4j.client.ai.ConversationRole;
import io.amplify4j.client.ai.ConversationRoute;
import io.amplify4j.client.ai.ConversationStreamPart;
import io.amplify4j.client.ai.ResponseStream;
import io.amplify4j.client.ai.TextDelta;
import io.amplify4j.client.auth.AuthProviders;
import io.amplify4j.sandbox.ai.RecordedModelProvider;
import io.amplify4j.sandbox.server.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A conversation end to end through the sandbox: the app's {@link ConversationClient}, the route's mutations and
 * subscription as the plan expands them, the handler function ({@link ConversationHandler}, run in-process), the
 * sandbox's local Bedrock endpoint answered by {@link RecordedModelProvider} (the test double), tools run through
 * the API with the caller's identity, and owner isolation between two users.
 *
 * <p>No stand-in: the route's default function {@code chatConversationHandler} runs the library's handler, which the
 * sandbox loads from the class path with its dependencies, reading the function's environment.
 */
class ConversationSandboxTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MODEL_ID = ChatBackend.MODEL.bedrockModelId();

    static RecordedModelProvider models;
    static Sandbox sandbox;
    static GraphQLClient alice;
    static GraphQLClient bob;

    @BeforeAll
    static void start() throws Exception {
        models = RecordedModelProvider.builder()
                // First message: the model lists the products, then answers.
                .nextStream(events(
                        "{\"messageStart\":{\"role\":\"assistant\"}}",
                        "{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Let me look.\"}}}",
                        "{\"contentBlockStop\":{\"contentBlockIndex\":0}}",
                        "{\"contentBlockStart\":{\"contentBlockIndex\":1,\"start\":{\"toolUse\":{\"toolUseId\":"
                                + "\"tu-1\",\"name\":\"listProducts\"}}}}",
                        "{\"contentBlockDelta\":{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":"
                                + "\"{\\\"limit\\\": 10}\"}}}}",
                        "{\"contentBlockStop\":{\"contentBlockIndex\":1}}",
                        "{\"messageStop\":{\"stopReason\":\"tool_use\"}}"))
                .nextStream(events(
                        "{\"messageStart\":{\"role\":\"assistant\"}}",
                        "{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"You have a \"}}}",
                        "{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"kettle and \"}}}",
                        "{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"a teapot.\"}}}",
                        "{\"contentBlockStop\":{\"contentBlockIndex\":0}}",
                        "{\"messageStop\":{\"stopReason\":\"end_turn\"}}"))
                // Second message: a plain answer.
                .nextStream(events(
                        "{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Yes.\"}}}",
                        "{\"contentBlockStop\":{\"contentBlockIndex\":0}}",
                        "{\"messageStop\":{\"stopReason\":\"end_turn\"}}"))
                .build();
        sandbox = Sandbox.builder(new ChatBackend()).banner(null).requestLog(line -> { })
                .modelProvider(models)
                .user("alice", "Alice-Passw0rd!").user("bob", "Bob-Passw0rd!")
                .start();
        alice = client(sandbox.idToken("alice"));
        bob = client(sandbox.idToken("bob"));
    }

    static List<JsonNode> events(String... events) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String event : events) {
            out.add(JSON.readTree(event));
        }
        return out;
    }

    static GraphQLClient client(String idToken) {
        return GraphQLClient.builder().endpoint(sandbox.graphqlEndpoint()).auth(AuthProviders.userPool(idToken))
                .build();
    }

    @AfterAll
    static void stop() {
        if (alice != null) {
            alice.close();
            bob.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static void createProduct(GraphQLClient client, String name) {
        client.execute(GraphQLRequest.builder(JsonNode.class)
                .document("mutation P($input: CreateProductInput!) { createProduct(input: $input) { id } }")
                .variable("input", Map.of("name", name)).responseField("createProduct").build());
    }

    @Test
    void aConversationStreamsItsAnswerRunsToolsAsTheCallerAndKeepsItsMessages() throws Exception {
        createProduct(alice, "kettle");
        createProduct(alice, "teapot");
        createProduct(bob, "bob's secret product");

        ConversationClient aliceChat = new ConversationClient(alice, ConversationRoute.named("chat"));
        ConversationClient bobChat = new ConversationClient(bob, ConversationRoute.named("chat"));
        Conversation conversation = aliceChat.create("Kitchen");
        assertThat(conversation.name()).isEqualTo("Kitchen");

        // Bob listens on Alice's conversation: owner rules keep her answer from him.
        List<ConversationStreamPart> bobSaw = new CopyOnWriteArrayList<>();
        List<Throwable> bobErrors = new CopyOnWriteArrayList<>();
        List<TextDelta> aliceSaw = new CopyOnWriteArrayList<>();
        AssistantResponse answer;
        ConversationMessage sent;
        try (GraphQLSubscription<ConversationStreamPart> eavesdrop = bobChat.responseParts(conversation.id());
                ResponseStream answers = aliceChat.responses(conversation.id())) {
            eavesdrop.subscribe(bobSaw::add, bobErrors::add);
            answers.onText(aliceSaw::add);
            answers.established().get(30, TimeUnit.SECONDS);
            try {
                eavesdrop.established().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException refused) {
                // Refusing the subscription outright is as good as never delivering to it.
            }
            sent = aliceChat.send(conversation.id(), "What do I have?");
            assertThat(sent.role()).isEqualTo(ConversationRole.USER);
            answer = answers.response(sent.id()).get(60, TimeUnit.SECONDS);
        }
        assertThat(answer.failed()).as("%s", answer.errors()).isFalse();
        assertThat(answer.stopReason()).contains("end_turn");
        assertThat(answer.blocks()).containsExactly("Let me look.", "You have a kettle and a teapot.");
        assertThat(aliceSaw).extracting(TextDelta::text)
                .containsExactly("Let me look.", "You have a ", "kettle and ", "a teapot.");
        assertThat(bobSaw).isEmpty();

        // The model got the history, and the tool's result, listed with Alice's identity: her products only.
        List<RecordedModelProvider.Call> calls = models.calls(MODEL_ID);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).request().path("messages")).isEqualTo(JSON.readTree(
                "[{\"role\":\"user\",\"content\":[{\"text\":\"What do I have?\"}]}]"));
        assertThat(calls.get(0).request().path("system").get(0).path("text").asText())
                .isEqualTo("You are the shop's assistant. Answer briefly.");
        JsonNode toolResult = calls.get(1).request().path("messages").get(2).path("content").get(0)
                .path("toolResult");
        assertThat(toolResult.path("status").asText()).isEqualTo("success");
        assertThat(toolResult.path("content").get(0).path("json").path("items").findValuesAsText("name"))
                .containsExactlyInAnyOrder("kettle", "teapot");

        // Both messages are kept, oldest first; the answer is linked to the question.
        List<ConversationMessage> messages = aliceChat.listAllMessages(conversation.id()).stream().toList();
        assertThat(messages).extracting(ConversationMessage::role)
                .containsExactly(ConversationRole.USER, ConversationRole.ASSISTANT);
        assertThat(messages.get(1).text()).isEqualTo("Let me look.\n\nYou have a kettle and a teapot.");
        assertThat(messages.get(1).associatedUserMessageId()).isEqualTo(sent.id());

        // A second message sees the first exchange as history.
        AssistantResponse second = aliceChat.ask(conversation.id(), "Is that all?", Duration.ofSeconds(60));
        assertThat(second.text()).isEqualTo("Yes.");
        assertThat(models.calls(MODEL_ID).get(2).request().path("messages")).hasSize(3);
        assertThat(models.calls(MODEL_ID).get(2).request().path("messages").get(1).path("content"))
                .isEqualTo(JSON.readTree("[{\"text\":\"Let me look.\"},"
                        + "{\"text\":\"You have a kettle and a teapot.\"}]"));

        // Bob can neither see Alice's conversation nor read or write its messages.
        assertThatThrownBy(() -> bobChat.get(conversation.id())).isInstanceOf(UnauthorizedException.class);
        assertThat(aliceChat.get(conversation.id())).contains(conversation);
        assertThat(bobChat.listAll().stream().toList()).extracting(Conversation::id).doesNotContain(conversation.id());
        assertThat(bobChat.listAllMessages(conversation.id()).stream().toList()).isEmpty();
        assertThatThrownBy(() -> bobChat.send(conversation.id(), "Hi, it's Bob"))
                .isInstanceOf(UnauthorizedException.class);
        assertThat(aliceChat.listAllMessages(conversation.id()).stream().count()).isEqualTo(4);
        assertThat(models.calls(MODEL_ID)).hasSize(3);
    }
}
