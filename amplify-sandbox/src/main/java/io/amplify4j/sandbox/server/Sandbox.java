package io.amplify4j.sandbox.server;

import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.data.AuthorizationModes;
import io.amplify4j.outputs.AmplifyOutputs;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.resolver.ResolverNames;
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
 * <p>With {@link Builder#dataDirectory(Path)} the data, the user pool and the API keys survive restarts and
 * crashes ({@link io.amplify4j.sandbox.persistence.DataDirectory}); {@link #outputs(String)} is the
 * {@code amplify_outputs.json} that points Amplify's clients here.
 *
 * <p>Not yet served (later slices): IAM / identity pool / OIDC / Lambda
 * authorizer callers, storage, functions.
 */
public final class Sandbox implements AutoCloseable {
    /** AppSync's default query depth limit is off; the sandbox picks a bound that no sane query reaches. */
    public static final int DEFAULT_QUERY_DEPTH_LIMIT = 25;
    /** The request body limit: the size AppSync documents for a request. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 5 * 1024 * 1024;
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
    private final URI baseUri;
    private final Optional<DataDirectory> dataDirectory;
    private final Optional<PersistentTables> persistentTables;

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

        QueuedThreadPool threads = new QueuedThreadPool(64, 2);
        threads.setName("amplify4j-sandbox");
        threads.setDaemon(true);
        this.server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(builder.port);
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
                new TokenVerifier(pool.jwks(), pool.issuer(), pool.clientId(), clock));
        dataDirectory.ifPresent(dir -> dir.keep(userPool, apiKeys));
        progress.done("auth", (System.nanoTime() - authStarted) / 1_000_000, describeAuth(saved));

        this.persistentTables = dataDirectory.map(dir -> dir.tables(builder.compactionBytes, log));
        PlanResolvers.Builder runtime = PlanResolvers.builder(data).clock(clock);
        persistentTables.ifPresent(tables -> runtime.store(new DynamoDbStore(tables))
                // writes wait for a disk flush while holding a context: keep enough for concurrent writers
                .maxIdleContexts(PERSISTENT_IDLE_CONTEXTS));
        userPool.ifPresent(pool -> runtime.env(ResolverNames.USER_POOL_ISSUER_ENV, pool.issuer()));
        this.resolvers = progress.step("resolver engine", runtime::build,
                r -> data.resolvers().size() + " resolvers, " + data.tables().size() + " tables");
        persistentTables.ifPresent(tables -> progress.step("tables",
                () -> tables.recover(resolvers.store()), PersistentTables.Recovery::describe));

        AuthMode defaultMode = switch (plan.defaultAuthorizationMode().orElseThrow()) {
            case API_KEY -> AuthMode.API_KEY;
            case USER_POOL -> AuthMode.USER_POOL;
            case IAM -> AuthMode.IAM;
            case OIDC -> AuthMode.OIDC;
            case LAMBDA -> AuthMode.LAMBDA;
        };
        GraphQLService graphQL = new GraphQLService(data.schema(), resolvers, defaultMode, builder.queryDepthLimit,
                this::internalError);
        Authenticator authenticator = new Authenticator(apiKeys, verifier);
        this.realtime = new RealtimeHub(graphQL, authenticator, builder.keepAliveInterval, builder.realtimeQueueCapacity,
                log, this::internalError);
        server.setHandler(realtime.handler(server, new SandboxHandler(this, authenticator, graphQL, userPool,
                builder.maxRequestBytes, builder.requestErrorStatus, log), builder.maxRequestBytes));
        long serverStarted = System.nanoTime();
        try {
            server.start();
        } catch (Exception e) {
            realtime.close();
            resolvers.close();
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

    /** The plan being served. */
    public BackendPlan plan() {
        return plan;
    }

    /** Deletes every item of every table; users and keys stay. */
    public void resetData() {
        resolvers.store().clear();
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
        return out.toString();
    }

    /** The region written in {@link #outputs()} unless another is given. */
    public static final String DEFAULT_OUTPUTS_REGION = "us-east-1";

    /**
     * The {@code amplify_outputs.json} that points Amplify's clients at this sandbox: the GraphQL endpoint, the
     * API key, the local user pool's ids, a local name per bucket, and under {@code custom.amplify4j_sandbox} the
     * sandbox's own URLs (real-time, JWKS, sign-in) that the schema has no place for.
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
        plan.model().storage().forEach(bucket -> outputs.bucketName(bucket.name(), localBucketName(bucket.name())));
        java.util.Map<String, String> urls = new java.util.LinkedHashMap<>();
        urls.put("base_url", baseUri.toString());
        urls.put("realtime_url", realtimeEndpoint().toString());
        userPool.ifPresent(pool -> {
            urls.put("jwks_url", baseUri + "/.well-known/jwks.json");
            urls.put("sign_in_url", baseUri + "/__sandbox/sign-in");
        });
        return outputs.custom("amplify4j_sandbox", urls).build();
    }

    /**
     * The sandbox's name for a bucket of the definition: {@code <backend>-<storage name>-local}, lower case, with
     * anything S3 does not allow in a bucket name replaced by {@code -}.
     */
    public String localBucketName(String storageName) {
        String name = (plan.model().name() + "-" + storageName + "-local").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9.-]", "-");
        return name.length() > 63 ? name.substring(0, 63) : name;
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
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private int requestErrorStatus = 400;
        private Consumer<String> log = line -> System.out.println("[sandbox] " + line);
        private Optional<PrintStream> banner = Optional.of(System.out);
        private final List<SeedUser> users = new ArrayList<>();
        private Duration keepAliveInterval = Duration.ofSeconds(30);
        private int realtimeQueueCapacity = 1000;
        private Optional<Path> dataDirectory = Optional.empty();
        private long compactionBytes = PersistentTables.DEFAULT_COMPACTION_BYTES;
        private long planMillis = -1;

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
