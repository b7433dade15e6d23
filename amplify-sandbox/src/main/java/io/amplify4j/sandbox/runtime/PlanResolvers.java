package io.amplify4j.sandbox.runtime;

import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.resolver.DataSourcePlan;
import io.amplify4j.plan.resolver.ModuleSource;
import io.amplify4j.plan.resolver.PipelineFunctionPlan;
import io.amplify4j.plan.resolver.ResolverNames;
import io.amplify4j.plan.resolver.ResolverPlan;
import io.amplify4j.sandbox.datasource.DataSource;
import io.amplify4j.sandbox.datasource.DataSourceException;
import io.amplify4j.sandbox.datasource.HttpDataSource;
import io.amplify4j.sandbox.datasource.NoneDataSource;
import io.amplify4j.sandbox.ai.AwsEnvironment;
import io.amplify4j.sandbox.ai.BedrockEndpoint;
import io.amplify4j.sandbox.ai.ModelProvider;
import java.util.Set;
import java.util.TreeSet;
import io.amplify4j.sandbox.dynamodb.DynamoDbStore;
import io.amplify4j.sandbox.js.Pipeline;
import io.amplify4j.sandbox.js.PipelineFunction;
import io.amplify4j.sandbox.js.RequestContext;
import io.amplify4j.sandbox.js.ResolverEngine;
import io.amplify4j.sandbox.js.ResolverInfo;
import io.amplify4j.sandbox.js.ResolverResult;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * A data plan made runnable: its tables in a {@link DynamoDbStore}, its data sources, and its resolver modules in a
 * {@link ResolverEngine}. {@link #execute} runs one field's pipeline exactly as AppSync would, with the very modules
 * the plan would deploy. The GraphQL server and the tests both call this; neither builds pipelines themselves.
 *
 * <p>Thread-safe: the engine pools its contexts and the store locks per table.
 */
public final class PlanResolvers implements AutoCloseable {
    private final DataPlan data;
    private final DynamoDbStore store;
    private final ResolverEngine engine;
    private final Map<String, Pipeline> pipelines = new HashMap<>();
    /** Model name → a pipeline running only the model's read field rules (its response filter) over one item. */
    private final Map<String, Pipeline> redactions = new HashMap<>();
    private final Map<String, String> env;
    /**
     * Bounds the pipelines running at once to the guest contexts the engine keeps: past that, each extra concurrent
     * request would make (and then drop) a GraalJS context of its own, which costs far more than waiting its turn.
     */
    private final java.util.concurrent.Semaphore running;

    private PlanResolvers(Builder builder) {
        this.data = builder.data;
        this.store = builder.store;
        this.env = Map.copyOf(builder.env);
        this.running = new java.util.concurrent.Semaphore(builder.maxConcurrentPipelines, true);
        data.tables().forEach(table -> {
            if (store.table(table.tableName()).isEmpty()) {
                store.createTable(Tables.definitionOf(table));
            }
        });
        Map<String, DataSource> dataSources = new HashMap<>();
        for (DataSourcePlan plan : data.dataSources()) {
            DataSource dataSource = switch (plan.kind()) {
                case NONE -> new NoneDataSource();
                case DYNAMODB -> store.dataSource(plan.tableName().orElseThrow());
                case LAMBDA -> builder.functions.getOrDefault(plan.function().orElseThrow(),
                        missingFunction(plan.function().orElseThrow()));
                case HTTP -> new HttpDataSource(httpEndpoint(plan, builder));
            };
            dataSources.put(plan.name(), Objects.requireNonNull(builder.wrapper.apply(plan, dataSource),
                    "the data source wrapper returned null for " + plan.name()));
        }
        ResolverEngine.Builder engineBuilder = ResolverEngine.builder().maxIdleContexts(builder.maxConcurrentPipelines);
        builder.clock.ifPresent(engineBuilder::clock);
        builder.random.ifPresent(engineBuilder::random);
        for (ResolverPlan resolver : data.resolvers()) {
            String resolverPath = ResolverNames.resolverModulePath(resolver.typeName(), resolver.fieldName());
            engineBuilder.module(resolverPath, resolver.code());
            PipelineFunction[] functions = new PipelineFunction[resolver.functions().size()];
            for (int i = 0; i < functions.length; i++) {
                PipelineFunctionPlan function = resolver.functions().get(i);
                String path = modulePath(resolver, function, builder, engineBuilder);
                functions[i] = new PipelineFunction(function.name(), path,
                        Objects.requireNonNull(dataSources.get(function.dataSource()), function.dataSource()));
            }
            pipelines.put(resolver.coordinate(), Pipeline.of(resolverPath, functions));
        }
        engineBuilder.module(REDACT_MODULE, REDACT_RESOLVER);
        for (io.amplify4j.plan.ModelPlan model : data.models()) {
            model.operation(io.amplify4j.plan.ModelOperationKind.GET)
                    .flatMap(get -> data.resolver("Query", get))
                    .flatMap(get -> get.functions().stream()
                            .filter(f -> f.role() == PipelineFunctionPlan.Role.FILTER)
                            .findFirst()
                            .map(filter -> new PipelineFunction(filter.name(),
                                    ResolverNames.functionModulePath(get.typeName(), get.fieldName(), filter.name()),
                                    new NoneDataSource())))
                    .ifPresent(filter -> redactions.put(model.name(), Pipeline.of(REDACT_MODULE, filter)));
        }
        this.engine = engineBuilder.build();
    }

    private static String modulePath(ResolverPlan resolver, PipelineFunctionPlan function, Builder builder,
            ResolverEngine.Builder engineBuilder) {
        if (function.source() instanceof ModuleSource.UserFile user) {
            String source = builder.userModules.get(user.entry());
            if (source == null) {
                throw new IllegalArgumentException("The custom handler `" + user.entry() + "` of "
                        + resolver.coordinate() + " was not given; pass its text with userModule(entry, source).");
            }
            engineBuilder.module(user.entry(), source);
            return user.entry();
        }
        String path = ResolverNames.functionModulePath(resolver.typeName(), resolver.fieldName(), function.name());
        engineBuilder.module(path, function.code());
        return path;
    }

    private static DataSource missingFunction(String function) {
        return request -> {
            throw new DataSourceException("Lambda:Unhandled", "Function `" + function
                    + "` is not available in this sandbox.");
        };
    }

    /**
     * What serves an HTTP data source: the endpoint given for it, else for Bedrock's runtime the model provider
     * (limited to the models the plan says the data source calls), else a refusal naming the data source.
     */
    private static HttpDataSource.Endpoint httpEndpoint(DataSourcePlan plan, Builder builder) {
        HttpDataSource.Endpoint given = builder.httpEndpoints.get(plan.name());
        if (given != null) {
            return given;
        }
        DataSourcePlan.Http http = plan.http().orElseThrow();
        if (http.signingService().equals(ResolverNames.BEDROCK_SIGNING_SERVICE)) {
            ModelProvider provider = builder.modelProvider.orElseGet(EnvironmentModelProvider::new);
            Set<String> models = new TreeSet<>();
            http.aiModels().forEach(model -> models.add(model.bedrockModelId()));
            return new BedrockEndpoint(provider, models, "The role of data source `" + plan.name() + "`",
                    builder.modelLog);
        }
        return call -> {
            throw new DataSourceException("HTTP:Unavailable", "The HTTP data source `" + plan.name() + "` ("
                    + http.endpointTemplate() + ") is not served by this sandbox; give it one with"
                    + " PlanResolvers.builder(...).httpEndpoint(\"" + plan.name() + "\", endpoint).");
        };
    }

    /**
     * The default model provider, {@link ModelProvider#fromEnvironment} of this process, looked up at the first
     * model call rather than when the runtime is built (a runtime whose Bedrock data source is never called, or is
     * replaced by a wrapper, never reads the AWS environment).
     */
    private static final class EnvironmentModelProvider implements ModelProvider {
        private volatile ModelProvider resolved;

        private ModelProvider resolved() {
            ModelProvider provider = resolved;
            if (provider == null) {
                synchronized (this) {
                    if (resolved == null) {
                        resolved = ModelProvider.fromEnvironment(AwsEnvironment.system());
                    }
                    provider = resolved;
                }
            }
            return provider;
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode converse(String modelId,
                com.fasterxml.jackson.databind.JsonNode request) {
            return resolved().converse(modelId, request);
        }

        @Override
        public java.util.List<com.fasterxml.jackson.databind.JsonNode> converseStream(String modelId,
                com.fasterxml.jackson.databind.JsonNode request) {
            return resolved().converseStream(modelId, request);
        }

        @Override
        public boolean live() {
            return resolved().live();
        }

        @Override
        public String describe() {
            return resolved().describe();
        }
    }

    /** The resolver around a redaction: the item comes in as {@code ctx.source} and goes out as redacted. */
    private static final String REDACT_MODULE = "amplify4j/redact.js";
    private static final String REDACT_RESOLVER = """
            export function request(ctx) {
              return ctx.source;
            }

            export function response(ctx) {
              return ctx.prev.result;
            }
            """;

    /**
     * An item of {@code typeName} as {@code caller} may read it: the fields the model's field-level read rules deny
     * the caller are null. It runs the plan's own response filter of the model's get query (the code that redacts
     * query results), so a subscriber's event is redacted exactly as that subscriber's query would be. Items of
     * types without field-level rules come back unchanged.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> redactFor(String typeName, Map<String, Object> item, Caller caller) {
        Pipeline redaction = redactions.get(typeName);
        if (redaction == null || item == null) {
            return item;
        }
        RequestContext.Builder request = RequestContext.builder(ResolverInfo.of(typeName, "redact"))
                .arguments(Map.of())
                .env(env)
                .source(item);
        if (caller.identity().isPresent()) {
            request.identity(caller.authMode(), caller.identity().get());
        } else {
            request.apiKey();
        }
        ResolverResult result = run(redaction, request.build());
        return result.data() instanceof Map<?, ?> redacted ? (Map<String, Object>) redacted : null;
    }

    /**
     * Loads the resolver modules into a warm guest context ahead of the first request (see
     * {@link ResolverEngine#warmUp()}); for a background thread at start.
     */
    public void warmUp() {
        engine.warmUp();
    }

    /** True when items of {@code typeName} have field-level read rules that {@link #redactFor} applies. */
    public boolean redacts(String typeName) {
        return redactions.containsKey(typeName);
    }

    /** Starts a runtime for {@code data}. */
    public static Builder builder(DataPlan data) {
        return new Builder(data);
    }

    /** The store holding the plan's tables. */
    public DynamoDbStore store() {
        return store;
    }

    /** True when the plan has a resolver for {@code typeName.fieldName}. */
    public boolean hasResolver(String typeName, String fieldName) {
        return pipelines.containsKey(typeName + "." + fieldName);
    }

    /**
     * Runs the resolver of {@code typeName.fieldName}.
     *
     * @param arguments the field's arguments as plain JSON values
     * @param source the parent object, for relationship fields; null for root fields
     * @param caller the authenticated caller
     */
    public ResolverResult execute(
            String typeName, String fieldName, Map<String, Object> arguments, Object source, Caller caller) {
        return execute(ResolverInfo.of(typeName, fieldName), arguments, source, caller);
    }

    /**
     * Runs the resolver of the field {@code info} names, with {@code info} as {@code ctx.info} (the server passes
     * the request's variables and the field's selection set).
     */
    public ResolverResult execute(ResolverInfo info, Map<String, Object> arguments, Object source, Caller caller) {
        return execute(info, arguments, source, caller, Map.of());
    }

    /**
     * Runs the resolver of the field {@code info} names, with the request's headers (lower-case names) as
     * {@code ctx.request.headers}.
     */
    public ResolverResult execute(ResolverInfo info, Map<String, Object> arguments, Object source, Caller caller,
            Map<String, String> headers) {
        Pipeline pipeline = pipelines.get(info.parentTypeName() + "." + info.fieldName());
        if (pipeline == null) {
            throw new IllegalArgumentException("No resolver for " + info.parentTypeName() + "." + info.fieldName());
        }
        RequestContext.Builder request = RequestContext.builder(info)
                .arguments(arguments)
                .env(env);
        headers.forEach(request::header);
        if (source != null) {
            request.source(source);
        }
        if (caller.identity().isPresent()) {
            request.identity(caller.authMode(), caller.identity().get());
        } else {
            request.apiKey();
        }
        return run(pipeline, request.build());
    }

    private ResolverResult run(Pipeline pipeline, RequestContext request) {
        running.acquireUninterruptibly();
        try {
            return engine.execute(pipeline, request);
        } finally {
            running.release();
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Configures a {@link PlanResolvers}. */
    public static final class Builder {
        private final DataPlan data;
        private DynamoDbStore store = new DynamoDbStore();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> userModules = new HashMap<>();
        private final Map<String, DataSource> functions = new HashMap<>();
        private Optional<Clock> clock = Optional.empty();
        private Optional<RandomGenerator> random = Optional.empty();
        private BiFunction<DataSourcePlan, DataSource, DataSource> wrapper = (plan, dataSource) -> dataSource;
        private int maxConcurrentPipelines = Math.max(2, Runtime.getRuntime().availableProcessors());
        private Optional<ModelProvider> modelProvider = Optional.empty();
        private final Map<String, HttpDataSource.Endpoint> httpEndpoints = new HashMap<>();
        private java.util.function.Consumer<String> modelLog = line -> { };

        private Builder(DataPlan data) {
            this.data = Objects.requireNonNull(data, "data");
        }

        /** The store to hold the tables; a new in-memory store by default. */
        public Builder store(DynamoDbStore tables) {
            this.store = Objects.requireNonNull(tables, "tables");
            return this;
        }

        /** A {@code ctx.env} variable, such as the identity pool id or a granted function's role ARN. */
        public Builder env(String name, String value) {
            env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The text of a custom JS handler the definition names by entry path. */
        public Builder userModule(String entry, String source) {
            userModules.put(Objects.requireNonNull(entry, "entry"), Objects.requireNonNull(source, "source"));
            return this;
        }

        /** What runs a function data source; without one, calls fail with a clear error. */
        public Builder function(String name, DataSource handler) {
            functions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * What answers the Bedrock data source of generation routes. Without one, {@link
         * ModelProvider#fromEnvironment} with this process's environment: Amazon Bedrock when AWS credentials and a
         * region resolve, else a provider failing every call with what to configure.
         */
        public Builder modelProvider(ModelProvider provider) {
            this.modelProvider = Optional.of(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Where each model call of the Bedrock data source is noted, one line per call; nowhere by default. */
        public Builder modelLog(java.util.function.Consumer<String> log) {
            this.modelLog = Objects.requireNonNull(log, "log");
            return this;
        }

        /** What serves HTTP data source {@code dataSource} (by its plan name), instead of the default. */
        public Builder httpEndpoint(String dataSource, HttpDataSource.Endpoint endpoint) {
            httpEndpoints.put(Objects.requireNonNull(dataSource, "dataSource"),
                    Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /** The clock behind {@code util.time}. */
        public Builder clock(Clock fixed) {
            this.clock = Optional.of(fixed);
            return this;
        }

        /** The random source behind {@code util.autoId}. */
        public Builder random(RandomGenerator generator) {
            this.random = Optional.of(generator);
            return this;
        }

        /**
         * Wraps every data source the pipelines call, once, when the runtime is built: for tracing requests,
         * injecting faults or measuring the resolvers apart from the store. The wrapper gets the data source's plan
         * and the data source the runtime would use, and returns the one to use instead.
         */
        public Builder wrapDataSources(BiFunction<DataSourcePlan, DataSource, DataSource> wrapper) {
            this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
            return this;
        }

        /**
         * The most pipelines run at once (others wait their turn, first come first served), which is also how many
         * GraalJS contexts are kept warm; the number of cores (at least 2) by default.
         */
        public Builder maxConcurrentPipelines(int pipelines) {
            if (pipelines < 1) {
                throw new IllegalArgumentException("maxConcurrentPipelines must be positive; got " + pipelines);
            }
            this.maxConcurrentPipelines = pipelines;
            return this;
        }

        public PlanResolvers build() {
            return new PlanResolvers(this);
        }
    }
}
