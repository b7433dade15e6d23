package io.amplify4j.cdk.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.cdk.SecretStore;
import io.amplify4j.cdk.testing.FixtureProject;
import io.amplify4j.cdk.testing.Json;
import io.amplify4j.cdk.testing.NagHarness;
import io.amplify4j.cdk.testing.TemplateChecks;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.Secrets;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.Profile;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.FunctionDefinition;
import io.amplify4j.model.function.Schedule;
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

/** The shop's four functions plus one with layers, a rate schedule and Secrets Manager secrets; one synth. */
class AmplifyFunctionTest {

    @TempDir
    static Path project;

    static BackendModel shop;
    static App app;
    static Template template;
    static NagHarness.Result nag;
    static AmplifyFunction restock;
    static AmplifyFunction thumbnails;

    static FunctionDefinition worker() {
        BackendBuilder backend = Backend.builder("jobs");
        backend.function("worker", fn -> fn
                .assetHandler(Path.of("functions/worker"), "app.handler", FunctionCode.AssetRuntime.PYTHON_3_13)
                .memoryMb(256)
                .timeoutSeconds(30)
                .architecture(FunctionDefinition.Architecture.ARM_64)
                .layer("arn:aws:lambda:eu-west-1:123456789012:layer:tools:3")
                .scheduleEvery(5, Schedule.RateUnit.MINUTE)
                .secret("API_TOKEN", Secrets.secret("jobs/api-token"))
                .logRetentionDays(7));
        return backend.build().functions().get(0);
    }

    @BeforeAll
    static void synth() throws Exception {
        FixtureProject.shop(project);
        java.nio.file.Files.createDirectories(project.resolve("functions/worker"));
        java.nio.file.Files.writeString(project.resolve("functions/worker/app.py"), "def handler(e, c):\n  return {}\n");
        shop = new ShopBackend().define();
        app = App.Builder.create().outdir(project.resolve("cdk.out").toString()).build();
        NagHarness.attach(app);
        Stack stack = new Stack(app, "Functions");
        for (FunctionDefinition definition : shop.functions()) {
            AmplifyFunctionProps.Builder props = AmplifyFunctionProps.builder("shop", definition)
                    .projectDirectory(project).profile(Profile.PRODUCTION);
            if (definition.name().equals("thumbnails")) {
                props.injectParameter("media_BUCKET_NAME", "/amplify4j/shop/storage/media/bucketName");
            }
            AmplifyFunction function = new AmplifyFunction(stack, definition.name(), props.build());
            if (definition.name().equals("restock")) {
                restock = function;
            } else if (definition.name().equals("thumbnails")) {
                thumbnails = function;
            }
        }
        new AmplifyFunction(stack, "worker", AmplifyFunctionProps.builder("jobs", worker())
                .projectDirectory(project).secretStore(SecretStore.SECRETS_MANAGER).build());
        nag = NagHarness.check(app);
        template = Template.fromStack(stack);
    }

    @Test
    void cdkNagAndTemplateChecksPass() {
        nag.assertClean();
        TemplateChecks.assertAll(Map.of("Functions", template.toJSON()), TemplateChecks.Expectations.of(shop));
    }

    @Test
    void javaFunctionHasSnapStartExplicitSizesAndIsInvokedThroughItsAlias() {
        template.hasResourceProperties("AWS::Lambda::Function", Json.obj(
                "Runtime", "java21",
                "Handler", "com.example.shop.RestockHandler",
                "MemorySize", 512,
                "Timeout", 60,
                "EphemeralStorage", Map.of("Size", 512),
                "Architectures", List.of("x86_64"),
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "LoggingConfig", Map.of("LogGroup", Map.of("Ref", Match.stringLikeRegexp("restockLogGroup.*"))),
                "Tags", List.of(Map.of("Key", "amplify4j:function", "Value", "restock"))));
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live"));
        assertThat(restock.handle()).isNotSameAs(restock.function());
        assertThat(thumbnails.handle()).isSameAs(thumbnails.function());
    }

    @Test
    void recommendHasItsMemoryAndPlainEnvironment() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "com.example.shop.RecommendHandler", "MemorySize", 1024, "Timeout", 10,
                "Environment", Map.of("Variables", Map.of("MAX_RESULTS", "5"))));
    }

    @Test
    void logGroupHasRetentionAndIsRetainedInProduction() {
        template.hasResource("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Retain",
                "Properties", Map.of("RetentionInDays", 30)));
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 7));
    }

    @Test
    void executionRoleHasAnInlineLogsPolicyAndNoManagedPolicy() {
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of("Principal",
                        Map.of("Service", "lambda.amazonaws.com")))),
                "ManagedPolicyArns", Match.absent(),
                "Policies", List.of(Map.of("PolicyName", "logs", "PolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        "Effect", "Allow",
                        "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("restockLogGroup.*"),
                                "Arn"))))))),
                "Description", "Execution role of function restock"));
    }

    @Test
    void ssmSecretIsReadAtRunTimeByNameWithAccessToExactlyThatParameter() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "com.example.shop.RestockHandler",
                "Environment", Map.of("Variables", Map.of(
                        "SUPPLIER_API_KEY", AmplifyFunction.RUNTIME_PLACEHOLDER,
                        "AMPLIFY_SSM_ENV_CONFIG",
                        "{\"SUPPLIER_API_KEY\":{\"path\":\"/amplify4j/shop/shop/supplier-api-key\"}}"))));
        Object parameterArn = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":ssm:", Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"),
                ":parameter/amplify4j/shop/shop/supplier-api-key")));
        Object statement = Map.of("Action", List.of("ssm:GetParameter", "ssm:GetParameters"), "Effect", "Allow",
                "Resource", parameterArn);
        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyDocument", Map.of("Statement", List.of(statement)),
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("restockRole.*")))));
        assertThat(template.toJSON().toString()).doesNotContain("resolve:ssm-secure");
    }

    @Test
    void injectedNamesTravelAsParameterNamesNotValues() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "index.handler", "Runtime", "nodejs22.x",
                "Environment", Map.of("Variables", Map.of(
                        "media_BUCKET_NAME", AmplifyFunction.RUNTIME_PLACEHOLDER,
                        "AMPLIFY_SSM_ENV_CONFIG",
                        "{\"media_BUCKET_NAME\":{\"path\":\"/amplify4j/shop/storage/media/bucketName\"}}"))));
    }

    @Test
    void secretsManagerSecretIsReadByNameWithAccessToThatSecret() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Runtime", "python3.13", "Handler", "app.handler", "Architectures", List.of("arm64"),
                "Layers", List.of("arn:aws:lambda:eu-west-1:123456789012:layer:tools:3"),
                "Environment", Map.of("Variables", Map.of(
                        "API_TOKEN", AmplifyFunction.RUNTIME_PLACEHOLDER,
                        "AMPLIFY4J_SECRETS_MANAGER_ENV_CONFIG", "{\"API_TOKEN\":{\"secretId\":\"jobs/api-token\"}}"))));
        Object secretArn = Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(":secret:jobs/api-token-??????"))));
        Object statement = Map.of("Action", "secretsmanager:GetSecretValue", "Effect", "Allow", "Resource", secretArn);
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                List.of(statement))));
    }

    @Test
    void schedulesRunThroughEventBridgeSchedulerWithTheirOwnRole() {
        template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
                "ScheduleExpression", "cron(0 3 * * ? *)",
                "ScheduleExpressionTimezone", "Europe/Berlin",
                "FlexibleTimeWindow", Map.of("Mode", "OFF"),
                "State", "ENABLED",
                "Target", Map.of(
                        "Arn", Map.of("Ref", Match.stringLikeRegexp("restockLive.*")),
                        "RoleArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("restockSchedulerRole.*"),
                                "Arn")))));
        template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("ScheduleExpression", "rate(5 minutes)",
                "ScheduleExpressionTimezone", "UTC"));
        template.hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of("Statement",
                List.of(Map.of("Principal", Map.of("Service", "scheduler.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount",
                                Map.of("Ref", "AWS::AccountId"))))))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyDocument", Map.of("Statement", List.of(Map.of("Action", "lambda:InvokeFunction",
                        "Effect", "Allow", "Resource", Map.of("Ref", Match.stringLikeRegexp("restockLive.*")))))));
    }

    @Test
    void missingCodeFailsSynthesisNamingTheFunctionAndTheFix() {
        FunctionDefinition recommend = shop.function("recommend").orElseThrow();
        Stack stack = new Stack(new App(), "Bad");
        Path empty = project.resolve("empty");
        assertThatThrownBy(() -> new AmplifyFunction(stack, "a", AmplifyFunctionProps.builder("shop", recommend)
                .projectDirectory(empty).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("functions.recommend.code: Java artifact " + empty.resolve(
                        "target/shop-functions.jar") + " does not exist. Build it first");
        FixtureProject.jar(project.resolve("other/target/shop-functions.jar"), List.of("com.example.Other"));
        assertThatThrownBy(() -> new AmplifyFunction(stack, "b", AmplifyFunctionProps.builder("shop", recommend)
                .projectDirectory(project.resolve("other")).build()))
                .hasMessageContaining("has no com/example/shop/RecommendHandler.class for handler "
                        + "com.example.shop.RecommendHandler. Package the handler class into the jar");
        FunctionDefinition thumbs = shop.function("thumbnails").orElseThrow();
        assertThatThrownBy(() -> new AmplifyFunction(stack, "c", AmplifyFunctionProps.builder("shop", thumbs)
                .projectDirectory(empty).build()))
                .hasMessageStartingWith("functions.thumbnails.code: asset folder " + empty.resolve(
                        "functions/thumbnails") + " does not exist.");
        FixtureProject.nodeAsset(project.resolve("wrong/functions/thumbnails"), "main.js");
        assertThatThrownBy(() -> new AmplifyFunction(stack, "d", AmplifyFunctionProps.builder("shop", thumbs)
                .projectDirectory(project.resolve("wrong")).build()))
                .hasMessageContaining("has none of [index.js, index.mjs, index.cjs] for handler index.handler");
    }

    @Test
    void classDirectoryIsPackagedWhenItHoldsTheHandlerAndRefusedOtherwise() throws Exception {
        BackendBuilder backend = Backend.builder("jobs");
        backend.function("fromClasses", fn -> fn.javaHandler("com.example.Job", Path.of("build/classes")));
        FunctionDefinition fromClasses = backend.build().functions().get(0);
        Stack stack = new Stack(new App(), "Classes");
        Path classes = project.resolve("classes-project/build/classes");
        java.nio.file.Files.createDirectories(classes.resolve("com/example"));
        assertThatThrownBy(() -> new AmplifyFunction(stack, "missing", AmplifyFunctionProps.builder("jobs",
                fromClasses).projectDirectory(project.resolve("classes-project")).build()))
                .hasMessage("functions.fromClasses.code: class directory " + classes + " has no com/example/Job.class "
                        + "for handler com.example.Job. Compile the handler into it or fix javaHandler(...) in the "
                        + "definition.");
        java.nio.file.Files.write(classes.resolve("com/example/Job.class"), new byte[] {1});
        AmplifyFunction function = new AmplifyFunction(stack, "present", AmplifyFunctionProps.builder("jobs",
                fromClasses).projectDirectory(project.resolve("classes-project")).build());
        assertThat(function.function().getRuntime().getName()).isEqualTo("java21");
        assertThat(function.handle()).isNotSameAs(function.function());
    }

    @Test
    void malformedSecretNameFailsSynthesisNamingTheFunction() {
        BackendBuilder backend = Backend.builder("jobs");
        backend.function("bad", fn -> fn
                .assetHandler(Path.of("functions/worker"), "app.handler", FunctionCode.AssetRuntime.PYTHON_3_13)
                .secret("TOKEN", Secrets.secret("jobs/token-abc123")));
        FunctionDefinition bad = backend.build().functions().get(0);
        Stack stack = new Stack(new App(), "Bad");
        assertThatThrownBy(() -> new AmplifyFunction(stack, "e", AmplifyFunctionProps.builder("jobs", bad)
                .projectDirectory(project).secretStore(SecretStore.SECRETS_MANAGER).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("functions.bad.secrets.TOKEN: secret name 'jobs/token-abc123' ends with a "
                        + "hyphen and six characters");
    }
}
