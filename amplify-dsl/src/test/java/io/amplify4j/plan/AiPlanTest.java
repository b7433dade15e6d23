package io.amplify4j.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.Validator;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.manifest.Json;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.AiModel;
import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.ConversationDefinition;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.FunctionDataAccess;
import io.amplify4j.model.data.FunctionDataAccess.ResourceOperation;
import io.amplify4j.model.data.InferenceConfiguration;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.FunctionDefinition;
import io.amplify4j.plan.resolver.DataSourcePlan;
import io.amplify4j.plan.resolver.EnvironmentVariablePlan;
import io.amplify4j.plan.resolver.ResolverPlan;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AI routes in the plan: the expansion, the Bedrock data source, the resolvers' pipelines, documents and schemas. */
class AiPlanTest {
    private static final BackendModel MODEL = new AiBackend().define();
    private static final BackendPlan PLAN = BackendPlan.of(MODEL);
    private static final DataPlan DATA = PLAN.data().orElseThrow();

    @Test
    void conversationRouteExpandsIntoOrdinaryModelsTypesAndOperations() {
        DataDefinition expanded = DATA.definition();
        assertThat(expanded.models()).extracting(m -> m.name())
                .containsExactly("Product", "ConversationChat", "ConversationMessageChat");
        assertThat(expanded.enums()).extracting(e -> e.name()).containsExactly("Tone", "ConversationParticipantRole");
        assertThat(expanded.customTypes()).extracting(t -> t.name()).containsExactly("ProductDescription",
                "ContentBlock", "ToolUseBlock", "ToolResultBlock", "ToolResultContent", "ConversationMessageStreamPart",
                "ConversationTurnError", "CreateAssistantResponseChat", "CreateAssistantResponseStreamChat");
        assertThat(expanded.operations()).extracting(o -> o.type() + " " + o.name()).containsExactly(
                "QUERY recommendProducts", "QUERY describeProduct", "QUERY summarize", "MUTATION chat",
                "MUTATION createAssistantResponseChat", "MUTATION createAssistantResponseStreamChat",
                "SUBSCRIPTION onCreateAssistantResponseChat");
        assertThat(expanded.functionAccess()).containsExactly(new FunctionDataAccess("chatHandler",
                List.of(ResourceOperation.QUERY, ResourceOperation.MUTATE)));
        assertThat(expanded.conversations()).isEqualTo(MODEL.data().orElseThrow().conversations());
        assertThat(PLAN.model().data()).contains(expanded);

        ModelPlan messages = DATA.model("ConversationMessageChat").orElseThrow();
        assertThat(messages.rules()).containsExactly(new AuthRule.Owner("owner", false, "sub::username",
                AuthProvider.USER_POOLS, false, List.of()));
        assertThat(messages.operations().keySet()).extracting(Enum::name)
                .containsExactly("GET", "LIST", "DELETE");
        assertThat(messages.indexes()).extracting(i -> i.name() + " " + i.queryField().orElseThrow())
                .containsExactly("conversationMessageChatsByConversationIdAndCreatedAt "
                        + "listConversationMessageChatByConversationIdAndCreatedAt");
        assertThat(DATA.model("ConversationChat").orElseThrow().operations().keySet()).extracting(Enum::name)
                .containsExactly("GET", "LIST", "CREATE", "UPDATE", "DELETE");
        assertThat(DATA.table("ConversationMessageChat").orElseThrow().tableName())
                .isEqualTo("ai-ConversationMessageChat");
    }

    @Test
    void expandingTwiceChangesNothing() {
        assertThat(AiRoutes.expand(PLAN.model(), Names.DEFAULT)).isSameAs(PLAN.model());
        assertThat(BackendPlan.of(PLAN.model())).isEqualTo(PLAN);
        BackendModel withoutRoutes = new io.amplify4j.fixtures.TodoBackend().define();
        assertThat(AiRoutes.expand(withoutRoutes, Names.DEFAULT)).isSameAs(withoutRoutes);
    }

    @Test
    void withoutHandlerTheRouteGetsTheDefaultHandlerFunction() {
        BackendModel model = routeWithoutHandler();
        BackendModel expanded = AiRoutes.expand(model, Names.DEFAULT, name -> Optional.of("/opt/lib/client.jar"));
        FunctionDefinition handler = expanded.function("chatConversationHandler").orElseThrow();
        assertThat(handler.code()).isEqualTo(new FunctionCode.Java(AiRoutes.DEFAULT_HANDLER_CLASS,
                "/opt/lib/client.jar", FunctionCode.JavaRuntime.JAVA_21));
        assertThat(handler.timeoutSeconds()).isEqualTo(60);
        assertThat(handler.snapStart()).isTrue();
        assertThat(expanded.data().orElseThrow().functionAccess()).containsExactly(new FunctionDataAccess(
                "chatConversationHandler", List.of(ResourceOperation.QUERY, ResourceOperation.MUTATE)));

        assertThatThrownBy(() -> AiRoutes.expand(model, Names.DEFAULT, name -> Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Conversation route `chat` runs the default handler io.amplify4j.client.ai.Conversation"
                        + "Handler, which is not on the class path. Add amplify-client to the class path (and to the "
                        + "functions' jar), or declare the route's handler with handler(fn).");
    }

    @Test
    void generationRoutesGoToBedrockThroughOneHttpDataSource() {
        assertThat(DATA.dataSources()).extracting(s -> s.name() + " " + s.kind()).containsExactly(
                "NONE NONE", "ProductTable DYNAMODB", "ConversationChatTable DYNAMODB",
                "ConversationMessageChatTable DYNAMODB", "FnChatHandler LAMBDA", "FnRecommend LAMBDA",
                "Bedrock HTTP");
        DataSourcePlan.Http bedrock = DATA.dataSources().get(6).http().orElseThrow();
        assertThat(bedrock.aiModels()).containsExactly(AiModel.AMAZON_NOVA_LITE, AiModel.CLAUDE_3_5_HAIKU);
        assertThat(bedrock.signingService()).isEqualTo("bedrock");
        assertThat(bedrock.endpoint("eu-central-1")).isEqualTo("https://bedrock-runtime.eu-central-1.amazonaws.com");
        assertThat(DATA.dataSources().get(4).http()).isEmpty();

        assertThat(pipeline("Query", "describeProduct")).containsExactly(
                "QueryDescribeProductAuth AUTH NONE []", "QueryDescribeProductHandler HANDLER Bedrock []");
        assertThat(pipeline("Query", "summarize")).containsExactly(
                "QuerySummarizeAuth AUTH NONE []", "QuerySummarizeHandler HANDLER Bedrock []");
        assertThat(DATA.environment()).extracting(EnvironmentVariablePlan::name)
                .contains("AMPLIFY_FUNCTION_ROLE_ARN_CHAT_HANDLER");
    }

    @Test
    void conversationOperationsRunTheirPipelines() {
        assertThat(pipeline("Mutation", "chat")).containsExactly(
                "MutationChatAuth AUTH NONE []",
                "MutationChatConversation DATA ConversationChatTable [GetItem]",
                "MutationChatData DATA ConversationMessageChatTable [PutItem]",
                "MutationChatHandler HANDLER FnChatHandler []");
        assertThat(pipeline("Mutation", "createAssistantResponseChat")).containsExactly(
                "MutationCreateAssistantResponseChatAuth AUTH NONE []",
                "MutationCreateAssistantResponseChatConversation DATA ConversationChatTable [GetItem]",
                "MutationCreateAssistantResponseChatData DATA ConversationMessageChatTable [PutItem]");
        assertThat(pipeline("Mutation", "createAssistantResponseStreamChat")).containsExactly(
                "MutationCreateAssistantResponseStreamChatAuth AUTH NONE []",
                "MutationCreateAssistantResponseStreamChatHandler HANDLER NONE []");
        assertThat(pipeline("Subscription", "onCreateAssistantResponseChat")).containsExactly(
                "SubscriptionOnCreateAssistantResponseChatAuth AUTH NONE []");
        assertThat(DATA.resolver("Mutation", "chat").orElseThrow().functions().get(3).code())
                .contains("invocationType: 'Event'", "conversation: CONVERSATION");
    }

    @Test
    void theConversationPlanHoldsTheHandlersDocumentsAndTools() throws Exception {
        ConversationPlan chat = DATA.conversation("chat").orElseThrow();
        assertThat(chat.handlerFunction()).isEqualTo("chatHandler");
        assertThat(chat.messageIndexQuery()).isEqualTo("listConversationMessageChatByConversationIdAndCreatedAt");
        assertThat(chat.tools()).extracting(ConversationPlan.Tool::name, ConversationPlan.Tool::resultPath)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("listProducts", "listProducts"),
                        org.assertj.core.groups.Tuple.tuple("recommend", "recommendProducts"));
        assertThat(chat.tools().get(1).graphqlDocument()).isEqualTo("query($category: String!, $limit: Int) { "
                + "recommendProducts(category: $category, limit: $limit) { id name category price createdAt updatedAt "
                + "owner } }");
        assertThat(chat.tools().get(1).inputSchema()).isEqualTo("{\"properties\":{\"category\":{\"description\":"
                + "\"The category to recommend from.\",\"type\":\"string\"},\"limit\":{\"type\":\"integer\"}},"
                + "\"required\":[\"category\"],\"type\":\"object\"}");

        JsonNode payload = Json.mapper().valueToTree(chat.payload());
        assertThat(payload.path("route").asText()).isEqualTo("chat");
        assertThat(payload.path("modelId").asText()).isEqualTo("anthropic.claude-3-5-sonnet-20240620-v1:0");
        assertThat(payload.path("systemPrompt").asText()).isEqualTo("You are the shop's assistant. Answer briefly.");
        assertThat(payload.path("inferenceConfiguration").toString()).isEqualTo("{\"maxTokens\":1000,\"topP\":0.9}");
        assertThat(payload.path("tools").get(0).path("inputSchema").path("properties").path("filter")
                .path("properties").path("price").path("properties").path("between").path("maxItems").asInt()).isEqualTo(2);
        assertThat(payload.path("streamMutation").asText()).contains("owner conversationId associatedUserMessageId");
    }

    @Test
    void everyDocumentTheHandlerRunsIsValidAgainstTheSchema() {
        GraphQLSchema schema = AppSyncSchemas.parse(DATA.schema());
        ConversationPlan chat = DATA.conversation("chat").orElseThrow();
        List<String> documents = new java.util.ArrayList<>(List.of(chat.messageHistoryQuery(),
                chat.responseMutationDocument(), chat.streamMutationDocument()));
        chat.tools().forEach(t -> documents.add(t.graphqlDocument()));
        for (String text : documents) {
            Document document = Parser.parse(text);
            List<graphql.validation.ValidationError> errors = new Validator().validateDocument(schema, document,
                    Locale.ROOT);
            assertThat(errors).as(text).isEmpty();
        }
    }

    @Test
    void structuredOutputSchemasFollowTheReturnType() {
        JsonSchemas schemas = new JsonSchemas(DATA.definition());
        CustomOperation describe = DATA.definition().operation("describeProduct").orElseThrow();
        assertThat(ConversationPlanner.json(schemas.output(describe.returns().orElseThrow()))).isEqualTo(
                "{\"properties\":{\"body\":{\"type\":\"string\"},\"headline\":{\"description\":\"One line that sells "
                        + "the product.\",\"type\":\"string\"},\"keywords\":{\"items\":{\"type\":\"string\"},"
                        + "\"type\":\"array\"},\"tone\":{\"enum\":[\"FORMAL\",\"PLAYFUL\"],\"type\":\"string\"},"
                        + "\"words\":{\"type\":\"integer\"}},\"required\":[\"headline\",\"body\",\"keywords\"],"
                        + "\"type\":\"object\"}");
        CustomOperation summarize = DATA.definition().operation("summarize").orElseThrow();
        assertThat(JsonSchemas.wrapped(summarize.returns().orElseThrow())).isTrue();
        assertThat(ConversationPlanner.json(schemas.output(summarize.returns().orElseThrow())))
                .isEqualTo("{\"properties\":{\"value\":{\"type\":\"string\"}},\"type\":\"object\"}");
        assertThat(ConversationPlanner.json(schemas.output(
                io.amplify4j.model.data.FieldType.required(new io.amplify4j.model.data.TypeRef.EnumType("Tone"))
                        .withRequired(true))))
                .isEqualTo("{\"properties\":{\"value\":{\"enum\":[\"FORMAL\",\"PLAYFUL\"],\"type\":\"string\"}},"
                        + "\"required\":[\"value\"],\"type\":\"object\"}");
    }

    @Test
    void introspectionListsGenerationsAndConversations() throws Exception {
        JsonNode introspection = Json.mapper().readTree(DATA.modelIntrospection());
        assertThat(introspection.path("generations").fieldNames()).toIterable()
                .containsExactly("describeProduct", "summarize");
        assertThat(introspection.path("generations").path("describeProduct").path("type").toString())
                .isEqualTo("{\"nonModel\":\"ProductDescription\"}");
        JsonNode chat = introspection.path("conversations").path("chat");
        assertThat(chat.path("models").fieldNames()).toIterable()
                .containsExactly("ConversationChat", "ConversationMessageChat");
        assertThat(chat.path("conversation").path("modelName").asText()).isEqualTo("ConversationChat");
        assertThat(chat.path("message").path("send").path("name").asText()).isEqualTo("chat");
        assertThat(chat.path("message").path("subscribe").path("name").asText())
                .isEqualTo("onCreateAssistantResponseChat");
        assertThat(chat.path("enums").path("ConversationParticipantRole").path("values").toString())
                .isEqualTo("[\"user\",\"assistant\"]");
        assertThat(introspection.path("nonModels").has("CreateAssistantResponseChat")).isFalse();
        assertThat(DATA.schema()).doesNotContain("type CreateAssistantResponseChat ")
                .contains("input CreateAssistantResponseChatInput {");
    }

    private static List<String> pipeline(String type, String field) {
        ResolverPlan resolver = DATA.resolver(type, field).orElseThrow();
        return resolver.functions().stream()
                .map(f -> f.name() + " " + f.role() + " " + f.dataSource() + " " + f.dynamoDbOperations())
                .toList();
    }

    private static BackendModel routeWithoutHandler() {
        BackendBuilder backend = Backend.builder("plain");
        backend.auth().loginWithEmail();
        BackendModel base = backend.build();
        DataDefinition data = new DataDefinition(DataDefinition.DEFAULT_NAME,
                io.amplify4j.model.data.AuthorizationModes.none(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(new ConversationDefinition("chat", AiModel.AMAZON_NOVA_PRO, "Hi.",
                        InferenceConfiguration.none(), List.of(), Optional.empty(), List.of(new AuthRule.Owner(
                                "owner", false, "sub::username", AuthProvider.USER_POOLS, false, List.of())),
                        Optional.empty())));
        return new BackendModel(base.name(), base.profile(), base.auth(), Optional.of(data), base.storage(),
                List.of());
    }
}
