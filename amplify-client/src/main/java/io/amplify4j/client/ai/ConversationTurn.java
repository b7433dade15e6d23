package io.amplify4j.client.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.GraphQLError;
import io.amplify4j.client.GraphQLRequest;
import io.amplify4j.client.GraphQLResponseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One run of a {@link ConversationHandler}: loads the history, calls {@code ConverseStream}, publishes each text
 * delta as a stream part, runs the tools the model asks for and feeds their results back (up to the turn limit),
 * saves the assistant's message and publishes the stop reason; or publishes the error that stopped it.
 *
 * <p>Streamed block indexes count the text blocks of the whole response, across model turns, so that block
 * {@code i} of the stream is content block {@code i} of the saved message.
 */
final class ConversationTurn {
    /** Pages of history read at most; a longer history is refused rather than cut short without a word. */
    static final int MAX_HISTORY_PAGES = 1000;

    private final ConversationEvent event;
    private final GraphQLClient graphql;
    private final BedrockRuntime bedrock;
    private final ObjectMapper mapper;
    private final String systemPrompt;
    private final List<ExecutableTool> javaTools;
    private final int maxTurns;
    private final Consumer<String> log;
    private final List<StringBuilder> responseBlocks = new ArrayList<>();

    ConversationTurn(ConversationEvent event, GraphQLClient graphql, BedrockRuntime bedrock, ObjectMapper mapper,
            String systemPrompt, List<ExecutableTool> javaTools, int maxTurns, Consumer<String> log) {
        this.event = event;
        this.graphql = graphql;
        this.bedrock = bedrock;
        this.mapper = mapper;
        this.systemPrompt = systemPrompt;
        this.javaTools = List.copyOf(javaTools);
        this.maxTurns = maxTurns;
        this.log = log;
    }

    /** Runs the turn; returns a summary. Errors are published to the client, then logged and summarized. */
    Map<String, Object> run() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("conversationId", event.conversationId());
        summary.put("associatedUserMessageId", event.userMessageId());
        int turns = 0;
        try {
            ArrayNode messages = ConversationHistory.messages(history(), event, mapper);
            String stopReason;
            while (true) {
                turns++;
                ModelTurn turn = converse(messages);
                stopReason = turn.stopReason;
                if (!turn.content.isEmpty()) {
                    ObjectNode assistant = messages.addObject();
                    assistant.put("role", "assistant");
                    assistant.set("content", turn.content);
                }
                if (!"tool_use".equals(stopReason) || turn.toolUses.isEmpty()) {
                    break;
                }
                if (turns >= maxTurns) {
                    throw new ConversationTurnException("ToolUseLimitExceeded", "The model asked for tools " + turns
                            + " times without finishing its answer; the limit is " + maxTurns + " (override"
                            + " ConversationHandler.maxTurns() to change it).");
                }
                ObjectNode results = messages.addObject();
                results.put("role", "user");
                ArrayNode content = results.putArray("content");
                for (JsonNode toolUse : turn.toolUses) {
                    content.add(runTool(toolUse));
                }
            }
            JsonNode saved = save();
            ObjectNode stop = part();
            stop.put("stopReason", stopReason == null ? "end_turn" : stopReason);
            publish(stop);
            summary.put("stopReason", stop.get("stopReason").asText());
            summary.put("turns", turns);
            summary.put("assistantMessageId", saved == null ? null : saved.path("id").asText(null));
            log.accept("conversation " + event.route().name() + "/" + event.conversationId() + ": answered "
                    + event.userMessageId() + " in " + turns + " model turn(s), " + responseBlocks.size()
                    + " text block(s), stop " + summary.get("stopReason"));
            return summary;
        } catch (RuntimeException e) {
            String errorType = errorType(e);
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            log.accept("conversation " + event.route().name() + "/" + event.conversationId() + ": turn for "
                    + event.userMessageId() + " failed: " + errorType + ": " + message);
            ObjectNode failed = part();
            ObjectNode error = failed.putArray("errors").addObject();
            error.put("errorType", errorType);
            error.put("message", message);
            try {
                publish(failed);
            } catch (RuntimeException unreported) {
                // The client cannot be told; fail the invocation so that the error shows in the function's metrics.
                e.addSuppressed(unreported);
                throw e;
            }
            summary.put("turns", turns);
            summary.put("errors", List.of(Map.of("errorType", errorType, "message", message)));
            return summary;
        }
    }

    private static String errorType(RuntimeException e) {
        if (e instanceof BedrockException bedrock) {
            return bedrock.errorType();
        }
        if (e instanceof ConversationTurnException turn) {
            return turn.errorType();
        }
        if (e instanceof GraphQLResponseException graphql && !graphql.errors().isEmpty()) {
            return graphql.errors().get(0).errorType().orElse("GraphQLError");
        }
        return e.getClass().getSimpleName();
    }

    // ------------------------------------------------------------------------------------------ history

    private List<JsonNode> history() {
        List<JsonNode> items = new ArrayList<>();
        String nextToken = null;
        int pages = 0;
        do {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("conversationId", event.conversationId());
            variables.put("nextToken", nextToken);
            JsonNode page = single(execute(event.route().messageHistoryQuery(), variables), "messageHistoryQuery");
            page.path("items").forEach(item -> {
                if (item != null && !item.isNull()) {
                    items.add(item);
                }
            });
            JsonNode token = page.get("nextToken");
            String next = token == null || token.isNull() ? null : token.asText();
            if (next != null && next.equals(nextToken)) {
                throw new ConversationTurnException("InvalidHistory", "The message history query returned the"
                        + " nextToken it was given; stopping instead of looping.");
            }
            nextToken = next;
            pages++;
            if (nextToken != null && pages == MAX_HISTORY_PAGES) {
                throw new ConversationTurnException("HistoryTooLong", "The conversation's history is longer than "
                        + MAX_HISTORY_PAGES + " pages; start a new conversation.");
            }
        } while (nextToken != null);
        return items;
    }

    /** The value of the only field of {@code data}. */
    private static JsonNode single(JsonNode data, String what) {
        if (data == null || !data.isObject() || data.size() != 1) {
            throw new ConversationTurnException("InvalidResponse", "The " + what + " answered " + data
                    + "; expected one field.");
        }
        return data.elements().next();
    }

    // ------------------------------------------------------------------------------------------ the model

    /** What one call of the model produced. */
    private record ModelTurn(ArrayNode content, List<JsonNode> toolUses, String stopReason) {}

    /** A content block of the model's message being streamed. */
    private static final class Block {
        final boolean tool;
        final StringBuilder text = new StringBuilder();
        int responseIndex = -1;
        int deltas;
        boolean done;
        String toolUseId = "";
        String name = "";

        Block(boolean tool) {
            this.tool = tool;
        }
    }

    private ModelTurn converse(ArrayNode messages) {
        ObjectNode request = mapper.createObjectNode();
        request.set("messages", messages);
        if (!systemPrompt.isBlank()) {
            request.putArray("system").addObject().put("text", systemPrompt);
        }
        ObjectNode inference = mapper.createObjectNode();
        for (String field : List.of("maxTokens", "temperature", "topP", "stopSequences")) {
            JsonNode value = event.route().inferenceConfiguration().get(field);
            if (value != null && !value.isNull()) {
                inference.set(field, value);
            }
        }
        if (!inference.isEmpty()) {
            request.set("inferenceConfig", inference);
        }
        ArrayNode tools = mapper.createArrayNode();
        for (ConversationEvent.GraphQLTool tool : event.route().tools()) {
            toolSpec(tools, tool.name(), tool.description(), tool.inputSchema());
        }
        for (ExecutableTool tool : javaTools) {
            toolSpec(tools, tool.name(), tool.description(), tool.inputSchema());
        }
        if (!tools.isEmpty()) {
            request.putObject("toolConfig").set("tools", tools);
        }

        TreeMap<Integer, Block> blocks = new TreeMap<>();
        String stopReason = null;
        try (ConverseStream stream = bedrock.converseStream(event.route().modelId(), request)) {
            while (stream.hasNext()) {
                ConverseStreamEvent e = stream.next();
                int index = e.contentBlockIndex().orElse(0);
                switch (e.type()) {
                    case ConverseStreamEvent.CONTENT_BLOCK_START -> e.toolUseStart().ifPresent(start -> {
                        Block block = blocks.computeIfAbsent(index, i -> new Block(true));
                        block.toolUseId = start.path("toolUseId").asText("");
                        block.name = start.path("name").asText("");
                    });
                    case ConverseStreamEvent.CONTENT_BLOCK_DELTA -> {
                        Optional<String> text = e.textDelta();
                        if (text.isPresent()) {
                            textDelta(blocks.computeIfAbsent(index, i -> new Block(false)), text.get());
                        }
                        e.toolUseInputDelta().ifPresent(input ->
                                blocks.computeIfAbsent(index, i -> new Block(true)).text.append(input));
                    }
                    case ConverseStreamEvent.CONTENT_BLOCK_STOP -> {
                        Block block = blocks.get(index);
                        if (block != null) {
                            finish(block);
                        }
                    }
                    case ConverseStreamEvent.MESSAGE_STOP -> stopReason = e.stopReason().orElse(null);
                    default -> { }
                }
            }
        }
        ArrayNode content = mapper.createArrayNode();
        List<JsonNode> toolUses = new ArrayList<>();
        for (Block block : blocks.values()) {
            finish(block);
            if (block.tool) {
                ObjectNode use = content.addObject().putObject("toolUse");
                use.put("toolUseId", block.toolUseId);
                use.put("name", block.name);
                use.set("input", toolInput(block));
                toolUses.add(use);
            } else if (!block.text.toString().isBlank()) {
                content.addObject().put("text", block.text.toString());
            }
        }
        return new ModelTurn(content, toolUses, stopReason);
    }

    private static void toolSpec(ArrayNode tools, String name, String description, JsonNode schema) {
        ObjectNode spec = tools.addObject().putObject("toolSpec");
        spec.put("name", name);
        spec.put("description", description);
        spec.putObject("inputSchema").set("json", schema);
    }

    private void textDelta(Block block, String text) {
        if (block.responseIndex < 0) {
            block.responseIndex = responseBlocks.size();
            responseBlocks.add(new StringBuilder());
        }
        block.text.append(text);
        responseBlocks.get(block.responseIndex).append(text);
        ObjectNode part = part();
        part.put("contentBlockIndex", block.responseIndex);
        part.put("contentBlockDeltaIndex", block.deltas++);
        part.put("contentBlockText", text);
        publish(part);
    }

    private void finish(Block block) {
        if (block.done) {
            return;
        }
        block.done = true;
        if (!block.tool && block.responseIndex >= 0) {
            ObjectNode part = part();
            part.put("contentBlockIndex", block.responseIndex);
            part.put("contentBlockDoneAtIndex", block.deltas - 1);
            publish(part);
        }
    }

    private JsonNode toolInput(Block block) {
        String text = block.text.toString();
        if (text.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new ConversationTurnException("InvalidToolInput", "The model's input for tool `" + block.name
                    + "` is not JSON: " + text);
        }
    }

    // ------------------------------------------------------------------------------------------ tools

    private ObjectNode runTool(JsonNode toolUse) {
        String name = toolUse.path("name").asText();
        String toolUseId = toolUse.path("toolUseId").asText();
        JsonNode input = toolUse.path("input");
        ObjectNode block = mapper.createObjectNode();
        ObjectNode result = block.putObject("toolResult");
        result.put("toolUseId", toolUseId);
        ArrayNode content = result.putArray("content");
        try {
            JsonNode value = invokeTool(name, input, toolUseId);
            content.addObject().set("json", value != null && value.isObject() ? value
                    : mapper.createObjectNode().set("value", value));
            result.put("status", "success");
            log.accept("conversation " + event.route().name() + ": tool " + name + " succeeded");
        } catch (Exception e) {
            String message = e instanceof GraphQLResponseException graphqlError
                    ? graphqlError.errors().stream().map(GraphQLError::message).reduce((a, b) -> a + "; " + b)
                            .orElse(e.getMessage())
                    : e.getMessage() == null ? e.toString() : e.getMessage();
            content.addObject().put("text", "The tool failed: " + message);
            result.put("status", "error");
            log.accept("conversation " + event.route().name() + ": tool " + name + " failed: " + message);
        }
        return block;
    }

    private JsonNode invokeTool(String name, JsonNode input, String toolUseId) throws Exception {
        for (ConversationEvent.GraphQLTool tool : event.route().tools()) {
            if (tool.name().equals(name)) {
                Map<String, Object> variables = input.isObject() ? mapper.convertValue(input,
                        mapper.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class))
                        : Map.of();
                JsonNode data = execute(tool.graphqlDocument(), variables);
                JsonNode value = data;
                for (String field : tool.resultPath().split("\\.")) {
                    value = value == null ? null : value.get(field);
                }
                return value == null ? mapper.nullNode() : value;
            }
        }
        for (ExecutableTool tool : javaTools) {
            if (tool.name().equals(name)) {
                return tool.invoke(input, new ExecutableTool.ToolCall(event, toolUseId));
            }
        }
        List<String> known = new ArrayList<>();
        event.route().tools().forEach(t -> known.add(t.name()));
        javaTools.forEach(t -> known.add(t.name()));
        throw new IllegalArgumentException("There is no tool named `" + name + "`; the tools are " + known + ".");
    }

    // ------------------------------------------------------------------------------------------ the API

    /** A stream part for this turn, with its conversation and user message set. */
    private ObjectNode part() {
        ObjectNode part = mapper.createObjectNode();
        part.put("conversationId", event.conversationId());
        part.put("associatedUserMessageId", event.userMessageId());
        return part;
    }

    private void publish(ObjectNode part) {
        execute(event.route().streamMutation(), Map.of("input", part));
    }

    private JsonNode save() {
        ObjectNode input = mapper.createObjectNode();
        input.put("conversationId", event.conversationId());
        input.put("associatedUserMessageId", event.userMessageId());
        ArrayNode content = input.putArray("content");
        for (StringBuilder text : responseBlocks) {
            content.addObject().put("text", text.toString());
        }
        return single(execute(event.route().responseMutation(), Map.of("input", input)), "responseMutation");
    }

    private JsonNode execute(String document, Map<String, Object> variables) {
        GraphQLRequest<JsonNode> request = GraphQLRequest.builder(JsonNode.class).document(document)
                .variables(variables).build();
        return graphql.execute(request);
    }
}
