package io.amplify4j.client.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a conversation's saved messages into Bedrock {@code messages}: oldest first, each assistant response right
 * after the user message it answers, the message being answered last (added from the event when the history query
 * did not see it yet), consecutive messages of one role merged (Bedrock wants the roles to alternate, starting with
 * the user), and the GraphQL content blocks rewritten in Bedrock's shape ({@code AWSJSON} strings parsed).
 */
final class ConversationHistory {
    private ConversationHistory() {}

    static ArrayNode messages(List<JsonNode> saved, ConversationEvent event, ObjectMapper mapper) {
        List<JsonNode> sorted = new ArrayList<>(saved);
        sorted.sort(Comparator.comparing((JsonNode m) -> m.path("createdAt").asText(""))
                .thenComparing(m -> m.path("id").asText("")));
        Map<String, List<JsonNode>> answers = new LinkedHashMap<>();
        List<JsonNode> ordered = new ArrayList<>();
        for (JsonNode message : sorted) {
            String associated = message.path("associatedUserMessageId").asText("");
            if (isAssistant(message) && !associated.isEmpty()) {
                answers.computeIfAbsent(associated, k -> new ArrayList<>()).add(message);
            }
        }
        boolean current = false;
        for (JsonNode message : sorted) {
            String id = message.path("id").asText("");
            if (isAssistant(message)) {
                String associated = message.path("associatedUserMessageId").asText("");
                if (associated.isEmpty() || sorted.stream().noneMatch(m -> m.path("id").asText("").equals(associated))) {
                    ordered.add(message);
                }
                continue;
            }
            if (id.equals(event.userMessageId())) {
                current = true;
                continue; // the message being answered goes last, whatever was sent after it
            }
            ordered.add(message);
            ordered.addAll(answers.getOrDefault(id, List.of()));
        }
        ObjectNode currentMessage = mapper.createObjectNode();
        currentMessage.put("role", "user");
        currentMessage.set("content", current ? sorted.stream()
                .filter(m -> m.path("id").asText("").equals(event.userMessageId())).findFirst().orElseThrow()
                .path("content") : event.content());
        ordered.add(currentMessage);

        ArrayNode out = mapper.createArrayNode();
        ObjectNode previous = null;
        for (JsonNode message : ordered) {
            String role = isAssistant(message) ? "assistant" : "user";
            ArrayNode content = blocks(message.path("content"), mapper);
            if (content.isEmpty()) {
                continue;
            }
            if (previous == null && role.equals("assistant")) {
                continue; // Bedrock wants the user first
            }
            if (previous != null && previous.path("role").asText().equals(role)) {
                ((ArrayNode) previous.get("content")).addAll(content);
                continue;
            }
            previous = out.addObject();
            previous.put("role", role);
            previous.set("content", content);
        }
        return out;
    }

    private static boolean isAssistant(JsonNode message) {
        return message.path("role").asText("").equalsIgnoreCase("assistant");
    }

    /** GraphQL {@code ContentBlock}s in Bedrock's shape; blank text blocks are left out (Bedrock refuses them). */
    static ArrayNode blocks(JsonNode content, ObjectMapper mapper) {
        ArrayNode out = mapper.createArrayNode();
        for (JsonNode block : content) {
            JsonNode text = block.get("text");
            if (text != null && text.isTextual() && !text.asText().isBlank()) {
                out.addObject().put("text", text.asText());
            }
            JsonNode toolUse = block.get("toolUse");
            if (toolUse != null && toolUse.isObject()) {
                ObjectNode use = out.addObject().putObject("toolUse");
                use.put("toolUseId", toolUse.path("toolUseId").asText());
                use.put("name", toolUse.path("name").asText());
                use.set("input", json(toolUse.get("input"), mapper));
            }
            JsonNode toolResult = block.get("toolResult");
            if (toolResult != null && toolResult.isObject()) {
                ObjectNode result = out.addObject().putObject("toolResult");
                result.put("toolUseId", toolResult.path("toolUseId").asText());
                if (toolResult.hasNonNull("status")) {
                    result.put("status", toolResult.get("status").asText());
                }
                ArrayNode parts = result.putArray("content");
                for (JsonNode part : toolResult.path("content")) {
                    if (part.hasNonNull("text")) {
                        parts.addObject().put("text", part.get("text").asText());
                    } else if (part.hasNonNull("json")) {
                        parts.addObject().set("json", json(part.get("json"), mapper));
                    }
                }
            }
        }
        return out;
    }

    /** An {@code AWSJSON} value: a JSON-encoded string over the wire, or already a JSON value. */
    static JsonNode json(JsonNode value, ObjectMapper mapper) {
        if (value == null || value.isNull()) {
            return mapper.createObjectNode();
        }
        if (value.isTextual()) {
            try {
                return mapper.readTree(value.asText());
            } catch (IOException e) {
                return value;
            }
        }
        return value;
    }
}
