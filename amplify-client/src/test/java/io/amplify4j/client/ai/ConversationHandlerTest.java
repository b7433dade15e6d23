package io.amplify4j.client.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation handler against a fake Bedrock and a fake API, both on 127.0.0.1: what it asks the model, what
 * it publishes and saves, with whose identity, and how failures reach the client.
 */
class ConversationHandlerTest {
    static final String TOKEN = "caller-id-token";
    static final String HISTORY = "query ListHistory($conversationId: ID!, $nextToken: String) { history }";
    static final String RESPONSE = "mutation SaveResponse($input: CreateAssistantResponseChatInput!) { save }";
    static final String STREAM = "mutation StreamPart($input: CreateAssistantResponseStreamChatInput!) { part }";
    static final String TOOL = "query ListProducts($limit: Int) { listProducts(limit: $limit) { items { name } } }";

    FakeBedrock bedrock;
    FakeGraphQL api;
    JsonNode historyItems = FakeBedrock.JSON.createArrayNode();
    Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        bedrock = new FakeBedrock();
        api = new FakeGraphQL(call -> {
            if (call.query().contains("ListHistory")) {
                ObjectNode page = FakeBedrock.JSON.createObjectNode();
                page.set("items", historyItems);
                page.putNull("nextToken");
                return FakeGraphQL.data("listHistory", page);
            }
            if (call.query().contains("SaveResponse")) {
                ObjectNode saved = FakeBedrock.JSON.createObjectNode().put("id", "assistant-1");
                return FakeGraphQL.data("createAssistantResponseChat", saved);
            }
            if (call.query().contains("StreamPart")) {
                return FakeGraphQL.data("createAssistantResponseStreamChat", call.variables().path("input"));
            }
            if (call.query().contains("ListProducts")) {
                ObjectNode products = FakeBedrock.JSON.createObjectNode();
                products.putArray("items").addObject().put("name", "Kettle");
                products.withArray("items").addObject().put("name", "Teapot");
                return FakeGraphQL.data("listProducts", products);
            }
            throw new IllegalStateException("unexpected " + call.query());
        });
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.put("AWS_SESSION_TOKEN", "function-session");
        env.put(BedrockRuntime.ENDPOINT_VARIABLE, bedrock.endpoint().toString());
        env.put("shopData_GRAPHQL_ENDPOINT", api.endpoint().toString());
    }

    @AfterEach
    void stop() {
        bedrock.close();
        api.close();
    }

    static Map<String, Object> event(boolean withTools) {
        Map<String, Object> conversation = new HashMap<>();
        conversation.put("route", "chat");
        conversation.put("modelId", "anthropic.claude-3-5-sonnet-20240620-v1:0");
        conversation.put("systemPrompt", "You are the shop's assistant.");
        conversation.put("inferenceConfiguration", Map.of("maxTokens", 500, "temperature", 0.3));
        conversation.put("messageHistoryQuery", HISTORY);
        conversation.put("responseMutation", RESPONSE);
        conversation.put("streamMutation", STREAM);
        conversation.put("tools", withTools ? List.of(Map.of("name", "listProducts", "description",
                "Lists the products of the catalogue", "inputSchema", Map.of("type", "object", "properties",
                        Map.of("limit", Map.of("type", "integer"))), "graphqlDocument", TOOL, "resultPath",
                "listProducts")) : List.of());
        Map<String, Object> event = new HashMap<>();
        event.put("typeName", "Mutation");
        event.put("fieldName", "chat");
        event.put("arguments", Map.of("conversationId", "c-1", "content", List.of(Map.of("text",
                "What do you sell?"))));
        event.put("identity", Map.of("sub", "alice-sub", "username", "alice"));
        event.put("request", Map.of("headers", Map.of("authorization", TOKEN, "host", "api")));
        event.put("prev", Map.of("result", Map.of("id", "u-2", "conversationId", "c-1")));
        event.put("conversation", conversation);
        return event;
    }

    ConversationHandler handler() {
        return new ConversationHandler(() -> env);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> run(ConversationHandler handler, Map<String, Object> event) {
        return (Map<String, Object>) handler.handleRequest(event, null);
    }

    List<JsonNode> streamed() {
        return api.callsOf("StreamPart").stream().map(c -> c.variables().path("input")).toList();
    }

    @Test
    void aTextAnswerIsStreamedSavedAndThenStopped() throws Exception {
        historyItems = FakeBedrock.JSON.readTree("""
            [{"id":"a-1","role":"assistant","associatedUserMessageId":"u-1","createdAt":"2026-01-01T00:00:02Z",
              "content":[{"text":"Hello! How can I help?"}]},
             {"id":"u-1","role":"user","createdAt":"2026-01-01T00:00:01Z","content":[{"text":"Hi"}]},
             {"id":"u-2","role":"user","createdAt":"2026-01-01T00:00:03Z","content":[{"text":"What do you sell?"}]}]
            """);
        bedrock.stream(FakeBedrock.textAnswer("end_turn", "Kettles", " and teapots."));

        Map<String, Object> summary = run(handler(), event(false));

        assertThat(summary).containsEntry("stopReason", "end_turn").containsEntry("turns", 1)
                .containsEntry("assistantMessageId", "assistant-1");
        JsonNode request = bedrock.received.get(0).json();
        assertThat(request.get("messages")).isEqualTo(FakeBedrock.JSON.readTree("""
            [{"role":"user","content":[{"text":"Hi"}]},
             {"role":"assistant","content":[{"text":"Hello! How can I help?"}]},
             {"role":"user","content":[{"text":"What do you sell?"}]}]"""));
        assertThat(request.get("system")).isEqualTo(FakeBedrock.JSON.readTree(
                "[{\"text\":\"You are the shop's assistant.\"}]"));
        assertThat(request.get("inferenceConfig")).isEqualTo(FakeBedrock.JSON.readTree(
                "{\"maxTokens\":500,\"temperature\":0.3}"));
        assertThat(request.has("toolConfig")).isFalse();
        assertThat(bedrock.received.get(0).headers().getFirst("X-Amz-Security-Token")).isEqualTo("function-session");

        assertThat(api.calls).extracting(FakeGraphQL.Call::authorization).containsOnly(TOKEN);
        assertThat(api.callsOf("ListHistory").get(0).variables()).isEqualTo(FakeBedrock.JSON.readTree(
                "{\"conversationId\":\"c-1\",\"nextToken\":null}"));
        assertThat(streamed()).containsExactly(
                FakeBedrock.JSON.readTree("{\"conversationId\":\"c-1\",\"associatedUserMessageId\":\"u-2\","
                        + "\"contentBlockIndex\":0,\"contentBlockDeltaIndex\":0,\"contentBlockText\":\"Kettles\"}"),
                FakeBedrock.JSON.readTree("{\"conversationId\":\"c-1\",\"associatedUserMessageId\":\"u-2\","
                        + "\"contentBlockIndex\":0,\"contentBlockDeltaIndex\":1,\"contentBlockText\":\" and teapots.\"}"),
                FakeBedrock.JSON.readTree("{\"conversationId\":\"c-1\",\"associatedUserMessageId\":\"u-2\","
                        + "\"contentBlockIndex\":0,\"contentBlockDoneAtIndex\":1}"),
                FakeBedrock.JSON.readTree("{\"conversationId\":\"c-1\",\"associatedUserMessageId\":\"u-2\","
                        + "\"stopReason\":\"end_turn\"}"));
        assertThat(api.callsOf("SaveResponse").get(0).variables()).isEqualTo(FakeBedrock.JSON.readTree(
                "{\"input\":{\"conversationId\":\"c-1\",\"associatedUserMessageId\":\"u-2\","
                        + "\"content\":[{\"text\":\"Kettles and teapots.\"}]}}"));
        // Saved before the stop reason is published, so a client that sees the stop can list the message.
        int save = api.calls.indexOf(api.callsOf("SaveResponse").get(0));
        int stop = api.calls.size() - 1;
        assertThat(save).isLessThan(stop);
    }

    @Test
    void theMessageBeingAnsweredIsTakenFromTheEventWhenTheHistoryDoesNotHaveItYet() throws Exception {
        bedrock.stream(FakeBedrock.textAnswer("end_turn", "Hi"));
        run(handler(), event(false));
        assertThat(bedrock.received.get(0).json().get("messages")).isEqualTo(FakeBedrock.JSON.readTree(
                "[{\"role\":\"user\",\"content\":[{\"text\":\"What do you sell?\"}]}]"));
    }

    @Test
    void toolsRunWithTheCallersIdentityAndTheirResultsGoBackToTheModel() throws Exception {
        bedrock.stream("{\"messageStart\":{\"role\":\"assistant\"}}",
                "{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Let me look.\"}}}",
                "{\"contentBlockStop\":{\"contentBlockIndex\":0}}",
                "{\"contentBlockStart\":{\"contentBlockIndex\":1,\"start\":{\"toolUse\":{\"toolUseId\":\"tu-1\","
                        + "\"name\":\"listProducts\"}}}}",
                "{\"contentBlockDelta\":{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"{\\\"lim\"}}}}",
                "{\"contentBlockDelta\":{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"it\\\": 5}\"}}}}",
                "{\"contentBlockStop\":{\"contentBlockIndex\":1}}",
                "{\"messageStop\":{\"stopReason\":\"tool_use\"}}");
        bedrock.stream(FakeBedrock.textAnswer("end_turn", "We sell kettles and teapots."));

        Map<String, Object> summary = run(handler(), event(true));

        assertThat(summary).containsEntry("stopReason", "end_turn").containsEntry("turns", 2);
        FakeGraphQL.Call tool = api.callsOf("ListProducts").get(0);
        assertThat(tool.authorization()).isEqualTo(TOKEN);
        assertThat(tool.variables()).isEqualTo(FakeBedrock.JSON.readTree("{\"limit\":5}"));

        JsonNode first = bedrock.received.get(0).json();
        assertThat(first.path("toolConfig").path("tools")).isEqualTo(FakeBedrock.JSON.readTree("""
            [{"toolSpec":{"name":"listProducts","description":"Lists the products of the catalogue",
              "inputSchema":{"json":{"type":"object","properties":{"limit":{"type":"integer"}}}}}}]"""));
        JsonNode second = bedrock.received.get(1).json().get("messages");
        assertThat(second).hasSize(3);
        assertThat(second.get(1)).isEqualTo(FakeBedrock.JSON.readTree("""
            {"role":"assistant","content":[{"text":"Let me look."},
              {"toolUse":{"toolUseId":"tu-1","name":"listProducts","input":{"limit":5}}}]}"""));
        assertThat(second.get(2)).isEqualTo(FakeBedrock.JSON.readTree("""
            {"role":"user","content":[{"toolResult":{"toolUseId":"tu-1","content":[{"json":
              {"items":[{"name":"Kettle"},{"name":"Teapot"}]}}],"status":"success"}}]}"""));

        // Text blocks are numbered across model turns: stream block i is content block i of the saved message.
        assertThat(streamed()).filteredOn(p -> p.has("contentBlockText"))
                .extracting(p -> p.get("contentBlockIndex").asInt() + ":" + p.get("contentBlockText").asText())
                .containsExactly("0:Let me look.", "1:We sell kettles and teapots.");
        assertThat(api.callsOf("SaveResponse").get(0).variables().path("input").path("content"))
                .isEqualTo(FakeBedrock.JSON.readTree(
                        "[{\"text\":\"Let me look.\"},{\"text\":\"We sell kettles and teapots.\"}]"));
    }

    @Test
    void aFailingToolIsReportedToTheModelNotToTheClient() throws Exception {
        bedrock.stream("{\"contentBlockStart\":{\"contentBlockIndex\":0,\"start\":{\"toolUse\":{\"toolUseId\":"
                        + "\"tu-1\",\"name\":\"noSuchTool\"}}}}",
                "{\"contentBlockStop\":{\"contentBlockIndex\":0}}",
                "{\"messageStop\":{\"stopReason\":\"tool_use\"}}");
        bedrock.stream(FakeBedrock.textAnswer("end_turn", "Sorry."));
        run(handler(), event(true));
        JsonNode result = bedrock.received.get(1).json().get("messages").get(2).path("content").get(0)
                .path("toolResult");
        assertThat(result.path("status").asText()).isEqualTo("error");
        assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("The tool failed: There is no"
                + " tool named `noSuchTool`; the tools are [listProducts].");
        assertThat(streamed()).last().satisfies(p -> assertThat(p.path("stopReason").asText()).isEqualTo("end_turn"));
    }

    @Test
    void bedrockRefusingTheModelReachesTheClientAsAnErrorPart() throws Exception {
        bedrock.error(403, "AccessDeniedException", "You don't have access to the model with the specified model ID.");
        Map<String, Object> summary = run(handler(), event(false));
        assertThat(summary).containsKey("errors").doesNotContainKey("stopReason");
        JsonNode part = streamed().get(0);
        assertThat(part.path("errors").get(0).path("errorType").asText()).isEqualTo("AccessDeniedException");
        assertThat(part.path("errors").get(0).path("message").asText())
                .contains("Enable access to `anthropic.claude-3-5-sonnet-20240620-v1:0` in the Amazon Bedrock"
                        + " console");
        assertThat(api.callsOf("SaveResponse")).isEmpty();
    }

    @Test
    void anExceptionFrameMidStreamEndsTheTurnWithAnErrorPartAfterTheTextSoFar() throws Exception {
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        wire.writeBytes(EventStreamMessage.of(Map.of(":message-type", "event", ":event-type", "contentBlockDelta"),
                "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Kett\"}}").encode());
        wire.writeBytes(EventStreamMessage.of(Map.of(":message-type", "exception", ":exception-type",
                "modelStreamErrorException"), "{\"message\":\"The model stream failed\"}").encode());
        bedrock.frames(wire.toByteArray());
        run(handler(), event(false));
        assertThat(streamed()).hasSize(2);
        assertThat(streamed().get(0).path("contentBlockText").asText()).isEqualTo("Kett");
        assertThat(streamed().get(1).path("errors").get(0).path("errorType").asText())
                .isEqualTo("ModelStreamErrorException");
        assertThat(streamed().get(1).path("errors").get(0).path("message").asText())
                .contains("The model stream failed").contains("try again");
    }

    @Test
    void theTurnLimitStopsAModelThatKeepsCallingTools() throws Exception {
        String[] toolCall = {
            "{\"contentBlockStart\":{\"contentBlockIndex\":0,\"start\":{\"toolUse\":{\"toolUseId\":\"t\","
                    + "\"name\":\"listProducts\"}}}}",
            "{\"messageStop\":{\"stopReason\":\"tool_use\"}}"};
        bedrock.stream(toolCall).stream(toolCall);
        ConversationHandler twoTurns = new ConversationHandler(() -> env) {
            @Override
            protected int maxTurns() {
                return 2;
            }
        };
        run(twoTurns, event(true));
        assertThat(bedrock.received).hasSize(2);
        JsonNode error = streamed().get(streamed().size() - 1).path("errors").get(0);
        assertThat(error.path("errorType").asText()).isEqualTo("ToolUseLimitExceeded");
        assertThat(error.path("message").asText()).isEqualTo("The model asked for tools 2 times without finishing"
                + " its answer; the limit is 2 (override ConversationHandler.maxTurns() to change it).");
    }

    @Test
    void subclassesAddJavaToolsAndSeeTheCall() throws Exception {
        bedrock.stream("{\"contentBlockStart\":{\"contentBlockIndex\":0,\"start\":{\"toolUse\":{\"toolUseId\":"
                        + "\"tu-9\",\"name\":\"whoAsks\"}}}}",
                "{\"messageStop\":{\"stopReason\":\"tool_use\"}}");
        bedrock.stream(FakeBedrock.textAnswer("end_turn", "You are c-1's owner."));
        List<String> seen = new java.util.ArrayList<>();
        ConversationHandler withTool = new ConversationHandler(() -> env) {
            @Override
            protected List<ExecutableTool> extraTools(ConversationEvent event) {
                return List.of(ExecutableTool.of("whoAsks", "Who is asking", FakeBedrock.JSON.createObjectNode()
                        .put("type", "object"), (input, call) -> {
                            seen.add(call.toolUseId() + " " + call.event().conversationId());
                            return TextNode.valueOf("alice");
                        }));
            }
        };
        run(withTool, event(false));
        assertThat(seen).containsExactly("tu-9 c-1");
        assertThat(bedrock.received.get(0).json().path("toolConfig").path("tools").get(0).path("toolSpec")
                .path("name").asText()).isEqualTo("whoAsks");
        assertThat(bedrock.received.get(1).json().get("messages").get(2).path("content").get(0).path("toolResult")
                .path("content").get(0).path("json")).isEqualTo(FakeBedrock.JSON.readTree("{\"value\":\"alice\"}"));
    }

    @Test
    void aiContextIsAddedToTheSystemPrompt() throws Exception {
        Map<String, Object> event = event(false);
        event.put("arguments", Map.of("conversationId", "c-1", "content", List.of(Map.of("text", "This one?")),
                "aiContext", "{\"page\":\"kettles\"}"));
        bedrock.stream(FakeBedrock.textAnswer("end_turn", "Yes."));
        run(handler(), event);
        assertThat(bedrock.received.get(0).json().path("system").get(0).path("text").asText())
                .isEqualTo("You are the shop's assistant.\n\nContext from the application (JSON):"
                        + " {\"page\":\"kettles\"}");
    }

    @Test
    void anEventThatIsNotAConversationsSaysWhatIsMissing() {
        Map<String, Object> event = event(false);
        event.remove("conversation");
        event.put("request", Map.of("headers", Map.of()));
        assertThatThrownBy(() -> run(handler(), event)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a conversation route's event (ConversationHandler is invoked by a conversation"
                        + " route's send-message mutation):\n"
                        + "  - request.headers.authorization is missing: the handler acts with the caller's identity"
                        + " and needs their token\n"
                        + "  - `conversation` (the route's configuration) is missing");
    }

    @Test
    void withoutAnApiEndpointTheHandlerSaysToGrantDataAccess() {
        env.remove("shopData_GRAPHQL_ENDPOINT");
        assertThatThrownBy(() -> run(handler(), event(false))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no <api>_GRAPHQL_ENDPOINT variable: the function needs data access");
    }
}
