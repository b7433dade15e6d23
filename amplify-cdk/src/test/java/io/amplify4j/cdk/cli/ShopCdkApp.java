package io.amplify4j.cdk.cli;

import io.amplify4j.cdk.AmplifyBackend;
import io.amplify4j.cdk.AmplifyBackendProps;
import io.amplify4j.fixtures.ShopBackend;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/**
 * The sample CDK app of {@code src/test/cdk-app/cdk.json}: the shop backend in one environment-agnostic stack.
 * The CDK CLI runs it and reads the cloud assembly it writes to {@code CDK_OUTDIR}.
 */
public final class ShopCdkApp {
    private ShopCdkApp() {}

    public static void main(String[] args) {
        Path project = Path.of(System.getenv().getOrDefault("AMPLIFY4J_PROJECT_DIR", "."));
        App app = new App();
        AmplifyBackend.inNewStack(app, "Shop", StackProps.builder()
                        .description("Amplify4j shop backend (sample)")
                        .build(),
                AmplifyBackendProps.builder(new ShopBackend()).projectDirectory(project).build());
        app.synth();
    }
}
