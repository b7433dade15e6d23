package io.amplify4j.model.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The GraphQL API: its models, types, operations and authorization.
 *
 * @param name the API's name ({@code amplifyData} by default)
 * @param authorizationModes how callers authenticate
 * @param rules schema-level rules, applied to every model that has none of its own
 * @param functionAccess functions granted IAM access to the API
 * @param models models, in declaration order
 * @param enums enums, in declaration order
 * @param customTypes custom types, in declaration order
 * @param operations custom queries, mutations and subscriptions (generation routes among them), in declaration order
 * @param conversations conversation routes, in declaration order
 */
public record DataDefinition(
        String name,
        AuthorizationModes authorizationModes,
        List<AuthRule> rules,
        List<FunctionDataAccess> functionAccess,
        List<ModelDefinition> models,
        List<EnumDefinition> enums,
        List<CustomTypeDefinition> customTypes,
        List<CustomOperation> operations,
        // Left out when empty, so manifests of definitions without conversation routes keep their bytes.
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ConversationDefinition> conversations) {

    public static final String DEFAULT_NAME = "amplifyData";

    public DataDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authorizationModes, "authorizationModes");
        rules = Canonical.list(rules);
        functionAccess = Canonical.list(functionAccess);
        models = Canonical.list(models);
        enums = Canonical.list(enums);
        customTypes = Canonical.list(customTypes);
        operations = Canonical.list(operations);
        conversations = Canonical.list(conversations);
    }

    /** A data definition without conversation routes. */
    public DataDefinition(String name, AuthorizationModes authorizationModes, List<AuthRule> rules,
            List<FunctionDataAccess> functionAccess, List<ModelDefinition> models, List<EnumDefinition> enums,
            List<CustomTypeDefinition> customTypes, List<CustomOperation> operations) {
        this(name, authorizationModes, rules, functionAccess, models, enums, customTypes, operations, List.of());
    }

    /** The custom operation of that name. */
    public Optional<CustomOperation> operation(String operationName) {
        return operations.stream().filter(o -> o.name().equals(operationName)).findFirst();
    }

    /** The conversation route of that name. */
    public Optional<ConversationDefinition> conversation(String routeName) {
        return conversations.stream().filter(c -> c.name().equals(routeName)).findFirst();
    }

    public Optional<ModelDefinition> model(String modelName) {
        return models.stream().filter(m -> m.name().equals(modelName)).findFirst();
    }

    public Optional<EnumDefinition> enumType(String enumName) {
        return enums.stream().filter(e -> e.name().equals(enumName)).findFirst();
    }

    public Optional<CustomTypeDefinition> customType(String typeName) {
        return customTypes.stream().filter(t -> t.name().equals(typeName)).findFirst();
    }

    /** The rules that apply to a model: its own, or the schema's when it has none. */
    public List<AuthRule> rulesOf(ModelDefinition model) {
        return model.rules().isEmpty() ? rules : model.rules();
    }
}
