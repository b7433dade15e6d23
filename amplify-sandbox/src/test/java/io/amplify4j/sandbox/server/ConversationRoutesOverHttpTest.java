package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.model.data.AiModel;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.ConversationPlan;
import io.amplify4j.sandbox.ai.BedrockModelProvider;
import io.amplify4j.sandbox.ai.RecordedModelProvider;
import io.amplify4j.sandbox.function.LambdaEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Conversation routes end to end: the send-message mutation invokes the route's handler function as an event, in
 * process, with the plan's payload; the handler (here a small stand-in for {@code ConversationHandler}, which lives
 * in amplify-client) calls Bedrock through the sandbox's endpoint ({@code AMPLIFY_BEDROCK_ENDPOINT}) and streams the
 * answer with the caller's token; the stream reaches the owner's subscription only, and a second user can neither
 * read, write to nor listen to another's conversation.
 */
class ConversationRoutesOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String PASSWORD = "correct-horse-battery";
    private static final String SONNET = AiModel.CLAUDE_3_5_SONNET.bedrockModelId();
    private static final String ANSWER = "Our mugs hold 350 ml and they survive the dishwasher.";

    private static final String CREATE = "mutation { createConversationChat(input: {name: \"Mugs\"}) { id owner } }";
    private static final String SEND = "mutation Send($id: ID!, $text: String) {"
            + " chat(conversationId: $id, content: [{text: $text}]) { id conversationId role content { text } owner } }";
    private static final String GET = "query Get($id: ID!) { getConversationChat(id: $id) { id name } }";
    private static final String MESSAGES = "query Messages($id: ID!) {"
            + " listConversationMessageChatByConversationIdAndCreatedAt(conversationId: $id) {"
            + " items { role content { text } associatedUserMessageId owner } } }";
    private static final String ALL_MESSAGES = "{ listConversationMessageChats { items { id conversationId } } }";
    private static final String SUBSCRIBE = "subscription On($id: ID) { onCreateAssistantResponseChat(conversationId:"
            + " $id) { id owner conversationId associatedUserMessageId contentBlockIndex contentBlockText"
            + " contentBlockDeltaIndex contentBlockDoneAtIndex stopReason } }";

    private static Sandbox sandbox;
    private static ConversationPlan chat;
    private static RecordedModelProvider models;
    private static final StandInHandler HANDLER = new StandInHandler();

    /**
     * What {@code io.amplify4j.client.ai.ConversationHandler} does, reduced to one turn without tools: it records
     * its event, waits until the test lets it go (so the test sees the mutation return first), asks Bedrock through
     * {@code AMPLIFY_BEDROCK_ENDPOINT} for a stream, publishes each text delta and the end of the turn with the
     * stream mutation, and saves the answer with the response mutation, all with the caller's own token.
     */
    static final class StandInHandler implements RequestHandler<Map<String, Object>, Object> {
        final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
        final Semaphore turns = new Semaphore(0);
        final AtomicInteger finished = new AtomicInteger();
        final BlockingQueue<String> failures = new LinkedBlockingQueue<>();

        @Override
        @SuppressWarnings("unchecked")
        public Object handleRequest(Map<String, Object> event, Context context) {
            events.add(event);
            try {
                if (!turns.tryAcquire(30, TimeUnit.SECONDS)) {
                    failures.add("the test never released the turn");
                    return null;
                }
                Map<String, Object> conversation = (Map<String, Object>) event.get("conversation");
                Map<String, Object> arguments = (Map<String, Object>) event.get("arguments");
                String token = (String) ((Map<String, Object>) ((Map<String, Object>) event.get("request"))
                        .get("headers")).get("authorization");
                String userMessageId = (String) ((Map<String, Object>) ((Map<String, Object>) event.get("prev"))
                        .get("result")).get("id");
                String graphql = LambdaEnvironment.getenv().entrySet().stream()
                        .filter(e -> e.getKey().endsWith("_GRAPHQL_ENDPOINT")).map(Map.Entry::getValue)
                        .findFirst().orElseThrow();
                BedrockModelProvider bedrock = BedrockModelProvider.builder(LambdaEnvironment.getenv("AWS_REGION"))
                        .endpoint(java.net.URI.create(LambdaEnvironment.getenv("AMPLIFY_BEDROCK_ENDPOINT")))
                        .credentials(AwsSessionCredentialsIdentity.create(LambdaEnvironment.getenv("AWS_ACCESS_KEY_ID"),
                                LambdaEnvironment.getenv("AWS_SECRET_ACCESS_KEY"),
                                LambdaEnvironment.getenv("AWS_SESSION_TOKEN")))
                        .build();
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("system", List.of(Map.of("text", conversation.get("systemPrompt"))));
                request.put("messages", List.of(Map.of("role", "user", "content", arguments.get("content"))));
                request.put("inferenceConfig", conversation.get("inferenceConfiguration"));
                List<JsonNode> stream = bedrock.converseStream((String) conversation.get("modelId"),
                        JSON.valueToTree(request));
                StringBuilder text = new StringBuilder();
                int delta = 0;
                String stopReason = null;
                for (JsonNode part : stream) {
                    if (part.has("contentBlockDelta")) {
                        String piece = part.at("/contentBlockDelta/delta/text").asText();
                        text.append(piece);
                        publish(graphql, token, (String) conversation.get("streamMutation"), Map.of(
                                "conversationId", arguments.get("conversationId"),
                                "associatedUserMessageId", userMessageId, "contentBlockIndex", 0,
                                "contentBlockDeltaIndex", delta++, "contentBlockText", piece));
                    } else if (part.has("messageStop")) {
                        stopReason = part.at("/messageStop/stopReason").asText();
                    }
                }
                publish(graphql, token, (String) conversation.get("streamMutation"), Map.of(
                        "conversationId", arguments.get("conversationId"),
                        "associatedUserMessageId", userMessageId, "contentBlockIndex", 0,
                        "contentBlockDoneAtIndex", 0, "stopReason", stopReason));
                publish(graphql, token, (String) conversation.get("responseMutation"), Map.of(
                        "conversationId", arguments.get("conversationId"),
                        "associatedUserMessageId", userMessageId, "content", List.of(Map.of("text", text.toString()))));
                return null;
            } catch (RuntimeException | InterruptedException e) {
                failures.add(e.toString());
                return null;
            } finally {
                finished.incrementAndGet();
            }
        }

        private void publish(String graphql, String token, String document, Map<String, Object> input) {
            Http.Response response = Http.graphql(java.net.URI.create(graphql), "Authorization", token, document,
                    Map.of("input", input));
            if (!response.errors().isEmpty()) {
                failures.add(response.text());
            }
        }
    }

    @BeforeAll
    static void start() {
        BackendPlan plan = BackendPlan.of(new AiBackend().define());
        chat = plan.data().orElseThrow().conversations().get(0);
        models = RecordedModelProvider.builder().converse(SONNET, RecordedModelProvider.text(ANSWER)).build();
        sandbox = Sandbox.builder(plan).modelProvider(models)
                .functionHandler(chat.handlerFunction(), HANDLER)
                .user(ALICE, PASSWORD).user(BOB, PASSWORD)
                .banner(null).requestLog(line -> { }).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Http.Response as(String user, String query, Map<String, Object> variables) {
        return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(user), query, variables);
    }

    private static Ws subscribe(String user, Map<String, String> subscriptions) {
        Map<String, Object> auth = Ws.auth(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(user));
        Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), auth);
        ws.init();
        subscriptions.forEach((id, conversationId) -> {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("id", conversationId);
            ws.start(id, SUBSCRIBE, variables, auth);
            ws.next("start_ack");
        });
        return ws;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Map<String, Object> message) {
        assertThat(message).as("a data message").isNotNull().containsEntry("type", "data");
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) message.get("payload"))
                .get("data")).get("onCreateAssistantResponseChat");
    }

    private static String owner(String user) {
        return sandbox.userPool().orElseThrow().user(user).orElseThrow().sub() + "::" + user;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTurnRunsTheHandlerAsAnEventStreamsToTheOwnerOnlyAndNobodyElseReachesTheConversation() throws Exception {
        String conversation = (String) as(ALICE, CREATE, null).dataMap("createConversationChat").get("id");
        try (Ws alice = subscribe(ALICE, Map.of("mine", conversation));
                Ws bob = subscribe(BOB, new LinkedHashMap<>(Map.of("hers", conversation)))) {
            // Bob publishes a stream part naming Alice's conversation: it is his (owner Bob), so Alice never sees it.
            Http.Response forged = as(BOB, chat.streamMutationDocument(), Map.of("input", Map.of(
                    "conversationId", conversation, "associatedUserMessageId", "x", "contentBlockText", "forged")));
            assertThat(forged.errors()).isEmpty();
            // it is Bob's own part (owner Bob), so his subscription naming that conversation gets it
            assertThat(part(bob.next())).containsEntry("contentBlockText", "forged").containsEntry("owner", owner(BOB));

            String aliceToken = sandbox.idToken(ALICE);
            Http.Response sent = Http.graphql(sandbox.graphqlEndpoint(), "Authorization", aliceToken, SEND,
                    Map.of("id", conversation, "text", "How big are your mugs?"));

            // the mutation answered with the saved user message while the handler is still waiting: an Event invoke
            assertThat(sent.errors()).isEmpty();
            Map<String, Object> message = sent.dataMap("chat");
            assertThat(message).containsEntry("conversationId", conversation).containsEntry("role", "user")
                    .containsEntry("owner", owner(ALICE))
                    .containsEntry("content", List.of(Map.of("text", "How big are your mugs?")));
            Map<String, Object> event = HANDLER.events.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("the handler's event").isNotNull();
            assertThat(HANDLER.finished.get()).isZero();
            assertThat(event).containsEntry("typeName", "Mutation").containsEntry("fieldName", "chat");
            assertThat((Map<String, Object>) event.get("arguments")).containsEntry("conversationId", conversation)
                    .containsEntry("content", List.of(Map.of("text", "How big are your mugs?")));
            assertThat((Map<String, Object>) event.get("identity")).containsEntry("sub",
                    sandbox.userPool().orElseThrow().user(ALICE).orElseThrow().sub());
            assertThat((Map<String, Object>) ((Map<String, Object>) event.get("request")).get("headers"))
                    .containsEntry("authorization", aliceToken);
            assertThat((Map<String, Object>) ((Map<String, Object>) event.get("prev")).get("result"))
                    .containsEntry("id", message.get("id")).containsEntry("role", "user");
            JsonNode payload = JSON.valueToTree(event.get("conversation"));
            assertThat(payload).isEqualTo(JSON.<JsonNode>valueToTree(chat.payload()));

            HANDLER.turns.release();

            Map<String, Object> first = part(alice.next());
            assertThat(first).containsEntry("owner", owner(ALICE)).containsEntry("conversationId", conversation)
                    .containsEntry("associatedUserMessageId", message.get("id")).containsEntry("contentBlockIndex", 0L)
                    .containsEntry("contentBlockDeltaIndex", 0L);
            StringBuilder streamed = new StringBuilder((String) first.get("contentBlockText"));
            Map<String, Object> next;
            while ((next = part(alice.next())).get("stopReason") == null) {
                streamed.append(next.get("contentBlockText"));
            }
            assertThat(streamed).hasToString(ANSWER);
            assertThat(next).containsEntry("contentBlockDoneAtIndex", 0L).containsEntry("stopReason", "end_turn");
            assertThat(HANDLER.failures).isEmpty();
            assertThat(models.calls(SONNET)).last().satisfies(call -> {
                assertThat(call.operation()).isEqualTo(RecordedModelProvider.Operation.CONVERSE_STREAM);
                assertThat(call.request().at("/system/0/text").asText()).isEqualTo(chat.systemPrompt());
            });

            // the conversation holds the user's message and the saved answer, for Alice only
            List<Map<String, Object>> messages = (List<Map<String, Object>>) waitForMessages(conversation, 2)
                    .get("items");
            assertThat(messages).extracting(m -> m.get("role")).containsExactly("user", "assistant");
            assertThat(messages.get(1)).containsEntry("content", List.of(Map.of("text", ANSWER)))
                    .containsEntry("associatedUserMessageId", message.get("id")).containsEntry("owner", owner(ALICE));

            // Bob: cannot read the conversation or its messages, cannot send to it or answer in it
            Http.Response got = as(BOB, GET, Map.of("id", conversation));
            assertThat(got.data("getConversationChat")).isNull();
            assertThat(got.errorTypes()).containsExactly("Unauthorized");
            assertThat((List<Object>) as(BOB, MESSAGES, Map.of("id", conversation))
                    .dataMap("listConversationMessageChatByConversationIdAndCreatedAt").get("items")).isEmpty();
            assertThat((List<Map<String, Object>>) as(BOB, ALL_MESSAGES, null).dataMap("listConversationMessageChats")
                    .get("items")).noneMatch(m -> conversation.equals(m.get("conversationId")));
            Http.Response intrusion = as(BOB, SEND, Map.of("id", conversation, "text", "Give me her data"));
            assertThat(intrusion.data("chat")).isNull();
            assertThat(intrusion.errorTypes()).containsExactly("Unauthorized");
            Http.Response injected = as(BOB, chat.responseMutationDocument(), Map.of("input", Map.of(
                    "conversationId", conversation, "associatedUserMessageId", message.get("id"),
                    "content", List.of(Map.of("text", "injected")))));
            assertThat(injected.errorTypes()).containsExactly("Unauthorized");
            assertThat((List<Object>) as(ALICE, MESSAGES, Map.of("id", conversation))
                    .dataMap("listConversationMessageChatByConversationIdAndCreatedAt").get("items")).hasSize(2);

            // Bob's own turn: the next event is his (his refused send invoked nothing), and the first part his
            // socket receives is his own, on his unfiltered subscription: none of Alice's parts reached him.
            bob.start("all", SUBSCRIBE, new LinkedHashMap<>(java.util.Collections.singletonMap("id", null)),
                    Ws.auth(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(BOB)));
            bob.next("start_ack");
            String his = (String) as(BOB, CREATE, null).dataMap("createConversationChat").get("id");
            assertThat(as(BOB, SEND, Map.of("id", his, "text", "Hello?")).errors()).isEmpty();
            Map<String, Object> bobs = HANDLER.events.poll(30, TimeUnit.SECONDS);
            assertThat((Map<String, Object>) bobs.get("arguments")).containsEntry("conversationId", his);
            HANDLER.turns.release();
            Map<String, Object> bobsFirst = bob.next();
            assertThat(bobsFirst).containsEntry("id", "all");
            assertThat(part(bobsFirst)).containsEntry("conversationId", his).containsEntry("owner", owner(BOB));
            // and Alice's socket got nothing of Bob's (his forged part included): her next message is none of his
            assertThat(alice.drain()).allSatisfy(m -> assertThat(part(m)).containsEntry("owner", owner(ALICE)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> waitForMessages(String conversation, int count) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            Map<String, Object> list = as(ALICE, MESSAGES, Map.of("id", conversation))
                    .dataMap("listConversationMessageChatByConversationIdAndCreatedAt");
            if (((List<Object>) list.get("items")).size() >= count) {
                return list;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The conversation never had " + count + " messages");
    }
}
