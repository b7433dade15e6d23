package io.amplify4j.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.amplify4j.manifest.Json;
import io.amplify4j.model.Canonical;
import io.amplify4j.model.data.AiModel;
import io.amplify4j.model.data.InferenceConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything derived from one conversation route, derived once: the names of what the route expanded into
 * ({@link AiRoutes}), the function that runs its turns, and the GraphQL documents and tool schemas the conversation
 * handler uses, so that the handler is generic and reads all of it from its event ({@link #payload()}).
 *
 * @param route the route's name (the send-message mutation)
 * @param aiModel the model the handler calls
 * @param systemPrompt the system prompt of every turn
 * @param inference the inference parameters
 * @param handlerFunction the function running the turns: the route's own, or the default handler function
 * @param conversationModel {@code Conversation<Route>}
 * @param messageModel {@code ConversationMessage<Route>}
 * @param responseMutation {@code createAssistantResponse<Route>}
 * @param streamMutation {@code createAssistantResponseStream<Route>}
 * @param subscription {@code onCreateAssistantResponse<Route>}
 * @param messageIndexQuery the query listing a conversation's messages by creation time
 * @param messageHistoryQuery the GraphQL document listing a conversation's messages, oldest first (variables
 *     {@code $conversationId}, {@code $nextToken})
 * @param responseMutationDocument the GraphQL document saving the assistant's answer (variable {@code $input})
 * @param streamMutationDocument the GraphQL document publishing a part of the answer (variable {@code $input}); it
 *     selects every field of the stream part, since subscribers receive only what the mutation selects
 * @param tools the tools, in declaration order
 */
public record ConversationPlan(
        String route,
        AiModel aiModel,
        String systemPrompt,
        InferenceConfiguration inference,
        String handlerFunction,
        String conversationModel,
        String messageModel,
        String responseMutation,
        String streamMutation,
        String subscription,
        String messageIndexQuery,
        String messageHistoryQuery,
        String responseMutationDocument,
        String streamMutationDocument,
        List<Tool> tools) {

    public ConversationPlan {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(aiModel, "aiModel");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(inference, "inference");
        Objects.requireNonNull(handlerFunction, "handlerFunction");
        Objects.requireNonNull(conversationModel, "conversationModel");
        Objects.requireNonNull(messageModel, "messageModel");
        Objects.requireNonNull(responseMutation, "responseMutation");
        Objects.requireNonNull(streamMutation, "streamMutation");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(messageIndexQuery, "messageIndexQuery");
        Objects.requireNonNull(messageHistoryQuery, "messageHistoryQuery");
        Objects.requireNonNull(responseMutationDocument, "responseMutationDocument");
        Objects.requireNonNull(streamMutationDocument, "streamMutationDocument");
        tools = Canonical.list(tools);
    }

    /**
     * A tool as the handler offers it to the model and runs it.
     *
     * @param name the tool's name
     * @param description what it does
     * @param inputSchema the JSON schema of its input, as compact JSON text with sorted keys
     * @param graphqlDocument the query it runs; its variables are the tool's input
     * @param resultPath the field of the query's {@code data} holding the tool's result
     */
    public record Tool(String name, String description, String inputSchema, String graphqlDocument,
            String resultPath) {
        public Tool {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(inputSchema, "inputSchema");
            Objects.requireNonNull(graphqlDocument, "graphqlDocument");
            Objects.requireNonNull(resultPath, "resultPath");
        }
    }

    /**
     * The {@code conversation} object of the handler's event: route, modelId, systemPrompt, inferenceConfiguration
     * (only the parameters set), the three documents and the tools (inputSchema as a JSON object). Maps have sorted
     * keys.
     */
    public Map<String, Object> payload() {
        Map<String, Object> out = new TreeMap<>();
        out.put("route", route);
        out.put("modelId", aiModel.bedrockModelId());
        out.put("systemPrompt", systemPrompt);
        out.put("inferenceConfiguration", inferenceConfiguration(inference));
        out.put("messageHistoryQuery", messageHistoryQuery);
        out.put("responseMutation", responseMutationDocument);
        out.put("streamMutation", streamMutationDocument);
        List<Map<String, Object>> toolList = new ArrayList<>();
        for (Tool tool : tools) {
            Map<String, Object> json = new TreeMap<>();
            json.put("name", tool.name());
            json.put("description", tool.description());
            try {
                json.put("inputSchema", Json.mapper().readTree(tool.inputSchema()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The plan wrote an invalid schema for tool " + tool.name(), e);
            }
            json.put("graphqlDocument", tool.graphqlDocument());
            json.put("resultPath", tool.resultPath());
            toolList.add(json);
        }
        out.put("tools", toolList);
        return out;
    }

    /** Bedrock's {@code inferenceConfig}: only the parameters set, sorted. */
    public static Map<String, Object> inferenceConfiguration(InferenceConfiguration inference) {
        Map<String, Object> out = new TreeMap<>();
        inference.maxTokens().ifPresent(v -> out.put("maxTokens", v));
        inference.temperature().ifPresent(v -> out.put("temperature", v));
        inference.topP().ifPresent(v -> out.put("topP", v));
        return out;
    }
}
