package io.amplify4j.codegen;

import com.palantir.javapoet.ClassName;

/** The runtime (module amplify-client) and library types generated code refers to, named in one place. */
final class Runtime {
    private static final String CLIENT = "io.amplify4j.client";
    private static final String FILTER = CLIENT + ".filter";
    private static final String JSON = CLIENT + ".json";
    private static final String JACKSON = "com.fasterxml.jackson";

    static final ClassName GRAPHQL_CLIENT = ClassName.get(CLIENT, "GraphQLClient");
    static final ClassName GRAPHQL_REQUEST = ClassName.get(CLIENT, "GraphQLRequest");
    static final ClassName GRAPHQL_SUBSCRIPTION = ClassName.get(CLIENT, "GraphQLSubscription");
    static final ClassName PAGE = ClassName.get(CLIENT, "Page");
    static final ClassName PAGES = ClassName.get(CLIENT, "Pages");
    static final ClassName AUTH_MODE = ClassName.get(CLIENT, "AuthMode");
    static final ClassName CONVERSATION_CLIENT = ClassName.get(CLIENT + ".ai", "ConversationClient");
    static final ClassName CONVERSATION_ROUTE = ClassName.get(CLIENT + ".ai", "ConversationRoute");

    static final ClassName MODEL_FILTER = ClassName.get(FILTER, "ModelFilter");
    static final ClassName MODEL_CONDITION = ClassName.get(FILTER, "ModelCondition");
    static final ClassName SUBSCRIPTION_FILTER = ClassName.get(FILTER, "SubscriptionFilter");
    static final ClassName KEY_CONDITION = ClassName.get(FILTER, "KeyCondition");
    static final ClassName SORT_KEY_FIELD = ClassName.get(FILTER, "SortKeyField");
    static final ClassName SORT_DIRECTION = ClassName.get(FILTER, "SortDirection");

    static final ClassName EPOCH_SECONDS_SERIALIZER = ClassName.get(JSON, "EpochSecondsSerializer");
    static final ClassName EPOCH_SECONDS_DESERIALIZER = ClassName.get(JSON, "EpochSecondsDeserializer");
    static final ClassName AWS_JSON_SERIALIZER = ClassName.get(JSON, "AwsJsonSerializer");
    static final ClassName AWS_JSON_DESERIALIZER = ClassName.get(JSON, "AwsJsonDeserializer");

    static final ClassName JSON_NODE = ClassName.get(JACKSON + ".databind", "JsonNode");
    static final ClassName TYPE_REFERENCE = ClassName.get(JACKSON + ".core.type", "TypeReference");
    static final ClassName JSON_PROPERTY = ClassName.get(JACKSON + ".annotation", "JsonProperty");
    static final ClassName JSON_INCLUDE = ClassName.get(JACKSON + ".annotation", "JsonInclude");
    static final ClassName JSON_VALUE = ClassName.get(JACKSON + ".annotation", "JsonValue");
    static final ClassName JSON_SERIALIZE = ClassName.get(JACKSON + ".databind.annotation", "JsonSerialize");
    static final ClassName JSON_DESERIALIZE = ClassName.get(JACKSON + ".databind.annotation", "JsonDeserialize");

    private Runtime() {}

    /** The filter field class of a kind of field, for example {@code StringField}. */
    static ClassName field(String simpleName) {
        return ClassName.get(FILTER, simpleName);
    }
}
