package io.amplify4j.cdk.function;

import io.amplify4j.cdk.SecretStore;
import io.amplify4j.model.Profile;
import io.amplify4j.model.function.FunctionDefinition;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link AmplifyFunction} builds from.
 *
 * @param backendName the backend's name (default SSM path of secrets)
 * @param definition the function as defined
 * @param projectDirectory the directory relative artifact and asset paths are resolved against
 * @param profile whether the log group is retained with the stack
 * @param secretStore where the function's secrets live
 * @param injectedParameters environment variable → SSM parameter whose value the function reads at cold start
 *     (for example {@code media_BUCKET_NAME} → {@code /amplify4j/shop/storage/media/bucketName}); the role may read
 *     exactly these parameters
 */
public record AmplifyFunctionProps(
        String backendName,
        FunctionDefinition definition,
        Path projectDirectory,
        Profile profile,
        SecretStore secretStore,
        Map<String, String> injectedParameters) {

    public AmplifyFunctionProps {
        Objects.requireNonNull(backendName, "backendName");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(secretStore, "secretStore");
        injectedParameters = Map.copyOf(new TreeMap<>(injectedParameters));
    }

    /** A builder with the working directory as project directory, SSM secrets and the sandbox profile. */
    public static Builder builder(String backendName, FunctionDefinition definition) {
        return new Builder(backendName, definition);
    }

    /** Builds {@link AmplifyFunctionProps}. */
    public static final class Builder {
        private final String backendName;
        private final FunctionDefinition definition;
        private Path projectDirectory = Path.of("");
        private Profile profile = Profile.SANDBOX;
        private SecretStore secretStore = SecretStore.SSM_PARAMETER;
        private final Map<String, String> injectedParameters = new TreeMap<>();

        Builder(String backendName, FunctionDefinition definition) {
            this.backendName = backendName;
            this.definition = definition;
        }

        public Builder projectDirectory(Path directory) {
            this.projectDirectory = directory;
            return this;
        }

        public Builder profile(Profile value) {
            this.profile = value;
            return this;
        }

        public Builder secretStore(SecretStore store) {
            this.secretStore = store;
            return this;
        }

        public Builder injectParameter(String variable, String parameterName) {
            injectedParameters.put(variable, parameterName);
            return this;
        }

        public AmplifyFunctionProps build() {
            return new AmplifyFunctionProps(backendName, definition, projectDirectory, profile, secretStore,
                    injectedParameters);
        }
    }
}
