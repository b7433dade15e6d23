package io.amplify4j.cdk.data;

import io.amplify4j.cdk.ai.BedrockDataSource;
import io.amplify4j.cdk.ai.BedrockDataSourceProps;
import io.amplify4j.cdk.ai.ConversationHandlers;
import io.amplify4j.cdk.nag.Acknowledgements;
import io.amplify4j.model.Profile;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.AuthorizationModes;
import io.amplify4j.model.data.AuthorizationModes.Mode;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.FunctionDataAccess;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.GsiPlan;
import io.amplify4j.plan.IndexPlan;
import io.amplify4j.plan.KeyAttribute;
import io.amplify4j.plan.ModelPlan;
import io.amplify4j.plan.TablePlan;
import io.amplify4j.plan.lock.DeploymentLock;
import io.amplify4j.plan.lock.Lock;
import io.amplify4j.plan.lock.LockCheck;
import io.amplify4j.plan.lock.StatefulResource;
import io.amplify4j.plan.resolver.DataSourcePlan;
import io.amplify4j.plan.resolver.EnvironmentVariablePlan;
import io.amplify4j.plan.resolver.ModuleSource;
import io.amplify4j.plan.resolver.PipelineFunctionPlan;
import io.amplify4j.plan.resolver.ResolverNames;
import io.amplify4j.plan.resolver.ResolverPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.appsync.CfnApiKey;
import software.amazon.awscdk.services.appsync.CfnDataSource;
import software.amazon.awscdk.services.appsync.CfnFunctionConfiguration;
import software.amazon.awscdk.services.appsync.CfnGraphQLApi;
import software.amazon.awscdk.services.appsync.CfnGraphQLSchema;
import software.amazon.awscdk.services.appsync.CfnResolver;
import software.amazon.awscdk.services.appsync.GraphqlApi;
import software.amazon.awscdk.services.appsync.GraphqlApiAttributes;
import software.amazon.awscdk.services.appsync.IGraphqlApi;
import software.amazon.awscdk.services.dynamodb.CfnTable;
import software.amazon.awscdk.services.iam.CfnPolicy;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.CfnPermission;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.constructs.Construct;

/**
 * The data category as CDK resources: an AppSync GraphQL API with the plan's schema and every configured
 * authorization mode, one DynamoDB table per model, data sources with least-privilege roles, and the plan's
 * APPSYNC_JS pipeline resolvers. Usable alone in any CDK app, or composed by {@code AmplifyBackend}.
 *
 * <p>Layout: the API, its schema, key, logging, the NONE and Lambda data sources and the custom operations that
 * call functions live in this construct's stack; each model's table, role, data source, resolvers and functions
 * live in a numbered nested stack ({@code Models1}, {@code Models2}, ...) chosen by {@link ShardPlanner}, so every
 * template stays within {@link StackLimits} and a model never moves once placed.
 *
 * <p>Everything is read from {@code plan.data()}; nothing about the API is re-derived here. Bad input that the
 * model cannot know alone (a function missing from the functions map, a missing user pool or role, a custom
 * handler file that does not exist) fails construction with every problem listed, each naming its place and fix.
 */
public final class AmplifyData extends Construct {
    /** AppSync's JavaScript runtime, the only one the plan generates for. */
    private static final String RUNTIME = "APPSYNC_JS";

    private static final String RUNTIME_VERSION = "1.0.0";

    /** SDL larger than this goes to an S3 asset instead of inline, keeping the API's template small. */
    static final int INLINE_SCHEMA_LIMIT = 200_000;

    /**
     * Production APIs refuse deeper queries: deep enough for any relationship chain a client walks, shallow enough
     * to stop recursive abuse (AppSync allows up to 75). Override through {@link #cfnApi()}.
     */
    static final int PRODUCTION_QUERY_DEPTH_LIMIT = 20;

    /**
     * Production APIs refuse queries resolving more fields with resolvers than this (AppSync allows 10000): a page
     * of 100 items with a few relationship fields each stays far below. Override through {@link #cfnApi()}.
     */
    static final int PRODUCTION_RESOLVER_COUNT_LIMIT = 1000;

    /** Estimated template bytes one resource costs besides its code: logical id, type, properties, references. */
    static final int BYTES_PER_RESOURCE = 700;

    private final AmplifyDataProps props;
    private final DataPlan data;
    private final CfnGraphQLApi cfnApi;
    private final IGraphqlApi api;
    private final CfnGraphQLSchema schema;
    private final CfnDataSource noneDataSource;
    private final Optional<CfnApiKey> apiKey;
    private final Map<String, CfnTable> tables = new LinkedHashMap<>();
    private final Map<String, CfnDataSource> dataSources = new LinkedHashMap<>();
    private final Map<String, CfnResolver> resolvers = new LinkedHashMap<>();
    private final Map<String, CfnFunctionConfiguration> functions = new LinkedHashMap<>();
    private final Map<String, CfnFunctionConfiguration> sharedFunctions = new LinkedHashMap<>();
    /** Each function's id token, read once: shared functions are in many pipelines. */
    private final Map<CfnFunctionConfiguration, String> functionIdTokens = new java.util.IdentityHashMap<>();
    /** The scope each function that is not shard-shared was created in, by plan name. */
    private final Map<String, Construct> functionScopes = new java.util.HashMap<>();
    private final Map<Integer, Construct> sharedScopes = new TreeMap<>();
    /** Tokens read once: every read of a CDK attribute is a call into the Node process. */
    private final Map<String, String> dataSourceNames = new TreeMap<>();
    private String apiId;
    private String region;
    private String account;
    /** The role AppSync writes request logs with; its policy names the log group, created after the API. */
    private CfnRole logRole;
    private final Map<Integer, NestedStack> shards = new TreeMap<>();
    private final Map<Construct, Integer> unitShards = new java.util.IdentityHashMap<>();
    private final Map<String, Integer> placement;
    private final Lock lock;

    public AmplifyData(Construct scope, String id, AmplifyDataProps props) {
        super(scope, id);
        this.props = props;
        this.data = props.plan().data().orElseThrow();
        InputProblems problems = new InputProblems(props.plan().model().name());
        Set<Mode> modes = modes(props.plan(), data);
        checkInput(modes, problems);
        problems.throwIfAny();

        // The lock: compare before building anything, so a refused change leaves no half-built tree.
        Optional<Lock> previous = props.lock().flatMap(DeploymentLock::read);
        List<String> modelNames = data.models().stream().map(ModelPlan::name).toList();
        Map<String, String> resourceIds = LockCheck.resourceIds(previous,
                modelNames, props.lock().map(DeploymentLock::allowances).orElse(List.of()));
        List<StatefulResource.Table> lockedTables = data.tables().stream()
                .map(t -> Lock.table(t, resourceIds.get(t.model()), tableName(t)))
                .toList();
        Lock shape = Lock.of(props.plan()).withTables(lockedTables);
        previous.ifPresent(p -> props.lock().orElseThrow().check(p, shape));
        if (props.lock().isEmpty()) {
            Annotations.of(this).addWarningV2("amplify4j:noLockFile", "No lock file is configured, so changes that"
                    + " would replace tables are not checked and model placement is not recorded. Pass"
                    + " AmplifyDataProps.builder(plan).lock(DeploymentLock.inWorkingDirectory()) and commit the file.");
        }

        // The API and what every shard shares.
        this.region = Stack.of(this).getRegion();
        this.account = Stack.of(this).getAccount();
        this.cfnApi = api(modes);
        this.apiId = cfnApi.getAttrApiId();
        this.api = GraphqlApi.fromGraphqlApiAttributes(this, "ApiRef", GraphqlApiAttributes.builder()
                .graphqlApiId(apiId)
                .graphqlApiArn(cfnApi.getAttrArn())
                .build());
        this.schema = schema();
        this.apiKey = data.definition().authorizationModes().apiKey().map(this::apiKey);
        logging();
        this.noneDataSource = CfnDataSource.Builder.create(this, "NoneDataSource")
                .apiId(apiId)
                .name(ResolverNames.NONE_DATA_SOURCE)
                .type("NONE")
                .description("Auth and response-filter functions, subscriptions")
                .build();
        dataSources.put(ResolverNames.NONE_DATA_SOURCE, noneDataSource);
        lambdaDataSources();
        httpDataSources();
        lambdaAuthorizer();
        iamGrants();
        ConversationHandlers.grant(this, data, props.functions());

        // The models, each in its shard; then the operations that belong to no model.
        Map<String, List<ResolverPlan>> resolversByUnit = resolversByUnit();
        List<ShardPlanner.Cost> costs = new ArrayList<>();
        for (ModelPlan model : data.models()) {
            String unit = resourceIds.get(model.name());
            costs.add(cost(unit, resolversByUnit.getOrDefault(model.name(), List.of())));
        }
        this.placement = ShardPlanner.place(costs,
                previous.map(Lock::dataPlacement).orElse(Map.of()), props.limits());
        this.lock = shape.withDataPlacement(placement);
        Map<String, Construct> scopes = new LinkedHashMap<>();
        for (ModelPlan model : data.models()) {
            String unit = resourceIds.get(model.name());
            Construct unitScope = new Construct(shard(placement.get(unit)), unit);
            unitShards.put(unitScope, placement.get(unit));
            scopes.put(model.name(), unitScope);
            TablePlan table = data.table(model.name()).orElseThrow();
            CfnTable cfnTable = table(unitScope, table);
            tables.put(model.name(), cfnTable);
            tableDataSource(unitScope, model, table, cfnTable);
        }
        for (ModelPlan model : data.models()) {
            Construct unitScope = scopes.get(model.name());
            for (ResolverPlan resolver : resolversByUnit.getOrDefault(model.name(), List.of())) {
                resolver(unitScope, resolver);
            }
        }
        Construct operations = new Construct(this, "Operations");
        for (ResolverPlan resolver : resolversByUnit.getOrDefault("", List.of())) {
            resolver(operations, resolver);
        }
        // The escape hatch lists resolvers in the plan's order, whatever stack they went to.
        Map<String, CfnResolver> ordered = new LinkedHashMap<>();
        data.resolvers().forEach(r -> ordered.put(r.coordinate(), resolvers.get(r.coordinate())));
        resolvers.clear();
        resolvers.putAll(ordered);
    }

    // ---- escape hatches ----------------------------------------------------------------------------------------

    /** The GraphQL API, for grants and for attaching more resolvers. */
    public IGraphqlApi api() {
        return api;
    }

    /** The API's CloudFormation resource, to override any property. */
    public CfnGraphQLApi cfnApi() {
        return cfnApi;
    }

    /** The schema resource. */
    public CfnGraphQLSchema cfnSchema() {
        return schema;
    }

    /** The API key, when the definition enables API keys. */
    public Optional<CfnApiKey> apiKey() {
        return apiKey;
    }

    /** The table of {@code model}; fails naming the models there are when it has none. */
    public CfnTable table(String model) {
        CfnTable table = tables.get(model);
        if (table == null) {
            throw new IllegalArgumentException("AmplifyData has no model `" + model + "`; its models are "
                    + tables.keySet() + ".");
        }
        return table;
    }

    /** Every model's table, by model, in declaration order. */
    public Map<String, CfnTable> tables() {
        return Collections.unmodifiableMap(tables);
    }

    /** The data source of that name ({@code NONE}, {@code TodoTable}, {@code FnRecommend}). */
    public CfnDataSource dataSource(String name) {
        CfnDataSource source = dataSources.get(name);
        if (source == null) {
            throw new IllegalArgumentException("AmplifyData has no data source `" + name + "`; its data sources are "
                    + dataSources.keySet() + ".");
        }
        return source;
    }

    /** Every data source, by name. */
    public Map<String, CfnDataSource> dataSources() {
        return Collections.unmodifiableMap(dataSources);
    }

    /** Every resolver, by {@code Type.field}. */
    public Map<String, CfnResolver> resolvers() {
        return Collections.unmodifiableMap(resolvers);
    }

    /**
     * Every pipeline function, by its plan name ({@code QueryGetTodoAuth}, {@code TodoTableRead}); the names of
     * functions a shard shares map to the one shared function.
     */
    public Map<String, CfnFunctionConfiguration> functions() {
        return Collections.unmodifiableMap(functions);
    }

    /** The nested stacks holding the models, by number. */
    public Map<Integer, NestedStack> shards() {
        return Collections.unmodifiableMap(shards);
    }

    /** The shard each model's resources are in, by the construct id of the model's resources. */
    public Map<String, Integer> placement() {
        return Collections.unmodifiableMap(placement);
    }

    /** What the lock file will say after {@link #writeLock()}: this synthesis's stateful shape and placement. */
    public Lock lockState() {
        return lock;
    }

    /**
     * Writes the lock file with this synthesis's stateful shape and placement. Call it explicitly after a
     * synthesis that passed (typically after {@code app.synth()}, when deploying), then commit the file; without
     * a {@code lock} in the props it fails.
     */
    public void writeLock() {
        DeploymentLock deploymentLock = props.lock().orElseThrow(() -> new IllegalStateException(
                "AmplifyData.writeLock(): no lock file configured; pass AmplifyDataProps.builder(plan).lock(...)"));
        lock.write(deploymentLock.path());
    }

    // ---- input checks ------------------------------------------------------------------------------------------

    /** The authorization modes the API needs: the default, those the schema names, those the definition enables. */
    static Set<Mode> modes(BackendPlan plan, DataPlan data) {
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        plan.defaultAuthorizationMode().ifPresent(modes::add);
        AuthorizationModes configured = data.definition().authorizationModes();
        configured.apiKey().ifPresent(k -> modes.add(Mode.API_KEY));
        configured.lambdaAuthorizer().ifPresent(k -> modes.add(Mode.LAMBDA));
        configured.oidc().ifPresent(k -> modes.add(Mode.OIDC));
        String sdl = data.schema();
        if (sdl.contains("@aws_cognito_user_pools")) {
            modes.add(Mode.USER_POOL);
        }
        if (sdl.contains("@aws_iam") || !data.definition().functionAccess().isEmpty()) {
            modes.add(Mode.IAM);
        }
        if (sdl.contains("@aws_api_key")) {
            modes.add(Mode.API_KEY);
        }
        if (sdl.contains("@aws_oidc")) {
            modes.add(Mode.OIDC);
        }
        if (sdl.contains("@aws_lambda")) {
            modes.add(Mode.LAMBDA);
        }
        return modes;
    }

    private void checkInput(Set<Mode> modes, InputProblems problems) {
        DataDefinition definition = data.definition();
        if (modes.contains(Mode.USER_POOL) && props.userPool().isEmpty()) {
            problems.add("data.authorizationModes", "the API admits user-pool callers but no user pool was given."
                    + " Pass AmplifyDataProps.builder(plan).userPool(pool) (AmplifyBackend passes its auth's pool).");
        }
        definition.authorizationModes().lambdaAuthorizer().ifPresent(authorizer -> {
            if (!props.functions().containsKey(authorizer.function())) {
                problems.add("data.authorizationModes.lambdaAuthorizer", "the Lambda authorizer `"
                        + authorizer.function() + "` is not in the functions map. " + functionFix(authorizer.function()));
            }
        });
        for (DataSourcePlan source : data.dataSources()) {
            source.function().filter(f -> !props.functions().containsKey(f)).ifPresent(f -> problems.add(
                    "data.operations (" + usersOf(source.name()) + ")",
                    "the handler function `" + f + "` is not in the functions map. " + functionFix(f)));
        }
        for (FunctionDataAccess access : definition.functionAccess()) {
            IFunction function = props.functions().get(access.function());
            if (function == null) {
                problems.add("data.authorization (allow.resource)", "the function `" + access.function()
                        + "` granted access to the API is not in the functions map. " + functionFix(access.function()));
            } else if (function.getRole() == null) {
                problems.add("data.authorization (allow.resource)", "the function `" + access.function()
                        + "` has no execution role to grant access to; use a function with a role.");
            }
        }
        ConversationHandlers.problems(data, props.functions()).forEach(problems::add);
        Set<String> guestPlaces = new TreeSet<>();
        Set<String> identityPlaces = new TreeSet<>();
        Map<String, Set<String>> groupPlaces = new TreeMap<>();
        forEachRule((place, rule) -> {
            if (rule instanceof AuthRule.Guest) {
                guestPlaces.add(place);
            }
            if (rule.provider() == io.amplify4j.model.data.AuthProvider.IDENTITY_POOL) {
                identityPlaces.add(place);
                if (rule instanceof AuthRule.Groups groups) {
                    groups.groups().forEach(g -> groupPlaces.computeIfAbsent(g, k -> new TreeSet<>()).add(place));
                }
            }
        });
        if (!guestPlaces.isEmpty() && props.unauthenticatedRole().isEmpty()) {
            problems.add(String.join(", ", guestPlaces), "guest rules need the identity pool's unauthenticated role;"
                    + " pass AmplifyDataProps.builder(plan).unauthenticatedRole(role).");
        }
        if (!identityPlaces.isEmpty() && props.identityPoolId().isEmpty()) {
            problems.add(String.join(", ", identityPlaces), "identity-pool rules need the identity pool's id (the"
                    + " resolvers admit only its identities); pass AmplifyDataProps.builder(plan).identityPoolId(id).");
        }
        if (hasAuthenticatedIdentityRule() && props.authenticatedRole().isEmpty()) {
            problems.add("data", "rules admit signed-in identity-pool callers, which need the identity pool's"
                    + " authenticated role; pass AmplifyDataProps.builder(plan).authenticatedRole(role).");
        }
        groupPlaces.forEach((group, places) -> {
            if (!props.groupRoles().containsKey(group)) {
                problems.add(String.join(", ", places), "the identity-pool group rule names group `" + group
                        + "` but no role was given for it; pass AmplifyDataProps.builder(plan).groupRole(\"" + group
                        + "\", role).");
            }
        });
        for (ResolverPlan resolver : data.resolvers()) {
            for (PipelineFunctionPlan function : resolver.functions()) {
                if (function.source() instanceof ModuleSource.UserFile user) {
                    Path file = props.projectDirectory().resolve(user.entry());
                    if (!Files.isRegularFile(file)) {
                        problems.add("data.operations." + resolver.fieldName(), "the custom handler `" + user.entry()
                                + "` does not exist (looked for " + file.toAbsolutePath().normalize() + "). Create it,"
                                + " or set AmplifyDataProps.builder(plan).projectDirectory(...) to the directory its"
                                + " path is relative to.");
                    }
                }
            }
        }
    }

    private static String functionFix(String function) {
        return "Pass it with AmplifyDataProps.builder(plan).function(\"" + function + "\", fn) (AmplifyBackend passes"
                + " every function it builds).";
    }

    private String usersOf(String dataSource) {
        return data.resolvers().stream()
                .filter(r -> r.functions().stream().anyMatch(f -> f.dataSource().equals(dataSource)))
                .map(ResolverPlan::coordinate)
                .collect(Collectors.joining(", "));
    }

    private boolean hasAuthenticatedIdentityRule() {
        boolean[] found = {false};
        forEachRule((place, rule) -> {
            if (rule instanceof AuthRule.Authenticated a
                    && a.provider() == io.amplify4j.model.data.AuthProvider.IDENTITY_POOL) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private interface RuleVisitor {
        void visit(String place, AuthRule rule);
    }

    /** Every rule of the definition with its place: models, their fields, custom operations. */
    private void forEachRule(RuleVisitor visitor) {
        for (ModelPlan model : data.models()) {
            for (AuthRule rule : model.rules()) {
                visitor.visit("data." + model.name(), rule);
            }
            model.definition().fields().forEach(field -> field.rules().forEach(rule ->
                    visitor.visit("data." + model.name() + ".fields." + field.name(), rule)));
        }
        for (CustomOperation operation : data.definition().operations()) {
            for (AuthRule rule : operation.rules()) {
                visitor.visit("data.operations." + operation.name(), rule);
            }
        }
    }

    // ---- the API -----------------------------------------------------------------------------------------------

    private CfnGraphQLApi api(Set<Mode> modes) {
        Mode defaultMode = props.plan().defaultAuthorizationMode().orElseThrow();
        AuthorizationModes configured = data.definition().authorizationModes();
        List<Object> additional = new ArrayList<>();
        for (Mode mode : modes) {
            if (mode != defaultMode) {
                additional.add(additionalProvider(mode, configured));
            }
        }
        CfnGraphQLApi.Builder builder = CfnGraphQLApi.Builder.create(this, "Api")
                .name(props.namePrefix() + props.plan().model().name() + "-" + data.definition().name())
                .authenticationType(defaultMode.appSyncName())
                .xrayEnabled(props.tracing())
                .introspectionConfig(props.profile() == Profile.PRODUCTION ? "DISABLED" : "ENABLED")
                .environmentVariables(environment());
        if (props.profile() == Profile.PRODUCTION) {
            builder.queryDepthLimit(PRODUCTION_QUERY_DEPTH_LIMIT).resolverCountLimit(PRODUCTION_RESOLVER_COUNT_LIMIT);
        }
        if (!additional.isEmpty()) {
            builder.additionalAuthenticationProviders(additional);
        }
        if (defaultMode == Mode.USER_POOL) {
            CfnGraphQLApi.UserPoolConfigProperty.Builder pool = CfnGraphQLApi.UserPoolConfigProperty.builder()
                    .userPoolId(props.userPool().orElseThrow().getUserPoolId())
                    .awsRegion(region)
                    .defaultAction("ALLOW");
            props.userPoolClientId().ifPresent(pool::appIdClientRegex);
            builder.userPoolConfig(pool.build());
        }
        if (defaultMode == Mode.OIDC) {
            builder.openIdConnectConfig(oidc(configured.oidc().orElseThrow()));
        }
        if (defaultMode == Mode.LAMBDA) {
            builder.lambdaAuthorizerConfig(lambdaConfig(configured.lambdaAuthorizer().orElseThrow()));
        }
        CfnRole logRole = CfnRole.Builder.create(this, "LogRole")
                .description("Lets AppSync write the API's request logs")
                .assumeRolePolicyDocument(assumedByAppSync())
                .build();
        builder.logConfig(CfnGraphQLApi.LogConfigProperty.builder()
                .cloudWatchLogsRoleArn(logRole.getAttrArn())
                .fieldLogLevel(props.logging().fieldLogLevel().name())
                .excludeVerboseContent(props.logging().excludeVerboseContent())
                .build());
        CfnGraphQLApi created = builder.build();
        this.logRole = logRole;
        return created;
    }

    private Object additionalProvider(Mode mode, AuthorizationModes configured) {
        CfnGraphQLApi.AdditionalAuthenticationProviderProperty.Builder provider =
                CfnGraphQLApi.AdditionalAuthenticationProviderProperty.builder().authenticationType(mode.appSyncName());
        switch (mode) {
            case USER_POOL -> {
                CfnGraphQLApi.CognitoUserPoolConfigProperty.Builder pool =
                        CfnGraphQLApi.CognitoUserPoolConfigProperty.builder()
                                .userPoolId(props.userPool().orElseThrow().getUserPoolId())
                                .awsRegion(region);
                props.userPoolClientId().ifPresent(pool::appIdClientRegex);
                provider.userPoolConfig(pool.build());
            }
            case OIDC -> provider.openIdConnectConfig(oidc(configured.oidc().orElseThrow()));
            case LAMBDA -> provider.lambdaAuthorizerConfig(lambdaConfig(configured.lambdaAuthorizer().orElseThrow()));
            default -> {
                // API key and IAM need no configuration.
            }
        }
        return provider.build();
    }

    private static CfnGraphQLApi.OpenIDConnectConfigProperty oidc(AuthorizationModes.Oidc oidc) {
        CfnGraphQLApi.OpenIDConnectConfigProperty.Builder config = CfnGraphQLApi.OpenIDConnectConfigProperty.builder()
                .issuer(oidc.issuerUrl());
        oidc.clientId().ifPresent(config::clientId);
        if (oidc.tokenExpiryFromAuthSeconds() > 0) {
            config.authTtl(oidc.tokenExpiryFromAuthSeconds() * 1000L);
        }
        if (oidc.tokenExpiryFromIssueSeconds() > 0) {
            config.iatTtl(oidc.tokenExpiryFromIssueSeconds() * 1000L);
        }
        return config.build();
    }

    private CfnGraphQLApi.LambdaAuthorizerConfigProperty lambdaConfig(AuthorizationModes.LambdaAuthorizer authorizer) {
        return CfnGraphQLApi.LambdaAuthorizerConfigProperty.builder()
                .authorizerUri(props.functions().get(authorizer.function()).getFunctionArn())
                .authorizerResultTtlInSeconds(authorizer.timeToLiveSeconds())
                .build();
    }

    /** The resolvers' {@code ctx.env}: values only known at deployment, filled from the props. */
    private Map<String, String> environment() {
        Map<String, String> values = new TreeMap<>();
        for (EnvironmentVariablePlan variable : data.environment()) {
            switch (variable.kind()) {
                case IDENTITY_POOL_ID -> props.identityPoolId().ifPresent(id -> values.put(variable.name(), id));
                case USER_POOL_ISSUER -> props.userPool().ifPresent(pool -> values.put(variable.name(),
                        Fn.join("", List.of("https://cognito-idp.", region, ".amazonaws.com/",
                                pool.getUserPoolId()))));
                case FUNCTION_ROLE_ARN -> {
                    IFunction function = props.functions().get(variable.function().orElseThrow());
                    if (function != null && function.getRole() != null) {
                        values.put(variable.name(), function.getRole().getRoleArn());
                    }
                }
            }
        }
        return values;
    }

    private CfnGraphQLSchema schema() {
        CfnGraphQLSchema.Builder builder = CfnGraphQLSchema.Builder.create(this, "Schema").apiId(apiId);
        String sdl = data.schema();
        if (sdl.length() <= INLINE_SCHEMA_LIMIT) {
            builder.definition(sdl);
        } else {
            try {
                Path directory = Files.createTempDirectory("amplify4j-schema");
                Path file = directory.resolve("schema.graphql");
                Files.writeString(file, sdl, StandardCharsets.UTF_8);
                Asset asset = Asset.Builder.create(this, "SchemaAsset").path(file.toString()).build();
                builder.definitionS3Location(asset.getS3ObjectUrl());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Cannot stage the GraphQL schema as an asset", e);
            }
        }
        return builder.build();
    }

    private CfnApiKey apiKey(AuthorizationModes.ApiKey key) {
        // Counted from the clock rounded up to the hour, so two syntheses within an hour are identical; one hour
        // less for the 365-day maximum, which AppSync would otherwise reject.
        Instant hour = props.clock().instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Instant expires = hour.plus(key.expiresInDays(), ChronoUnit.DAYS)
                .minus(key.expiresInDays() >= 365 ? 1 : 0, ChronoUnit.HOURS);
        CfnApiKey.Builder builder = CfnApiKey.Builder.create(this, "ApiKey")
                .apiId(apiId)
                .expires(expires.getEpochSecond());
        key.description().ifPresent(builder::description);
        return builder.build();
    }

    /** The API's log group, with retention, and the log role's permission to write to it (only to it). */
    private void logging() {
        CfnLogGroup logGroup = CfnLogGroup.Builder.create(this, "Logs")
                .logGroupName(Fn.join("", List.of("/aws/appsync/apis/", apiId)))
                .retentionInDays(props.logging().retentionDays())
                .build();
        logGroup.applyRemovalPolicy(props.profile() == Profile.PRODUCTION ? RemovalPolicy.RETAIN
                : RemovalPolicy.DESTROY);
        CfnPolicy.Builder.create(this, "LogPolicy")
                .policyName("appsync-logs")
                .roles(List.of(logRole.getRef()))
                .policyDocument(document(statement(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of(logGroup.getAttrArn()))))
                .build();
    }

    // ---- data sources and grants --------------------------------------------------------------------------------

    private void lambdaDataSources() {
        for (DataSourcePlan source : data.dataSources()) {
            if (source.kind() != DataSourcePlan.Kind.LAMBDA) {
                continue;
            }
            IFunction function = props.functions().get(source.function().orElseThrow());
            Construct scope = new Construct(this, source.name());
            CfnRole role = CfnRole.Builder.create(scope, "Role")
                    .description("Lets the " + source.name() + " data source invoke its function")
                    .assumeRolePolicyDocument(assumedByAppSync())
                    .policies(List.of(CfnRole.PolicyProperty.builder()
                            .policyName("invoke")
                            .policyDocument(document(statement(List.of("lambda:InvokeFunction"),
                                    List.of(function.getFunctionArn()))))
                            .build()))
                    .build();
            CfnDataSource dataSource = CfnDataSource.Builder.create(scope, "DataSource")
                    .apiId(apiId)
                    .name(source.name())
                    .type("AWS_LAMBDA")
                    .serviceRoleArn(role.getAttrArn())
                    .lambdaConfig(CfnDataSource.LambdaConfigProperty.builder()
                            .lambdaFunctionArn(function.getFunctionArn())
                            .build())
                    .build();
            dataSources.put(source.name(), dataSource);
        }
    }

    /** The plan's HTTP data sources: Bedrock's runtime for generation routes, with a role limited to their models. */
    private void httpDataSources() {
        for (DataSourcePlan source : data.dataSources()) {
            if (source.kind() == DataSourcePlan.Kind.HTTP) {
                BedrockDataSource bedrock = new BedrockDataSource(this, source.name(),
                        BedrockDataSourceProps.of(apiId, source));
                dataSources.put(source.name(), bedrock.dataSource());
            }
        }
    }

    private void lambdaAuthorizer() {
        data.definition().authorizationModes().lambdaAuthorizer().ifPresent(authorizer -> CfnPermission.Builder
                .create(this, "AuthorizerPermission")
                .action("lambda:InvokeFunction")
                .functionName(props.functions().get(authorizer.function()).getFunctionArn())
                .principal("appsync.amazonaws.com")
                .sourceArn(cfnApi.getAttrArn())
                .build());
    }

    /**
     * IAM permission to call the API: functions granted {@code allow.resource} get their root types; identity-pool
     * roles get the root types their rules admit. The resolvers' auth functions still decide per model and field
     * (and admit only this identity pool's identities), so a role never reaches more than its rules allow.
     */
    private void iamGrants() {
        for (FunctionDataAccess access : data.definition().functionAccess()) {
            Set<String> types = new TreeSet<>();
            for (FunctionDataAccess.ResourceOperation operation : access.operations()) {
                types.add(switch (operation) {
                    case QUERY -> "Query";
                    case MUTATE -> "Mutation";
                    case LISTEN -> "Subscription";
                });
            }
            grant("Grant" + identifier(access.function()), props.functions().get(access.function()).getRole(), types);
        }
        Map<String, Set<String>> guest = new TreeMap<>();
        Map<String, Set<String>> authenticated = new TreeMap<>();
        Map<String, Set<String>> groups = new TreeMap<>();
        for (ModelPlan model : data.models()) {
            for (AuthRule rule : model.rules()) {
                if (rule.provider() != io.amplify4j.model.data.AuthProvider.IDENTITY_POOL) {
                    continue;
                }
                Set<String> types = rootTypes(model, operations(rule));
                if (rule instanceof AuthRule.Guest) {
                    guest.computeIfAbsent("guest", k -> new TreeSet<>()).addAll(types);
                } else if (rule instanceof AuthRule.Groups g) {
                    g.groups().forEach(name -> groups.computeIfAbsent(name, k -> new TreeSet<>()).addAll(types));
                } else {
                    authenticated.computeIfAbsent("authenticated", k -> new TreeSet<>()).addAll(types);
                }
            }
        }
        for (CustomOperation operation : data.definition().operations()) {
            for (AuthRule rule : operation.rules()) {
                if (rule.provider() != io.amplify4j.model.data.AuthProvider.IDENTITY_POOL) {
                    continue;
                }
                Set<String> types = Set.of(operation.type().rootTypeName());
                if (rule instanceof AuthRule.Guest) {
                    guest.computeIfAbsent("guest", k -> new TreeSet<>()).addAll(types);
                } else if (rule instanceof AuthRule.Groups g) {
                    g.groups().forEach(name -> groups.computeIfAbsent(name, k -> new TreeSet<>()).addAll(types));
                } else {
                    authenticated.computeIfAbsent("authenticated", k -> new TreeSet<>()).addAll(types);
                }
            }
        }
        guest.forEach((k, types) -> grant("GrantGuest", props.unauthenticatedRole().orElseThrow(), types));
        authenticated.forEach((k, types) -> grant("GrantAuthenticated", props.authenticatedRole().orElseThrow(),
                types));
        groups.forEach((group, types) -> grant("GrantGroup" + identifier(group), props.groupRoles().get(group),
                types));
    }

    private static List<ModelOperation> operations(AuthRule rule) {
        List<ModelOperation> operations = List.of();
        if (rule instanceof AuthRule.Guest g) {
            operations = g.operations();
        } else if (rule instanceof AuthRule.Authenticated a) {
            operations = a.operations();
        } else if (rule instanceof AuthRule.Groups g) {
            operations = g.operations();
        }
        return operations.isEmpty() ? List.of(ModelOperation.values()) : operations;
    }

    private static Set<String> rootTypes(ModelPlan model, List<ModelOperation> operations) {
        Set<String> types = new TreeSet<>();
        for (ModelOperation operation : operations) {
            switch (operation) {
                case READ -> {
                    types.add("Query");
                    if (model.hasSubscriptions()) {
                        types.add("Subscription");
                    }
                }
                case CREATE, UPDATE, DELETE -> types.add("Mutation");
                default -> types.add("Query");
            }
        }
        return types;
    }

    private void grant(String id, IRole role, Set<String> types) {
        List<String> resources = types.stream()
                .map(type -> Fn.join("", List.of(cfnApi.getAttrArn(), "/types/" + type + "/*")))
                .toList();
        Policy policy = Policy.Builder.create(this, id)
                .roles(List.of(role))
                .statements(List.of(PolicyStatement.Builder.create()
                        .effect(Effect.ALLOW)
                        .actions(List.of("appsync:GraphQL"))
                        .resources(resources)
                        .build()))
                .build();
        Acknowledgements.apply((CfnResource) policy.getNode().getDefaultChild(),
                Acknowledgements.APPSYNC_ROOT_TYPE_GRANTS);
    }

    // ---- models --------------------------------------------------------------------------------------------------

    private NestedStack shard(int number) {
        return shards.computeIfAbsent(number, n -> {
            NestedStack stack = new NestedStack(this, "Models" + n);
            CfnResource resource = stack.getNestedStackResource();
            if (resource != null) {
                // Resolvers need the schema's fields; CloudFormation must create the schema first.
                resource.addResourceDependency(schema);
            }
            return stack;
        });
    }

    /** The table name as deployed: the name prefix, then the plan's name. */
    private String tableName(TablePlan table) {
        return props.namePrefix() + table.tableName();
    }

    private CfnTable table(Construct scope, TablePlan plan) {
        CfnTable.Builder builder = CfnTable.Builder.create(scope, "Table")
                .tableName(tableName(plan))
                .billingMode("PAY_PER_REQUEST")
                .keySchema(keySchema(plan.partitionKey(), plan.sortKey()))
                .attributeDefinitions(plan.attributeDefinitions().stream()
                        .map(a -> (Object) CfnTable.AttributeDefinitionProperty.builder()
                                .attributeName(a.name()).attributeType(a.type().name()).build())
                        .toList())
                .sseSpecification(CfnTable.SSESpecificationProperty.builder().sseEnabled(true).build())
                .pointInTimeRecoverySpecification(CfnTable.PointInTimeRecoverySpecificationProperty.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtectionEnabled(props.profile() == Profile.PRODUCTION);
        if (!plan.globalSecondaryIndexes().isEmpty()) {
            builder.globalSecondaryIndexes(plan.globalSecondaryIndexes().stream().map(AmplifyData::gsi).toList());
        }
        plan.streamViewType().ifPresent(view -> builder.streamSpecification(
                CfnTable.StreamSpecificationProperty.builder().streamViewType(view).build()));
        CfnTable table = builder.build();
        table.applyRemovalPolicy(props.profile() == Profile.PRODUCTION ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
        return table;
    }

    private static List<Object> keySchema(KeyAttribute partition, Optional<KeyAttribute> sort) {
        List<Object> keys = new ArrayList<>();
        keys.add(CfnTable.KeySchemaProperty.builder().attributeName(partition.name()).keyType("HASH").build());
        sort.ifPresent(s -> keys.add(CfnTable.KeySchemaProperty.builder().attributeName(s.name()).keyType("RANGE")
                .build()));
        return keys;
    }

    private static Object gsi(GsiPlan gsi) {
        CfnTable.ProjectionProperty.Builder projection = CfnTable.ProjectionProperty.builder()
                .projectionType(gsi.projection().type().name());
        if (!gsi.projection().nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(gsi.projection().nonKeyAttributes());
        }
        return CfnTable.GlobalSecondaryIndexProperty.builder()
                .indexName(gsi.name())
                .keySchema(keySchema(gsi.partitionKey(), gsi.sortKey()))
                .projection(projection.build())
                .build();
    }

    /** The table's data source and its role: only the DynamoDB operations the plan's functions issue on it. */
    private void tableDataSource(Construct scope, ModelPlan model, TablePlan table, CfnTable cfnTable) {
        String name = ResolverNames.tableDataSource(model.name());
        Set<String> operations = new TreeSet<>();
        for (ResolverPlan resolver : data.resolvers()) {
            for (PipelineFunctionPlan function : resolver.functions()) {
                if (function.dataSource().equals(name)) {
                    operations.addAll(function.dynamoDbOperations());
                }
            }
        }
        CfnRole.Builder role = CfnRole.Builder.create(scope, "DataSourceRole")
                .description("Lets the " + name + " data source use table " + tableName(table))
                .assumeRolePolicyDocument(assumedByAppSync());
        if (!operations.isEmpty()) {
            List<Object> resources = new ArrayList<>();
            String tableArn = cfnTable.getAttrArn();
            resources.add(tableArn);
            if (operations.contains("Query") || operations.contains("Scan")) {
                for (GsiPlan gsi : table.globalSecondaryIndexes()) {
                    resources.add(Fn.join("", List.of(tableArn, "/index/" + gsi.name())));
                }
            }
            role.policies(List.of(CfnRole.PolicyProperty.builder()
                    .policyName("table-access")
                    .policyDocument(document(statement(
                            operations.stream().map(o -> "dynamodb:" + o).toList(), resources)))
                    .build()));
        }
        CfnRole cfnRole = role.build();
        CfnDataSource dataSource = CfnDataSource.Builder.create(scope, "DataSource")
                .apiId(apiId)
                .name(name)
                .type("AMAZON_DYNAMODB")
                .serviceRoleArn(cfnRole.getAttrArn())
                .dynamoDbConfig(CfnDataSource.DynamoDBConfigProperty.builder()
                        .tableName(cfnTable.getRef())
                        .awsRegion(region)
                        .build())
                .build();
        dataSources.put(name, dataSource);
    }

    /**
     * Which unit (a model's name, or "" for the API's own stack) each resolver belongs to: the model whose table its
     * functions use (so the data source is in the same template), else the model whose operation it is; a
     * resolver calling a Lambda data source stays with the API.
     */
    private Map<String, List<ResolverPlan>> resolversByUnit() {
        Map<String, String> modelOfField = new TreeMap<>();
        for (ModelPlan model : data.models()) {
            model.operations().forEach((kind, field) -> modelOfField.put(field, model.name()));
            for (IndexPlan index : model.indexes()) {
                index.queryField().ifPresent(f -> modelOfField.put(f, model.name()));
            }
        }
        Map<String, String> modelOfDataSource = new TreeMap<>();
        for (DataSourcePlan source : data.dataSources()) {
            source.model().ifPresent(m -> modelOfDataSource.put(source.name(), m));
        }
        Map<String, List<ResolverPlan>> units = new LinkedHashMap<>();
        for (ResolverPlan resolver : data.resolvers()) {
            String unit;
            boolean lambda = resolver.functions().stream().anyMatch(f -> data.dataSources().stream()
                    .anyMatch(s -> s.name().equals(f.dataSource()) && s.kind() == DataSourcePlan.Kind.LAMBDA));
            Optional<String> tableModel = resolver.functions().stream()
                    .map(f -> modelOfDataSource.get(f.dataSource()))
                    .filter(m -> m != null)
                    .findFirst();
            if (lambda) {
                unit = "";
            } else if (tableModel.isPresent()) {
                unit = tableModel.get();
            } else if (data.model(resolver.typeName()).isPresent()) {
                unit = resolver.typeName();
            } else {
                unit = modelOfField.getOrDefault(resolver.fieldName(), "");
            }
            units.computeIfAbsent(unit, k -> new ArrayList<>()).add(resolver);
        }
        return units;
    }

    /**
     * The budget of a model's unit: table, role, data source, its resolvers and their own functions (a table's data
     * function once, however many of the resolvers use it), plus the shareable functions it uses (counted once per
     * shard by the planner).
     */
    private ShardPlanner.Cost cost(String unit, List<ResolverPlan> unitResolvers) {
        int resources = 3;
        long bytes = 3L * BYTES_PER_RESOURCE;
        Map<String, Integer> shared = new TreeMap<>();
        Set<String> counted = new java.util.HashSet<>();
        for (ResolverPlan resolver : unitResolvers) {
            resources += 1;
            bytes += BYTES_PER_RESOURCE + escapedLength(resolver.code());
            for (PipelineFunctionPlan function : resolver.functions()) {
                if (shareable(function)) {
                    shared.put(sharedKey(function), BYTES_PER_RESOURCE + escapedLength(code(resolver, function)));
                } else if (counted.add(function.name())) {
                    // A table's data function serves several of the unit's resolvers: one resource for all.
                    resources += 1;
                    bytes += BYTES_PER_RESOURCE + escapedLength(code(resolver, function));
                }
            }
        }
        return new ShardPlanner.Cost(unit, resources, (int) Math.min(Integer.MAX_VALUE, bytes), shared);
    }

    /**
     * Auth and response-filter functions depend only on their rules (their modules name no field), so a shard
     * holds one AppSync function per distinct module and every resolver with the same rules uses it.
     */
    private static boolean shareable(PipelineFunctionPlan function) {
        return (function.role() == PipelineFunctionPlan.Role.AUTH || function.role() == PipelineFunctionPlan.Role.FILTER)
                && function.source() instanceof ModuleSource.Generated;
    }

    /** A shareable function's identity: its role, data source and a digest of its code. */
    private static String sharedKey(PipelineFunctionPlan function) {
        String role = function.role() == PipelineFunctionPlan.Role.AUTH ? "Auth" : "Filter";
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(function.dataSource().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(function.code().getBytes(StandardCharsets.UTF_8));
            return role + java.util.HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The length of {@code text} as a JSON string in a template. */
    static int escapedLength(String text) {
        int length = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c == '"' || c == '\\' || c == '\n' || c == '\t' || c == '\r' ? 2 : c < 0x20 ? 6 : 1;
        }
        return length;
    }

    private String code(ResolverPlan resolver, PipelineFunctionPlan function) {
        if (function.source() instanceof ModuleSource.UserFile user) {
            try {
                return Files.readString(props.projectDirectory().resolve(user.entry()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Cannot read the custom handler " + user.entry() + " of "
                        + resolver.coordinate(), e);
            }
        }
        return function.code();
    }

    /**
     * A resolver and its functions under {@code scope} (a model's construct in its shard, or the API's
     * operations); auth and filter functions go to the shard's shared functions. A function the plan names in
     * several pipelines (a table's data function) is created once, with the first of them, and reused.
     */
    private void resolver(Construct scope, ResolverPlan plan) {
        Integer shard = unitShards.get(scope);
        List<String> functionIds = new ArrayList<>();
        for (PipelineFunctionPlan function : plan.functions()) {
            boolean shared = shard != null && shareable(function);
            String key = shared ? shard + "/" + sharedKey(function) : null;
            CfnFunctionConfiguration configuration = shared ? sharedFunctions.get(key) : functions.get(function.name());
            if (!shared && configuration != null && functionScopes.get(function.name()) != scope) {
                // Every resolver of a table's data function goes with that table's model (resolversByUnit).
                throw new IllegalStateException("Pipeline function " + function.name() + " of " + plan.coordinate()
                        + " was created in another unit's scope than this resolver's");
            }
            if (configuration == null) {
                configuration = CfnFunctionConfiguration.Builder.create(shared ? sharedScope(shard) : scope,
                                shared ? sharedKey(function) : function.name())
                        .apiId(apiId)
                        .name(shared ? "Models" + shard + sharedKey(function) : function.name())
                        .dataSourceName(dataSourceName(function.dataSource()))
                        .runtime(CfnFunctionConfiguration.AppSyncRuntimeProperty.builder()
                                .name(RUNTIME).runtimeVersion(RUNTIME_VERSION).build())
                        .code(code(plan, function))
                        .build();
                if (shared) {
                    sharedFunctions.put(key, configuration);
                } else {
                    functionScopes.put(function.name(), scope);
                }
            }
            functions.put(function.name(), configuration);
            functionIds.add(functionIdTokens.computeIfAbsent(configuration,
                    CfnFunctionConfiguration::getAttrFunctionId));
        }
        CfnResolver resolver = CfnResolver.Builder.create(scope, plan.coordinate())
                .apiId(apiId)
                .typeName(plan.typeName())
                .fieldName(plan.fieldName())
                .kind("PIPELINE")
                .runtime(CfnResolver.AppSyncRuntimeProperty.builder().name(RUNTIME).runtimeVersion(RUNTIME_VERSION)
                        .build())
                .code(plan.code())
                .pipelineConfig(CfnResolver.PipelineConfigProperty.builder().functions(functionIds).build())
                .build();
        if (shard == null) {
            resolver.addResourceDependency(schema);
        }
        resolvers.put(plan.coordinate(), resolver);
    }

    /** The name of a data source as a token, read once. */
    private String dataSourceName(String name) {
        return dataSourceNames.computeIfAbsent(name, n -> dataSources.get(n).getAttrName());
    }

    /** The scope of a shard's shared functions; lower case, so no model's construct id can clash with it. */
    private Construct sharedScope(int shard) {
        return sharedScopes.computeIfAbsent(shard, n -> new Construct(shards.get(n), "shared"));
    }

    // ---- IAM documents -------------------------------------------------------------------------------------------

    private Map<String, Object> assumedByAppSync() {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", "appsync.amazonaws.com"));
        statement.put("Action", "sts:AssumeRole");
        statement.put("Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", account)));
        return document(statement);
    }

    private static Map<String, Object> statement(List<String> actions, List<? extends Object> resources) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Action", actions);
        statement.put("Resource", resources);
        return statement;
    }

    private static Map<String, Object> document(Map<String, Object> statement) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.of(statement));
        return document;
    }

    private static String identifier(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "");
    }
}
