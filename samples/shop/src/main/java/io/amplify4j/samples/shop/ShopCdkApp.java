package io.amplify4j.samples.shop;

import io.amplify4j.cdk.AmplifyBackend;
import io.amplify4j.cdk.AmplifyBackendProps;
import io.amplify4j.plan.lock.DeploymentLock;
import io.amplify4j.plan.lock.Lock;
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

    /** The context key ({@code cdk synth -c amplify4j:writeLock=true}) that writes the lock file after synthesis. */
    public static final String WRITE_LOCK = "amplify4j:writeLock";

    public static void main(String[] args) {
        App app = new App();
        AmplifyBackend backend = define(app, Path.of("").toAbsolutePath());
        app.synth();
        if ("true".equals(String.valueOf(app.getNode().tryGetContext(WRITE_LOCK)))) {
            // after a successful deployment; then commit amplify4j.lock.json
            backend.data().orElseThrow().writeLock();
        }
    }

    /**
     * Puts the shop into a new stack of {@code app}. {@code projectDirectory} holds {@code target/shop-functions.jar}
     * and the lock file ({@value Lock#DEFAULT_FILE_NAME}), which, once written, makes synthesis refuse changes that
     * would replace or delete data.
     */
    public static AmplifyBackend define(App app, Path projectDirectory) {
        return AmplifyBackend.inNewStack(app, STACK, StackProps.builder()
                        .description("Amplify4j shop backend (sample)")
                        .build(),
                AmplifyBackendProps.builder(new ShopBackend())
                        .projectDirectory(projectDirectory)
                        .data(data -> data.lock(DeploymentLock.at(projectDirectory.resolve(Lock.DEFAULT_FILE_NAME))))
                        .build());
    }
}
