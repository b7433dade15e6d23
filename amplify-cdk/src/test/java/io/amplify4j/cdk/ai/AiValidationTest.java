package io.amplify4j.cdk.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.cdk.AmplifyBackend;
import io.amplify4j.cdk.AmplifyBackendProps;
import io.amplify4j.cdk.testing.CloudFormationValidation;
import io.amplify4j.cdk.testing.FixtureProject;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.plan.BackendPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CloudFormationValidatePlugin;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The AI fixture through {@link AmplifyBackend} with aws-cdk-lib's built-in CloudFormation validation on (the test
 * JVM runs with {@code CDK_VALIDATION=false}, so the plugin is registered on this App, failing synthesis on an
 * error): the HTTP data source, the handler's log-group data protection policy and the grants are valid
 * CloudFormation. One synthesis.
 *
 * <p>Registered on the App, the plugin validates the templates of top-level stacks only, so every nested template (the
 * model shards, the functions, the Bedrock data source's grants) is then validated with the same plugin through
 * {@link CloudFormationValidation}.
 */
class AiValidationTest {

    @Test
    void theAiBackendPassesCloudFormationValidation(@TempDir Path project) throws Exception {
        FixtureProject.ai(project);
        App app = new App(AppProps.builder()
                .outdir(project.resolve("cdk.out").toString())
                .context(Map.of("@aws-cdk/core:validateAgainstDefaultRules", true))
                .build());
        Validations.of(app).addPlugins(new CloudFormationValidatePlugin());
        AmplifyBackend.inNewStack(app, "Ai", StackProps.builder().build(),
                AmplifyBackendProps.builder(BackendPlan.of(new AiBackend().define())).projectDirectory(project)
                        .build());
        CloudAssembly assembly = app.synth();
        Path report = Path.of(assembly.getDirectory(), "validation-report.json");
        assertThat(report).exists();
        assertThat(Files.readString(report)).doesNotContain("\"violatingResources\"");
        java.util.List<Path> templates = CloudFormationValidation.templates(Path.of(assembly.getDirectory()));
        assertThat(templates).hasSizeGreaterThan(1);
        assertThat(CloudFormationValidation.violations(app, templates)).isEmpty();
    }
}
