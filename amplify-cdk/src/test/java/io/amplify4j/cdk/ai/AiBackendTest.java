package io.amplify4j.cdk.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.cdk.AmplifyBackend;
import io.amplify4j.cdk.AmplifyBackendProps;
import io.amplify4j.cdk.data.AmplifyData;
import io.amplify4j.cdk.outputs.CdkOutputsReader;
import io.amplify4j.cdk.outputs.OutputKeys;
import io.amplify4j.cdk.testing.FixtureProject;
import io.amplify4j.cdk.testing.NagHarness;
import io.amplify4j.cdk.testing.TemplateChecks;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.FunctionDefinition;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.testing.OutputsSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The AI fixture ({@link AiBackend}: two generation routes, a conversation route with tools and a Java handler)
 * through {@link AmplifyBackend}: the Bedrock data source and its role, the generation resolvers on it, the handler's
 * Bedrock and API grants, cdk-nag and our template checks (C16 included), and the outputs. One synthesis.
 */
class AiBackendTest {

    @TempDir
    static Path project;

    static BackendPlan plan;
    static AmplifyBackend backend;
    static AmplifyData data;
    static NagHarness.Result nag;
    static Template root;

    @BeforeAll
    static void synth() {
        FixtureProject.ai(project);
        plan = BackendPlan.of(new AiBackend().define());
        App app = App.Builder.create().outdir(project.resolve("cdk.out").toString()).build();
        NagHarness.attach(app);
        backend = AmplifyBackend.inNewStack(app, "Ai", StackProps.builder().build(),
                AmplifyBackendProps.builder(plan).projectDirectory(project).build());
        data = backend.data().orElseThrow();
        nag = NagHarness.check(app);
        root = Template.fromStack(Stack.of(backend));
    }

    static Map<String, Object> join(Object... parts) {
        return Map.of("Fn::Join", List.of("", List.of(parts)));
    }

    static Map<String, Object> ref(String name) {
        return Map.of("Ref", name);
    }

    static Map<String, Object> foundationModel(String id) {
        return join("arn:", ref("AWS::Partition"), ":bedrock:", ref("AWS::Region"), "::foundation-model/" + id);
    }

    @Test
    void oneBedrockDataSourceSignedForBedrockInvokesExactlyTheGenerationRoutesModels() {
        root.resourcePropertiesCountIs("AWS::AppSync::DataSource", Map.of("Type", "HTTP"), 1);
        root.hasResourceProperties("AWS::AppSync::DataSource", Map.of(
                "Name", "Bedrock",
                "Type", "HTTP",
                "HttpConfig", Map.of(
                        "Endpoint", join("https://bedrock-runtime.", ref("AWS::Region"), ".amazonaws.com"),
                        "AuthorizationConfig", Map.of("AuthorizationType", "AWS_IAM", "AwsIamConfig", Map.of(
                                "SigningRegion", ref("AWS::Region"), "SigningServiceName", "bedrock")))));
        // describeProduct (Claude 3.5 Haiku) and summarize (Nova Lite); not the conversation's Claude 3.5 Sonnet
        root.hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow", "Principal", Map.of("Service", "appsync.amazonaws.com"),
                        "Action", "sts:AssumeRole",
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", ref("AWS::AccountId")))))),
                "Policies", List.of(Map.of("PolicyName", "bedrock-invoke", "PolicyDocument", Map.of(
                        "Version", "2012-10-17", "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Action", List.of("bedrock:InvokeModel"),
                                "Resource", List.of(
                                        foundationModel("amazon.nova-lite-v1:0"),
                                        foundationModel("anthropic.claude-3-5-haiku-20241022-v1:0")))))))));
        assertThat(data.dataSource("Bedrock").getType()).isEqualTo("HTTP");
    }

    @Test
    void theConversationHandlerMayConverseAndStreamWithItsRoutesModelOnly() {
        Template functions = Template.fromStack((NestedStack) backend.categoryScope("Functions").orElseThrow());
        assertThat(functions.findResources("AWS::IAM::Role")).isNotEmpty();
        root.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Action", List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"),
                        "Resource", foundationModel("anthropic.claude-3-5-sonnet-20240620-v1:0")))),
                // the role is in the functions' nested stack
                "Roles", List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("BackendFunctionsNestedStack.*"),
                        Match.stringLikeRegexp("Outputs\\..*chatHandlerRole.*"))))));
        // no other policy names Bedrock: the recommend function gets nothing of it
        List<String> bedrockPolicies = new ArrayList<>();
        root.findResources("AWS::IAM::Policy").forEach((id, resource) -> {
            if (TemplateChecks.json(resource).contains("bedrock:")) {
                bedrockPolicies.add(id);
            }
        });
        assertThat(bedrockPolicies).hasSize(1).allMatch(id -> id.contains("chatHandler"));
    }

    @Test
    void cdkNagFindsNothingUnacknowledgedOnAnyStack() {
        nag.assertClean();
    }

    @Test
    void templateChecksPassOnEveryStackIncludingC16() {
        TemplateChecks.assertAll(Stack.of(backend), TemplateChecks.Expectations.of(plan));
    }

    @Test
    void cdkOutputsBecomeAValidAmplifyOutputsFile() throws Exception {
        Map<String, String> stackOutputs = Map.of(
                OutputKeys.REGION, "us-east-1",
                OutputKeys.USER_POOL_ID, "us-east-1_AbCdEf123",
                OutputKeys.USER_POOL_CLIENT_ID, "4h2kexampleclientid",
                OutputKeys.IDENTITY_POOL_ID, "us-east-1:0f6e6f3c-3c3e-4a7a-9b3e-2f1d9c9b1a11",
                OutputKeys.GRAPHQL_URL, "https://abc.appsync-api.us-east-1.amazonaws.com/graphql");
        Path written = project.resolve("amplify_outputs.json");
        CdkOutputsReader.fromStackOutputs(stackOutputs, plan).writeTo(written);
        String text = Files.readString(written);
        assertThat(OutputsSchema.problems(text)).isEmpty();
        JsonNode introspection = new ObjectMapper().readTree(text).path("data").path("model_introspection");
        assertThat(introspection.path("models").has("Product")).isTrue();
        assertThat(introspection.path("models").has("ConversationChat")).isTrue();
        assertThat(introspection.path("generations").has("describeProduct")).isTrue();
        assertThat(introspection.path("generations").has("summarize")).isTrue();
        assertThat(introspection.path("conversations").has("chat")).isTrue();
        assertThat(root.findOutputs("*").keySet()).containsAll(stackOutputs.keySet());
    }

    @Test
    void aConversationHandlerWhoseJarIsMissingIsRefusedNamingTheRouteAndTheFix(@TempDir Path empty) {
        assertThatThrownBy(() -> AmplifyBackend.inNewStack(new App(), "Ai", StackProps.builder().build(),
                AmplifyBackendProps.builder(plan).projectDirectory(empty).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AmplifyBackend cannot synthesize backend `ai`:\n"
                        + "- data.conversations.chat (handler function `chatHandler`): its Java artifact "
                        + empty.resolve("target/ai-functions.jar").toAbsolutePath().normalize() + " does not exist."
                        + " Build a jar holding the handler with its dependencies (for example with"
                        + " maven-shade-plugin, as samples/shop does for its functions) before synthesis, and declare"
                        + " it with backend.function(name, fn -> fn.javaHandler(\""
                        + "io.amplify4j.client.ai.ConversationHandler\", Path.of(\"target/<jar>\"))) and .handler(fn)"
                        + " on the conversation; relative paths are resolved against the project directory "
                        + empty.toAbsolutePath().normalize() + ".");
    }

    @Test
    void aThinJarWithoutTheHandlersDependenciesIsRefused(@TempDir Path thin) {
        FixtureProject.jar(thin.resolve("target/ai-functions.jar"), List.of("com.example.ai.RecommendHandler",
                "io.amplify4j.client.ai.ConversationHandler"));
        assertThat(ConversationHandlerArtifacts.problems(plan, thin)).singleElement().asString()
                .startsWith("data.conversations.chat (handler function `chatHandler`): its Java artifact ")
                .contains("holds io.amplify4j.client.ai.ConversationHandler but not its dependencies (no "
                        + "com.fasterxml.jackson.databind.ObjectMapper), so every turn would fail in Lambda with "
                        + "NoClassDefFoundError.");
        FixtureProject.jar(thin.resolve("target/ai-functions.jar"), List.of("com.example.ai.RecommendHandler"));
        assertThat(ConversationHandlerArtifacts.problems(plan, thin)).singleElement().asString()
                .contains("does not hold the handler class io.amplify4j.client.ai.ConversationHandler.");
    }

    @Test
    void aHandlerFunctionMissingFromTheDataConstructsFunctionsIsNamedWithItsRoute() {
        assertThat(ConversationHandlers.problems(plan.data().orElseThrow(), Map.of()))
                .containsExactly(Map.entry("data.conversations.chat", "the conversation handler function"
                        + " `chatHandler` is not in the functions map. Pass it with AmplifyDataProps.builder(plan)"
                        + ".function(\"chatHandler\", fn) (AmplifyBackend passes every function it builds)."));
        assertThat(ConversationHandlers.modelsByFunction(plan.data().orElseThrow()))
                .containsExactly(Map.entry("chatHandler", List.of(io.amplify4j.model.data.AiModel.CLAUDE_3_5_SONNET)));
    }

    @Test
    void theHandlersLogGroupMasksTheCallersTokensAndOtherFunctionsLogsAreUntouched() throws Exception {
        Template functions = Template.fromStack((NestedStack) backend.categoryScope("Functions").orElseThrow());
        Map<String, Map<String, Object>> logGroups = functions.findResources("AWS::Logs::LogGroup");
        Map<String, Object> handlerLogs = logGroups.entrySet().stream()
                .filter(e -> e.getKey().startsWith("chatHandler")).map(Map.Entry::getValue).findFirst().orElseThrow();
        assertThat(TemplateChecks.json(handlerLogs)).contains("\"DataProtectionPolicy\"")
                .contains("\"CustomDataIdentifier\":[{\"Name\":\"JwtToken\"")
                .contains("{\"Deidentify\":{\"MaskConfig\":{}}}");
        String regex = new ObjectMapper().readTree(ConversationHandlers.TOKEN_MASKING_POLICY).path("Configuration")
                .path("CustomDataIdentifier").path(0).path("Regex").asText();
        assertThat(java.util.regex.Pattern.compile(regex).matcher("{\"authorization\":\"eyJraWQiOiJ4In0"
                + ".eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl-_x\"}").results().map(java.util.regex.MatchResult::group))
                .containsExactly("eyJraWQiOiJ4In0.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl-_x");
        assertThat(logGroups.entrySet().stream().filter(e -> e.getKey().startsWith("recommend"))
                .map(e -> TemplateChecks.json(e.getValue()))).singleElement().asString()
                .doesNotContain("DataProtectionPolicy");
    }

    @Test
    void aHandlerThatTimesOutBeforeATurnCanFinishIsWarnedAbout() {
        Stack stack = new Stack(new App(), "Short");
        FixtureProject.ai(project);
        FunctionDefinition quick = new FunctionDefinition("quick", new FunctionCode.Java(
                ConversationHandlerArtifacts.LIBRARY_HANDLER, "target/ai-functions.jar", FunctionCode.JavaRuntime.JAVA_21),
                FunctionDefinition.DEFAULT_MEMORY_MB, FunctionDefinition.DEFAULT_TIMEOUT_SECONDS,
                FunctionDefinition.DEFAULT_EPHEMERAL_STORAGE_MB, FunctionDefinition.Architecture.X86_64, Map.of(),
                Map.of(), List.of(), List.of(), false, FunctionDefinition.DEFAULT_LOG_RETENTION_DAYS);
        io.amplify4j.cdk.function.AmplifyFunction function = new io.amplify4j.cdk.function.AmplifyFunction(stack,
                "quick", io.amplify4j.cdk.function.AmplifyFunctionProps.builder("ai", quick)
                        .projectDirectory(project).build());
        ConversationHandlers.prepare(function, List.of("chat"));
        assertThat(function.getNode().getMetadata()).anySatisfy(entry -> assertThat(String.valueOf(entry.getData()))
                .isEqualTo("functions.quick runs the turns of [chat] but times out after 3 s; a turn streams the"
                        + " model's answer and may run tools, so it is cut off. Set timeoutSeconds(60) (at least 30)"
                        + " on the function. [ack: amplify4j:conversationHandlerTimeout]"));
    }

    /** The function configuration of that plan name, in whichever template it is. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> functionConfiguration(String name) {
        for (Map<String, Object> template : TemplateChecks.templates(Stack.of(backend)).values()) {
            Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) template.get("Resources");
            for (Map<String, Object> resource : resources.values()) {
                Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
                if ("AWS::AppSync::FunctionConfiguration".equals(resource.get("Type"))
                        && name.equals(properties.get("Name"))) {
                    return properties;
                }
            }
        }
        throw new AssertionError("no function configuration " + name);
    }

    @Test
    void generationResolversRunInTheApisStackOnTheBedrockDataSource() {
        for (String route : List.of("describeProduct", "summarize")) {
            root.hasResourceProperties("AWS::AppSync::Resolver", Map.of("TypeName", "Query", "FieldName", route,
                    "Kind", "PIPELINE"));
            String handler = "Query" + Character.toUpperCase(route.charAt(0)) + route.substring(1) + "Handler";
            Map<String, Object> function = functionConfiguration(handler);
            assertThat(TemplateChecks.render(function.get("DataSourceName"))).matches("\\$\\{.*Bedrock.*\\.Name\\}");
            assertThat((String) function.get("Code")).contains("/converse");
        }
    }

    @Test
    void theSendMessageMutationInvokesTheHandlerAsAnEventThroughALambdaDataSourceMayInvokeOnlyIt() {
        Map<String, Object> handler = functionConfiguration("MutationChatHandler");
        assertThat(TemplateChecks.render(handler.get("DataSourceName"))).contains("FnChatHandler");
        assertThat((String) handler.get("Code")).contains("invocationType: 'Event'");
        root.hasResourceProperties("AWS::AppSync::DataSource", Map.of("Name", "FnChatHandler", "Type", "AWS_LAMBDA"));
        root.hasResourceProperties("AWS::IAM::Role", Map.of(
                "Description", "Lets the FnChatHandler data source invoke its function",
                "Policies", List.of(Map.of("PolicyName", "invoke", "PolicyDocument", Map.of("Version", "2012-10-17",
                        "Statement", List.of(Map.of("Effect", "Allow", "Action", List.of("lambda:InvokeFunction"),
                                "Resource", List.of(Map.of("Fn::GetAtt", List.of(
                                        Match.stringLikeRegexp("BackendFunctionsNestedStack.*"),
                                        Match.stringLikeRegexp("Outputs\\..*chatHandler.*")))))))))));
    }

    @Test
    void theHandlerMayCallTheApisQueriesAndMutationsAsAnyGrantedFunction() {
        root.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow", "Action", "appsync:GraphQL",
                        "Resource", List.of(
                                join(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("BackendDataApi.*"), "Arn")),
                                        "/types/Mutation/*"),
                                join(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("BackendDataApi.*"), "Arn")),
                                        "/types/Query/*"))))),
                "PolicyName", Match.stringLikeRegexp("BackendDataGrantchatHandler.*")));
        root.hasResourceProperties("AWS::SSM::Parameter", Map.of("Name",
                "/amplify4j/ai/data/amplifyData/graphqlEndpoint"));
    }

    @Test
    void theConversationModelsAreShardedLikeAnyOtherModel() {
        assertThat(data.placement()).containsKeys("Product", "ConversationChat", "ConversationMessageChat");
        for (String model : List.of("ConversationChat", "ConversationMessageChat")) {
            NestedStack shard = data.shards().get(data.placement().get(model));
            assertThat(Stack.of(data.table(model))).isSameAs(shard);
            Template.fromStack(shard).hasResourceProperties("AWS::AppSync::DataSource", Map.of(
                    "Name", model + "Table", "Type", "AMAZON_DYNAMODB"));
        }
        // the send-message mutation calls a Lambda data source, so it stays with the API like other function calls
        root.hasResourceProperties("AWS::AppSync::Resolver", Map.of("TypeName", "Mutation", "FieldName", "chat"));
    }
}
