package io.amplify4j.sandbox.resolvers;

import static io.amplify4j.sandbox.resolvers.PlanRuntime.errorType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.resolver.DataSourcePlan;
import io.amplify4j.sandbox.js.ResolverResult;
import io.amplify4j.sandbox.js.SubscriptionFilter;
import io.amplify4j.sandbox.resolvers.PlanRuntime.Callers;
import io.amplify4j.sandbox.runtime.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AI routes' generated resolvers in the sandbox's engine: generation routes against a stand-in for Bedrock's
 * HTTP endpoint (it records the Converse request and answers with a canned response), and the conversation route's
 * operations against the local tables with a stand-in for the handler function, including owner isolation.
 */
class AiRoutesEndToEndTest {
    static final Caller ALICE = Callers.user("sub-a", "alice");
    static final Caller BOB = Callers.user("sub-b", "bob");
    static final ObjectMapper JSON = new ObjectMapper();

    PlanRuntime runtime;
    final List<Map<String, Object>> bedrockRequests = new ArrayList<>();
    final List<Map<String, Object>> handlerInvocations = new ArrayList<>();
    /** What the Bedrock stand-in answers next: status and body. */
    int status = 200;
    String body;

    @BeforeEach
    void start() {
        Function<Map<String, Object>, Object> handler = request -> {
            handlerInvocations.add(request);
            return null;
        };
        runtime = new PlanRuntime(BackendPlan.of(new AiBackend().define()).data().orElseThrow(),
                Map.of("chatHandler", handler), Map.of(), (DataSourcePlan plan, io.amplify4j.sandbox.datasource
                        .DataSource dataSource) -> plan.kind() != DataSourcePlan.Kind.HTTP ? dataSource : request -> {
                            bedrockRequests.add(request);
                            return Map.of("statusCode", status, "headers", Map.of(), "body", body);
                        });
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    // ---- generation --------------------------------------------------------------------------------------

    @Test
    void generationSendsAConverseRequestAndReturnsTheStructuredAnswer() throws Exception {
        body = converseAnswer("{\"headline\":\"Fresh chai\",\"body\":\"Spiced.\",\"keywords\":[\"tea\"],"
                + "\"tone\":\"PLAYFUL\"}");
        ResolverResult result = runtime.call(ALICE, "Query", "describeProduct",
                Map.of("name", "Chai", "features", List.of("spiced", "loose leaf")));

        assertThat(result.errors()).isEmpty();
        assertThat(result.data()).isEqualTo(Map.of("headline", "Fresh chai", "body", "Spiced.",
                "keywords", List.of("tea"), "tone", "PLAYFUL"));
        assertThat(bedrockRequests).hasSize(1);
        Map<String, Object> request = bedrockRequests.get(0);
        assertThat(request).containsEntry("method", "POST")
                .containsEntry("resourcePath", "/model/anthropic.claude-3-5-haiku-20241022-v1:0/converse");
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) request.get("params");
        assertThat(params.get("headers")).isEqualTo(Map.of("Content-Type", "application/json"));
        JsonNode converse = JSON.readTree((String) params.get("body"));
        assertThat(converse.path("system").toString())
                .isEqualTo("[{\"text\":\"You write short, honest product descriptions.\"}]");
        assertThat(JSON.readTree(converse.path("messages").get(0).path("content").get(0).path("text").asText()))
                .isEqualTo(JSON.readTree("{\"name\":\"Chai\",\"features\":[\"spiced\",\"loose leaf\"]}"));
        assertThat(converse.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(converse.path("inferenceConfig").toString()).isEqualTo("{\"maxTokens\":500,\"temperature\":0.3}");
        assertThat(converse.path("toolConfig").path("toolChoice").toString())
                .isEqualTo("{\"tool\":{\"name\":\"structured_output\"}}");
        JsonNode schema = converse.path("toolConfig").path("tools").get(0).path("toolSpec").path("inputSchema")
                .path("json");
        assertThat(schema.path("required").toString()).isEqualTo("[\"headline\",\"body\",\"keywords\"]");
    }

    @Test
    void scalarResultsAreUnwrappedAndHaveNoInferenceConfig() throws Exception {
        body = converseAnswer("{\"value\":\"Tea is good.\"}");
        ResolverResult result = runtime.call(ALICE, "Query", "summarize", Map.of("text", "A long text about tea."));
        assertThat(result.errors()).isEmpty();
        assertThat(result.data()).isEqualTo("Tea is good.");
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) bedrockRequests.get(0).get("params");
        JsonNode converse = JSON.readTree((String) params.get("body"));
        assertThat(converse.has("inferenceConfig")).isFalse();
        assertThat(converse.path("toolConfig").path("tools").get(0).path("toolSpec").path("inputSchema")
                .path("json").toString()).isEqualTo("{\"properties\":{\"value\":{\"type\":\"string\"}},"
                        + "\"type\":\"object\"}");
        assertThat(bedrockRequests.get(0).get("resourcePath")).isEqualTo("/model/amazon.nova-lite-v1:0/converse");
    }

    @Test
    void bedrockErrorsBecomeGraphqlErrors() {
        status = 400;
        body = "{\"message\":\"The provided model identifier is invalid.\"}";
        ResolverResult result = runtime.call(ALICE, "Query", "summarize", Map.of("text", "x"));
        assertThat(result.data()).isNull();
        assertThat(errorType(result)).contains("BedrockError");
        assertThat(result.errors().get(0).message())
                .isEqualTo("Bedrock answered 400: The provided model identifier is invalid.");
    }

    @Test
    void anAnswerWithoutTheToolIsAnError() {
        body = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"Sorry.\"}]}},"
                + "\"stopReason\":\"end_turn\"}";
        ResolverResult result = runtime.call(ALICE, "Query", "summarize", Map.of("text", "x"));
        assertThat(errorType(result)).contains("GenerationError");
        assertThat(result.errors().get(0).message()).isEqualTo("The model gave no structured answer (stop reason: "
                + "end_turn)");
    }

    @Test
    void generationRoutesKeepTheirRules() {
        body = converseAnswer("{\"value\":\"x\"}");
        assertThat(errorType(runtime.call(Callers.guest(PlanRuntime.IDENTITY_POOL), "Query", "summarize",
                Map.of("text", "x")))).contains("Unauthorized");
        assertThat(bedrockRequests).isEmpty();
    }

    // ---- conversation ------------------------------------------------------------------------------------

    @Test
    void sendingAMessageStoresItAndInvokesTheHandlerAsAnEvent() {
        String conversationId = createConversation(ALICE);
        Map<String, Object> content = Map.of("text", "Which tea is mild?");
        ResolverResult sent = runtime.call(ALICE, "Mutation", "chat",
                Map.of("conversationId", conversationId, "content", List.of(content)));

        assertThat(sent.errors()).isEmpty();
        Map<String, Object> message = data(sent);
        assertThat(message).containsEntry("conversationId", conversationId).containsEntry("role", "user")
                .containsEntry("owner", "sub-a::alice").containsEntry("content", List.of(content))
                .containsKeys("id", "createdAt", "updatedAt");
        assertThat(handlerInvocations).hasSize(1);
        Map<String, Object> invoke = handlerInvocations.get(0);
        assertThat(invoke).containsEntry("operation", "Invoke").containsEntry("invocationType", "Event");
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) invoke.get("payload");
        assertThat(payload).containsEntry("typeName", "Mutation").containsEntry("fieldName", "chat")
                .containsEntry("prev", Map.of("result", message));
        @SuppressWarnings("unchecked")
        Map<String, Object> conversation = (Map<String, Object>) payload.get("conversation");
        assertThat(conversation).containsEntry("route", "chat")
                .containsEntry("modelId", "anthropic.claude-3-5-sonnet-20240620-v1:0")
                .containsKeys("messageHistoryQuery", "responseMutation", "streamMutation", "tools");
    }

    @Test
    void onlyTheOwnerMayTalkInAConversation() {
        String conversationId = createConversation(ALICE);
        Map<String, Object> arguments = Map.of("conversationId", conversationId,
                "content", List.of(Map.of("text", "Hi")));
        assertThat(errorType(runtime.call(BOB, "Mutation", "chat", arguments))).contains("Unauthorized");
        assertThat(errorType(runtime.call(ALICE, "Mutation", "chat", Map.of("conversationId", "no-such-id",
                "content", List.of(Map.of("text", "Hi")))))).contains("Unauthorized");
        assertThat(errorType(runtime.call(Callers.guest(PlanRuntime.IDENTITY_POOL), "Mutation", "chat", arguments)))
                .contains("Unauthorized");
        assertThat(errorType(runtime.call(BOB, "Mutation", "createAssistantResponseChat", Map.of("input",
                Map.of("conversationId", conversationId, "associatedUserMessageId", "m1",
                        "content", List.of(Map.of("text", "Hello")))))))
                .contains("Unauthorized");
        assertThat(handlerInvocations).isEmpty();
    }

    @Test
    void assistantResponsesAreSavedAndListedInOrder() {
        String conversationId = createConversation(ALICE);
        Map<String, Object> question = data(runtime.call(ALICE, "Mutation", "chat", Map.of("conversationId",
                conversationId, "content", List.of(Map.of("text", "Hi")))));
        ResolverResult answer = runtime.call(ALICE, "Mutation", "createAssistantResponseChat", Map.of("input",
                Map.of("conversationId", conversationId, "associatedUserMessageId", question.get("id"),
                        "content", List.of(Map.of("text", "Hello, Alice.")))));
        assertThat(answer.errors()).isEmpty();
        assertThat(data(answer)).containsEntry("role", "assistant").containsEntry("owner", "sub-a::alice")
                .containsEntry("associatedUserMessageId", question.get("id"));

        ResolverResult history = runtime.call(ALICE, "Query",
                "listConversationMessageChatByConversationIdAndCreatedAt", Map.of("conversationId", conversationId,
                        "sortDirection", "ASC"));
        assertThat(history.errors()).isEmpty();
        assertThat(items(history)).extracting(m -> m.get("role")).containsExactly("user", "assistant");
        ResolverResult foreign = runtime.call(BOB, "Query",
                "listConversationMessageChatByConversationIdAndCreatedAt", Map.of("conversationId", conversationId));
        assertThat(items(foreign)).isEmpty();
    }

    @Test
    void streamedPartsReachOnlyTheOwnersSubscription() {
        String conversationId = createConversation(ALICE);
        ResolverResult published = runtime.call(ALICE, "Mutation", "createAssistantResponseStreamChat",
                Map.of("input", Map.of("conversationId", conversationId, "associatedUserMessageId", "m1",
                        "contentBlockIndex", 0, "contentBlockDeltaIndex", 0, "contentBlockText", "Hel")));
        assertThat(published.errors()).isEmpty();
        Map<String, Object> part = data(published);
        assertThat(part).containsEntry("owner", "sub-a::alice").containsEntry("contentBlockText", "Hel")
                .containsKey("id");

        Map<String, Object> aliceFilter = filter(runtime.call(ALICE, "Subscription",
                "onCreateAssistantResponseChat", Map.of("conversationId", conversationId)));
        Map<String, Object> aliceAll = filter(runtime.call(ALICE, "Subscription", "onCreateAssistantResponseChat",
                Map.of()));
        Map<String, Object> bobFilter = filter(runtime.call(BOB, "Subscription", "onCreateAssistantResponseChat",
                Map.of("conversationId", conversationId)));
        assertThat(SubscriptionFilter.matches(aliceFilter, part)).isTrue();
        assertThat(SubscriptionFilter.matches(aliceAll, part)).isTrue();
        assertThat(SubscriptionFilter.matches(bobFilter, part)).isFalse();
        Map<String, Object> otherConversation = new LinkedHashMap<>(part);
        otherConversation.put("conversationId", "another");
        assertThat(SubscriptionFilter.matches(aliceFilter, otherConversation)).isFalse();
        assertThat(errorType(runtime.call(Callers.guest(PlanRuntime.IDENTITY_POOL), "Subscription",
                "onCreateAssistantResponseChat", Map.of()))).contains("Unauthorized");
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private String createConversation(Caller caller) {
        ResolverResult created = runtime.call(caller, "Mutation", "createConversationChat",
                Map.of("input", Map.of("name", "Tea")));
        assertThat(created.errors()).isEmpty();
        return (String) data(created).get("id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(ResolverResult result) {
        assertThat(result.errors()).isEmpty();
        return (Map<String, Object>) result.data();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(ResolverResult result) {
        return (List<Map<String, Object>>) data(result).get("items");
    }

    private static Map<String, Object> filter(ResolverResult result) {
        assertThat(result.errors()).isEmpty();
        return result.extensions().subscriptionFilter().orElseThrow();
    }

    private static String converseAnswer(String toolInput) {
        return "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"toolUse\":{\"toolUseId\":\"t1\","
                + "\"name\":\"structured_output\",\"input\":" + toolInput + "}}]}},\"stopReason\":\"tool_use\","
                + "\"usage\":{\"inputTokens\":10,\"outputTokens\":5,\"totalTokens\":15}}";
    }
}
