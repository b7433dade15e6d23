package io.amplify4j.cdk.function;

import io.amplify4j.cdk.SecretStore;
import io.amplify4j.cdk.nag.Acknowledgements;
import io.amplify4j.model.Profile;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.FunctionDefinition;
import io.amplify4j.model.function.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.constructs.Construct;

/**
 * A Lambda function from its definition: a Java handler from a jar or class directory (SnapStart on by default,
 * invoked through the {@code live} alias so that callers get the snapshot), or a Node.js or Python handler from an
 * asset folder; explicit memory, timeout and ephemeral storage; its own log group with retention and an inline logs
 * policy (no AWS managed policy); schedules through EventBridge Scheduler with a role that may invoke only this
 * function; layers.
 *
 * <p>Run-time configuration, never values in the environment:
 * <ul>
 *   <li>{@code AMPLIFY_SSM_ENV_CONFIG}: JSON, environment variable → {@code {"path": SSM parameter}}, for the
 *       injected names of what the function may access (GraphQL endpoint, bucket names, user pool id) and for
 *       secrets kept in SSM. The variables themselves hold a placeholder until the handler resolves them at cold
 *       start (Amplify's convention); the role may {@code ssm:GetParameter(s)} exactly these parameters.</li>
 *   <li>{@code AMPLIFY4J_SECRETS_MANAGER_ENV_CONFIG}: JSON, environment variable → {@code {"secretId": name}}, for
 *       secrets kept in Secrets Manager; the role may {@code secretsmanager:GetSecretValue} exactly these.</li>
 * </ul>
 *
 * <p>Escape hatches: {@link #function()}, {@link #handle()}, {@link #role()}, {@link #logGroup()},
 * {@link #schedules()}.
 */
public final class AmplifyFunction extends Construct {
    /** The placeholder of a variable resolved at run time (Amplify's text). */
    public static final String RUNTIME_PLACEHOLDER = "<value will be resolved during runtime>";
    /** The tag every function built here carries (template checks find user functions by it). */
    public static final String TAG = "amplify4j:function";
    /** Runtimes the pinned aws-cdk-lib considers the latest of their family (cdk-nag L1 passes on them). */
    private static final Set<String> LATEST_RUNTIMES = Set.of("java25", "nodejs24.x", "python3.14");

    private final FunctionDefinition definition;
    private final Function function;
    private final IFunction handle;
    private final Role role;
    private final LogGroup logGroup;
    private final List<CfnSchedule> schedules = new ArrayList<>();
    private Role schedulerRole;

    public AmplifyFunction(Construct scope, String id, AmplifyFunctionProps props) {
        super(scope, id);
        this.definition = props.definition();
        String place = "functions." + definition.name();
        boolean production = props.profile() == Profile.PRODUCTION;

        this.logGroup = LogGroup.Builder.create(this, "LogGroup")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        // the model allows any retention CloudWatch accepts; the L2 enum has no numeric constructor
        ((CfnLogGroup) logGroup.getNode().getDefaultChild()).setRetentionInDays(definition.logRetentionDays());

        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Execution role of function " + definition.name())
                .inlinePolicies(Map.of("logs", PolicyDocument.Builder.create()
                        .statements(List.of(PolicyStatement.Builder.create()
                                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                                .resources(List.of(logGroup.getLogGroupArn()))
                                .build()))
                        .build()))
                .build();

        Map<String, String> environment = new TreeMap<>(definition.environment());
        Map<String, Map<String, String>> ssmConfig = new TreeMap<>();
        Map<String, Map<String, String>> secretsManagerConfig = new TreeMap<>();
        List<String> parameterArns = new ArrayList<>();
        List<String> secretArns = new ArrayList<>();
        props.injectedParameters().forEach((variable, parameter) -> {
            environment.put(variable, RUNTIME_PLACEHOLDER);
            ssmConfig.put(variable, Map.of("path", parameter));
            parameterArns.add(parameterArn(parameter));
        });
        definition.secrets().forEach((variable, secretName) -> {
            String resolved = props.secretStore().resolve(place + ".secrets." + variable, props.backendName(),
                    secretName);
            environment.put(variable, RUNTIME_PLACEHOLDER);
            if (props.secretStore() == SecretStore.SSM_PARAMETER) {
                ssmConfig.put(variable, Map.of("path", resolved));
                parameterArns.add(parameterArn(resolved));
            } else {
                secretsManagerConfig.put(variable, Map.of("secretId", resolved));
                // Secrets Manager appends six random characters to a secret's ARN
                secretArns.add(Stack.of(this).formatArn(ArnComponents.builder().service("secretsmanager")
                        .resource("secret").resourceName(resolved + "-??????")
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build()));
            }
        });
        if (!ssmConfig.isEmpty()) {
            environment.put("AMPLIFY_SSM_ENV_CONFIG", json(ssmConfig));
        }
        if (!secretsManagerConfig.isEmpty()) {
            environment.put("AMPLIFY4J_SECRETS_MANAGER_ENV_CONFIG", json(secretsManagerConfig));
        }

        FunctionCode code = definition.code();
        Function.Builder builder = Function.Builder.create(this, "Function")
                .description("Amplify4j function " + definition.name())
                .role(role)
                .logGroup(logGroup)
                .memorySize(definition.memoryMb())
                .timeout(Duration.seconds(definition.timeoutSeconds()))
                .ephemeralStorageSize(Size.mebibytes(definition.ephemeralStorageMb()))
                .architecture(definition.architecture() == FunctionDefinition.Architecture.ARM_64
                        ? Architecture.ARM_64 : Architecture.X86_64)
                .environment(environment)
                .layers(layers());
        boolean snapStart = false;
        if (code instanceof FunctionCode.Java java) {
            Path artifact = javaArtifact(place, props.projectDirectory(), java);
            builder.runtime(java.runtime() == FunctionCode.JavaRuntime.JAVA_21 ? Runtime.JAVA_21 : Runtime.JAVA_17)
                    .handler(java.handlerClass())
                    .code(Code.fromAsset(artifact.toString()));
            if (definition.snapStart()) {
                builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
                snapStart = true;
            }
        } else {
            FunctionCode.Asset asset = (FunctionCode.Asset) code;
            Path directory = assetDirectory(place, props.projectDirectory(), asset);
            builder.runtime(switch (asset.runtime()) {
                        case NODEJS_20 -> Runtime.NODEJS_20_X;
                        case NODEJS_22 -> Runtime.NODEJS_22_X;
                        case PYTHON_3_12 -> Runtime.PYTHON_3_12;
                        case PYTHON_3_13 -> Runtime.PYTHON_3_13;
                    })
                    .handler(asset.handler())
                    .code(Code.fromAsset(directory.toString()));
        }
        this.function = builder.build();
        Tags.of(function).add(TAG, definition.name());

        if (!parameterArns.isEmpty()) {
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("ssm:GetParameter", "ssm:GetParameters"))
                    .resources(parameterArns)
                    .build());
        }
        if (!secretArns.isEmpty()) {
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("secretsmanager:GetSecretValue"))
                    .resources(secretArns)
                    .build());
        }
        // SnapStart restores only published versions: everything that invokes the function goes through an alias
        this.handle = snapStart
                ? Alias.Builder.create(this, "Live").aliasName("live").version(function.getCurrentVersion()).build()
                : function;

        for (int i = 0; i < definition.schedules().size(); i++) {
            schedules.add(schedule(i, definition.schedules().get(i)));
        }

        CfnFunction cfn = (CfnFunction) function.getNode().getDefaultChild();
        if (!LATEST_RUNTIMES.contains(cfn.getRuntime())) {
            Acknowledgements.apply(cfn, Acknowledgements.FUNCTION_RUNTIME_PINNED,
                    Acknowledgements.FUNCTION_RUNTIME_PINNED_SERVERLESS);
        }
        Acknowledgements.apply(cfn, Acknowledgements.FUNCTION_NO_DLQ, Acknowledgements.FUNCTION_TRACING_OPT_IN);
    }

    // ---- escape hatches -----------------------------------------------------------------------------------

    /** The Lambda function. */
    public Function function() {
        return function;
    }

    /** What callers invoke: the {@code live} alias with SnapStart, else the function itself. */
    public IFunction handle() {
        return handle;
    }

    /** The execution role. */
    public Role role() {
        return role;
    }

    /** The function's log group. */
    public LogGroup logGroup() {
        return logGroup;
    }

    /** The EventBridge Scheduler schedules, in definition order. */
    public List<CfnSchedule> schedules() {
        return List.copyOf(schedules);
    }

    /** The definition. */
    public FunctionDefinition definition() {
        return definition;
    }

    // ---- parts --------------------------------------------------------------------------------------------

    private String parameterArn(String parameterName) {
        return Stack.of(this).formatArn(ArnComponents.builder().service("ssm").resource("parameter")
                .resourceName(parameterName.startsWith("/") ? parameterName.substring(1) : parameterName)
                .build());
    }

    private List<ILayerVersion> layers() {
        List<ILayerVersion> layers = new ArrayList<>();
        for (int i = 0; i < definition.layers().size(); i++) {
            String layer = definition.layers().get(i);
            String arn = layer.startsWith("arn:") ? layer : Stack.of(this).formatArn(ArnComponents.builder()
                    .service("lambda").resource("layer").resourceName(layer)
                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
            layers.add(LayerVersion.fromLayerVersionArn(this, "Layer" + i, arn));
        }
        return layers;
    }

    private CfnSchedule schedule(int index, Schedule schedule) {
        if (schedulerRole == null) {
            schedulerRole = Role.Builder.create(this, "SchedulerRole")
                    .assumedBy(new ServicePrincipal("scheduler.amazonaws.com", software.amazon.awscdk.services.iam
                            .ServicePrincipalOpts.builder()
                            .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount",
                                    Stack.of(this).getAccount())))
                            .build()))
                    .description("EventBridge Scheduler invoking function " + definition.name())
                    .build();
            schedulerRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("lambda:InvokeFunction"))
                    .resources(List.of(handle.getFunctionArn()))
                    .build());
        }
        return CfnSchedule.Builder.create(this, "Schedule" + index)
                .description("Runs function " + definition.name() + " " + schedule.expression()
                        .schedulerExpression())
                .scheduleExpression(schedule.expression().schedulerExpression())
                .scheduleExpressionTimezone(schedule.timeZone())
                .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
                .state("ENABLED")
                .target(CfnSchedule.TargetProperty.builder()
                        .arn(handle.getFunctionArn())
                        .roleArn(schedulerRole.getRoleArn())
                        .retryPolicy(CfnSchedule.RetryPolicyProperty.builder().maximumRetryAttempts(2).build())
                        .build())
                .build();
    }

    /** The jar or class directory, checked to exist and to hold the handler class. */
    static Path javaArtifact(String place, Path projectDirectory, FunctionCode.Java java) {
        Path artifact = projectDirectory.resolve(java.artifact()).toAbsolutePath().normalize();
        String classFile = java.handlerClass().split("::")[0].replace('.', '/') + ".class";
        if (Files.isDirectory(artifact)) {
            if (!Files.isRegularFile(artifact.resolve(classFile))) {
                throw new IllegalArgumentException(place + ".code: class directory " + artifact + " has no "
                        + classFile + " for handler " + java.handlerClass() + ". Compile the handler into it or "
                        + "fix javaHandler(...) in the definition.");
            }
            return artifact;
        }
        if (!Files.isRegularFile(artifact)) {
            throw new IllegalArgumentException(place + ".code: Java artifact " + artifact + " does not exist. Build "
                    + "it first (for example mvn package) or fix the path given to javaHandler(...); relative paths "
                    + "are resolved against the project directory " + projectDirectory.toAbsolutePath() + ".");
        }
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            if (zip.getEntry(classFile) == null) {
                throw new IllegalArgumentException(place + ".code: " + artifact + " has no " + classFile
                        + " for handler " + java.handlerClass() + ". Package the handler class into the jar or "
                        + "fix javaHandler(...) in the definition.");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(place + ".code: " + artifact + " is not a readable jar or zip ("
                    + e.getMessage() + "). Point javaHandler(...) at the built jar or class directory.", e);
        }
        return artifact;
    }

    /** The asset folder, checked to exist and to hold the handler's file. */
    static Path assetDirectory(String place, Path projectDirectory, FunctionCode.Asset asset) {
        Path directory = projectDirectory.resolve(asset.directory()).toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(place + ".code: asset folder " + directory + " does not exist. "
                    + "Create it with the handler's code or fix assetHandler(...) in the definition.");
        }
        String handler = asset.handler();
        int dot = handler.lastIndexOf('.');
        String module = dot < 0 ? handler : handler.substring(0, dot);
        List<String> candidates = asset.runtime().name().startsWith("PYTHON")
                ? List.of(module.replace('.', '/') + ".py")
                : List.of(module + ".js", module + ".mjs", module + ".cjs");
        if (candidates.stream().noneMatch(c -> Files.isRegularFile(directory.resolve(c)))) {
            throw new IllegalArgumentException(place + ".code: asset folder " + directory + " has none of "
                    + candidates + " for handler " + handler + ". Add the file or fix the handler name.");
        }
        return directory;
    }

    private static String json(Map<String, Map<String, String>> config) {
        StringBuilder out = new StringBuilder("{");
        config.forEach((variable, entry) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(variable)).append(":{");
            Map<String, String> sorted = new LinkedHashMap<>(new TreeMap<>(entry));
            List<String> parts = new ArrayList<>();
            sorted.forEach((k, v) -> parts.add(quote(k) + ":" + quote(v)));
            out.append(String.join(",", parts)).append('}');
        });
        return out.append('}').toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
