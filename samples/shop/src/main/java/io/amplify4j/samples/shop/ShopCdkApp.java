package io.amplify4j.samples.shop;

import io.amplify4j.cdk.AmplifyBackend;
import io.amplify4j.cdk.AmplifyBackendProps;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/**
 * The shop's CDK app, run by the ordinary CDK CLI through {@code cdk.json} ({@code npx cdk synth}, {@code npx cdk
 * deploy}): the whole backend in one stack named {@value #STACK}, environment-agnostic unless {@code
 * CDK_DEFAULT_ACCOUNT}/{@code CDK_DEFAULT_REGION} are set by the CLI. Relative paths of the definition (the functions'
 * jar) start at the working directory, which the CLI sets to this module.
 */
public final class ShopCdkApp {
    /** The stack's id. */
    public static final String STACK = "Shop";

    private ShopCdkApp() {}

    public static void main(String[] args) {
        App app = new App();
        define(app, Path.of("").toAbsolutePath());
        app.synth();
    }

    /** Puts the shop into a new stack of {@code app}; {@code projectDirectory} holds {@code target/shop-functions.jar}. */
    public static AmplifyBackend define(App app, Path projectDirectory) {
        return AmplifyBackend.inNewStack(app, STACK, StackProps.builder()
                        .description("Amplify4j shop backend (sample)")
                        .build(),
                AmplifyBackendProps.builder(new ShopBackend()).projectDirectory(projectDirectory).build());
    }
}
