package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.model.data.AiModel;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.JsonSchemas;
import io.amplify4j.sandbox.ai.ModelProvider;
import io.amplify4j.sandbox.ai.ModelProviderException;
import io.amplify4j.sandbox.ai.RecordedModelProvider;
import io.amplify4j.plan.resolver.DataSourcePlan;
import io.amplify4j.sandbox.ai.AwsEnvironment;
import io.amplify4j.sandbox.datasource.DataSource;
import io.amplify4j.sandbox.runtime.PlanResolvers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation routes end to end: GraphQL over HTTP, the generated APPSYNC_JS resolver, the Bedrock HTTP data source
 * and the recorded-response test double standing for Bedrock. The Converse request the resolver built is asserted
 * against the plan (system prompt, inference configuration, the return type's JSON schema as the one tool, forced).
 */
class GenerationRoutesOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HAIKU = AiModel.CLAUDE_3_5_HAIKU.bedrockModelId();
    private static final String NOVA = AiModel.AMAZON_NOVA_LITE.bedrockModelId();
    private static final String DESCRIBE = "query Describe($name: String!, $features: [String!]) {"
            + " describeProduct(name: $name, features: $features) { headline body keywords tone words } }";
    private static final String SUMMARIZE = "query Summarize($text: String!) { summarize(text: $text) }";

    /** The provider of the running test: each test records its own answers. */
    private static final AtomicReference<ModelProvider> CURRENT = new AtomicReference<>();
    private static Sandbox sandbox;
    private static DataDefinition data;

    @BeforeAll
    static void start() {
        BackendPlan plan = BackendPlan.of(new AiBackend().define());
        data = plan.model().data().orElseThrow();
        sandbox = Sandbox.builder(plan).modelProvider(new ModelProvider() {
            @Override
            public JsonNode converse(String modelId, JsonNode request) {
                return CURRENT.get().converse(modelId, request);
            }

            @Override
            public List<JsonNode> converseStream(String modelId, JsonNode request) {
                return CURRENT.get().converseStream(modelId, request);
            }
        }).user("alice@example.com", "correct-horse-battery").banner(null).requestLog(line -> { }).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static RecordedModelProvider use(RecordedModelProvider models) {
        CURRENT.set(models);
        return models;
    }

    private static Http.Response query(String query, Map<String, Object> variables) {
        return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken("alice@example.com"), query,
                variables);
    }

    @Test
    void aTypedRouteReturnsTheModelsStructuredOutputFromTheConverseRequestItBuilt() throws Exception {
        Map<String, Object> description = Map.of("headline", "The mug that keeps up", "body",
                "Stoneware, 350 ml, dishwasher safe.", "keywords", List.of("mug", "stoneware"), "tone", "PLAYFUL",
                "words", 6);
        RecordedModelProvider models = use(RecordedModelProvider.builder()
                .converse(HAIKU, RecordedModelProvider.toolUse("structured_output", description))
                .build());

        Http.Response response = query(DESCRIBE, Map.of("name", "Mug", "features", List.of("350 ml", "stoneware")));

        assertThat(response.errors()).isEmpty();
        assertThat(response.dataMap("describeProduct")).isEqualTo(Map.of("headline", "The mug that keeps up",
                "body", "Stoneware, 350 ml, dishwasher safe.", "keywords", List.of("mug", "stoneware"),
                "tone", "PLAYFUL", "words", 6L));
        RecordedModelProvider.Call call = models.calls().get(0);
        assertThat(models.calls()).hasSize(1);
        assertThat(call.operation()).isEqualTo(RecordedModelProvider.Operation.CONVERSE);
        assertThat(call.modelId()).isEqualTo(HAIKU);
        JsonNode request = call.request();
        assertThat(request.get("system")).isEqualTo(JSON.readTree(
                "[{\"text\":\"You write short, honest product descriptions.\"}]"));
        assertThat(request.get("inferenceConfig")).isEqualTo(JSON.readTree("{\"maxTokens\":500,\"temperature\":0.3}"));
        assertThat(request.get("messages")).isEqualTo(JSON.readTree("[{\"role\":\"user\",\"content\":[{\"text\":"
                + JSON.writeValueAsString("{\"name\":\"Mug\",\"features\":[\"350 ml\",\"stoneware\"]}") + "}]}]"));
        JsonNode tools = request.at("/toolConfig/tools");
        assertThat(tools).hasSize(1);
        assertThat(tools.at("/0/toolSpec/name").asText()).isEqualTo("structured_output");
        assertThat(tools.at("/0/toolSpec/inputSchema/json")).isEqualTo(JSON.valueToTree(new JsonSchemas(data)
                .output(data.operation("describeProduct").orElseThrow().returns().orElseThrow())));
        assertThat(tools.at("/0/toolSpec/inputSchema/json/required")).isEqualTo(JSON.readTree(
                "[\"headline\",\"body\",\"keywords\"]"));
        assertThat(request.at("/toolConfig/toolChoice")).isEqualTo(JSON.readTree(
                "{\"tool\":{\"name\":\"structured_output\"}}"));
    }

    @Test
    void aScalarRouteUnwrapsTheValueAndSendsNoInferenceConfigurationWhenTheRouteHasNone() throws Exception {
        RecordedModelProvider models = use(RecordedModelProvider.builder()
                .converse(NOVA, RecordedModelProvider.toolUse("structured_output",
                        Map.of("value", "Mugs hold coffee.")))
                .build());

        Http.Response response = query(SUMMARIZE, Map.of("text", "Mugs are vessels that hold coffee and tea."));

        assertThat(response.errors()).isEmpty();
        assertThat(response.data("summarize")).isEqualTo("Mugs hold coffee.");
        JsonNode request = models.calls(NOVA).get(0).request();
        assertThat(request.has("inferenceConfig")).isFalse();
        assertThat(request.get("system")).isEqualTo(JSON.readTree("[{\"text\":\"Summarize the text in one sentence.\"}]"));
        assertThat(request.at("/toolConfig/tools/0/toolSpec/inputSchema/json")).isEqualTo(JSON.readTree(
                "{\"properties\":{\"value\":{\"type\":\"string\"}},\"type\":\"object\"}"));
    }

    @Test
    void aBedrockErrorSurfacesAsAGraphqlErrorWithBedrocksMessage() {
        use(RecordedModelProvider.builder()
                .failure(HAIKU, new ModelProviderException(429, "ThrottlingException",
                        "Too many requests, please wait before trying again."))
                .build());

        Http.Response response = query(DESCRIBE, Map.of("name", "Mug"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("data")).isEqualTo(java.util.Collections.singletonMap("describeProduct", null));
        assertThat(response.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("errorType")).isEqualTo("BedrockError");
            assertThat(error.get("message")).isEqualTo("Bedrock answered 429: Too many requests, please wait before"
                    + " trying again.");
            assertThat(error.get("path")).isEqualTo(List.of("describeProduct"));
        });
    }

    @Test
    void anAnswerWithoutTheStructuredOutputIsAnError() {
        use(RecordedModelProvider.builder().converse(HAIKU, RecordedModelProvider.text("I'd rather chat.")).build());

        Http.Response response = query(DESCRIBE, Map.of("name", "Mug"));

        assertThat(response.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("errorType")).isEqualTo("GenerationError");
            assertThat(error.get("message")).isEqualTo("The model gave no structured answer (stop reason: end_turn)");
        });
    }

    @Test
    void theBedrockDataSourceRefusesAModelNoRouteNamesAsTheDeployedRoleWould() throws Exception {
        RecordedModelProvider models = RecordedModelProvider.builder()
                .converse(AiModel.CLAUDE_3_OPUS.bedrockModelId(), RecordedModelProvider.text("never"))
                .build();
        AtomicReference<DataSource> bedrock = new AtomicReference<>();
        BackendPlan plan = BackendPlan.of(new AiBackend().define());
        try (PlanResolvers resolvers = PlanResolvers.builder(plan.data().orElseThrow()).modelProvider(models)
                .wrapDataSources((source, dataSource) -> {
                    if (source.kind() == DataSourcePlan.Kind.HTTP) {
                        bedrock.set(dataSource);
                    }
                    return dataSource;
                }).build()) {
            Map<String, Object> request = Map.of("method", "POST", "resourcePath",
                    "/model/" + AiModel.CLAUDE_3_OPUS.bedrockModelId() + "/converse",
                    "params", Map.of("headers", Map.of("Content-Type", "application/json"), "body", "{}"));

            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) bedrock.get().invoke(request);

            assertThat(result.get("statusCode")).isEqualTo(403L);
            assertThat(result.get("headers")).isEqualTo(Map.of("x-amzn-ErrorType", "AccessDeniedException",
                    "Content-Type", "application/json"));
            assertThat(JSON.readTree((String) result.get("body")).get("message").asText()).isEqualTo("The role of"
                    + " data source `Bedrock` is not authorized to perform: bedrock:InvokeModel on model `"
                    + AiModel.CLAUDE_3_OPUS.bedrockModelId() + "`: the AI routes of this backend name only ["
                    + NOVA + ", " + HAIKU + "], and the deployed roles allow only those. Name the model in an AI"
                    + " route (aiModel(...)) to use it.");
            assertThat(models.calls()).isEmpty();
        }
    }

    @Test
    void withoutAModelProviderOrAwsCredentialsAnAiOperationSaysWhatToConfigure(@TempDir Path home) {
        ModelProvider unconfigured = ModelProvider.fromEnvironment(AwsEnvironment.of(Map.of(), home));
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        try (Sandbox bare = Sandbox.builder(new AiBackend()).modelProvider(unconfigured)
                .user("alice@example.com", "correct-horse-battery")
                .banner(new PrintStream(banner, true, StandardCharsets.UTF_8)).requestLog(line -> { }).start()) {
            Http.Response response = Http.graphql(bare.graphqlEndpoint(), "Authorization",
                    bare.idToken("alice@example.com"), SUMMARIZE, Map.of("text", "Anything."));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.data("summarize")).isNull();
            String missing = "no region (set AWS_REGION, or `region` in profile `default` of "
                    + home.resolve(".aws/config") + "); no AWS credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,"
                    + " or profile `default` in " + home.resolve(".aws/credentials") + " or "
                    + home.resolve(".aws/config") + ")";
            assertThat(response.errors()).singleElement().satisfies(error -> {
                assertThat(error.get("errorType")).isEqualTo("ModelProviderNotConfiguredException");
                assertThat(error.get("message")).isEqualTo("AI routes are not available in this sandbox: " + missing
                        + ". Configure AWS credentials or a profile (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or"
                        + " AWS_PROFILE) and AWS_REGION so that the sandbox calls Amazon Bedrock, or give the sandbox"
                        + " a model provider with Sandbox.builder(...).modelProvider(...).");
            });
            assertThat(bare.modelProvider()).containsSame(unconfigured);
            // a conversation handler calling the local Bedrock endpoint is told the same
            Http.Response local = Http.post(bare.bedrockEndpoint().resolve(bare.bedrockEndpoint().getPath()
                    + "/model/" + AiModel.CLAUDE_3_5_SONNET.bedrockModelId() + "/converse-stream"),
                    Map.of("content-type", "application/json"), "{\"messages\":[]}");
            assertThat(local.status()).isEqualTo(503);
            assertThat(local.headers().firstValue("x-amzn-ErrorType")).hasValue("ModelProviderNotConfiguredException");
            assertThat(local.body().get("message")).isEqualTo(response.errors().get(0).get("message"));
            assertThat(banner.toString(StandardCharsets.UTF_8)).contains("  AI routes:        not live (" + missing
                    + "); set AWS credentials and AWS_REGION, or Sandbox.builder(...).modelProvider(...)\n");
        }
    }

    @Test
    void aBackendWithoutAiRoutesNeedsNoModelProvider() {
        try (Sandbox todo = Sandbox.builder(new io.amplify4j.fixtures.TodoBackend()).banner(null)
                .requestLog(line -> { }).start()) {
            assertThat(todo.modelProvider()).isEmpty();
            assertThat(todo.banner()).doesNotContain("AI routes");
            assertThat(Http.post(todo.bedrockEndpoint().resolve("/__sandbox/bedrock/model/x/converse"),
                    Map.of("content-type", "application/json"), "{}").status()).isEqualTo(404);
        }
    }
}
