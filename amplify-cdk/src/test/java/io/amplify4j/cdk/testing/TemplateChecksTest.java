package io.amplify4j.cdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amplify4j.model.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each template check on a compliant template and on that template with one thing broken. */
class TemplateChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TemplateChecks.Expectations PRODUCTION = new TemplateChecks.Expectations(
            Profile.PRODUCTION, true, false, false, "OPTIONAL", Set.of("products/*", "products/secret/*"), Set.of(),
            Set.of());

    private static ObjectNode good() {
        try (InputStream in = TemplateChecksTest.class.getResourceAsStream("/template-checks/good.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    private static ObjectNode at(ObjectNode template, String pointer) {
        return (ObjectNode) template.at(pointer);
    }

    @Test
    void compliantTemplatePasses() {
        assertThat(TemplateChecks.check("good", map(good()), PRODUCTION)).isEmpty();
    }

    static Stream<Arguments> brokenTemplates() {
        return Stream.of(
                broken("C2 wildcard action", t -> ((ObjectNode) t.at("/Resources/GuestPolicy/Properties/PolicyDocument"
                        + "/Statement/0")).put("Action", "s3:*"), "C2 good GuestPolicy: wildcard action s3:*"),
                broken("C2 NotAction", t -> ((ObjectNode) t.at("/Resources/GuestPolicy/Properties/PolicyDocument"
                        + "/Statement/0")).put("NotAction", "s3:GetObject"), "C2 good GuestPolicy: Allow with NotAction/NotResource"),
                broken("C3 star resource", t -> ((ObjectNode) t.at("/Resources/GuestPolicy/Properties/PolicyDocument"
                        + "/Statement/0")).put("Resource", "*"), "C3 good GuestPolicy: Resource \"*\" for [s3:GetObject]"),
                broken("C3 undeclared prefix", t -> ((ArrayNode) t.at("/Resources/GuestPolicy/Properties"
                        + "/PolicyDocument/Statement/0/Resource/Fn::Join/1")).set(1, "/private/*"),
                        "C3 good GuestPolicy: wildcard resource ${Media.Arn}/private/* is no declared path"),
                broken("C4 guest write", t -> ((ObjectNode) t.at("/Resources/GuestPolicy/Properties/PolicyDocument"
                        + "/Statement/0")).put("Action", "s3:PutObject"),
                        "C4 good GuestPolicy: guest role may s3:PutObject but no guest rule grants write"),
                broken("C6 public access", t -> at(t, "/Resources/Media/Properties/PublicAccessBlockConfiguration")
                        .put("RestrictPublicBuckets", false),
                        "C6 good Media: PublicAccessBlockConfiguration.RestrictPublicBuckets is not true"),
                broken("C6 encryption", t -> at(t, "/Resources/Media/Properties").remove("BucketEncryption"),
                        "C6 good Media: no BucketEncryption"),
                broken("C6 TLS", t -> ((ObjectNode) t.at("/Resources")).remove("MediaPolicy"),
                        "C6 good Media: no bucket policy denying aws:SecureTransport=false"),
                broken("C6 versioning", t -> at(t, "/Resources/Media/Properties").remove("VersioningConfiguration"),
                        "C6 good Media: production bucket without versioning"),
                broken("C6 CORS", t -> ((ArrayNode) t.at("/Resources/Media/Properties/CorsConfiguration/CorsRules/0"
                        + "/AllowedOrigins")).set(0, "*"), "C6 good Media: production bucket allows CORS from *"),
                broken("C7 aud", t -> at(t, "/Resources/GuestRole/Properties/AssumeRolePolicyDocument/Statement/0"
                        + "/Condition").remove("StringEquals"), "C7 good GuestRole: identity-pool trust without "
                        + "StringEquals aud"),
                broken("C8 PITR", t -> at(t, "/Resources/Table/Properties").remove("PointInTimeRecoverySpecification"),
                        "C8 good Table: point-in-time recovery is not enabled"),
                broken("C8 unread stream", t -> at(t, "/Resources/Table/Properties").set("StreamSpecification",
                                JSON.createObjectNode().put("StreamViewType", "NEW_AND_OLD_IMAGES")),
                        "C8 good Table: a stream nothing reads"),
                broken("C8 retain", t -> at(t, "/Resources/Table").put("DeletionPolicy", "Delete"),
                        "C8 good Table: production table without DeletionPolicy/UpdateReplacePolicy Retain"),
                broken("C9 password", t -> at(t, "/Resources/Users/Properties/Policies/PasswordPolicy")
                        .put("MinimumLength", 6), "C9 good Users: password MinimumLength below 8"),
                broken("C9 MFA", t -> at(t, "/Resources/Users/Properties").put("MfaConfiguration", "OFF"),
                        "C9 good Users: MfaConfiguration OFF, expected OPTIONAL"),
                broken("C9 existence errors", t -> at(t, "/Resources/Client/Properties")
                        .put("PreventUserExistenceErrors", "LEGACY"),
                        "C9 good Client: PreventUserExistenceErrors is not ENABLED"),
                broken("C9 token validity", t -> at(t, "/Resources/Client/Properties").put("AccessTokenValidity", 2),
                        "C9 good Client: AccessTokenValidity 2 minutes is out of bounds"),
                broken("C10 classic flow", t -> at(t, "/Resources/Identities/Properties").put("AllowClassicFlow", true),
                        "C10 good Identities: AllowClassicFlow is true"),
                broken("C10 guests", t -> at(t, "/Resources/Identities/Properties")
                        .put("AllowUnauthenticatedIdentities", false),
                        "C10 good Identities: AllowUnauthenticatedIdentities false but guest rules exist"),
                broken("C11 logs", t -> at(t, "/Resources/Api/Properties").remove("LogConfig"),
                        "C11 good Api: no LogConfig"),
                broken("C11 introspection", t -> at(t, "/Resources/Api/Properties").remove("IntrospectionConfig"),
                        "C11 good Api: production API with introspection enabled"),
                broken("C11 API key", t -> ((ObjectNode) t.at("/Resources")).putObject("Key")
                        .put("Type", "AWS::AppSync::ApiKey").putObject("Properties")
                        .put("Expires", Instant.now().getEpochSecond() + 400L * 86400),
                        "C11 good Key: API key expires in 400 days (1 to 365 allowed)"),
                broken("C12 memory", t -> at(t, "/Resources/Fn/Properties").remove("MemorySize"),
                        "C12 good Fn: MemorySize and Timeout must be explicit"),
                broken("C12 runtime", t -> at(t, "/Resources/Fn/Properties").put("Runtime", "nodejs16.x"),
                        "C12 good Fn: runtime nodejs16.x is not a supported one"),
                broken("C12 retention", t -> at(t, "/Resources/FnLogs/Properties").remove("RetentionInDays"),
                        "C12 good Fn: no log group with retention in LoggingConfig"),
                broken("C12 managed policy", t -> at(t, "/Resources/FnRole/Properties").putArray("ManagedPolicyArns")
                        .add("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
                        "C12 good Fn: role FnRole has managed policies"),
                broken("C13 resources", t -> {
                    ObjectNode resources = (ObjectNode) t.at("/Resources");
                    for (int i = 0; i < TemplateChecks.MAX_RESOURCES; i++) {
                        resources.putObject("Wait" + i).put("Type", "AWS::CloudFormation::WaitConditionHandle");
                    }
                }, "C13 good: 463 resources (at most 450)"),
                broken("C16 Bedrock action wildcard", t -> bedrockStatement(t).put("Action", "bedrock:Invoke*"),
                        "C16 good BedrockRole: Bedrock action bedrock:Invoke* (only [bedrock:InvokeModel, "
                                + "bedrock:InvokeModelWithResponseStream])"),
                broken("C16 other Bedrock action", t -> bedrockStatement(t).putArray("Action")
                        .add("bedrock:InvokeModel").add("bedrock:CreateModelCustomizationJob"),
                        "C16 good BedrockRole: Bedrock action bedrock:CreateModelCustomizationJob"),
                broken("C16 every model", t -> ((ArrayNode) bedrockStatement(t).get("Resource"))
                        .add("arn:aws:bedrock:eu-west-1::foundation-model/*"),
                        "C16 good BedrockRole: Bedrock resource arn:aws:bedrock:eu-west-1::foundation-model/* names no "
                                + "single model"),
                broken("C16 star resource", t -> bedrockStatement(t).put("Resource", "*"),
                        "C16 good BedrockRole: Bedrock resource * names no single model"),
                broken("C16 model with another action", t -> ((ArrayNode) t.at("/Resources/GuestPolicy/Properties"
                        + "/PolicyDocument/Statement")).addObject().put("Effect", "Allow").put("Action", "s3:GetObject")
                        .put("Resource", "arn:aws:bedrock:eu-west-1::foundation-model/x"),
                        "C16 good GuestPolicy: Bedrock resource arn:aws:bedrock:eu-west-1::foundation-model/x with "
                                + "actions [s3:GetObject]"));
    }

    private static ObjectNode bedrockStatement(ObjectNode template) {
        return (ObjectNode) template.at("/Resources/BedrockRole/Properties/Policies/0/PolicyDocument/Statement/0");
    }

    private static Arguments broken(String name, Consumer<ObjectNode> mutation, String problem) {
        return Arguments.of(name, mutation, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTemplates")
    void brokenTemplateIsReported(String name, Consumer<ObjectNode> mutation, String problem) {
        ObjectNode template = good();
        mutation.accept(template);
        assertThat(TemplateChecks.check("good", map(template), PRODUCTION)).anyMatch(p -> p.startsWith(problem));
    }

    @Test
    void aStreamIsAcceptedOnATableWhoseChangesSomethingReads() {
        ObjectNode template = good();
        at(template, "/Resources/Table/Properties").set("StreamSpecification",
                JSON.createObjectNode().put("StreamViewType", "NEW_AND_OLD_IMAGES"));
        TemplateChecks.Expectations streamed = new TemplateChecks.Expectations(PRODUCTION.profile(),
                PRODUCTION.guestAccess(), PRODUCTION.guestWrite(), PRODUCTION.guestDelete(), PRODUCTION.mfa(),
                PRODUCTION.wildcardSuffixes(), PRODUCTION.storageDenies(), Set.of("Todo-shop"));
        assertThat(TemplateChecks.check("good", map(template), streamed)).isEmpty();
    }

    @Test
    void expectedDenyStatementMustExist() {
        Map<String, Map<String, Object>> templates = Map.of("good", map(good()));
        assertThat(TemplateChecks.missingDenies(templates, PRODUCTION.withStorageDenies(
                List.of("s3:GetObject /products/secret/*")))).isEmpty();
        assertThat(TemplateChecks.missingDenies(templates, PRODUCTION.withStorageDenies(
                List.of("s3:GetObject /products/*", "s3:ListBucket prefix=products/secret/"))))
                .containsExactly("C5 missing Deny statement s3:GetObject /products/*",
                        "C5 missing Deny statement s3:ListBucket prefix=products/secret/");
    }

    @Test
    void statefulReplacementIsReported() {
        Map<String, Object> before = map(good());
        ObjectNode changed = good();
        ((ArrayNode) changed.at("/Resources/Table/Properties/KeySchema")).addObject()
                .put("AttributeName", "sk").put("KeyType", "RANGE");
        ((ObjectNode) changed.at("/Resources")).remove("Media");
        assertThatThrownBy(() -> TemplateChecks.assertNoStatefulReplacement(Map.of("s", before),
                Map.of("s", map(changed)), Set.of()))
                .hasMessageContaining("C14 s Table.KeySchema changes, which replaces the AWS::DynamoDB::Table")
                .hasMessageContaining("C14 s Media (AWS::S3::Bucket) would be deleted or replaced");
        TemplateChecks.assertNoStatefulReplacement(Map.of("s", before), Map.of("s", map(changed)),
                Set.of("Table", "Media"));
    }

    @Test
    void nondeterminismIsReported() {
        int[] calls = {0};
        assertThatThrownBy(() -> TemplateChecks.assertDeterministic(() -> Map.of("s", "{\"n\":" + calls[0]++ + "}")))
                .hasMessageContaining("C15 templates differ between two synths: [s]");
        TemplateChecks.assertDeterministic(() -> Map.of("s", "{}"));
    }
}
