package io.amplify4j.sandbox.server;

import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.data.AuthorizationModes;
import io.amplify4j.outputs.AmplifyOutputs;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.resolver.EnvironmentVariablePlan;
import io.amplify4j.plan.resolver.ResolverNames;
import io.amplify4j.sandbox.ai.AwsEnvironment;
import io.amplify4j.sandbox.ai.BedrockEndpoint;
import io.amplify4j.sandbox.ai.LocalBedrockHandler;
import io.amplify4j.sandbox.ai.ModelProvider;
import io.amplify4j.sandbox.function.SandboxFunctions;
import io.amplify4j.plan.IamPrincipal;
import io.amplify4j.sandbox.iam.CredentialStore;
import io.amplify4j.sandbox.iam.IamRoles;
import io.amplify4j.sandbox.iam.IamServices;
import io.amplify4j.sandbox.iam.IdentityPoolHandler;
import io.amplify4j.sandbox.iam.LocalIdentityPool;
import io.amplify4j.sandbox.iam.SigV4Verifier;
import io.amplify4j.sandbox.iam.SignatureException;
import io.amplify4j.sandbox.iam.SignedRequest;
import io.amplify4j.sandbox.runtime.Caller;
import io.amplify4j.sandbox.iam.TemporaryCredentials;
import io.amplify4j.sandbox.dynamodb.DynamoDbStore;
import io.amplify4j.sandbox.js.AuthMode;
import io.amplify4j.sandbox.persistence.DataDirectory;
import io.amplify4j.sandbox.persistence.PersistentTables;
import io.amplify4j.sandbox.runtime.PlanResolvers;
import io.amplify4j.sandbox.server.auth.ApiKeys;
import io.amplify4j.sandbox.server.auth.Authenticator;
import io.amplify4j.sandbox.server.auth.LocalUserPool;
import io.amplify4j.sandbox.server.auth.TokenVerifier;
import io.amplify4j.sandbox.server.graphql.GraphQLService;
import io.amplify4j.sandbox.server.realtime.RealtimeHub;
import io.amplify4j.sandbox.storage.FileObjectStore;
import io.amplify4j.sandbox.storage.LocalStorage;
import io.amplify4j.sandbox.storage.MemoryObjectStore;
import io.amplify4j.sandbox.storage.ObjectStore;
import io.amplify4j.sandbox.storage.S3Handler;
import io.amplify4j.sandbox.storage.StorageEventListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The whole backend running locally on 127.0.0.1: its GraphQL API served as AppSync serves it, executing the very
 * resolver modules the plan would deploy against the sandbox's DynamoDB, with real authentication (API keys with
 * expiry, a local user pool issuing and verifying RS256 tokens).
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder(new TodoBackend()).port(4000).start()) {
 *     sandbox.createUser("alice", "correct-horse-battery", List.of());
 *     String token = sandbox.idToken("alice");
 *     // POST sandbox.graphqlEndpoint() with header Authorization: token
 * }
 * }</pre>
 *
 * <p>Subscriptions are served over AppSync's real-time WebSocket protocol at {@link #realtimeEndpoint()}.
 *
 * <p>IAM: a local identity pool answers Cognito Identity's {@code GetId} and {@code GetCredentialsForIdentity} on
 * the same port (AWS JSON 1.1, {@code X-Amz-Target}), functions get credentials from
 * {@link #functionCredentials(String)}, and requests signed with those credentials (SigV4) are verified on
 * {@code POST /graphql} (IAM mode) and on the S3 endpoint.
 *
 * <p>Storage: each bucket of the definition is served path-style at {@code <baseUri>/<bucketName(name)>/<key>}
 * (PutObject, GetObject, HeadObject, DeleteObject, ListObjectsV2), enforcing the plan's storage policies.
 *
 * <p>Functions run in-process ({@link #functions()}): Java handlers for custom operations, the Lambda authorizer,
 * auth triggers, storage triggers and schedules run on demand through the admin API, each with its role's
 * credentials; OIDC tokens are verified against the key set configured with {@link Builder#oidcJwks}.
 *
 * <p>AI routes: generation resolvers and conversation handlers (through the local Bedrock endpoint
 * {@link #bedrockEndpoint()}, {@code AMPLIFY_BEDROCK_ENDPOINT} in functions' environments) call the
 * {@link ModelProvider} given with {@link Builder#modelProvider}, else Amazon Bedrock when the environment has AWS
 * credentials and a region, else nothing: AI operations then fail with a message naming what to configure.
 *
 * <p>With {@link Builder#dataDirectory(Path)} the data, the stored objects, the user pool and the API keys survive
 * restarts and crashes ({@link io.amplify4j.sandbox.persistence.DataDirectory}); {@link #outputs(String)} is the
 * {@code amplify_outputs.json} that points Amplify's clients here.
 */
public final class Sandbox implements AutoCloseable {
    /** AppSync's default query depth limit is off; the sandbox picks a bound that no sane query reaches. */
    public static final int DEFAULT_QUERY_DEPTH_LIMIT = 25;
    /** The request body limit: the size AppSync documents for a request. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 5 * 1024 * 1024;
    /** The largest object the storage endpoint accepts in one PutObject, by default (objects are held in memory). */
    public static final long DEFAULT_MAX_OBJECT_BYTES = 64L * 1024 * 1024;
    /** Idle GraalJS contexts kept with a data directory, where requests wait on disk flushes. */
    private static final int PERSISTENT_IDLE_CONTEXTS = 32;

    private final BackendPlan plan;
    private final Clock clock;
    private final Consumer<String> log;
    private final Server server;
    private final PlanResolvers resolvers;
    private final RealtimeHub realtime;
    private final Optional<ApiKeys> apiKeys;
    private final Optional<ApiKeys.ApiKey> apiKey;
    private final Optional<LocalUserPool> userPool;
    private final SandboxFunctions functions;
    private final URI baseUri;
    private final IamServices iam;
    private final LocalStorage storage;
    private final Optional<DataDirectory> dataDirectory;
    private final Optional<PersistentTables> persistentTables;
    /** What answers the AI routes; empty when the backend has none. */
    private final Optional<ModelProvider> modelProvider;

    private Sandbox(Builder builder, StartupProgress progress, Optional<DataDirectory> dataDirectory)
            throws Exception {
        this.plan = builder.plan;
        this.clock = builder.clock;
        this.log = builder.log;
        this.dataDirectory = dataDirectory;
        DataPlan data = plan.data().orElseThrow(() -> new IllegalArgumentException(
                "Backend `" + plan.model().name() + "` defines no data: the sandbox serves a GraphQL API."));
        DataDirectory.AuthState saved = dataDirectory.map(DataDirectory::readAuth)
                .orElse(DataDirectory.AuthState.empty());

        // Resolver pipelines run a few at a time (PlanResolvers), so a burst of requests or subscription starts
        // parks threads while they wait their turn; enough threads that the parked ones never leave none to accept
        // and upgrade new connections.
        QueuedThreadPool threads = new QueuedThreadPool(256, 2);
        threads.setName("amplify4j-sandbox");
        threads.setDaemon(true);
        this.server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(builder.port);
        // S3 keys are literal: /bucket/a/../b must reach the storage endpoint as sent, not be refused or normalised.
        // SigV4 signs header values as sent: Jetty's header cache must not swap in its own spelling of a known value
        // (it would turn "charset=UTF-8" into "charset=utf-8" and break the signature).
        org.eclipse.jetty.server.HttpConfiguration http =
                connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
        http.setUriCompliance(UriCompliance.UNSAFE);
        http.setHeaderCacheCaseSensitive(true);
        server.addConnector(connector);
        long bindStarted = System.nanoTime();
        try {
            connector.open();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot listen on 127.0.0.1:" + builder.port + " (" + e.getMessage()
                    + "). Is another sandbox or program using that port? Stop it or choose another port.", e);
        }
        this.baseUri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        progress.done("port", (System.nanoTime() - bindStarted) / 1_000_000, baseUri.toString());

        long authStarted = System.nanoTime();
        AuthorizationModes modes = data.definition().authorizationModes();
        if (modes.apiKey().isPresent()) {
            ApiKeys keys = new ApiKeys(clock);
            saved.apiKeys().forEach(keys::restore);
            this.apiKeys = Optional.of(keys);
            Optional<ApiKeys.ApiKey> kept = keys.longestValid();
            this.apiKey = Optional.of(kept.orElseGet(() ->
                    keys.create(Duration.ofDays(modes.apiKey().get().expiresInDays()))));
        } else {
            this.apiKeys = Optional.empty();
            this.apiKey = Optional.empty();
        }
        Optional<AuthDefinition> auth = plan.model().auth();
        this.userPool = auth.map(a -> new LocalUserPool(baseUri.toString(), clock, a.passwordPolicy().minLength(),
                saved.userPool()));
        Optional<TokenVerifier> verifier = userPool.map(pool ->
                new TokenVerifier(pool::jwks, pool.issuer(), pool.clientId(), clock));
        dataDirectory.ifPresent(dir -> dir.keep(userPool, apiKeys));
        progress.done("auth", (System.nanoTime() - authStarted) / 1_000_000, describeAuth(saved));

        IamRoles roles = new IamRoles(plan.model().name());
        CredentialStore credentials = new CredentialStore(clock);
        Optional<LocalIdentityPool> identityPool = plan.identityPool().map(pool -> new LocalIdentityPool(
                plan.model().name(), builder.region, pool,
                userPool.map(p -> new LocalIdentityPool.UserPoolLogin(p.poolId(), verifier.orElseThrow())),
                roles, credentials, builder.credentialValidity));
        this.iam = new IamServices(builder.region, roles, credentials, clock, identityPool, builder.credentialValidity,
                plan.model().functions().stream().map(io.amplify4j.model.function.FunctionDefinition::name).toList());
        // Objects live where the data lives: under the data directory when there is one, unless told otherwise.
        ObjectStore objects = builder.objectStore != null ? builder.objectStore
                : builder.storageDirectory != null ? new FileObjectStore(builder.storageDirectory)
                : dataDirectory.<ObjectStore>map(dir -> new FileObjectStore(dir.root().resolve("objects")))
                        .orElseGet(MemoryObjectStore::new);
        this.storage = new LocalStorage(plan.model().name(), plan.storage(), objects, log);
        builder.storageListeners.forEach(storage::addListener);

        this.persistentTables = dataDirectory.map(dir -> dir.tables(builder.compactionBytes, log));
        // AI routes: the provider given, else Bedrock when the environment has credentials and a region, else one
        // that fails every call with what to configure. Resolved only for backends with AI routes.
        java.util.Set<String> aiModelIds = BedrockEndpoint.modelIds(data);
        this.modelProvider = aiModelIds.isEmpty() ? Optional.empty()
                : Optional.of(builder.modelProvider.orElseGet(() -> ModelProvider.fromEnvironment(
                        AwsEnvironment.system())));
        PlanResolvers.Builder runtime = PlanResolvers.builder(data).clock(clock);
        modelProvider.ifPresent(provider -> runtime.modelProvider(provider).modelLog(log));
        persistentTables.ifPresent(tables -> runtime.store(new DynamoDbStore(tables))
                // writes wait for a disk flush while holding a context: keep enough for concurrent writers
                .maxConcurrentPipelines(PERSISTENT_IDLE_CONTEXTS));
        userPool.ifPresent(pool -> runtime.env(ResolverNames.USER_POOL_ISSUER_ENV, pool.issuer()));
        identityPool.ifPresent(pool -> runtime.env(ResolverNames.IDENTITY_POOL_ID_ENV, pool.poolId()));
        for (EnvironmentVariablePlan variable : data.environment()) {
            if (variable.kind() == EnvironmentVariablePlan.Kind.FUNCTION_ROLE_ARN) {
                runtime.env(variable.name(), roles.roleArn(IamPrincipal.function(variable.function().orElseThrow())));
            }
        }
        try {
            this.functions = new SandboxFunctions(plan, builder.functions, runtime, "sandbox-" + plan.model().name(),
                    graphqlEndpoint(), userPool, this::functionCredentials, clock, log, this::internalError);
        } catch (RuntimeException e) {
            storage.close();
            connector.close();
            persistentTables.ifPresent(PersistentTables::close);
            throw e;
        }
        storage.addListener(functions.storageTriggers().listener());
        try {
            this.resolvers = progress.step("resolver engine", runtime::build,
                    r -> data.resolvers().size() + " resolvers, " + data.tables().size() + " tables");
            persistentTables.ifPresent(tables -> progress.step("tables",
                    () -> tables.recover(resolvers.store()), PersistentTables.Recovery::describe));
        } catch (RuntimeException e) {
            functions.close();
            storage.close();
            connector.close();
            persistentTables.ifPresent(PersistentTables::close);
            throw e;
        }

        AuthMode defaultMode = switch (plan.defaultAuthorizationMode().orElseThrow()) {
            case API_KEY -> AuthMode.API_KEY;
            case USER_POOL -> AuthMode.USER_POOL;
            case IAM -> AuthMode.IAM;
            case OIDC -> AuthMode.OIDC;
            case LAMBDA -> AuthMode.LAMBDA;
        };
        GraphQLService graphQL = new GraphQLService(data.schema(), resolvers, defaultMode,
                new GraphQLService.RequestLimits(builder.queryDepthLimit, builder.resolverCountLimit,
                        builder.introspection),
                this::internalError);
        Authenticator authenticator = new Authenticator(apiKeys, verifier, functions.oidc(), functions.authorizer());
        this.realtime = new RealtimeHub(graphQL, authenticator, builder.keepAliveInterval, builder.realtimeQueueCapacity,
                log, this::internalError);
        realtime.iamCallers(signed -> IamServices.caller(
                iam.verifier().verify(signed, SigV4Verifier.Service.APPSYNC).session(), "127.0.0.1"));
        List<Handler> handlers = new ArrayList<>();
        modelProvider.ifPresent(provider -> handlers.add(new LocalBedrockHandler(new BedrockEndpoint(provider,
                aiModelIds, "The function's role", log), builder.maxRequestBytes, log)));
        identityPool.ifPresent(pool -> handlers.add(new IdentityPoolHandler(pool, log)));
        if (!plan.storage().buckets().isEmpty()) {
            handlers.add(new S3Handler(storage, iam.verifier(), builder.region, clock, builder.maxObjectBytes, log));
        }
        handlers.add(new SandboxHandler(this, authenticator, graphQL, userPool, builder.maxRequestBytes,
                builder.requestErrorStatus, log));
        server.setHandler(realtime.handler(server, new Handler.Sequence(handlers), builder.maxRequestBytes));
        long serverStarted = System.nanoTime();
        // Loading the resolver modules takes seconds on a cold JVM: start it now, beside Jetty's start and the
        // first client's connection, instead of inside the first request.
        Thread warmUp = new Thread(resolvers::warmUp, "amplify4j-sandbox-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        try {
            server.start();
        } catch (Exception e) {
            realtime.close();
            resolvers.close();
            functions.close();
            storage.close();
            server.stop();
            persistentTables.ifPresent(PersistentTables::close);
            throw e;
        }
        progress.done("HTTP server", (System.nanoTime() - serverStarted) / 1_000_000,
                graphqlEndpoint() + " and " + realtimeEndpoint());
        try {
            for (Builder.SeedUser user : builder.users) {
                seedUser(user);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        progress.ready();
        builder.banner.ifPresent(out -> out.print(banner()));
    }

    private String describeAuth(DataDirectory.AuthState saved) {
        List<String> parts = new ArrayList<>();
        userPool.ifPresent(pool -> parts.add((saved.userPool().isPresent() ? "user pool kept (" : "user pool ")
                + pool.poolId() + (saved.userPool().isPresent()
                        ? ", " + saved.userPool().get().users().size() + " users)" : "")));
        apiKey.ifPresent(key -> parts.add(saved.apiKeys().stream().anyMatch(k -> k.value().equals(key.value()))
                ? "API key kept" : "API key made"));
        return parts.isEmpty() ? "no user pool, no API key" : String.join(", ", parts);
    }

    /**
     * Creates a seed user, or keeps it when the data directory already has it with that password (a restart);
     * the same name with another password is an error, since replacing the user would orphan its data.
     */
    private void seedUser(Builder.SeedUser user) {
        LocalUserPool pool = requireUserPool();
        if (pool.user(user.username()).isPresent()) {
            try {
                pool.signIn(user.username(), user.password());
            } catch (LocalUserPool.UserPoolException e) {
                throw new IllegalArgumentException("User `" + user.username() + "` already exists in the data "
                        + "directory with another password. Use its old password, or choose another user name.");
            }
            return;
        }
        try {
            createUser(user.username(), user.password(), user.groups());
        } catch (LocalUserPool.UserPoolException e) {
            throw new IllegalArgumentException("User `" + user.username() + "`: " + e.getMessage(), e);
        }
    }

    /** Starts configuring a sandbox for a backend definition. */
    public static Builder builder(BackendDefinition definition) {
        long started = System.nanoTime();
        Builder builder = builder(definition.define());
        builder.planMillis = (System.nanoTime() - started) / 1_000_000;
        return builder;
    }

    /** Starts configuring a sandbox for a validated backend model. */
    public static Builder builder(BackendModel model) {
        return builder(BackendPlan.of(model));
    }

    /** Starts configuring a sandbox for a plan. */
    public static Builder builder(BackendPlan plan) {
        return new Builder(plan);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The GraphQL endpoint, {@code http://127.0.0.1:<port>/graphql}. */
    public URI graphqlEndpoint() {
        return baseUri.resolve("/graphql");
    }

    /**
     * The real-time endpoint, {@code ws://127.0.0.1:<port>/graphql/realtime}: AppSync's {@code graphql-ws} protocol.
     * (Amplify JS derives {@code <graphql endpoint>/realtime} for a custom domain, which is this URL; the sandbox
     * also accepts the WebSocket upgrade on {@code /graphql}.)
     */
    public URI realtimeEndpoint() {
        return URI.create("ws://127.0.0.1:" + port() + "/graphql/realtime");
    }

    /** The real-time side: live subscriptions. */
    public RealtimeHub realtime() {
        return realtime;
    }

    public int port() {
        return baseUri.getPort();
    }

    /** The API key made at start, when the definition enables API keys. */
    public Optional<String> apiKey() {
        return apiKey.map(ApiKeys.ApiKey::value);
    }

    /** The API keys, to add or delete keys. */
    public Optional<ApiKeys> apiKeys() {
        return apiKeys;
    }

    /** The local user pool, when the backend has auth. */
    public Optional<LocalUserPool> userPool() {
        return userPool;
    }

    private LocalUserPool requireUserPool() {
        return userPool.orElseThrow(() -> new IllegalStateException(
                "Backend `" + plan.model().name() + "` defines no auth: there is no user pool."));
    }

    /** Creates a confirmed user of the local user pool. */
    public LocalUserPool.User createUser(String username, String password, List<String> groups) {
        return requireUserPool().createUser(username, password, groups, java.util.Map.of());
    }

    /** A fresh ID token for an existing user (what Amplify's clients send by default). */
    public String idToken(String username) {
        return requireUserPool().tokensFor(username).idToken();
    }

    /** A fresh access token for an existing user. */
    public String accessToken(String username) {
        return requireUserPool().tokensFor(username).accessToken();
    }

    /**
     * The backend's functions running in-process: invoke them, run their schedules, fire storage triggers, reach
     * the Lambda authorizer.
     */
    public SandboxFunctions functions() {
        return functions;
    }

    /** The region the sandbox answers for (signatures must be scoped to it); {@code us-east-1} by default. */
    public String region() {
        return iam.region();
    }

    /** IAM: roles, issued credentials, the identity pool and the SigV4 verifier. */
    public IamServices iam() {
        return iam;
    }

    /** The local identity pool, when the backend has auth. */
    public Optional<LocalIdentityPool> identityPool() {
        return iam.identityPool();
    }

    /**
     * Fresh temporary credentials for function {@code function}'s role, valid for the configured credential
     * validity: sign S3 or AppSync requests with them to act as the function ({@code allow.resource(fn)}).
     */
    public TemporaryCredentials functionCredentials(String function) {
        return iam.functionCredentials(function);
    }

    /**
     * The caller of a SigV4-signed GraphQL request: verified for service {@code appsync} against the credentials
     * this sandbox issued, then an identity-pool identity or a function's role session.
     */
    Caller iamCaller(org.eclipse.jetty.server.Request request, byte[] body) throws SignatureException {
        SigV4Verifier.Verified verified = iam.verifier().verify(SignedRequest.of(request, body),
                SigV4Verifier.Service.APPSYNC);
        return IamServices.caller(verified.session(), org.eclipse.jetty.server.Request.getRemoteAddr(request));
    }

    /** The storage endpoint's buckets and objects. */
    public LocalStorage storage() {
        return storage;
    }

    /**
     * The S3 name of definition bucket {@code storage} ({@code <backend>-<storage>-local}, lower case), for
     * path-style requests to {@link #baseUri()}.
     */
    public String bucketName(String storageName) {
        return storage.s3Name(storageName).orElseThrow(() -> new IllegalArgumentException("Backend `"
                + plan.model().name() + "` defines no storage `" + storageName + "`."));
    }

    /**
     * What answers the AI routes (generation resolvers and the local Bedrock endpoint), when the backend has AI
     * routes: the provider given to the builder, else Bedrock with the environment's credentials, else a stand-in
     * whose calls fail with what to configure ({@link ModelProvider#live()} is false).
     */
    public Optional<ModelProvider> modelProvider() {
        return modelProvider;
    }

    /**
     * The local Bedrock runtime endpoint, {@code http://127.0.0.1:<port>/__sandbox/bedrock}: what functions get as
     * {@code AMPLIFY_BEDROCK_ENDPOINT} when the backend has AI routes.
     */
    public URI bedrockEndpoint() {
        return baseUri.resolve(LocalBedrockHandler.PATH);
    }

    /** The plan being served. */
    public BackendPlan plan() {
        return plan;
    }

    /** Deletes every item of every table and every stored object; users and keys stay. */
    public void resetData() {
        resolvers.store().clear();
        storage.clear();
    }

    void internalError(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        log.accept("INTERNAL ERROR " + trace);
    }

    /** What the sandbox prints when it starts: the endpoint, the API key and how to get a token. */
    public String banner() {
        StringBuilder out = new StringBuilder();
        out.append("Amplify4j sandbox for backend `").append(plan.model().name()).append("` is running.\n");
        out.append("  GraphQL endpoint: ").append(graphqlEndpoint()).append('\n');
        apiKey.ifPresent(key -> out.append("  API key:          ").append(key.value()).append(" (expires ")
                .append(key.expires()).append(")\n"));
        userPool.ifPresent(pool -> {
            out.append("  User pool:        ").append(pool.poolId()).append(", client ").append(pool.clientId())
                    .append(", issuer ").append(pool.issuer()).append('\n');
            out.append("  JWKS:             ").append(baseUri).append("/.well-known/jwks.json\n");
            out.append("  Get a token:\n");
            out.append("    curl -s ").append(baseUri).append("/__sandbox/users -H 'content-type: application/json'")
                    .append(" -d '{\"username\":\"alice\",\"password\":\"a-long-password\",\"groups\":[]}'\n");
            out.append("    curl -s ").append(baseUri).append("/__sandbox/sign-in -H 'content-type: application/json'")
                    .append(" -d '{\"username\":\"alice\",\"password\":\"a-long-password\"}'\n");
            out.append("    then send the idToken as the Authorization header.\n");
        });
        iam.identityPool().ifPresent(pool -> out.append("  Identity pool:    ").append(pool.poolId())
                .append(" (Cognito Identity at ").append(baseUri).append(", region ").append(iam.region())
                .append(")\n"));
        for (LocalStorage.Bucket bucket : storage.buckets()) {
            out.append("  Storage `").append(bucket.plan().name()).append("`: ").append(baseUri).append('/')
                    .append(bucket.s3Name()).append(" (S3, path-style, SigV4 with identity-pool credentials)\n");
        }
        modelProvider.ifPresent(provider -> {
            out.append("  AI routes:        ").append(provider.live() ? "live, " : "").append(provider.describe())
                    .append('\n');
            if (provider.live()) {
                out.append("    Bedrock for functions: ").append(bedrockEndpoint()).append('\n');
            }
        });
        out.append(functions.banner(baseUri));
        return out.toString();
    }

    /** The region written in {@link #outputs()} unless another is given. */
    public static final String DEFAULT_OUTPUTS_REGION = "us-east-1";

    /**
     * The {@code amplify_outputs.json} that points Amplify's clients at this sandbox: the GraphQL endpoint, the
     * API key, the local user pool's and identity pool's ids, each bucket's name as served here ({@link
     * #bucketName}), and under {@code custom.amplify4j_sandbox} the sandbox's own URLs (real-time, JWKS, sign-in)
     * that the schema has no place for.
     *
     * @param region the region to write; the sandbox runs nowhere in AWS, but the schema requires one
     */
    public AmplifyOutputs outputs(String region) {
        AmplifyOutputs.Builder outputs = AmplifyOutputs.builder(plan)
                .region(region)
                .graphqlUrl(graphqlEndpoint().toString());
        apiKey.ifPresent(key -> outputs.apiKey(key.value()));
        userPool.ifPresent(pool -> outputs.userPool(pool.poolId(), pool.clientId()));
        if (plan.model().auth().flatMap(a -> a.externalLogin()).isPresent()) {
            outputs.oauthDomain(baseUri.getHost() + ":" + baseUri.getPort());
        }
        iam.identityPool().ifPresent(pool -> outputs.identityPoolId(pool.poolId()));
        plan.model().storage().forEach(bucket -> outputs.bucketName(bucket.name(), bucketName(bucket.name())));
        java.util.Map<String, String> urls = new java.util.LinkedHashMap<>();
        urls.put("base_url", baseUri.toString());
        urls.put("realtime_url", realtimeEndpoint().toString());
        userPool.ifPresent(pool -> {
            urls.put("jwks_url", baseUri + "/.well-known/jwks.json");
            urls.put("sign_in_url", baseUri + "/__sandbox/sign-in");
        });
        return outputs.custom("amplify4j_sandbox", urls).build();
    }

    /** The data directory, when the sandbox keeps its data in one. */
    public Optional<Path> dataDirectory() {
        return dataDirectory.map(DataDirectory::root);
    }

    /** Stops the server and the resolver engine, then closes the data directory (its log forced, its lock freed). */
    @Override
    public void close() {
        try {
            realtime.close();
            server.stop();
        } catch (Exception e) {
            internalError(e);
        } finally {
            resolvers.close();
            functions.close();
            storage.close();
            persistentTables.ifPresent(PersistentTables::close);
            dataDirectory.ifPresent(DataDirectory::close);
        }
    }

    /** Configures a {@link Sandbox}. */
    public static final class Builder {
        private final BackendPlan plan;
        private int port = 0;
        private Clock clock = Clock.systemUTC();
        private int queryDepthLimit = DEFAULT_QUERY_DEPTH_LIMIT;
        private int resolverCountLimit = GraphQLService.RequestLimits.MAX_RESOLVERS;
        private boolean introspection = true;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private int requestErrorStatus = 400;
        private Consumer<String> log = line -> System.out.println("[sandbox] " + line);
        private Optional<PrintStream> banner = Optional.of(System.out);
        private final List<SeedUser> users = new ArrayList<>();
        private Duration keepAliveInterval = Duration.ofSeconds(30);
        private int realtimeQueueCapacity = 1000;
        private final SandboxFunctions.Settings functions = new SandboxFunctions.Settings();
        private String region = IamServices.DEFAULT_REGION;
        private Duration credentialValidity = IamServices.DEFAULT_CREDENTIAL_VALIDITY;
        private Path storageDirectory;
        private ObjectStore objectStore;
        private long maxObjectBytes = DEFAULT_MAX_OBJECT_BYTES;
        private final List<StorageEventListener> storageListeners = new ArrayList<>();
        private Optional<Path> dataDirectory = Optional.empty();
        private long compactionBytes = PersistentTables.DEFAULT_COMPACTION_BYTES;
        private long planMillis = -1;
        private Optional<ModelProvider> modelProvider = Optional.empty();

        private record SeedUser(String username, String password, List<String> groups) {}

        private Builder(BackendPlan plan) {
            this.plan = Objects.requireNonNull(plan, "plan");
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535; got " + port);
            }
            this.port = port;
            return this;
        }

        /** The clock behind API key and token expiry and the resolvers' {@code util.time}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** AppSync's {@code queryDepthLimit}: 1 to 75 levels. */
        public Builder queryDepthLimit(int levels) {
            if (levels < 1 || levels > 75) {
                throw new IllegalArgumentException("queryDepthLimit must be 1 to 75 (AppSync's range); got " + levels);
            }
            this.queryDepthLimit = levels;
            return this;
        }

        /**
         * AppSync's {@code resolverCountLimit}: the most fields with a resolver one operation may select, counting
         * every alias and fragment use; 1 to 10,000, AppSync's default 10,000. A request over it is refused before
         * any resolver runs.
         */
        public Builder resolverCountLimit(int resolvers) {
            if (resolvers < 1 || resolvers > GraphQLService.RequestLimits.MAX_RESOLVERS) {
                throw new IllegalArgumentException("resolverCountLimit must be 1 to 10000 (AppSync's range); got "
                        + resolvers);
            }
            this.resolverCountLimit = resolvers;
            return this;
        }

        /** AppSync's {@code introspectionConfig}: false refuses {@code __schema} and {@code __type} queries. */
        public Builder introspection(boolean enabled) {
            this.introspection = enabled;
            return this;
        }

        /** The largest request body accepted, in bytes. */
        public Builder maxRequestBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 1024; got " + bytes);
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /**
         * The HTTP status of responses whose request failed as a whole (syntax, validation, variables, depth):
         * 400 by default. AppSync's exact status here is unconfirmed, hence the setting.
         */
        public Builder requestErrorStatus(int status) {
            this.requestErrorStatus = status;
            return this;
        }

        /** Where the one-line-per-request log goes; standard output by default. */
        public Builder requestLog(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** Where the start banner goes; {@code null} prints none. */
        public Builder banner(PrintStream out) {
            this.banner = Optional.ofNullable(out);
            return this;
        }

        /** How often real-time connections get a {@code ka} message; 30 seconds by default. */
        public Builder keepAliveInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("keepAliveInterval must be positive; got " + interval);
            }
            this.keepAliveInterval = interval;
            return this;
        }

        /**
         * The most messages waiting for one real-time client; a client that lets more pile up is disconnected
         * rather than slowing mutations down. 1,000 by default.
         */
        public Builder realtimeQueueCapacity(int messages) {
            if (messages < 1) {
                throw new IllegalArgumentException("realtimeQueueCapacity must be positive; got " + messages);
            }
            this.realtimeQueueCapacity = messages;
            return this;
        }

        /** The region signatures must be scoped to and identity ids are in; {@code us-east-1} by default. */
        public Builder region(String region) {
            if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                throw new IllegalArgumentException("region must look like an AWS region (us-east-1); got " + region);
            }
            this.region = region;
            return this;
        }

        /** How long identity-pool and function credentials last; one hour by default, as Cognito's. */
        public Builder credentialValidity(Duration validity) {
            if (validity.isNegative() || validity.isZero()) {
                throw new IllegalArgumentException("credentialValidity must be positive; got " + validity);
            }
            this.credentialValidity = validity;
            return this;
        }

        /**
         * Keeps stored objects as files under {@code directory} (created if needed), so they survive restarts and
         * crashes; in memory by default.
         */
        public Builder storageDirectory(Path directory) {
            this.storageDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Keeps stored objects in {@code store} instead (wins over {@link #storageDirectory}). */
        public Builder objectStore(ObjectStore store) {
            this.objectStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The largest object accepted by PutObject; 64 MiB by default. */
        public Builder maxObjectBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxObjectBytes must be positive; got " + bytes);
            }
            this.maxObjectBytes = bytes;
            return this;
        }

        /** Told about every object created or removed (the definition's {@code onUpload}/{@code onDelete}). */
        public Builder storageListener(StorageEventListener listener) {
            storageListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Keeps the data in a directory (created when missing): every acknowledged write, the local user pool (its
         * ids, signing key and users) and the API keys survive a restart and a crash at any moment. Without it
         * (the default) everything lives in memory and is gone when the sandbox stops. One sandbox at a time may
         * use a directory. Tokens issued before a restart still verify when the sandbox comes back on the same
         * port (the issuer is the sandbox's URL).
         */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = Optional.of(Objects.requireNonNull(directory, "directory"));
            return this;
        }

        /** The write-ahead log size that triggers a snapshot; 32 MB by default. */
        public Builder compactionBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("compactionBytes must be at least 1024; got " + bytes);
            }
            this.compactionBytes = bytes;
            return this;
        }

        /** A user created at start in the local user pool (kept if the data directory already has it). */
        public Builder user(String username, String password, String... groups) {
            users.add(new SeedUser(username, password, List.of(groups)));
            return this;
        }

        /**
         * The project directory: where the definition's relative paths start (Java function artifacts such as
         * {@code target/functions.jar}, custom JS handlers such as {@code src/main/js/handler.js}). The working
         * directory by default.
         */
        public Builder projectDirectory(java.nio.file.Path directory) {
            functions.projectDirectory(directory);
            return this;
        }

        /**
         * A local handler for a function, run instead of its declared code: a Lambda {@code RequestHandler} or
         * {@code RequestStreamHandler}. For Node.js and Python functions, which the sandbox cannot run, and tests.
         */
        public Builder functionHandler(String function, Object handler) {
            functions.handler(function, handler);
            return this;
        }

        /** The text of a custom JS handler, instead of reading {@code entry} from the project directory. */
        public Builder userModule(String entry, String source) {
            functions.userModule(entry, source);
            return this;
        }

        /**
         * Where the definition's OIDC provider publishes its key set (JWKS); without it, OIDC tokens are refused.
         */
        public Builder oidcJwks(URI jwks) {
            functions.oidcJwks(jwks);
            return this;
        }

        /** A secret's value in this sandbox: what {@code secret("name")} in the definition reads. */
        public Builder secret(String secretName, String value) {
            functions.secret(secretName, value);
            return this;
        }

        /**
         * An environment variable for a function, on top of its definition's, Lambda's reserved ones and those the
         * sandbox injects. Handlers loaded from their artifact read it with {@code System.getenv}.
         */
        public Builder functionEnvironment(String function, String name, String value) {
            functions.environment(function, name, value);
            return this;
        }

        /**
         * What answers the AI routes: generation resolvers and conversation handlers (through the sandbox's local
         * Bedrock endpoint) call it. Without one, the sandbox calls Amazon Bedrock when AWS credentials (variables,
         * system properties or a profile) and a region ({@code AWS_REGION} or the profile's) resolve; otherwise AI
         * operations fail with a GraphQL error naming what to configure. Tests give a
         * {@link io.amplify4j.sandbox.ai.RecordedModelProvider}.
         */
        public Builder modelProvider(ModelProvider provider) {
            this.modelProvider = Optional.of(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Starts the sandbox; it serves until {@link Sandbox#close()}. */
        public Sandbox start() {
            StartupProgress progress = new StartupProgress(banner, plan.model().name(), Math.max(0, planMillis));
            if (planMillis >= 0) {
                progress.done("plan", planMillis, describePlan());
            }
            Optional<DataDirectory> directory = dataDirectory.map(path ->
                    progress.step("data directory", () -> DataDirectory.open(path), d -> d.root().toString()));
            try {
                return new Sandbox(this, progress, directory);
            } catch (RuntimeException e) {
                directory.ifPresent(DataDirectory::close);
                throw e;
            } catch (Exception e) {
                directory.ifPresent(DataDirectory::close);
                throw new IllegalStateException("The sandbox could not start: " + e.getMessage(), e);
            }
        }

        private String describePlan() {
            return plan.data().map(d -> d.models().size() + " models, " + d.definition().operations().size()
                    + " custom operations").orElse("no data");
        }
    }
}
