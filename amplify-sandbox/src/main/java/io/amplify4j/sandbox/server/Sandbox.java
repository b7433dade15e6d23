package io.amplify4j.sandbox.server;

import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.data.AuthorizationModes;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.resolver.ResolverNames;
import io.amplify4j.sandbox.js.AuthMode;
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
 * <p>Not yet served (later slices): IAM / identity pool / OIDC / Lambda
 * authorizer callers, storage, functions, persistence to a data directory.
 */
public final class Sandbox implements AutoCloseable {
    /** AppSync's default query depth limit is off; the sandbox picks a bound that no sane query reaches. */
    public static final int DEFAULT_QUERY_DEPTH_LIMIT = 25;
    /** The request body limit: the size AppSync documents for a request. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 5 * 1024 * 1024;

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

    private Sandbox(Builder builder) throws Exception {
        this.plan = builder.plan;
        this.clock = builder.clock;
        this.log = builder.log;
        DataPlan data = plan.data().orElseThrow(() -> new IllegalArgumentException(
                "Backend `" + plan.model().name() + "` defines no data: the sandbox serves a GraphQL API."));

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
        server.addConnector(connector);
        connector.open();
        this.baseUri = URI.create("http://127.0.0.1:" + connector.getLocalPort());

        AuthorizationModes modes = data.definition().authorizationModes();
        if (modes.apiKey().isPresent()) {
            ApiKeys keys = new ApiKeys(clock);
            this.apiKeys = Optional.of(keys);
            this.apiKey = Optional.of(keys.create(Duration.ofDays(modes.apiKey().get().expiresInDays())));
        } else {
            this.apiKeys = Optional.empty();
            this.apiKey = Optional.empty();
        }
        Optional<AuthDefinition> auth = plan.model().auth();
        this.userPool = auth.map(a -> new LocalUserPool(baseUri.toString(), clock, a.passwordPolicy().minLength()));
        Optional<TokenVerifier> verifier = userPool.map(pool ->
                new TokenVerifier(pool::jwks, pool.issuer(), pool.clientId(), clock));

        PlanResolvers.Builder runtime = PlanResolvers.builder(data).clock(clock);
        userPool.ifPresent(pool -> runtime.env(ResolverNames.USER_POOL_ISSUER_ENV, pool.issuer()));
        builder.userModules.forEach(runtime::userModule);
        this.resolvers = runtime.build();

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
        Authenticator authenticator = new Authenticator(apiKeys, verifier);
        this.realtime = new RealtimeHub(graphQL, authenticator, builder.keepAliveInterval, builder.realtimeQueueCapacity,
                log, this::internalError);
        server.setHandler(realtime.handler(server, new SandboxHandler(this, authenticator, graphQL, userPool,
                builder.maxRequestBytes, builder.requestErrorStatus, log), builder.maxRequestBytes));
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
            server.stop();
            throw e;
        }
        for (Builder.SeedUser user : builder.users) {
            createUser(user.username(), user.password(), user.groups());
        }
        builder.banner.ifPresent(out -> out.print(banner()));
    }

    /** Starts configuring a sandbox for a backend definition. */
    public static Builder builder(BackendDefinition definition) {
        return builder(definition.define());
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

    /** Stops the server and the resolver engine. */
    @Override
    public void close() {
        try {
            realtime.close();
            server.stop();
        } catch (Exception e) {
            internalError(e);
        } finally {
            resolvers.close();
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
        private final java.util.Map<String, String> userModules = new java.util.LinkedHashMap<>();
        private Duration keepAliveInterval = Duration.ofSeconds(30);
        private int realtimeQueueCapacity = 1000;

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

        /** The text of a custom JS handler the definition names by its entry path ({@code customHandler(entry)}). */
        public Builder userModule(String entry, String source) {
            userModules.put(Objects.requireNonNull(entry, "entry"), Objects.requireNonNull(source, "source"));
            return this;
        }

        /** A user created at start in the local user pool. */
        public Builder user(String username, String password, String... groups) {
            users.add(new SeedUser(username, password, List.of(groups)));
            return this;
        }

        /** Starts the sandbox; it serves until {@link Sandbox#close()}. */
        public Sandbox start() {
            try {
                return new Sandbox(this);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("The sandbox could not start: " + e.getMessage(), e);
            }
        }
    }
}
