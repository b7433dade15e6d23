package io.amplify4j.cdk.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.cdk.AmplifyBackend;
import io.amplify4j.cdk.AmplifyBackendProps;
import io.amplify4j.cdk.testing.CloudFormationValidation;
import io.amplify4j.cdk.testing.FixtureProject;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.plan.BackendPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.CloudFormationValidatePlugin;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The whole shop (every category, nested stacks) synthesized with aws-cdk-lib's built-in CloudFormation validation
 * on. The test JVM runs with {@code CDK_VALIDATION=false} (see the POM), so the plugin is registered on this App
 * explicitly, failing synthesis on an error. Registered that way it sees only the root template, so every nested
 * template (the model shards, auth, storage, functions) is then validated with the same plugin through
 * {@link CloudFormationValidation}. One synthesis; two controls prove both paths really reject an invalid template.
 */
class ShopValidationTest {

    @TempDir
    static Path project;

    static CloudAssembly assembly;
    static App app;

    @BeforeAll
    static void synth() {
        FixtureProject.shop(project);
        app = validatingApp(project.resolve("cdk.out"));
        AmplifyBackend.inNewStack(app, "Shop", StackProps.builder().build(),
                AmplifyBackendProps.builder(BackendPlan.of(new ShopBackend().define())).projectDirectory(project)
                        .build());
        assembly = app.synth();
    }

    @Test
    void theRootTemplatePassesValidationAtSynthesis() throws Exception {
        // Warnings too: the report lists every violation, whatever its severity.
        Path report = Path.of(assembly.getDirectory(), "validation-report.json");
        assertThat(report).exists();
        assertThat(Files.readString(report)).doesNotContain("\"violatingResources\"");
    }

    @Test
    void everyNestedTemplatePassesValidation() {
        List<Path> templates = CloudFormationValidation.templates(Path.of(assembly.getDirectory()));
        assertThat(templates.stream().map(t -> t.getFileName().toString()))
                .anyMatch(name -> name.endsWith(".nested.template.json") && name.contains("Models"))
                .anyMatch(name -> name.endsWith(".nested.template.json") && name.contains("Auth"))
                .anyMatch(name -> name.endsWith(".nested.template.json") && name.contains("Storage"))
                .anyMatch(name -> name.endsWith(".nested.template.json") && name.contains("Functions"));
        assertThat(CloudFormationValidation.violations(app, templates)).isEmpty();
    }

    /** The control of the registered plugin: it rejects an invalid top-level template. */
    @Test
    void theRegisteredValidationRejectsAnInvalidTemplate(@TempDir Path out) {
        App invalid = validatingApp(out);
        tableWithoutKeySchema(new Stack(invalid, "Invalid"));
        assertThatThrownBy(invalid::synth).hasMessageContaining("Validation failed");
    }

    /** The control of the nested path: the registered plugin lets a nested invalid template pass; ours does not. */
    @Test
    void anInvalidNestedTemplateIsFoundOnlyByTheDirectValidation(@TempDir Path out) {
        App invalid = validatingApp(out);
        tableWithoutKeySchema(new NestedStack(new Stack(invalid, "Parent"), "Child"));
        CloudAssembly synthesized = invalid.synth();
        List<String> violations = CloudFormationValidation.violations(invalid,
                CloudFormationValidation.templates(Path.of(synthesized.getDirectory())));
        assertThat(violations).isNotEmpty().allMatch(v -> v.contains(".nested.template.json") && v.contains("Table"));
    }

    /** A table without its required key schema, written as a raw resource so only the validator can see it. */
    private static void tableWithoutKeySchema(Stack stack) {
        CfnResource.Builder.create(stack, "Table")
                .type("AWS::DynamoDB::Table")
                .properties(Map.of("BillingMode", "PAY_PER_REQUEST"))
                .build();
    }

    /** An App validating with CloudFormation's own rules and failing synthesis on an error (not only warning). */
    static App validatingApp(Path outdir) {
        App app = new App(AppProps.builder()
                .outdir(outdir.toString())
                .context(Map.of("@aws-cdk/core:validateAgainstDefaultRules", true))
                .build());
        Validations.of(app).addPlugins(new CloudFormationValidatePlugin());
        return app;
    }
}
