package io.amplify4j.cdk.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.cdk.AmplifyBackend;
import io.amplify4j.cdk.AmplifyBackendProps;
import io.amplify4j.cdk.nag.Acknowledgement;
import io.amplify4j.cdk.nag.Acknowledgements;
import io.amplify4j.cdk.outputs.CdkOutputsReader;
import io.amplify4j.cdk.outputs.OutputKeys;
import io.amplify4j.cdk.testing.FixtureProject;
import io.amplify4j.cdk.testing.Json;
import io.amplify4j.cdk.testing.NagHarness;
import io.amplify4j.cdk.testing.TemplateChecks;
import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.outputs.AmplifyOutputs;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.testing.OutputsSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * The shop backend through {@link AmplifyBackend} (every category, nested stacks), and a small backend with nested
 * storage paths; one synth for all assertions.
 */
class ShopBackendTest {

    @TempDir
    static Path project;

    static BackendPlan shop;
    static BackendPlan nested;
    static App app;
    static AmplifyBackend backend;
    static AmplifyBackend nestedBackend;
    static NagHarness.Result nag;
    static Template root;

    static BackendPlan nestedPaths() {
        BackendBuilder builder = Backend.builder("docs");
        AuthGroup admins = builder.auth().loginWithEmail().group("ADMINS");
        builder.storage("docs", bucket -> bucket
                .access("foo/*", allow -> List.of(allow.authenticated().to(StorageAction.READ)))
                .access("foo/bar/*", allow -> List.of(allow.groups(admins).to(StorageAction.READ))));
        return BackendPlan.of(builder.build());
    }

    @BeforeAll
    static void synth() {
        FixtureProject.shop(project);
        shop = BackendPlan.of(new ShopBackend().define());
        nested = nestedPaths();
        app = App.Builder.create().outdir(project.resolve("cdk.out").toString()).build();
        NagHarness.attach(app);
        backend = AmplifyBackend.inNewStack(app, "Shop", StackProps.builder().build(),
                AmplifyBackendProps.builder(shop).projectDirectory(project).build());
        nestedBackend = AmplifyBackend.inNewStack(app, "Docs", StackProps.builder().build(),
                AmplifyBackendProps.builder(nested).projectDirectory(project).build());
        nag = NagHarness.check(app);
        root = Template.fromStack(Stack.of(backend));
    }

    static Template category(AmplifyBackend owner, String name) {
        return Template.fromStack((NestedStack) owner.categoryScope(name).orElseThrow());
    }

    @Test
    void cdkNagFindsNothingUnacknowledgedOnAnyStack() {
        nag.assertClean();
    }

    @Test
    void everyReviewedAcknowledgementIsNeededByTheShopOrTheSmsRoleOrAnInferenceProfile() {
        // the SMS role exists only with phone sign-in (AmplifyAuthTest shows that entry in use), and the shop has no
        // AI routes naming an inference profile (BedrockConstructsTest shows that one)
        List<String> elsewhere = List.of("user-pool-sms-role", "bedrock-inference-profile-regions");
        assertThat(nag.usedAcknowledgementIds()).containsExactlyInAnyOrderElementsOf(Acknowledgements.ALL.stream()
                .map(Acknowledgement::id).filter(id -> !elsewhere.contains(id)).toList());
    }

    @Test
    void templateChecksPassOnEveryStack() {
        TemplateChecks.assertAll(Stack.of(backend), TemplateChecks.Expectations.of(shop));
        TemplateChecks.assertAll(Stack.of(nestedBackend), TemplateChecks.Expectations.of(nested));
    }

    @Test
    void everyCategoryHasItsNestedStack() {
        // functions, auth, storage, and data's own model stacks
        assertThat(root.findResources("AWS::CloudFormation::Stack")).hasSizeGreaterThanOrEqualTo(4);
        for (String category : List.of("Functions", "Auth", "Storage")) {
            assertThat(backend.categoryScope(category)).get().isInstanceOf(NestedStack.class);
        }
        assertThat(backend.data().orElseThrow().shards()).isNotEmpty();
    }

    @Test
    void functionsStackDependsOnNoOtherStack() {
        Map<String, Object> template = category(backend, "Functions").toJSON();
        Map<?, ?> parameters = (Map<?, ?>) template.getOrDefault("Parameters", Map.of());
        assertThat(parameters.keySet()).allMatch(name -> !String.valueOf(name).startsWith("referenceto"));
    }

    @Test
    void bucketBlocksPublicAccessEnforcesTlsIsEncryptedVersionedAndRetained() {
        Template storage = category(backend, "Storage");
        storage.hasResource("AWS::S3::Bucket", Map.of(
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain",
                "Properties", Json.obj(
                        "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                        "VersioningConfiguration", Map.of("Status", "Enabled"),
                        "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership",
                                "BucketOwnerEnforced"))),
                        "CorsConfiguration", Map.of("CorsRules", List.of(Map.of(
                                "AllowedOrigins", List.of("https://shop.example.com"),
                                "AllowedMethods", List.of("GET", "HEAD", "PUT", "POST", "DELETE"),
                                "AllowedHeaders", List.of("*"),
                                "MaxAge", 3000))))));
        Object tlsDeny = Map.of("Effect", "Deny", "Action", "s3:*",
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")),
                "Principal", Map.of("AWS", "*"), "Resource", Match.anyValue());
        storage.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(tlsDeny)))));
    }

    @Test
    void guestPolicyHoldsExactlyThePlansStatements() {
        Template storage = category(backend, "Storage");
        storage.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyDocument", Map.of("Statement", List.of(
                        Map.of("Effect", "Allow", "Action", "s3:GetObject",
                                "Resource", Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt",
                                        List.of(Match.stringLikeRegexp("mediaBucket.*"), "Arn")), "/products/*")))),
                        Map.of("Effect", "Allow", "Action", "s3:ListBucket",
                                "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("mediaBucket.*"),
                                        "Arn")),
                                "Condition", Map.of("StringLike", Map.of("s3:prefix",
                                        List.of("products/*", "products/"))))))));
    }

    @Test
    void adminGroupKeepsItsEntityGrantsBesidesItsOwn() {
        // union semantics: a user in ADMINS assumes the ADMINS role, which carries the authenticated and entity grants
        Template storage = category(backend, "Storage");
        Map<String, Map<String, Object>> policies = storage.findResources("AWS::IAM::Policy");
        String admins = policies.entrySet().stream().filter(e -> e.getKey().startsWith("mediaPolicyGroupADMINS"))
                .map(e -> TemplateChecks.json(e.getValue())).findFirst().orElseThrow();
        assertThat(admins).contains("/uploads/${cognito-identity.amazonaws.com:sub}/*").contains("s3:PutObject")
                .contains("s3:DeleteObject").contains("/products/*");
    }

    @Test
    void nestedPathGetsTheDenyStatementForTheParentsGrantees() {
        Template storage = category(nestedBackend, "Storage");
        storage.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp(".*AuthenticatedRole.*"))),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        Map.of("Effect", "Deny", "Action", "s3:GetObject",
                                "Resource", Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt",
                                        List.of(Match.stringLikeRegexp("docsBucket.*"), "Arn")), "/foo/bar/*")))))))));
        assertThat(TemplateChecks.Expectations.of(nested).storageDenies())
                .contains("s3:GetObject /foo/bar/*", "s3:ListBucket prefix=foo/bar/");
    }

    @Test
    void uploadTriggerInvokesTheThumbnailsFunction() {
        Template storage = category(backend, "Storage");
        storage.hasResourceProperties("Custom::S3BucketNotifications", Map.of("NotificationConfiguration", Map.of(
                "LambdaFunctionConfigurations", List.of(Map.of("Events", List.of("s3:ObjectCreated:*"),
                        "LambdaFunctionArn", Match.anyValue())))));
        storage.hasResourceProperties("AWS::Lambda::Permission", Map.of("Principal", "s3.amazonaws.com",
                "Action", "lambda:InvokeFunction"));
    }

    @Test
    void functionsLearnBucketAndEndpointThroughParametersTheyMayRead() {
        Template functions = category(backend, "Functions");
        functions.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", "index.handler",
                "Environment", Map.of("Variables", Map.of("AMPLIFY_SSM_ENV_CONFIG",
                        "{\"media_BUCKET_NAME\":{\"path\":\"/amplify4j/shop/storage/media/bucketName\"}}"))));
        functions.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", "com.example.shop.RestockHandler",
                "Environment", Map.of("Variables", Map.of("AMPLIFY_SSM_ENV_CONFIG",
                        "{\"SUPPLIER_API_KEY\":{\"path\":\"/amplify4j/shop/shop/supplier-api-key\"},"
                                + "\"amplifyData_GRAPHQL_ENDPOINT\":{\"path\":"
                                + "\"/amplify4j/shop/data/amplifyData/graphqlEndpoint\"}}"))));
        category(backend, "Storage").hasResourceProperties("AWS::SSM::Parameter", Map.of(
                "Name", "/amplify4j/shop/storage/media/bucketName", "Type", "String"));
        root.hasResourceProperties("AWS::SSM::Parameter", Map.of(
                "Name", "/amplify4j/shop/data/amplifyData/graphqlEndpoint", "Type", "String"));
    }

    @Test
    void stackOutputsCoverEverythingAClientNeeds() {
        for (String key : List.of(OutputKeys.REGION, OutputKeys.USER_POOL_ID, OutputKeys.USER_POOL_CLIENT_ID,
                OutputKeys.IDENTITY_POOL_ID, OutputKeys.GRAPHQL_URL, OutputKeys.API_KEY,
                OutputKeys.bucketName("media"))) {
            root.hasOutput(key, Map.of("Value", Match.anyValue()));
        }
    }

    @Test
    void cdkOutputsFileBecomesAValidAmplifyOutputsFileWithModelIntrospection() throws Exception {
        Map<String, Object> stackOutputs = new LinkedHashMap<>();
        stackOutputs.put(OutputKeys.REGION, "eu-west-1");
        stackOutputs.put(OutputKeys.USER_POOL_ID, "eu-west-1_AbCdEf123");
        stackOutputs.put(OutputKeys.USER_POOL_CLIENT_ID, "4h2kexampleclientid");
        stackOutputs.put(OutputKeys.IDENTITY_POOL_ID, "eu-west-1:0f6e6f3c-3c3e-4a7a-9b3e-2f1d9c9b1a11");
        stackOutputs.put(OutputKeys.GRAPHQL_URL, "https://abc.appsync-api.eu-west-1.amazonaws.com/graphql");
        stackOutputs.put(OutputKeys.API_KEY, "da2-exampleexampleexample");
        stackOutputs.put(OutputKeys.bucketName("media"), "shop-media-bucket-1x2y3z");
        stackOutputs.put("SomethingElse", "ignored");
        Path outputsFile = project.resolve("cdk-outputs.json");
        ObjectMapper json = new ObjectMapper();
        Files.writeString(outputsFile, json.writeValueAsString(Map.of("Shop", stackOutputs,
                "OtherStack", Map.of("x", "y"))));

        AmplifyOutputs outputs = CdkOutputsReader.read(outputsFile, "Shop", shop);
        Path written = project.resolve("amplify_outputs.json");
        outputs.writeTo(written);
        String text = Files.readString(written);
        assertThat(OutputsSchema.problems(text)).isEmpty();
        JsonNode tree = json.readTree(text);
        assertThat(tree.path("auth").path("user_pool_id").asText()).isEqualTo("eu-west-1_AbCdEf123");
        assertThat(tree.path("data").path("url").asText()).endsWith("/graphql");
        assertThat(tree.path("data").path("model_introspection").path("models").has("Product")).isTrue();
        assertThat(tree.path("storage").path("bucket_name").asText()).isEqualTo("shop-media-bucket-1x2y3z");
        // every output the reader needs is one the stack declares
        Map<String, Map<String, Object>> declared = root.findOutputs("*");
        assertThat(declared.keySet()).containsAll(stackOutputs.keySet().stream()
                .filter(k -> !k.equals("SomethingElse")).toList());
    }
}
