package io.amplify4j.cdk.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.cdk.AmplifyBackend;
import io.amplify4j.cdk.AmplifyBackendProps;
import io.amplify4j.cdk.outputs.OutputKeys;
import io.amplify4j.cdk.testing.FixtureProject;
import io.amplify4j.cdk.testing.NagHarness;
import io.amplify4j.cdk.testing.TemplateChecks;
import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.FunctionRef;
import io.amplify4j.model.Profile;
import io.amplify4j.model.auth.AuthAction;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.storage.StorageAction;
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
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;

/**
 * A sandbox-profile backend embedded in an existing stack without nested stacks, with an existing user pool and a
 * name prefix; and the errors embedding can run into.
 */
class EmbeddingTest {

    @TempDir
    static Path project;

    static BackendPlan plan;
    static Template template;
    static NagHarness.Result nag;
    static Stack existing;

    static BackendPlan files() {
        BackendBuilder backend = Backend.builder("files");
        FunctionRef indexer = backend.function("indexer", fn -> fn
                .assetHandler(Path.of("functions/indexer"), "index.handler", FunctionCode.AssetRuntime.NODEJS_22));
        AuthGroup editors = backend.auth().loginWithEmail().access(indexer, AuthAction.LIST_USERS).group("EDITORS");
        backend.storage("files", bucket -> bucket
                .corsOrigins("*")
                .access("shared/*", allow -> List.of(
                        allow.authenticated().to(StorageAction.READ),
                        allow.groups(editors).to(StorageAction.READ, StorageAction.WRITE),
                        allow.resource(indexer).to(StorageAction.READ)))
                .onDelete(indexer));
        return BackendPlan.of(backend.build());
    }

    @BeforeAll
    static void synth() {
        FixtureProject.nodeAsset(project.resolve("functions/indexer"), "index.js");
        plan = files();
        App app = App.Builder.create().outdir(project.resolve("cdk.out").toString()).build();
        NagHarness.attach(app);
        existing = new Stack(app, "Existing");
        IUserPool pool = UserPool.fromUserPoolId(existing, "Pool", "eu-west-1_Existing1");
        new AmplifyBackend(existing, "Files", AmplifyBackendProps.builder(plan)
                .projectDirectory(project)
                .namePrefix("acme-files")
                .nestedStacks(false)
                .existingUserPool(pool, UserPoolClient.fromUserPoolClientId(existing, "Client", "existingclientid"))
                .build());
        nag = NagHarness.check(app);
        template = Template.fromStack(existing);
    }

    @Test
    void cdkNagAndTemplateChecksPass() {
        nag.assertClean();
        TemplateChecks.assertAll(existing, TemplateChecks.Expectations.of(plan));
    }

    @Test
    void everythingLandsInTheExistingStackWithoutNestedStacks() {
        template.resourceCountIs("AWS::CloudFormation::Stack", 0);
        template.resourceCountIs("AWS::Lambda::Function", 2); // indexer and CDK's bucket-notifications handler
        template.resourceCountIs("AWS::S3::Bucket", 1);
    }

    @Test
    void existingUserPoolIsUsedNotCreated() {
        template.resourceCountIs("AWS::Cognito::UserPool", 0);
        template.resourceCountIs("AWS::Cognito::UserPoolClient", 0);
        template.hasResourceProperties("AWS::Cognito::UserPoolGroup", Map.of("UserPoolId", "eu-west-1_Existing1",
                "GroupName", "EDITORS"));
        template.hasResourceProperties("AWS::Cognito::IdentityPool", Map.of("CognitoIdentityProviders", List.of(
                Map.of("ClientId", "existingclientid", "ServerSideTokenCheck", false,
                        "ProviderName", Match.anyValue()))));
        template.hasOutput(OutputKeys.USER_POOL_ID, Map.of("Value", "eu-west-1_Existing1"));
    }

    @Test
    void namePrefixReachesNamesAndParameters() {
        template.hasResourceProperties("AWS::Cognito::IdentityPool", Map.of("IdentityPoolName",
                "acme_files_amplifyAuth"));
        template.hasResourceProperties("AWS::SSM::Parameter", Map.of("Name",
                "/amplify4j/files/acme-files/storage/files/bucketName"));
        template.hasResourceProperties("AWS::SSM::Parameter", Map.of("Name",
                "/amplify4j/files/acme-files/auth/amplifyAuth/userPoolId", "Value", "eu-west-1_Existing1"));
    }

    @Test
    void sandboxProfileDestroysStatefulResourcesAndLeavesVersioningToTheDefinition() {
        template.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Delete",
                "Properties", Map.of("VersioningConfiguration", Match.absent())));
        template.hasResource("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Delete"));
        template.resourceCountIs("Custom::S3AutoDeleteObjects", 0);
    }

    @Test
    void deleteTriggerAndAuthGrantReachTheFunction() {
        template.hasResourceProperties("Custom::S3BucketNotifications", Map.of("NotificationConfiguration", Map.of(
                "LambdaFunctionConfigurations", List.of(Map.of("Events", List.of("s3:ObjectRemoved:*"),
                        "LambdaFunctionArn", Match.anyValue())))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", List.of(
                Map.of("Action", "cognito-idp:ListUsers", "Effect", "Allow", "Resource", Match.anyValue())))));
    }

    @Test
    void productionRefusesCorsFromAnyOriginAndTriggersOnAnExistingPool() {
        BackendPlan production = BackendPlan.of(new io.amplify4j.model.BackendModel("files", Profile.PRODUCTION,
                plan.model().auth(), plan.model().data(), plan.model().storage(), plan.model().functions()));
        Stack stack = new Stack(new App(), "Prod");
        assertThatThrownBy(() -> new AmplifyBackend(stack, "Files", AmplifyBackendProps.builder(production)
                .projectDirectory(project).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("storage.files.corsOrigins: '*' lets any web site use signed-in users' "
                        + "credentials against the bucket; the production profile requires the app's origins");
        assertThatThrownBy(() -> AmplifyBackendProps.builder(plan).existingUserPool(null,
                UserPoolClient.fromUserPoolClientId(stack, "C", "x")).build())
                .hasMessageContaining("an existing app client needs its user pool");
    }
}
