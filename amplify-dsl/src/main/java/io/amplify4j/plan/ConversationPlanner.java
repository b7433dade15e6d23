package io.amplify4j.plan;

import io.amplify4j.model.data.ConversationDefinition;
import io.amplify4j.model.data.ConversationTool;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.CustomTypeDefinition;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.TypeRef;
import io.amplify4j.manifest.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans each conversation route of an expanded data definition ({@link AiRoutes}): its names, and the GraphQL
 * documents and tool schemas its handler runs. Documents are one line each, anonymous operations, selecting every
 * scalar, enum and custom-type field (relationships are left out: the handler reads what it stores).
 */
final class ConversationPlanner {
    private final DataDefinition data;
    private final List<ModelPlan> models;
    private final Names names;
    private final JsonSchemas schemas;

    ConversationPlanner(DataDefinition data, List<ModelPlan> models, Names names) {
        this.data = data;
        this.models = models;
        this.names = names;
        this.schemas = new JsonSchemas(data);
    }

    List<ConversationPlan> plans() {
        return data.conversations().stream().map(this::plan).toList();
    }

    private ConversationPlan plan(ConversationDefinition route) {
        String messageModel = names.conversationMessageModel(route.name());
        ModelPlan messages = model(messageModel);
        String indexQuery = messages.indexes().stream()
                .filter(i -> i.partitionKey().equals("conversationId"))
                .flatMap(i -> i.queryField().stream())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No index query on " + messageModel));
        String responseMutation = names.assistantResponseMutation(route.name());
        String streamMutation = names.assistantResponseStreamMutation(route.name());
        String history = "query($conversationId: ID!, $nextToken: String) { " + indexQuery
                + "(conversationId: $conversationId, sortDirection: ASC, nextToken: $nextToken) { items "
                + selection(messages) + " nextToken } }";
        String responseDocument = "mutation($input: " + names.nonModelInput(Names.upperFirst(responseMutation))
                + "!) { " + responseMutation + "(input: $input) " + selection(messages) + " }";
        String streamDocument = "mutation($input: " + names.nonModelInput(Names.upperFirst(streamMutation))
                + "!) { " + streamMutation + "(input: $input)" + selection(FieldType.of(
                        new TypeRef.CustomType(AiRoutes.STREAM_PART)), new LinkedHashSet<>()) + " }";
        List<ConversationPlan.Tool> tools = new ArrayList<>();
        for (ConversationTool tool : route.tools()) {
            tools.add(tool(tool));
        }
        return new ConversationPlan(route.name(), route.aiModel(), route.systemPrompt(), route.inference(),
                AiRoutes.handlerFunction(route, names), names.conversationModel(route.name()), messageModel,
                responseMutation, streamMutation, names.assistantResponseSubscription(route.name()), indexQuery,
                history, responseDocument, streamDocument, tools);
    }

    private ConversationPlan.Tool tool(ConversationTool tool) {
        if (tool.target() instanceof ConversationTool.Target.ModelList list) {
            ModelPlan model = model(list.model());
            String field = model.operation(ModelOperationKind.LIST).orElseThrow(() ->
                    new IllegalStateException("Model " + list.model() + " has no list operation"));
            String document = "query($filter: " + model.names().filterInput() + ", $limit: Int, $nextToken: String) { "
                    + field + "(filter: $filter, limit: $limit, nextToken: $nextToken) { items " + selection(model)
                    + " nextToken } }";
            return new ConversationPlan.Tool(tool.name(), tool.description(), json(schemas.listArguments(model)),
                    document, field);
        }
        String operationName = ((ConversationTool.Target.Query) tool.target()).operation();
        CustomOperation query = data.operation(operationName).orElseThrow(() ->
                new IllegalStateException("No custom query " + operationName));
        List<String> variables = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        for (CustomOperation.Argument argument : query.arguments()) {
            variables.add("$" + argument.name() + ": " + inputType(argument.type()));
            arguments.add(argument.name() + ": $" + argument.name());
        }
        String returns = query.returns().map(r -> selection(r, new LinkedHashSet<>())).orElse("");
        String document = "query" + (variables.isEmpty() ? "" : "(" + String.join(", ", variables) + ")") + " { "
                + query.name() + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")") + returns
                + " }";
        return new ConversationPlan.Tool(tool.name(), tool.description(), json(schemas.arguments(query.arguments())),
                document, query.name());
    }

    /** A type in input position, as the SDL writes it: custom types become their input types. */
    private String inputType(FieldType type) {
        if (type.base() instanceof TypeRef.CustomType custom) {
            return type.graphql(names.nonModelInput(custom.name()));
        }
        return type.graphql();
    }

    /** The selection set of a model: its stored fields, custom types expanded. */
    private String selection(ModelPlan model) {
        List<String> fields = new ArrayList<>();
        for (FieldPlan field : model.fields()) {
            if (field.isStored()) {
                fields.add(field.name() + selection(field.type(), new LinkedHashSet<>()));
            }
        }
        return "{ " + String.join(" ", fields) + " }";
    }

    /**
     * The selection set of a value of {@code type}: empty for scalars and enums, the fields of a custom type (a field
     * that would repeat a custom type already being expanded is left out), the stored fields of a model.
     */
    private String selection(FieldType type, Set<String> path) {
        TypeRef base = type.base();
        if (base instanceof TypeRef.Model model) {
            return " " + selection(model(model.name()));
        }
        if (!(base instanceof TypeRef.CustomType custom)) {
            return "";
        }
        CustomTypeDefinition definition = data.customType(custom.name()).orElseThrow();
        path.add(custom.name());
        List<String> fields = new ArrayList<>();
        for (FieldDefinition field : definition.fields()) {
            if (field.type().base() instanceof TypeRef.CustomType nested && path.contains(nested.name())) {
                continue;
            }
            fields.add(field.name() + selection(field.type(), path));
        }
        path.remove(custom.name());
        return " { " + String.join(" ", fields) + " }";
    }

    private ModelPlan model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No model " + name));
    }

    /** Compact JSON with sorted keys. */
    static String json(Map<String, Object> schema) {
        try {
            return Json.mapper().writeValueAsString(schema);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
