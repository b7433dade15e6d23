package io.amplify4j.cdk.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.cdk.testing.NagHarness;
import io.amplify4j.cdk.testing.TemplateChecks;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.model.data.AiModel;
import io.amplify4j.plan.BackendPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/**
 * {@link BedrockDataSource} and {@link BedrockGrants} alone in a plain stack (no Amplify4j backend around them):
 * the HTTP data source's SigV4 configuration, the roles' exact actions and resources, cdk-nag and our template
 * checks. One synthesis for every assertion.
 */
class BedrockConstructsTest {

    @TempDir
    static Path out;

    static Template template;
    static NagHarness.Result nag;
    static Stack stack;

    @BeforeAll
    static void synth() {
        App app = App.Builder.create().outdir(out.toString()).build();
        NagHarness.attach(app);
        stack = new Stack(app, "Ai");
        new BedrockDataSource(stack, "Plain", BedrockDataSourceProps.builder("api-id")
                .model(AiModel.CLAUDE_3_5_HAIKU).model(AiModel.CLAUDE_3_5_SONNET).model(AiModel.CLAUDE_3_5_HAIKU)
                .build());
        new BedrockDataSource(stack, "Profile", BedrockDataSourceProps.builder("api-id").name("BedrockProfiles")
                .model(AiModel.US_CLAUDE_3_7_SONNET).build());
        Role handler = Role.Builder.create(stack, "HandlerRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
        BedrockGrants.converse(stack, "HandlerBedrock", handler, List.of(AiModel.CLAUDE_3_5_SONNET));
        Role globalHandler = Role.Builder.create(stack, "GlobalHandlerRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
        BedrockGrants.converse(stack, "GlobalHandlerBedrock", globalHandler,
                List.of(AiModel.GLOBAL_CLAUDE_SONNET_4_5));
        nag = NagHarness.check(app);
        template = Template.fromStack(stack);
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
    void theDataSourceIsHttpToBedrockRuntimeSignedWithSigV4ForBedrockInTheStacksRegion() {
        template.hasResourceProperties("AWS::AppSync::DataSource", Map.of(
                "ApiId", "api-id",
                "Name", "Bedrock",
                "Type", "HTTP",
                "ServiceRoleArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("PlainRole.*"), "Arn")),
                "HttpConfig", Map.of(
                        "Endpoint", join("https://bedrock-runtime.", ref("AWS::Region"), ".amazonaws.com"),
                        "AuthorizationConfig", Map.of(
                                "AuthorizationType", "AWS_IAM",
                                "AwsIamConfig", Map.of(
                                        "SigningRegion", ref("AWS::Region"),
                                        "SigningServiceName", "bedrock")))));
    }

    @Test
    void theDataSourceRoleIsAssumedOnlyByAppSyncOfThisAccountAndInvokesExactlyItsModels() {
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "appsync.amazonaws.com"),
                        "Action", "sts:AssumeRole",
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", ref("AWS::AccountId")))))),
                "Policies", List.of(Map.of(
                        "PolicyName", "bedrock-invoke",
                        "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Action", List.of("bedrock:InvokeModel"),
                                // sorted by model id, each once
                                "Resource", List.of(
                                        foundationModel("anthropic.claude-3-5-haiku-20241022-v1:0"),
                                        foundationModel("anthropic.claude-3-5-sonnet-20240620-v1:0")))))))));
    }

    @Test
    void anInferenceProfileIsGrantedWithItsFoundationModelHereAndInEveryRegion() {
        String model = "anthropic.claude-3-7-sonnet-20250219-v1:0";
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "Policies", List.of(Map.of(
                        "PolicyName", "bedrock-invoke",
                        "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Action", List.of("bedrock:InvokeModel"),
                                "Resource", List.of(
                                        foundationModel(model),
                                        join("arn:", ref("AWS::Partition"), ":bedrock:", ref("AWS::Region"), ":",
                                                ref("AWS::AccountId"), ":inference-profile/us." + model),
                                        join("arn:", ref("AWS::Partition"), ":bedrock:*::foundation-model/"
                                                + model)))))))));
        template.hasResourceProperties("AWS::AppSync::DataSource", Map.of("Name", "BedrockProfiles", "Type", "HTTP"));
    }

    @Test
    void aConversationHandlerMayConverseAndStreamWithItsModelOnly() {
        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "Roles", List.of(ref(stack.getLogicalId((software.amazon.awscdk.CfnElement) stack.getNode()
                        .findChild("HandlerRole").getNode().getDefaultChild()))),
                "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Action", List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"),
                        "Resource", foundationModel("anthropic.claude-3-5-sonnet-20240620-v1:0"))))));
    }

    @Test
    void cdkNagFindsNothingUnacknowledgedAndTheProfileAcknowledgementIsUsedWhereItIsAttached() {
        nag.assertClean();
        assertThat(nag.usedAcknowledgementIds()).containsExactly("bedrock-inference-profile-regions");
    }

    @Test
    void ourTemplateChecksPassIncludingC16() {
        // what a backend with AI routes implies; the stack holds nothing else they would judge
        TemplateChecks.assertAll(stack, TemplateChecks.Expectations.of(BackendPlan.of(new AiBackend().define())));
    }

    @Test
    void aDataSourceWithoutModelsIsRefusedWithTheFix() {
        assertThatThrownBy(() -> BedrockDataSourceProps.builder("api-id").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no models")
                .hasMessageContaining("give it the models they name");
    }
}
