package io.amplify4j.cdk.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.model.BackendModel;
import io.amplify4j.plan.BackendPlan;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CloudFormationValidatePlugin;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The full shop synthesized with aws-cdk-lib's built-in CloudFormation validation on. The test JVM runs with
 * {@code CDK_VALIDATION=false} (see the POM), so the plugin is registered on this App explicitly: the same
 * validator, for this one synthesis.
 */
class ShopValidationTest {
    @Test
    void the_shop_passes_cloudformation_validation() throws java.io.IOException {
        BackendModel model = new ShopBackend().define();
        App app = validatingApp();
        DataStacks.synthesize(app, BackendPlan.of(model), (stack, builder) -> {
            DataStacks.everything(stack, model).accept(builder);
            builder.projectDirectory(ShopDataTest.PROJECT);
        });
        CloudAssembly assembly = app.synth();
        assertThat(assembly.getStacks()).isNotEmpty();
        // Warnings too: the report lists every violation, whatever its severity.
        java.nio.file.Path report = java.nio.file.Path.of(assembly.getDirectory(), "validation-report.json");
        assertThat(report).exists();
        String text = java.nio.file.Files.readString(report);
        assertThat(text).doesNotContain("\"violatingResources\"");
    }

    /**
     * An App validating with CloudFormation's own rules, failing synthesis on an error (by default aws-cdk-lib only
     * reports them as warnings).
     */
    static App validatingApp() {
        App app = new App(AppProps.builder()
                .context(java.util.Map.of("@aws-cdk/core:validateAgainstDefaultRules", true))
                .build());
        Validations.of(app).addPlugins(new CloudFormationValidatePlugin());
        return app;
    }

    /** The control: the same registration rejects an invalid template, so the test above really validated. */
    @Test
    void the_registered_validation_rejects_an_invalid_template() {
        App app = validatingApp();
        software.amazon.awscdk.Stack stack = new software.amazon.awscdk.Stack(app, "Invalid");
        // A table without its required key schema, written as a raw resource so only the validator can see it.
        software.amazon.awscdk.CfnResource.Builder.create(stack, "Table")
                .type("AWS::DynamoDB::Table")
                .properties(java.util.Map.of("BillingMode", "PAY_PER_REQUEST"))
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(app::synth).hasMessageContaining("Validation failed");
    }
}
