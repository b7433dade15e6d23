package io.amplify4j.cdk;

import io.amplify4j.cdk.ai.ConversationHandlerArtifacts;
import io.amplify4j.cdk.ai.ConversationHandlers;
import io.amplify4j.cdk.auth.AmplifyAuth;
import io.amplify4j.cdk.auth.AmplifyAuthProps;
import io.amplify4j.cdk.data.AmplifyData;
import io.amplify4j.cdk.data.AmplifyDataProps;
import io.amplify4j.cdk.function.AmplifyFunction;
import io.amplify4j.cdk.function.AmplifyFunctionProps;
import io.amplify4j.cdk.outputs.OutputKeys;
import io.amplify4j.cdk.storage.AmplifyStorage;
import io.amplify4j.cdk.storage.AmplifyStorageProps;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.function.FunctionDefinition;
import io.amplify4j.model.storage.StorageAccessor;
import io.amplify4j.model.storage.StorageDefinition;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.BucketPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * The whole backend as CDK constructs, in a new or an existing stack: one nested stack per category (functions,
 * auth, storage; data splits into its own nested stacks by model, its API staying in the enclosing stack), stack
 * outputs for everything a
 * client needs ({@link OutputKeys}), and the SSM parameters through which functions learn, at run time, the names
 * of what they may access ({@link ParameterNames}).
 *
 * <p>References only point from auth, storage and data to functions and from storage and data to auth, never
 * back, so the nested stacks deploy in one order: functions, auth, storage and data.
 *
 * <pre>{@code
 * App app = new App();
 * AmplifyBackend.inNewStack(app, "Shop", StackProps.builder().build(),
 *         AmplifyBackendProps.builder(new ShopBackend()).build());
 * app.synth();
 * }</pre>
 *
 * <p>Escape hatches: {@link #auth()}, {@link #data()}, {@link #storage(String)}, {@link #function(String)} and the
 * nested stacks.
 */
public final class AmplifyBackend extends Construct {
    private final AmplifyBackendProps props;
    private final ParameterNames parameterNames;
    private final Map<String, AmplifyFunction> functions = new LinkedHashMap<>();
    private final Map<String, AmplifyStorage> storage = new LinkedHashMap<>();
    private final Map<String, Construct> categoryScopes = new LinkedHashMap<>();
    private final Optional<AmplifyAuth> auth;
    private final Optional<AmplifyData> data;

    public AmplifyBackend(Construct scope, String id, AmplifyBackendProps props) {
        super(scope, id);
        this.props = props;
        BackendPlan plan = props.plan();
        BackendModel model = plan.model();
        this.parameterNames = ParameterNames.of(model.name(), props.namePrefix().equals(model.name()) ? ""
                : props.namePrefix());

        // Conversation handlers that could not run in Lambda are refused before anything is built.
        ConversationHandlerArtifacts.check(plan, props.projectDirectory());
        if (!model.functions().isEmpty()) {
            Construct scopeOfFunctions = category("Functions");
            for (FunctionDefinition definition : model.functions()) {
                functions.put(definition.name(), new AmplifyFunction(scopeOfFunctions, definition.name(),
                        functionProps(model, definition)));
            }
        }
        plan.data().ifPresent(d -> ConversationHandlers.routesByFunction(d).forEach((function, routes) -> {
            if (functions.containsKey(function)) {
                ConversationHandlers.prepare(functions.get(function), routes);
            }
        }));
        Map<String, IFunction> handles = new TreeMap<>();
        functions.forEach((name, fn) -> handles.put(name, fn.handle()));

        this.auth = model.auth().map(definition -> {
            Construct authScope = category("Auth");
            AmplifyAuthProps.Builder authProps = AmplifyAuthProps.builder(plan)
                    .namePrefix(props.namePrefix())
                    .functions(handles)
                    .secretStore(props.secretStore());
            props.existingUserPool().ifPresent(pool -> authProps.existingUserPool(pool,
                    props.existingClient().orElse(null)));
            AmplifyAuth created = new AmplifyAuth(authScope, "Auth", authProps.build());
            if (functionsGrantedAuth(model)) {
                parameter(authScope, "UserPoolIdParameter", parameterNames.userPoolId(definition.name()),
                        created.userPool().getUserPoolId());
            }
            return created;
        });

        if (!model.storage().isEmpty()) {
            Construct storageScope = category("Storage");
            for (BucketPlan bucket : plan.storage().buckets()) {
                AmplifyStorageProps.Builder storageProps = AmplifyStorageProps.builder(bucket, model.profile())
                        .functions(handles);
                auth.ifPresent(a -> {
                    storageProps.authenticatedRole(a.authenticatedRole()).groupRoles(a.groupRoles());
                    a.guestRole().ifPresent(storageProps::guestRole);
                });
                AmplifyStorage created = new AmplifyStorage(storageScope, bucket.name(), storageProps.build());
                storage.put(bucket.name(), created);
                if (functionsGranted(bucket.definition())) {
                    parameter(storageScope, bucket.name() + "BucketNameParameter",
                            parameterNames.bucketName(bucket.name()), created.bucket().getBucketName());
                }
            }
        }

        this.data = plan.data().map(dataPlan -> {
            // AmplifyData splits its models into nested stacks of its own (sized by its budget, placed by the lock
            // file); its API, schema and shared data sources stay in the enclosing stack
            Construct dataScope = new Construct(this, "Data");
            categoryScopes.put("Data", dataScope);
            AmplifyDataProps.Builder dataProps = AmplifyDataProps.builder(plan)
                    .namePrefix(props.namePrefix())
                    .projectDirectory(props.projectDirectory())
                    .functions(handles);
            auth.ifPresent(a -> {
                dataProps.userPool(a.userPool())
                        .userPoolClientId(a.client().getUserPoolClientId())
                        .identityPoolId(a.identityPool().getRef())
                        .authenticatedRole(a.authenticatedRole())
                        .groupRoles(a.groupRoles());
                a.guestRole().ifPresent(dataProps::unauthenticatedRole);
            });
            props.data().accept(dataProps);
            AmplifyData created = new AmplifyData(dataScope, "Data", dataProps.build());
            DataDefinition definition = dataPlan.definition();
            if (!definition.functionAccess().isEmpty()) {
                parameter(dataScope, "GraphqlEndpointParameter", parameterNames.graphqlEndpoint(definition.name()),
                        created.cfnApi().getAttrGraphQlUrl());
            }
            return created;
        });

        outputs(model);
    }

    /** A new stack holding the backend. */
    public static AmplifyBackend inNewStack(Construct app, String stackId, StackProps stackProps,
            AmplifyBackendProps props) {
        return new AmplifyBackend(new Stack(app, stackId, stackProps), "Backend", props);
    }

    // ---- escape hatches -----------------------------------------------------------------------------------

    /** The auth category, when the backend has auth. */
    public Optional<AmplifyAuth> auth() {
        return auth;
    }

    /** The data category, when the backend has data. */
    public Optional<AmplifyData> data() {
        return data;
    }

    /** A bucket by its definition name. */
    public AmplifyStorage storage(String name) {
        AmplifyStorage bucket = storage.get(name);
        if (bucket == null) {
            throw new IllegalArgumentException("the backend has no storage '" + name + "'; storage: "
                    + storage.keySet());
        }
        return bucket;
    }

    /** A function by its definition name. */
    public AmplifyFunction function(String name) {
        AmplifyFunction function = functions.get(name);
        if (function == null) {
            throw new IllegalArgumentException("the backend has no function '" + name + "'; functions: "
                    + functions.keySet());
        }
        return function;
    }

    /**
     * The scope of a category ({@code Functions}, {@code Auth}, {@code Storage}, {@code Data}): its nested stack, or
     * a plain construct without nested stacks (always for data, which makes nested stacks of its own).
     */
    public Optional<Construct> categoryScope(String category) {
        return Optional.ofNullable(categoryScopes.get(category));
    }

    /** The SSM parameter names functions read at run time. */
    public ParameterNames parameterNames() {
        return parameterNames;
    }

    /** The props this backend was built from. */
    public AmplifyBackendProps props() {
        return props;
    }

    // ---- parts --------------------------------------------------------------------------------------------

    private Construct category(String name) {
        Construct scope = props.nestedStacks() ? new NestedStack(this, name) : new Construct(this, name);
        categoryScopes.put(name, scope);
        return scope;
    }

    private AmplifyFunctionProps functionProps(BackendModel model, FunctionDefinition definition) {
        AmplifyFunctionProps.Builder builder = AmplifyFunctionProps.builder(model.name(), definition)
                .projectDirectory(props.projectDirectory())
                .profile(model.profile())
                .secretStore(props.secretStore());
        for (StorageDefinition bucket : model.storage()) {
            if (granted(bucket, definition.name())) {
                builder.injectParameter(bucket.name() + "_BUCKET_NAME", parameterNames.bucketName(bucket.name()));
            }
        }
        model.auth().filter(a -> a.access().stream().anyMatch(g -> g.function().equals(definition.name())))
                .ifPresent(a -> builder.injectParameter(a.name() + "_USERPOOL_ID",
                        parameterNames.userPoolId(a.name())));
        model.data().filter(d -> d.functionAccess().stream().anyMatch(g -> g.function().equals(definition.name())))
                .ifPresent(d -> builder.injectParameter(d.name() + "_GRAPHQL_ENDPOINT",
                        parameterNames.graphqlEndpoint(d.name())));
        return builder.build();
    }

    private static boolean granted(StorageDefinition bucket, String function) {
        return bucket.access().stream().flatMap(a -> a.rules().stream())
                .anyMatch(r -> r.accessor() instanceof StorageAccessor.Resource res && res.function().equals(function));
    }

    private static boolean functionsGranted(StorageDefinition bucket) {
        return bucket.access().stream().flatMap(a -> a.rules().stream())
                .anyMatch(r -> r.accessor() instanceof StorageAccessor.Resource);
    }

    private static boolean functionsGrantedAuth(BackendModel model) {
        return model.auth().map(AuthDefinition::access).map(list -> !list.isEmpty()).orElse(false);
    }

    private static void parameter(Construct scope, String id, String name, String value) {
        StringParameter.Builder.create(scope, id)
                .parameterName(name)
                .stringValue(value)
                .description("Read at run time by Amplify4j functions")
                .build();
    }

    /** Stack outputs for everything a client needs, in the stack that holds this construct. */
    private void outputs(BackendModel model) {
        output(OutputKeys.REGION, Aws.REGION, "The AWS region of the backend");
        auth.ifPresent(a -> {
            output(OutputKeys.USER_POOL_ID, a.userPool().getUserPoolId(), "Cognito user pool id");
            output(OutputKeys.USER_POOL_CLIENT_ID, a.client().getUserPoolClientId(), "Cognito app client id");
            output(OutputKeys.IDENTITY_POOL_ID, a.identityPool().getRef(), "Cognito identity pool id");
            a.domain().ifPresent(d -> output(OutputKeys.OAUTH_DOMAIN, Fn.join("", List.of(d.getDomainName(),
                    ".auth.", Aws.REGION, ".amazoncognito.com")), "Hosted UI (OAuth) domain"));
        });
        data.ifPresent(d -> {
            output(OutputKeys.GRAPHQL_URL, d.cfnApi().getAttrGraphQlUrl(), "GraphQL endpoint");
            d.apiKey().ifPresent(key -> output(OutputKeys.API_KEY, key.getAttrApiKey(),
                    "API key for public rules (clients embed it)"));
        });
        storage.forEach((name, bucket) -> output(OutputKeys.bucketName(name), bucket.bucket().getBucketName(),
                "Bucket of storage " + name));
    }

    private void output(String key, String value, String description) {
        CfnOutput output = CfnOutput.Builder.create(this, key).value(value).description(description).build();
        output.overrideLogicalId(key);
    }
}
