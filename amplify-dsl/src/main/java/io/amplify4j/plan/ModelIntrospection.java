package io.amplify4j.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.ConversationDefinition;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.CustomTypeDefinition;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.EnumDefinition;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.model.data.RelationshipDefinition;
import io.amplify4j.model.data.TypeRef;
import java.util.List;

/**
 * Amplify's model introspection schema (the {@code data.model_introspection} object of
 * {@code amplify_outputs.json}), which Amplify's own clients ({@code generateClient}) read to build their typed
 * API. Rendered from the model plans, so its names are the SDL's names.
 *
 * <p>Shape, as Amplify's {@code ModelIntrospectionSchema}: {@code version}, {@code models}, {@code enums},
 * {@code nonModels}, and {@code queries}, {@code mutations}, {@code subscriptions} for custom operations, then
 * {@code generations} (the generation routes, also listed under {@code queries}) and {@code conversations} (per route:
 * {@code name}, {@code models}, {@code nonModels}, {@code enums}, {@code conversation.modelName},
 * {@code message.modelName}, {@code message.send}, {@code message.subscribe}).
 */
public final class ModelIntrospection {
    /** Amplify clients send this as the default owner identity claim; it stands for our {@code sub::username}. */
    private static final String CLIENT_DEFAULT_IDENTITY_CLAIM = "cognito:username";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final DataDefinition definition;
    private final List<ModelPlan> models;

    private ModelIntrospection(DataDefinition definition, List<ModelPlan> models) {
        this.definition = definition;
        this.models = models;
    }

    /** The model introspection schema of a data definition, from its model plans. */
    static ObjectNode of(DataDefinition definition, List<ModelPlan> models, Names names) {
        return new ModelIntrospection(definition, models).render(names);
    }

    private ObjectNode render(Names names) {
        ObjectNode root = JSON.objectNode();
        root.put("version", 1);
        ObjectNode models = root.putObject("models");
        this.models.forEach(model -> models.set(model.name(), model(model, names)));
        ObjectNode enums = root.putObject("enums");
        definition.enums().forEach(e -> enums.set(e.name(), enumType(e)));
        ObjectNode nonModels = root.putObject("nonModels");
        java.util.Set<String> inputOnly = AiRoutes.inputOnlyTypes(definition, names);
        definition.customTypes().stream().filter(t -> !inputOnly.contains(t.name()))
                .forEach(t -> nonModels.set(t.name(), nonModel(t)));
        for (CustomOperation.Type type : CustomOperation.Type.values()) {
            List<CustomOperation> operations = definition.operations().stream()
                    .filter(op -> op.type() == type)
                    .toList();
            if (!operations.isEmpty()) {
                ObjectNode section = root.putObject(sectionName(type));
                operations.forEach(op -> section.set(op.name(), operation(op, names)));
            }
        }
        List<CustomOperation> generations = definition.operations().stream()
                .filter(op -> op.generation().isPresent())
                .toList();
        if (!generations.isEmpty()) {
            ObjectNode section = root.putObject("generations");
            generations.forEach(op -> section.set(op.name(), operation(op, names)));
        }
        if (!definition.conversations().isEmpty()) {
            ObjectNode section = root.putObject("conversations");
            definition.conversations().forEach(route -> section.set(route.name(), conversation(route, names)));
        }
        return root;
    }

    /**
     * A conversation route as Amplify's clients read it ({@code client.conversations.<route>}): its two models, the
     * types and enum its messages use, and the send-message mutation and subscription.
     */
    private ObjectNode conversation(ConversationDefinition route, Names names) {
        ObjectNode node = JSON.objectNode();
        node.put("name", route.name());
        String conversationModel = names.conversationModel(route.name());
        String messageModel = names.conversationMessageModel(route.name());
        ObjectNode routeModels = node.putObject("models");
        for (ModelPlan model : models) {
            if (model.name().equals(conversationModel) || model.name().equals(messageModel)) {
                routeModels.set(model.name(), model(model, names));
            }
        }
        ObjectNode routeTypes = node.putObject("nonModels");
        for (CustomTypeDefinition type : AiRoutes.sharedTypes()) {
            definition.customType(type.name()).ifPresent(t -> routeTypes.set(t.name(), nonModel(t)));
        }
        ObjectNode routeEnums = node.putObject("enums");
        definition.enumType(AiRoutes.ROLE_ENUM).ifPresent(e -> routeEnums.set(e.name(), enumType(e)));
        node.putObject("conversation").put("modelName", conversationModel);
        ObjectNode message = node.putObject("message");
        message.put("modelName", messageModel);
        definition.operation(route.name()).ifPresent(op -> message.set("send", operation(op, names)));
        definition.operation(names.assistantResponseSubscription(route.name()))
                .ifPresent(op -> message.set("subscribe", operation(op, names)));
        return node;
    }

    private static String sectionName(CustomOperation.Type type) {
        return switch (type) {
            case QUERY -> "queries";
            case MUTATION -> "mutations";
            case SUBSCRIPTION -> "subscriptions";
        };
    }

    private ObjectNode model(ModelPlan model, Names names) {
        ObjectNode node = JSON.objectNode();
        node.put("name", model.name());
        ObjectNode fields = node.putObject("fields");
        for (FieldPlan field : model.fields()) {
            ObjectNode fieldNode = field(field.name(), field.type(), false);
            if (field.origin() == FieldPlan.Origin.TIMESTAMP) {
                fieldNode.put("isRequired", false);
                fieldNode.put("isReadOnly", true);
            }
            field.relationship().ifPresent(r -> fieldNode.set("association", association(r)));
            fields.set(field.name(), fieldNode);
        }
        node.put("syncable", true);
        node.put("pluralName", names.plural(model.name()));
        ArrayNode attributes = node.putArray("attributes");
        attributes.add(attribute("model", JSON.objectNode()));
        PrimaryKeyPlan key = model.primaryKey();
        if (key.explicit()) {
            ObjectNode properties = JSON.objectNode();
            strings(properties.putArray("fields"), key.fields());
            attributes.add(attribute("key", properties));
        }
        for (IndexPlan index : model.indexes()) {
            ObjectNode properties = JSON.objectNode();
            properties.put("name", index.name());
            index.queryField().ifPresent(q -> properties.put("queryField", q));
            ArrayNode fieldNames = properties.putArray("fields");
            fieldNames.add(index.partitionKey());
            strings(fieldNames, index.sortKeys());
            attributes.add(attribute("key", properties));
        }
        ObjectNode auth = JSON.objectNode();
        ArrayNode rules = auth.putArray("rules");
        model.rules().forEach(rule -> rules.add(rule(rule)));
        attributes.add(attribute("auth", auth));
        ObjectNode primaryKeyInfo = node.putObject("primaryKeyInfo");
        primaryKeyInfo.put("isCustomPrimaryKey", key.explicit());
        primaryKeyInfo.put("primaryKeyFieldName", key.partitionKey());
        strings(primaryKeyInfo.putArray("sortKeyFieldNames"), key.sortKeys());
        return node;
    }

    private static ObjectNode association(RelationshipDefinition relationship) {
        ObjectNode node = JSON.objectNode();
        node.put("connectionType", switch (relationship.kind()) {
            case HAS_MANY -> "HAS_MANY";
            case HAS_ONE -> "HAS_ONE";
            case BELONGS_TO -> "BELONGS_TO";
        });
        if (relationship.kind() == RelationshipDefinition.Kind.BELONGS_TO) {
            strings(node.putArray("targetNames"), relationship.references());
        } else {
            strings(node.putArray("associatedWith"), relationship.references());
            if (relationship.kind() == RelationshipDefinition.Kind.HAS_ONE) {
                node.putArray("targetNames");
            }
        }
        return node;
    }

    private ObjectNode enumType(EnumDefinition definition) {
        ObjectNode node = JSON.objectNode();
        node.put("name", definition.name());
        strings(node.putArray("values"), definition.values());
        return node;
    }

    private ObjectNode nonModel(CustomTypeDefinition definition) {
        ObjectNode node = JSON.objectNode();
        node.put("name", definition.name());
        ObjectNode fields = node.putObject("fields");
        for (FieldDefinition field : definition.fields()) {
            fields.set(field.name(), field(field.name(), field.type(), false));
        }
        return node;
    }

    private ObjectNode operation(CustomOperation operation, Names names) {
        ObjectNode node = operation.returns()
                .map(type -> field(operation.name(), type, false))
                .orElseGet(JSON::objectNode);
        if (operation.returns().isEmpty()) {
            node.put("name", operation.name());
        }
        node.remove("attributes");
        if (!operation.arguments().isEmpty()) {
            ObjectNode arguments = node.putObject("arguments");
            for (CustomOperation.Argument argument : operation.arguments()) {
                ObjectNode argumentNode = field(argument.name(), argument.type(), true);
                argumentNode.remove("attributes");
                if (argument.type().base() instanceof TypeRef.CustomType custom) {
                    argumentNode.set("type", JSON.objectNode().put("input", names.nonModelInput(custom.name())));
                }
                arguments.set(argument.name(), argumentNode);
            }
        }
        return node;
    }

    /** A field entry: name, type, list and requiredness as Amplify's clients read them. */
    private static ObjectNode field(String name, FieldType type, boolean argument) {
        ObjectNode node = JSON.objectNode();
        node.put("name", name);
        node.put("isArray", type.list());
        node.set("type", type(type.base()));
        node.put("isRequired", type.list() ? type.elementRequired() : type.required());
        if (!argument) {
            node.putArray("attributes");
        }
        if (type.list()) {
            node.put("isArrayNullable", !type.required());
        }
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode type(TypeRef base) {
        if (base instanceof TypeRef.Scalar scalar) {
            return JSON.textNode(scalar.graphqlName());
        }
        String kind = base instanceof TypeRef.EnumType ? "enum"
                : base instanceof TypeRef.CustomType ? "nonModel"
                : "model";
        return JSON.objectNode().put(kind, base.graphqlName());
    }

    /** A rule as Amplify's {@code @auth} directive argument, which its clients read to pick an auth mode. */
    static ObjectNode rule(AuthRule rule) {
        ObjectNode node = JSON.objectNode();
        if (rule instanceof AuthRule.PublicApiKey) {
            node.put("allow", "public").put("provider", "apiKey");
        } else if (rule instanceof AuthRule.Guest) {
            node.put("allow", "public").put("provider", "iam");
        } else if (rule instanceof AuthRule.Authenticated r) {
            node.put("allow", "private");
            if (r.provider() != AuthProvider.USER_POOLS) {
                node.put("provider", r.provider() == AuthProvider.IDENTITY_POOL ? "iam" : r.provider().amplifyName());
            }
        } else if (rule instanceof AuthRule.Owner r) {
            node.put("provider", r.provider().amplifyName());
            node.put("ownerField", r.field());
            node.put("allow", "owner");
            node.put("identityClaim", r.identityClaim().equals(AuthRule.Owner.DEFAULT_IDENTITY_CLAIM)
                    ? CLIENT_DEFAULT_IDENTITY_CLAIM : r.identityClaim());
        } else if (rule instanceof AuthRule.Groups r) {
            node.put("groupClaim", r.groupClaim());
            node.put("provider", r.provider().amplifyName());
            node.put("allow", "groups");
            strings(node.putArray("groups"), r.groups());
        } else if (rule instanceof AuthRule.GroupsDefinedIn r) {
            node.put("groupClaim", r.groupClaim());
            node.put("provider", r.provider().amplifyName());
            node.put("allow", "groups");
            node.put("groupsField", r.field());
        } else {
            node.put("allow", "custom").put("provider", "function");
        }
        ArrayNode operations = node.putArray("operations");
        rule.effectiveOperations().stream().map(ModelOperation::amplifyName).forEach(operations::add);
        return node;
    }

    private static ObjectNode attribute(String type, ObjectNode properties) {
        ObjectNode node = JSON.objectNode();
        node.put("type", type);
        node.set("properties", properties);
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
