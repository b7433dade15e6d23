package io.amplify4j.sandbox.function;

import io.amplify4j.model.data.AuthorizationModes;
import io.amplify4j.model.function.FunctionDefinition;
import io.amplify4j.model.function.Schedule;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.resolver.DataSourcePlan;
import io.amplify4j.plan.resolver.ModuleSource;
import io.amplify4j.plan.resolver.PipelineFunctionPlan;
import io.amplify4j.plan.resolver.ResolverPlan;
import io.amplify4j.sandbox.iam.TemporaryCredentials;
import io.amplify4j.sandbox.runtime.PlanResolvers;
import io.amplify4j.sandbox.server.auth.LocalUserPool;
import io.amplify4j.sandbox.server.auth.TokenVerifier;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything function-shaped in a running sandbox, wired from the plan: the {@link FunctionRuntime}, the Lambda
 * data sources and the user's custom JS handler files for the resolvers, the Lambda authorizer, the OIDC
 * verifier, the auth triggers on the local user pool, the storage triggers, and the admin API that invokes
 * functions and runs schedules on demand.
 */
public final class SandboxFunctions implements AutoCloseable {
    private final FunctionRuntime runtime;
    private final Optional<LambdaAuthorizer> authorizer;
    private final Optional<TokenVerifier> oidc;
    private final StorageTriggers storageTriggers;
    private final Clock clock;

    /** What the sandbox's builder collects for functions. */
    public static final class Settings {
        private Path projectDirectory = Path.of("").toAbsolutePath();
        private final Map<String, Object> handlers = new LinkedHashMap<>();
        private final Map<String, String> userModules = new LinkedHashMap<>();
        private Optional<URI> oidcJwks = Optional.empty();
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> environment = new LinkedHashMap<>();

        /** Where the definition's relative paths (function artifacts, custom JS handlers) start. */
        public Settings projectDirectory(Path directory) {
            this.projectDirectory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
            return this;
        }

        /** A local handler for a function (see {@link FunctionRuntime.Builder#handler}). */
        public Settings handler(String function, Object handler) {
            handlers.put(Objects.requireNonNull(function, "function"), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /** The text of a custom JS handler, instead of reading {@code entry} from the project directory. */
        public Settings userModule(String entry, String source) {
            userModules.put(Objects.requireNonNull(entry, "entry"), Objects.requireNonNull(source, "source"));
            return this;
        }

        /** A secret's value in this sandbox ({@code secret("name")} in the definition). */
        public Settings secret(String secretName, String value) {
            secrets.put(Objects.requireNonNull(secretName, "secretName"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** An environment variable for a function, on top of the definition's and those the sandbox injects. */
        public Settings environment(String function, String name, String value) {
            environment.computeIfAbsent(Objects.requireNonNull(function, "function"), f -> new LinkedHashMap<>())
                    .put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Where the OIDC provider's key set is fetched from. */
        public Settings oidcJwks(URI jwks) {
            this.oidcJwks = Optional.of(Objects.requireNonNull(jwks, "jwks"));
            return this;
        }
    }

    /**
     * Builds the functions of {@code plan} and wires them into {@code resolvers}.
     *
     * @param apiId the API id the authorizer reports
     */
    public SandboxFunctions(BackendPlan plan, Settings settings, PlanResolvers.Builder resolvers, String apiId,
            URI graphqlEndpoint, Optional<LocalUserPool> userPool,
            java.util.function.Function<String, TemporaryCredentials> credentials, Clock clock, Consumer<String> log,
            Consumer<Throwable> internalErrors) {
        this.clock = Objects.requireNonNull(clock, "clock");
        FunctionRuntime.Builder builder = FunctionRuntime.builder(plan.model())
                .projectDirectory(settings.projectDirectory)
                .log(log)
                .internalErrors(internalErrors);
        settings.handlers.forEach(builder::handler);
        settings.secrets.forEach(builder::secret);
        injectedEnvironment(plan, graphqlEndpoint, userPool).forEach((function, variables) ->
                variables.forEach((name, value) -> builder.environment(function, name, value)));
        settings.environment.forEach((function, variables) ->
                variables.forEach((name, value) -> builder.environment(function, name, value)));
        FunctionCredentials roles = new FunctionCredentials(credentials, clock);
        builder.dynamicEnvironment(roles::environment);
        this.runtime = builder.build();
        runtime.notes().forEach(log);
        try {
            plan.model().auth().ifPresent(auth -> userPool.ifPresent(pool -> attach(pool, auth)));
            DataPlan data = plan.data().orElseThrow();
            for (DataSourcePlan source : data.dataSources()) {
                if (source.kind() == DataSourcePlan.Kind.LAMBDA) {
                    String function = source.function().orElseThrow();
                    resolvers.function(function, new FunctionDataSource(runtime, function));
                }
            }
            userModules(data, settings).forEach(resolvers::userModule);
            AuthorizationModes modes = data.definition().authorizationModes();
            this.authorizer = modes.lambdaAuthorizer().map(lambda -> new LambdaAuthorizer(runtime, lambda.function(),
                    lambda.timeToLiveSeconds(), apiId, clock, log));
            this.oidc = modes.oidc().flatMap(provider -> settings.oidcJwks.map(jwks -> {
                try {
                    return TokenVerifier.oidc(jwks.toURL(), provider.issuerUrl(), provider.clientId(),
                            provider.tokenExpiryFromAuthSeconds(), provider.tokenExpiryFromIssueSeconds(), clock);
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("The OIDC key set URL " + jwks + " is not a URL", e);
                }
            }));
            if (modes.oidc().isPresent() && settings.oidcJwks.isEmpty()) {
                log.accept("OIDC provider `" + modes.oidc().get().providerName() + "` has no key set configured;"
                        + " OIDC tokens are refused. Set Sandbox.builder(...).oidcJwks(uri).");
            }
            this.storageTriggers = new StorageTriggers(runtime, plan.model().storage(), clock);
            for (String name : runtime.names()) {
                runtime.whyNotRunnable(name).ifPresent(reason -> log.accept("function not runnable: " + reason));
            }
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /**
     * What Amplify injects into granted functions' environments, pointing at the sandbox: {@code
     * <api>_GRAPHQL_ENDPOINT} and {@code AMPLIFY_DATA_DEFAULT_NAME} for functions granted data access,
     * {@code <storage>_BUCKET_NAME} for functions granted storage access (the bucket's name in the definition, until
     * the S3 subset names buckets), {@code <auth>_USERPOOL_ID} for functions granted Cognito administration, and
     * when the backend has AI routes {@code AMPLIFY_BEDROCK_ENDPOINT} (the sandbox's Bedrock) for every function.
     */
    private static Map<String, Map<String, String>> injectedEnvironment(BackendPlan plan, URI graphqlEndpoint,
            Optional<LocalUserPool> userPool) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        plan.model().auth().ifPresent(auth -> userPool.ifPresent(pool -> auth.access().forEach(grant ->
                out.computeIfAbsent(grant.function(), f -> new LinkedHashMap<>())
                        .put(auth.name() + "_USERPOOL_ID", pool.poolId()))));
        plan.model().data().ifPresent(data -> data.functionAccess().forEach(access -> {
            Map<String, String> env = out.computeIfAbsent(access.function(), f -> new LinkedHashMap<>());
            env.put(data.name() + "_GRAPHQL_ENDPOINT", graphqlEndpoint.toString());
            env.put("AMPLIFY_DATA_DEFAULT_NAME", data.name());
        }));
        // AI routes: functions (the conversation handlers first) call Bedrock through the sandbox's model provider.
        boolean aiRoutes = plan.data()
                .map(data -> !io.amplify4j.sandbox.ai.BedrockEndpoint.modelIds(data).isEmpty()).orElse(false);
        if (aiRoutes) {
            String bedrock = graphqlEndpoint.resolve(io.amplify4j.sandbox.ai.LocalBedrockHandler.PATH).toString();
            plan.model().functions().forEach(function -> out.computeIfAbsent(function.name(),
                    f -> new LinkedHashMap<>()).put(io.amplify4j.sandbox.ai.LocalBedrockHandler.ENDPOINT_ENV, bedrock));
        }
        for (io.amplify4j.model.storage.StorageDefinition bucket : plan.model().storage()) {
            for (io.amplify4j.model.storage.StorageDefinition.PathAccess path : bucket.access()) {
                for (io.amplify4j.model.storage.StorageDefinition.AccessRule rule : path.rules()) {
                    if (rule.accessor() instanceof io.amplify4j.model.storage.StorageAccessor.Resource resource) {
                        out.computeIfAbsent(resource.function(), f -> new LinkedHashMap<>())
                                .put(bucket.name() + "_BUCKET_NAME", bucket.name());
                    }
                }
            }
        }
        return out;
    }

    /**
     * Each function's role credentials as Lambda puts them in the environment ({@code AWS_ACCESS_KEY_ID},
     * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}), issued by the sandbox's IAM and renewed five
     * minutes before they expire.
     */
    private static final class FunctionCredentials {
        private static final java.time.Duration RENEW_BEFORE = java.time.Duration.ofMinutes(5);
        private final java.util.function.Function<String, TemporaryCredentials> issuer;
        private final Clock clock;
        private final Map<String, TemporaryCredentials> current = new java.util.concurrent.ConcurrentHashMap<>();

        FunctionCredentials(java.util.function.Function<String, TemporaryCredentials> issuer, Clock clock) {
            this.issuer = issuer;
            this.clock = clock;
        }

        Map<String, String> environment(String function) {
            TemporaryCredentials credentials = current.compute(function, (name, held) ->
                    held != null && clock.instant().plus(RENEW_BEFORE).isBefore(held.expiration()) ? held
                            : issuer.apply(name));
            return Map.of("AWS_ACCESS_KEY_ID", credentials.accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey(),
                    "AWS_SESSION_TOKEN", credentials.sessionToken());
        }
    }

    /**
     * The text of every custom JS handler the resolvers use: given with {@link Settings#userModule}, or read from
     * the project directory.
     */
    private static Map<String, String> userModules(DataPlan data, Settings settings) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ResolverPlan resolver : data.resolvers()) {
            for (PipelineFunctionPlan function : resolver.functions()) {
                if (function.source() instanceof ModuleSource.UserFile user && !out.containsKey(user.entry())) {
                    String given = settings.userModules.get(user.entry());
                    if (given != null) {
                        out.put(user.entry(), given);
                        continue;
                    }
                    Path file = settings.projectDirectory.resolve(user.entry()).normalize();
                    try {
                        out.put(user.entry(), Files.readString(file, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new IllegalArgumentException("The custom handler `" + user.entry() + "` of "
                                + resolver.coordinate() + " cannot be read from " + file + ". Set the sandbox's"
                                + " project directory to the folder the entry is relative to, or pass its text with"
                                + " userModule(entry, source).");
                    }
                }
            }
        }
        return out;
    }

    /** Runs the definition's auth triggers on {@code pool}. */
    private void attach(LocalUserPool pool, io.amplify4j.model.auth.AuthDefinition auth) {
        if (!auth.triggers().isEmpty()) {
            pool.triggers(new UserPoolTriggers(runtime, auth, pool));
        }
    }

    /** The banner's lines about functions: which run here, and how to invoke one or run a schedule. */
    public String banner(URI baseUri) {
        if (runtime.names().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("  Functions:        ");
        List<String> described = new java.util.ArrayList<>();
        for (String name : runtime.names()) {
            described.add(name + (runtime.isRunnable(name) ? "" : " (not runnable here, see the log)"));
        }
        out.append(String.join(", ", described)).append('\n');
        out.append("    curl -s ").append(baseUri).append("/__sandbox/functions/<name>/invoke")
                .append(" -H 'content-type: application/json' -d '{...event...}'\n");
        runtime.names().stream().filter(name -> !runtime.definition(name).orElseThrow().schedules().isEmpty())
                .forEach(name -> out.append("    curl -s ").append(baseUri).append("/__sandbox/schedules/")
                        .append(name).append("/run -H 'content-type: application/json' -d '{}'\n"));
        return out.toString();
    }

    public FunctionRuntime runtime() {
        return runtime;
    }

    /** The Lambda authorizer, when the API enables {@code AWS_LAMBDA}. */
    public Optional<LambdaAuthorizer> authorizer() {
        return authorizer;
    }

    /** The OIDC provider's verifier, when the API enables OIDC and its key set is configured. */
    public Optional<TokenVerifier> oidc() {
        return oidc;
    }

    /** Storage triggers, for the S3 subset to call. */
    public StorageTriggers storageTriggers() {
        return storageTriggers;
    }

    // ------------------------------------------------------------------------------------------ admin API

    /** An admin API answer: HTTP status and JSON body. */
    public record AdminReply(int status, Map<String, Object> body) {}

    /**
     * The admin API's function actions, or empty when {@code action} is not one:
     * <ul>
     *   <li>{@code functions/<name>/invoke}: invokes the function with the request body as its event; answers
     *       {@code {payload}} or, when the function failed, {@code {functionError: "Unhandled", payload:
     *       {errorType, errorMessage}}} as Lambda's Invoke API does.</li>
     *   <li>{@code schedules/<name>/run}: runs the function's schedule ({@code {"schedule": n}} picks one of
     *       several; the first by default) now, with an EventBridge Scheduler event; answers {@code {event,
     *       payload}} or the failure.</li>
     * </ul>
     */
    public Optional<AdminReply> admin(String action, Map<String, Object> input) {
        String[] parts = action.split("/", -1);
        if (parts.length != 3 || !(parts[0].equals("functions") && parts[2].equals("invoke")
                || parts[0].equals("schedules") && parts[2].equals("run"))) {
            return Optional.empty();
        }
        String name = parts[1];
        Optional<FunctionDefinition> definition = runtime.definition(name);
        if (definition.isEmpty()) {
            return Optional.of(new AdminReply(404, error("ResourceNotFoundException",
                    "Function not found: " + name + ". Functions: " + runtime.names() + ".")));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Object event = input;
        if (parts[0].equals("schedules")) {
            List<Schedule> schedules = definition.get().schedules();
            if (schedules.isEmpty()) {
                return Optional.of(new AdminReply(404, error("ResourceNotFoundException",
                        "Function `" + name + "` has no schedule.")));
            }
            int index = input.get("schedule") instanceof Long n ? n.intValue() : 0;
            if (index < 0 || index >= schedules.size()) {
                return Optional.of(new AdminReply(400, error("ValidationException", "Function `" + name + "` has "
                        + schedules.size() + " schedule(s); `schedule` must be 0 to " + (schedules.size() - 1) + ".")));
            }
            event = ScheduledEvents.event(name, index, schedules.get(index), clock.instant());
            out.put("schedule", ScheduledEvents.describe(schedules.get(index)));
            out.put("event", event);
        }
        try {
            out.put("payload", runtime.invoke(name, event));
        } catch (FunctionFailure e) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("errorType", e.errorType());
            payload.put("errorMessage", e.getMessage());
            out.put("functionError", "Unhandled");
            out.put("payload", payload);
        }
        return Optional.of(new AdminReply(200, out));
    }

    private static Map<String, Object> error(String errorType, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorType", errorType);
        error.put("message", message);
        return error;
    }

    @Override
    public void close() {
        runtime.close();
    }
}
