package io.amplify4j.cdk;

import io.amplify4j.cdk.data.AmplifyDataProps;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.model.BackendModel;
import io.amplify4j.plan.BackendPlan;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.cognito.IUserPoolClient;

/**
 * What {@link AmplifyBackend} builds from.
 *
 * @param plan the backend's plan
 * @param projectDirectory where function artifacts, asset folders and custom handlers are resolved
 * @param namePrefix prefixes resource names (user pool, tables, API, SSM parameters); the backend's name by default
 * @param secretStore where the definition's secrets live
 * @param existingUserPool embed: use this user pool and app client instead of creating them
 * @param existingClient the existing pool's app client
 * @param nestedStacks one nested stack per category (functions, auth, storage, data); otherwise everything goes
 *     into the enclosing stack
 * @param data further settings of the data category (logging, tracing, the lock file, limits)
 */
public record AmplifyBackendProps(
        BackendPlan plan,
        Path projectDirectory,
        String namePrefix,
        SecretStore secretStore,
        Optional<IUserPool> existingUserPool,
        Optional<IUserPoolClient> existingClient,
        boolean nestedStacks,
        Consumer<AmplifyDataProps.Builder> data) {

    public AmplifyBackendProps {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        Objects.requireNonNull(namePrefix, "namePrefix");
        Objects.requireNonNull(secretStore, "secretStore");
        Objects.requireNonNull(existingUserPool, "existingUserPool");
        Objects.requireNonNull(existingClient, "existingClient");
        Objects.requireNonNull(data, "data");
        if (existingClient.isPresent() && existingUserPool.isEmpty()) {
            throw new IllegalArgumentException("an existing app client needs its user pool: call "
                    + "existingUserPool(pool, client)");
        }
    }

    /** A builder for a plan. */
    public static Builder builder(BackendPlan plan) {
        return new Builder(plan);
    }

    /** A builder for a validated model. */
    public static Builder builder(BackendModel model) {
        return new Builder(BackendPlan.of(model));
    }

    /** A builder for a backend definition class ({@code define()} validates it). */
    public static Builder builder(BackendDefinition definition) {
        return builder(definition.define());
    }

    /** Builds {@link AmplifyBackendProps}. */
    public static final class Builder {
        private final BackendPlan plan;
        private Path projectDirectory = Path.of("");
        private String namePrefix;
        private SecretStore secretStore = SecretStore.SSM_PARAMETER;
        private IUserPool existingUserPool;
        private IUserPoolClient existingClient;
        private boolean nestedStacks = true;
        private Consumer<AmplifyDataProps.Builder> data = b -> { };

        Builder(BackendPlan plan) {
            this.plan = plan;
            this.namePrefix = plan.model().name();
        }

        public Builder projectDirectory(Path directory) {
            this.projectDirectory = directory;
            return this;
        }

        public Builder namePrefix(String prefix) {
            this.namePrefix = prefix;
            return this;
        }

        public Builder secretStore(SecretStore store) {
            this.secretStore = store;
            return this;
        }

        public Builder existingUserPool(IUserPool pool, IUserPoolClient client) {
            this.existingUserPool = pool;
            this.existingClient = client;
            return this;
        }

        public Builder nestedStacks(boolean enabled) {
            this.nestedStacks = enabled;
            return this;
        }

        public Builder data(Consumer<AmplifyDataProps.Builder> configure) {
            this.data = configure;
            return this;
        }

        public AmplifyBackendProps build() {
            return new AmplifyBackendProps(plan, projectDirectory, namePrefix, secretStore,
                    Optional.ofNullable(existingUserPool), Optional.ofNullable(existingClient), nestedStacks, data);
        }
    }
}
