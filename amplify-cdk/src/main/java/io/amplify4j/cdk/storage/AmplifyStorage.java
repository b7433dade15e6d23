package io.amplify4j.cdk.storage;

import io.amplify4j.cdk.nag.Acknowledgements;
import io.amplify4j.model.Profile;
import io.amplify4j.model.storage.StorageDefinition;
import io.amplify4j.plan.BucketPlan;
import io.amplify4j.plan.IamPrincipal;
import io.amplify4j.plan.StoragePolicy;
import io.amplify4j.plan.StorageStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionAttributes;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.notifications.LambdaDestination;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * One storage bucket: all public access blocked, TLS enforced, encrypted, bucket-owner object ownership,
 * versioned when the definition says so (always in production), CORS only for the origins the definition lists;
 * an IAM policy per principal with a grant, exactly as the plan's {@link BucketPlan} computes it (one allow
 * statement per operation, the deny statements for nested paths, our union semantics for groups), attached to the
 * identity pool's roles, the group roles and the functions' roles; upload and delete triggers.
 *
 * <p>Buckets are never emptied automatically: in the sandbox profile a non-empty bucket makes stack deletion fail
 * rather than delete objects through a custom resource with broad permissions.
 *
 * <p>Escape hatches: {@link #bucket()}, {@link #policies()}.
 */
public final class AmplifyStorage extends Construct {
    private static final String NOTIFICATIONS_HANDLER = "BucketNotificationsHandler050a0587b7544547bf325f094a3db834";

    private final BucketPlan plan;
    private final Bucket bucket;
    private final Map<String, Policy> policies = new LinkedHashMap<>();

    public AmplifyStorage(Construct scope, String id, AmplifyStorageProps props) {
        super(scope, id);
        this.plan = props.bucket();
        StorageDefinition definition = plan.definition();
        String place = "storage." + definition.name();
        boolean production = props.profile() == Profile.PRODUCTION;
        if (production && definition.corsOrigins().contains("*")) {
            throw new IllegalArgumentException(place + ".corsOrigins: '*' lets any web site use signed-in users' "
                    + "credentials against the bucket; the production profile requires the app's origins, for "
                    + "example corsOrigins(\"https://app.example.com\")");
        }
        Bucket.Builder builder = Bucket.Builder.create(this, "Bucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .encryption(BucketEncryption.S3_MANAGED)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(definition.versioned() || production)
                .removalPolicy(production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
        if (!definition.corsOrigins().isEmpty()) {
            builder.cors(List.of(CorsRule.builder()
                    .allowedOrigins(definition.corsOrigins())
                    .allowedMethods(List.of(HttpMethods.GET, HttpMethods.HEAD, HttpMethods.PUT, HttpMethods.POST,
                            HttpMethods.DELETE))
                    .allowedHeaders(List.of("*"))
                    .exposedHeaders(List.of("x-amz-server-side-encryption", "x-amz-request-id", "x-amz-id-2",
                            "ETag"))
                    .maxAge(3000)
                    .build()));
        }
        this.bucket = builder.build();
        Acknowledgements.apply((CfnResource) bucket.getNode().getDefaultChild(),
                Acknowledgements.BUCKET_NO_ACCESS_LOGS);

        for (StoragePolicy policy : plan.policies()) {
            IRole role = role(place, policy.principal(), props);
            @SuppressWarnings("unchecked")
            Map<String, Object> document = (Map<String, Object>) (Map<?, ?>) policy.toIamDocument(
                    bucket.getBucketArn());
            Policy created = Policy.Builder.create(this, "Policy" + policyId(policy.principal()))
                    .roles(List.of(role))
                    .document(PolicyDocument.fromJson(document))
                    .build();
            policies.put(policy.principal().key(), created);
            List<String> prefixes = objectPrefixes(policy);
            if (!prefixes.isEmpty()) {
                Acknowledgements.apply((CfnResource) created.getNode().getDefaultChild(),
                        Acknowledgements.STORAGE_PATH_PREFIXES.appliesTo(prefixes.stream()
                                .map(p -> "/^Resource::<[^>]+>\\/" + regexEscape(asFinding(p)) + "$/").toList()));
            }
        }

        definition.onUpload().ifPresent(fn -> trigger(place + ".onUpload", fn, EventType.OBJECT_CREATED, props));
        definition.onDelete().ifPresent(fn -> trigger(place + ".onDelete", fn, EventType.OBJECT_REMOVED, props));
    }

    /** The bucket. */
    public Bucket bucket() {
        return bucket;
    }

    /** The IAM policies by principal key ({@code guest}, {@code authenticated}, {@code group:X}, {@code function:F}). */
    public Map<String, Policy> policies() {
        return Map.copyOf(policies);
    }

    /** The plan this bucket was built from. */
    public BucketPlan plan() {
        return plan;
    }

    private static IRole role(String place, IamPrincipal principal, AmplifyStorageProps props) {
        Optional<IRole> role;
        String fix;
        if (principal instanceof IamPrincipal.Guest) {
            role = props.guestRole();
            fix = "pass the identity pool's guest role (AmplifyAuth.guestRole())";
        } else if (principal instanceof IamPrincipal.Authenticated) {
            role = props.authenticatedRole();
            fix = "pass the identity pool's authenticated role (AmplifyAuth.authenticatedRole())";
        } else if (principal instanceof IamPrincipal.Group group) {
            role = Optional.ofNullable(props.groupRoles().get(group.name()));
            fix = "pass the group roles (AmplifyAuth.groupRoles())";
        } else {
            IamPrincipal.Function function = (IamPrincipal.Function) principal;
            role = Optional.ofNullable(props.functions().get(function.name())).map(IFunction::getRole);
            fix = "pass the backend's functions (AmplifyStorageProps.Builder.functions(...))";
        }
        return role.orElseThrow(() -> new IllegalArgumentException(place + ".access: rules grant "
                + principal.key() + " access but its role is unknown; " + fix));
    }

    private void trigger(String place, String functionName, EventType event, AmplifyStorageProps props) {
        IFunction function = props.functions().get(functionName);
        if (function == null) {
            throw new IllegalArgumentException(place + ": function '" + functionName + "' was not passed to "
                    + "AmplifyStorage; pass the backend's functions with AmplifyStorageProps.Builder.functions(...)");
        }
        // a handle in this scope: the invoke permission is created here and the reference points from storage to
        // the function, never back
        IFunction handle = Function.fromFunctionAttributes(this, "Trigger" + event.name(), FunctionAttributes.builder()
                .functionArn(function.getFunctionArn())
                .sameEnvironment(true)
                .build());
        bucket.addEventNotification(event, new LambdaDestination(handle));
        acknowledgeNotificationsHandler(Stack.of(this));
    }

    /** aws-cdk-lib's stack-wide handler that configures bucket notifications carries findings CDK gives no way to fix. */
    private static void acknowledgeNotificationsHandler(Stack stack) {
        IConstruct handler = stack.getNode().tryFindChild(NOTIFICATIONS_HANDLER);
        if (handler == null) {
            return;
        }
        if (handler.getNode().tryFindChild("Role") instanceof Role role) {
            Acknowledgements.apply((CfnResource) role.getNode().getDefaultChild(),
                    Acknowledgements.NOTIFICATIONS_HANDLER_MANAGED_POLICY);
        }
    }

    /** The object-path resources of a policy's allow statements (the wildcard findings cdk-nag reports). */
    private static List<String> objectPrefixes(StoragePolicy policy) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (StorageStatement statement : policy.statements()) {
            if (statement.effect() == StorageStatement.Effect.ALLOW && statement.operation().onObjects()) {
                prefixes.addAll(statement.paths());
            }
        }
        return new ArrayList<>(prefixes);
    }

    private static String policyId(IamPrincipal principal) {
        String key = principal.key();
        StringBuilder id = new StringBuilder();
        for (String part : key.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    /** A path as cdk-nag writes it in a finding id: IAM policy variables {@code ${x}} appear as {@code <x>}. */
    private static String asFinding(String path) {
        return path.replaceAll("\\$\\{([^}]+)\\}", "<$1>");
    }

    private static String regexEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}/".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
