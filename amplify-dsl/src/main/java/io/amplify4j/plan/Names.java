package io.amplify4j.plan;

import io.amplify4j.model.data.ScalarType;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one naming strategy of the plan: every generated GraphQL type, operation, input, index and table name is
 * computed here and nowhere else, following Amplify's GraphQL transformer so that Amplify's own clients work
 * against a backend defined in Java.
 *
 * <p>Like jOOQ's {@code GeneratorStrategy}, the methods are overridable: a subclass passed to
 * {@link BackendPlan#of(io.amplify4j.model.BackendModel, Names)} changes a name everywhere at once, because every
 * consumer reads names from the plan. {@link #DEFAULT} is Amplify's strategy.
 *
 * <p>Sources checked: amplify-category-api {@code ModelResourceIDs}, {@code graphql-types/*},
 * {@code amplify-graphql-index-transformer/src/{schema,utils}.ts}, and the npm {@code pluralize} rules.
 */
public class Names {

    /** Amplify's naming. */
    public static final Names DEFAULT = new Names();

    /** Separator of composite sort key values and attribute names ({@code ModelCompositeKeySeparator}). */
    public static final String COMPOSITE_KEY_SEPARATOR = "#";

    protected Names() {}

    // ---- words -------------------------------------------------------------------------------------------

    /** The plural Amplify uses in {@code listXs} and default GSI names (npm {@code pluralize}). */
    public String plural(String word) {
        return Pluralizer.plural(word);
    }

    /** First letter upper case ({@code toUpper} in graphql-transformer-common). */
    public static String upperFirst(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** First letter lower case ({@code toLower} in graphql-transformer-common). */
    public static String lowerFirst(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toLowerCase(Locale.ROOT) + word.substring(1);
    }

    // ---- model operations --------------------------------------------------------------------------------

    public String getQuery(String model) {
        return "get" + upperFirst(model);
    }

    public String listQuery(String model) {
        return "list" + plural(upperFirst(model));
    }

    public String createMutation(String model) {
        return "create" + upperFirst(model);
    }

    public String updateMutation(String model) {
        return "update" + upperFirst(model);
    }

    public String deleteMutation(String model) {
        return "delete" + upperFirst(model);
    }

    public String onCreateSubscription(String model) {
        return "onCreate" + upperFirst(model);
    }

    public String onUpdateSubscription(String model) {
        return "onUpdate" + upperFirst(model);
    }

    public String onDeleteSubscription(String model) {
        return "onDelete" + upperFirst(model);
    }

    // ---- model types and inputs --------------------------------------------------------------------------

    public String connectionType(String model) {
        return "Model" + model + "Connection";
    }

    public String createInput(String model) {
        return "Create" + upperFirst(model) + "Input";
    }

    public String updateInput(String model) {
        return "Update" + upperFirst(model) + "Input";
    }

    public String deleteInput(String model) {
        return "Delete" + upperFirst(model) + "Input";
    }

    public String filterInput(String model) {
        return "Model" + upperFirst(model) + "FilterInput";
    }

    public String conditionInput(String model) {
        return "Model" + upperFirst(model) + "ConditionInput";
    }

    public String subscriptionFilterInput(String model) {
        return "ModelSubscription" + upperFirst(model) + "FilterInput";
    }

    /** The input standing for a custom (non-model) type in arguments and mutation inputs: {@code AddressInput}. */
    public String nonModelInput(String typeName) {
        return upperFirst(typeName) + "Input";
    }

    // ---- shared inputs -----------------------------------------------------------------------------------

    /**
     * The GraphQL scalar a field is filtered and compared as ({@code DEFAULT_SCALARS}): AWS scalars stored as
     * text filter as {@code String}, {@code AWSTimestamp} as {@code Int}, {@code AWSJSON} as {@code String}.
     */
    public static String filterScalar(ScalarType scalar) {
        return switch (scalar) {
            case ID -> "ID";
            case INT, TIMESTAMP -> "Int";
            case FLOAT -> "Float";
            case BOOLEAN -> "Boolean";
            default -> "String";
        };
    }

    /** {@code ModelStringInput}, {@code ModelIntInput}, … and {@code Model<Enum>Input}. */
    public String scalarFilterInput(String baseName) {
        return "Model" + baseName + "Input";
    }

    /** {@code Model<Enum>ListInput}, the filter of a list-of-enum field. */
    public String listFilterInput(String baseName) {
        return "Model" + baseName + "ListInput";
    }

    /** {@code ModelSubscriptionStringInput} and the like. */
    public String subscriptionScalarFilterInput(String baseName) {
        return "ModelSubscription" + baseName + "Input";
    }

    /** {@code ModelStringKeyConditionInput} and the like: the condition on a single sort key. */
    public String keyConditionInput(String baseName) {
        return "Model" + baseName + "KeyConditionInput";
    }

    public String sizeInput() {
        return "ModelSizeInput";
    }

    public String attributeTypesEnum() {
        return "ModelAttributeTypes";
    }

    public String sortDirectionEnum() {
        return "ModelSortDirection";
    }

    // ---- keys and indexes --------------------------------------------------------------------------------

    /** The key name used in composite key input names: the GSI name, or {@code Primary} for the table's key. */
    public String keyName(java.util.Optional<String> indexName) {
        return upperFirst(indexName.orElse("Primary"));
    }

    /** {@code ModelOrderPrimaryCompositeKeyConditionInput}. */
    public String compositeKeyConditionInput(String model, String keyName) {
        return "Model" + model + keyName + "CompositeKeyConditionInput";
    }

    /** {@code ModelOrderPrimaryCompositeKeyInput}. */
    public String compositeKeyInput(String model, String keyName) {
        return "Model" + model + keyName + "CompositeKeyInput";
    }

    /** The argument carrying a composite sort key condition: sort key fields in camel case ({@code statusCreatedAt}). */
    public String compositeSortKeyArgument(List<String> sortKeyFields) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < sortKeyFields.size(); i++) {
            name.append(i == 0 ? lowerFirst(sortKeyFields.get(i)) : upperFirst(sortKeyFields.get(i)));
        }
        return name.toString();
    }

    /** The stored attribute of a composite sort key: field names joined with {@code #} ({@code status#createdAt}). */
    public String compositeAttribute(List<String> fields) {
        return String.join(COMPOSITE_KEY_SEPARATOR, fields);
    }

    /** Amplify's default GSI name: {@code employeesByManagerAndLevel}. */
    public String defaultIndexName(String model, String partitionKey, List<String> sortKeys) {
        return lowerFirst(plural(model)) + "By" + byFields(partitionKey, sortKeys);
    }

    /** Gen 2's default index query field: {@code listEmployeeByManagerAndLevel} (model name singular). */
    public String defaultIndexQueryField(String model, String partitionKey, List<String> sortKeys) {
        return "list" + upperFirst(model) + "By" + byFields(partitionKey, sortKeys);
    }

    private static String byFields(String partitionKey, List<String> sortKeys) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(partitionKey), sortKeys.stream())
                .map(Names::upperFirst)
                .collect(Collectors.joining("And"));
    }

    /** The GSI a hasMany or hasOne queries on the related table: {@code gsi-Blog.posts}. */
    public String relationshipIndexName(String parentModel, String relationshipField) {
        return "gsi-" + parentModel + "." + relationshipField;
    }

    // ---- AI routes ---------------------------------------------------------------------------------------

    /** The model holding a conversation route's conversations: {@code ConversationChat}. */
    public String conversationModel(String route) {
        return "Conversation" + upperFirst(route);
    }

    /** The model holding a conversation route's messages: {@code ConversationMessageChat}. */
    public String conversationMessageModel(String route) {
        return "ConversationMessage" + upperFirst(route);
    }

    /** The mutation the conversation handler saves the assistant's answer with: {@code createAssistantResponseChat}. */
    public String assistantResponseMutation(String route) {
        return "createAssistantResponse" + upperFirst(route);
    }

    /** The mutation the conversation handler streams parts of the answer with. */
    public String assistantResponseStreamMutation(String route) {
        return "createAssistantResponseStream" + upperFirst(route);
    }

    /** The subscription delivering the streamed answer: {@code onCreateAssistantResponseChat}. */
    public String assistantResponseSubscription(String route) {
        return "onCreateAssistantResponse" + upperFirst(route);
    }

    /** The function running a conversation route's turns when the route names none: {@code chatConversationHandler}. */
    public String conversationHandlerFunction(String route) {
        return route + "ConversationHandler";
    }

    // ---- tables ------------------------------------------------------------------------------------------

    /**
     * The deterministic default table name: {@code <backendName>-<ModelName>}, reduced to the characters DynamoDB
     * allows ({@code [A-Za-z0-9_.-]}) and to its 255-character limit. Unlike Amplify ({@code <Model>-<apiId>-NONE}) it
     * does not depend on an id known only after deployment, so the name is stable across redeployments and known
     * to every consumer (CDK, sandbox, manifest) up front. An explicit {@code tableName} on the model wins.
     */
    public String tableName(String backendName, String model) {
        String name = (backendName + "-" + model).replaceAll("[^A-Za-z0-9_.-]", "");
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
