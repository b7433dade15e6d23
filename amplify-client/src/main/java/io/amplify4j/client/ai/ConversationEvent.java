package io.amplify4j.client.ai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The event a conversation route's send-message mutation invokes its handler function with, read into what the
 * handler needs: who is asking (the caller's {@code Authorization} header, forwarded so that owner rules apply to
 * everything the handler reads and writes), which conversation and user message, and the route's configuration
 * (model, system prompt, inference configuration, tools and the GraphQL documents the plan generated for it).
 *
 * @param fieldName the send-message mutation, such as {@code chat}
 * @param conversationId the conversation the message was sent to
 * @param content the user message's content blocks, as sent ({@code [ContentBlockInput]})
 * @param aiContext the {@code aiContext} argument, when one was sent
 * @param authorization the caller's {@code Authorization} header
 * @param userMessageId the id of the saved user message (the pipeline's previous result)
 * @param route the route's configuration
 */
public record ConversationEvent(String fieldName, String conversationId, JsonNode content,
        Optional<JsonNode> aiContext, String authorization, String userMessageId, Route route) {

    public ConversationEvent {
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(aiContext, "aiContext");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(userMessageId, "userMessageId");
        Objects.requireNonNull(route, "route");
    }

    /**
     * A route's configuration, as the plan put it in the event.
     *
     * @param name the route, such as {@code chat}
     * @param modelId the Bedrock model id (or inference profile) to call
     * @param systemPrompt the route's system prompt
     * @param inferenceConfiguration {@code maxTokens}, {@code temperature}, {@code topP} (any may be absent)
     * @param messageHistoryQuery lists the conversation's messages; variables {@code $conversationId},
     *     {@code $nextToken}
     * @param responseMutation saves the assistant's message; variable {@code $input}
     * @param streamMutation publishes one part of the streamed response; variable {@code $input}
     * @param tools the tools the model may call
     */
    public record Route(String name, String modelId, String systemPrompt, JsonNode inferenceConfiguration,
            String messageHistoryQuery, String responseMutation, String streamMutation, List<GraphQLTool> tools) {
        public Route {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(modelId, "modelId");
            Objects.requireNonNull(systemPrompt, "systemPrompt");
            Objects.requireNonNull(inferenceConfiguration, "inferenceConfiguration");
            Objects.requireNonNull(messageHistoryQuery, "messageHistoryQuery");
            Objects.requireNonNull(responseMutation, "responseMutation");
            Objects.requireNonNull(streamMutation, "streamMutation");
            tools = List.copyOf(tools);
        }
    }

    /**
     * A tool that runs one of the backend's own queries through the API, with the caller's identity.
     *
     * @param name the tool's name, as the model calls it
     * @param description what the tool does, for the model
     * @param inputSchema the JSON schema of the tool's input (the query's arguments)
     * @param graphqlDocument the query; its variables are the tool input
     * @param resultPath the field of {@code data} holding the tool's result
     */
    public record GraphQLTool(String name, String description, JsonNode inputSchema, String graphqlDocument,
            String resultPath) {
        public GraphQLTool {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(inputSchema, "inputSchema");
            Objects.requireNonNull(graphqlDocument, "graphqlDocument");
            Objects.requireNonNull(resultPath, "resultPath");
        }
    }

    /**
     * Reads the event.
     *
     * @throws IllegalArgumentException listing every missing or malformed part, when the event is not a
     *     conversation route's (the handler was invoked by something else, or the plan and the handler disagree)
     */
    public static ConversationEvent from(JsonNode event) {
        List<String> problems = new ArrayList<>();
        String fieldName = text(event, "fieldName", problems);
        JsonNode arguments = event.path("arguments");
        String conversationId = text(arguments, "conversationId", "arguments.conversationId", problems);
        JsonNode content = arguments.path("content");
        if (!content.isArray()) {
            problems.add("arguments.content must be a list of content blocks");
        }
        JsonNode aiContext = arguments.get("aiContext");
        String authorization = header(event.path("request").path("headers"), "authorization");
        if (authorization == null) {
            problems.add("request.headers.authorization is missing: the handler acts with the caller's identity and"
                    + " needs their token");
        }
        String userMessageId = text(event.path("prev").path("result"), "id", "prev.result.id", problems);
        JsonNode conversation = event.path("conversation");
        Route route = null;
        if (!conversation.isObject()) {
            problems.add("`conversation` (the route's configuration) is missing");
        } else {
            List<GraphQLTool> tools = new ArrayList<>();
            JsonNode toolList = conversation.path("tools");
            for (int i = 0; i < toolList.size(); i++) {
                JsonNode tool = toolList.get(i);
                String where = "conversation.tools[" + i + "].";
                String name = text(tool, "name", where + "name", problems);
                String description = tool.path("description").asText("");
                JsonNode schema = tool.path("inputSchema");
                if (!schema.isObject()) {
                    problems.add(where + "inputSchema must be a JSON schema object");
                }
                String document = text(tool, "graphqlDocument", where + "graphqlDocument", problems);
                String resultPath = text(tool, "resultPath", where + "resultPath", problems);
                if (problems.isEmpty()) {
                    tools.add(new GraphQLTool(name, description, schema, document, resultPath));
                }
            }
            String name = text(conversation, "route", "conversation.route", problems);
            String modelId = text(conversation, "modelId", "conversation.modelId", problems);
            String history = text(conversation, "messageHistoryQuery", "conversation.messageHistoryQuery", problems);
            String response = text(conversation, "responseMutation", "conversation.responseMutation", problems);
            String stream = text(conversation, "streamMutation", "conversation.streamMutation", problems);
            JsonNode inference = conversation.path("inferenceConfiguration");
            if (problems.isEmpty()) {
                route = new Route(name, modelId, conversation.path("systemPrompt").asText(""),
                        inference.isObject() ? inference : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), history, response, stream, tools);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Not a conversation route's event (ConversationHandler is invoked by"
                    + " a conversation route's send-message mutation):\n  - " + String.join("\n  - ", problems));
        }
        return new ConversationEvent(fieldName, conversationId, content,
                aiContext == null || aiContext.isNull() ? Optional.empty() : Optional.of(aiContext),
                authorization, userMessageId, route);
    }

    private static String text(JsonNode node, String field, List<String> problems) {
        return text(node, field, field, problems);
    }

    private static String text(JsonNode node, String field, String where, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(where + " is missing");
            return null;
        }
        return value.asText();
    }

    /** A header's value, whatever the case of its name. */
    private static String header(JsonNode headers, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(name) && entry.getValue().isTextual()
                    && !entry.getValue().asText().isBlank()) {
                return entry.getValue().asText();
            }
        }
        return null;
    }
}
