package io.amplify4j.cdk.auth;

import io.amplify4j.cdk.SecretStore;
import io.amplify4j.model.Profile;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.IdentityPoolPlan;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * What {@link AmplifyAuth} builds from.
 *
 * @param backendName the backend's name (default SSM path of secrets)
 * @param auth the auth definition
 * @param identityPool the plan's identity pool: guest identities and group role mapping
 * @param profile removal and protection of the user pool
 * @param namePrefix prefixes the user pool, client and identity pool names
 * @param functions the backend's functions by name: triggers and functions granted Cognito actions
 * @param existingUserPool embed: use this user pool instead of creating one (groups are still created in it)
 * @param existingClient with an existing user pool, its app client (else one is created)
 * @param secretStore where external providers' secrets live
 * @param domainPrefix the hosted UI domain prefix; derived deterministically when absent
 */
public record AmplifyAuthProps(
        String backendName,
        AuthDefinition auth,
        IdentityPoolPlan identityPool,
        Profile profile,
        String namePrefix,
        Map<String, IFunction> functions,
        Optional<IUserPool> existingUserPool,
        Optional<IUserPoolClient> existingClient,
        SecretStore secretStore,
        Optional<String> domainPrefix) {

    public AmplifyAuthProps {
        Objects.requireNonNull(backendName, "backendName");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(identityPool, "identityPool");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(namePrefix, "namePrefix");
        functions = Map.copyOf(functions);
        Objects.requireNonNull(existingUserPool, "existingUserPool");
        Objects.requireNonNull(existingClient, "existingClient");
        Objects.requireNonNull(secretStore, "secretStore");
        Objects.requireNonNull(domainPrefix, "domainPrefix");
    }

    /** A builder taking the auth definition and identity pool from a plan whose backend has auth. */
    public static Builder builder(BackendPlan plan) {
        AuthDefinition auth = plan.model().auth().orElseThrow(() -> new IllegalArgumentException(
                "backend '" + plan.model().name() + "' defines no auth; add backend.auth() or leave AmplifyAuth out"));
        return new Builder(plan.model().name(), auth, plan.identityPool().orElseThrow(), plan.model().profile());
    }

    /** Builds {@link AmplifyAuthProps}. */
    public static final class Builder {
        private final String backendName;
        private final AuthDefinition auth;
        private final IdentityPoolPlan identityPool;
        private final Profile profile;
        private String namePrefix;
        private final Map<String, IFunction> functions = new TreeMap<>();
        private IUserPool existingUserPool;
        private IUserPoolClient existingClient;
        private SecretStore secretStore = SecretStore.SSM_PARAMETER;
        private String domainPrefix;

        Builder(String backendName, AuthDefinition auth, IdentityPoolPlan identityPool, Profile profile) {
            this.backendName = backendName;
            this.auth = auth;
            this.identityPool = identityPool;
            this.profile = profile;
            this.namePrefix = backendName;
        }

        public Builder namePrefix(String prefix) {
            this.namePrefix = prefix;
            return this;
        }

        public Builder functions(Map<String, ? extends IFunction> byName) {
            functions.putAll(byName);
            return this;
        }

        public Builder existingUserPool(IUserPool userPool, IUserPoolClient client) {
            this.existingUserPool = userPool;
            this.existingClient = client;
            return this;
        }

        public Builder secretStore(SecretStore store) {
            this.secretStore = store;
            return this;
        }

        public Builder domainPrefix(String prefix) {
            this.domainPrefix = prefix;
            return this;
        }

        public AmplifyAuthProps build() {
            return new AmplifyAuthProps(backendName, auth, identityPool, profile, namePrefix, functions,
                    Optional.ofNullable(existingUserPool), Optional.ofNullable(existingClient), secretStore,
                    Optional.ofNullable(domainPrefix));
        }
    }
}
