package io.amplify4j.cdk.data;

import io.amplify4j.model.Profile;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.lock.DeploymentLock;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * What {@link AmplifyData} builds from, and the resources of other categories it wires in. Build with
 * {@link #builder(BackendPlan)} or {@link #of(BackendPlan, Consumer)}; the record's components may grow, the builder
 * stays compatible.
 *
 * @param plan the backend plan; everything about the API comes from {@code plan.data()}
 * @param userPool the user pool of the user-pool authorization mode and of owner and group rules
 * @param userPoolClientId the app client whose tokens the API accepts; any client of the pool when absent
 * @param identityPoolId the identity pool whose identities IAM rules admit ({@code ctx.env} of the resolvers)
 * @param authenticatedRole the identity pool's role for signed-in identities (IAM rules on authenticated callers)
 * @param unauthenticatedRole the identity pool's role for guests (guest rules)
 * @param groupRoles the role of each user group (group rules through the identity pool)
 * @param functions the backend's Lambda functions by name: operation handlers, the Lambda authorizer, functions
 *     granted access to the API
 * @param namePrefix prepended to the API name and every table name, to deploy several copies in one account
 * @param profile sandbox (tables destroyed with the stack) or production (tables retained, deletion protection);
 *     the model's profile unless set
 * @param logging request logging
 * @param tracing X-Ray tracing of requests
 * @param projectDirectory where the entries of custom JS handlers are resolved
 * @param limits the budget of each nested stack of models
 * @param lock the lock file guarding stateful resources; without it nothing is checked (a warning says so)
 * @param clock the time the API key's expiry counts from (rounded to the hour, so synthesis is repeatable)
 */
public record AmplifyDataProps(
        BackendPlan plan,
        Optional<IUserPool> userPool,
        Optional<String> userPoolClientId,
        Optional<String> identityPoolId,
        Optional<IRole> authenticatedRole,
        Optional<IRole> unauthenticatedRole,
        Map<String, IRole> groupRoles,
        Map<String, IFunction> functions,
        String namePrefix,
        Profile profile,
        DataLogging logging,
        boolean tracing,
        Path projectDirectory,
        StackLimits limits,
        Optional<DeploymentLock> lock,
        Clock clock) {

    public AmplifyDataProps {
        Objects.requireNonNull(plan, "plan");
        if (plan.data().isEmpty()) {
            throw new IllegalArgumentException("AmplifyData needs a backend with data: backend `" + plan.model().name()
                    + "` defines none. Add models with backend.data(), or leave AmplifyData out.");
        }
        Objects.requireNonNull(userPool, "userPool");
        Objects.requireNonNull(userPoolClientId, "userPoolClientId");
        Objects.requireNonNull(identityPoolId, "identityPoolId");
        Objects.requireNonNull(authenticatedRole, "authenticatedRole");
        Objects.requireNonNull(unauthenticatedRole, "unauthenticatedRole");
        groupRoles = java.util.Collections.unmodifiableMap(new TreeMap<>(groupRoles));
        functions = java.util.Collections.unmodifiableMap(new TreeMap<>(functions));
        Objects.requireNonNull(namePrefix, "namePrefix");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(clock, "clock");
    }

    /** Props for {@code plan} with every default. */
    public static AmplifyDataProps of(BackendPlan plan) {
        return builder(plan).build();
    }

    /** Props for {@code plan}, configured by {@code configure}. */
    public static AmplifyDataProps of(BackendPlan plan, Consumer<Builder> configure) {
        Builder builder = builder(plan);
        configure.accept(builder);
        return builder.build();
    }

    /** A builder for {@code plan}. */
    public static Builder builder(BackendPlan plan) {
        return new Builder(plan);
    }

    /** Builds {@link AmplifyDataProps}. */
    public static final class Builder {
        private final BackendPlan plan;
        private IUserPool userPool;
        private String userPoolClientId;
        private String identityPoolId;
        private IRole authenticatedRole;
        private IRole unauthenticatedRole;
        private final Map<String, IRole> groupRoles = new TreeMap<>();
        private final Map<String, IFunction> functions = new TreeMap<>();
        private String namePrefix = "";
        private Profile profile;
        private DataLogging logging = DataLogging.DEFAULT;
        private boolean tracing = true;
        private Path projectDirectory = Path.of("");
        private StackLimits limits = StackLimits.DEFAULT;
        private DeploymentLock lock;
        private Clock clock = Clock.systemUTC();

        private Builder(BackendPlan plan) {
            this.plan = Objects.requireNonNull(plan, "plan");
            this.profile = plan.model().profile();
        }

        /** The user pool (and optionally the one app client) the user-pool mode accepts. */
        public Builder userPool(IUserPool pool) {
            this.userPool = pool;
            return this;
        }

        public Builder userPoolClientId(String clientId) {
            this.userPoolClientId = clientId;
            return this;
        }

        public Builder identityPoolId(String id) {
            this.identityPoolId = id;
            return this;
        }

        public Builder authenticatedRole(IRole role) {
            this.authenticatedRole = role;
            return this;
        }

        public Builder unauthenticatedRole(IRole role) {
            this.unauthenticatedRole = role;
            return this;
        }

        /** The IAM role of user group {@code group}. */
        public Builder groupRole(String group, IRole role) {
            groupRoles.put(group, role);
            return this;
        }

        public Builder groupRoles(Map<String, ? extends IRole> roles) {
            groupRoles.putAll(roles);
            return this;
        }

        /** The Lambda function of the backend's function {@code name}. */
        public Builder function(String name, IFunction function) {
            functions.put(name, function);
            return this;
        }

        public Builder functions(Map<String, ? extends IFunction> all) {
            functions.putAll(all);
            return this;
        }

        public Builder namePrefix(String prefix) {
            this.namePrefix = prefix;
            return this;
        }

        public Builder profile(Profile value) {
            this.profile = value;
            return this;
        }

        public Builder logging(DataLogging value) {
            this.logging = value;
            return this;
        }

        public Builder tracing(boolean enabled) {
            this.tracing = enabled;
            return this;
        }

        public Builder projectDirectory(Path directory) {
            this.projectDirectory = directory;
            return this;
        }

        public Builder limits(StackLimits value) {
            this.limits = value;
            return this;
        }

        /** Guards stateful resources with this lock file. */
        public Builder lock(DeploymentLock value) {
            this.lock = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public AmplifyDataProps build() {
            return new AmplifyDataProps(plan, Optional.ofNullable(userPool), Optional.ofNullable(userPoolClientId),
                    Optional.ofNullable(identityPoolId), Optional.ofNullable(authenticatedRole),
                    Optional.ofNullable(unauthenticatedRole), groupRoles, functions, namePrefix, profile, logging,
                    tracing, projectDirectory, limits, Optional.ofNullable(lock), clock);
        }
    }
}
