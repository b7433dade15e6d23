package io.amplify4j.cdk.nag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * The one reviewed list of cdk-nag findings our constructs accept, each with its reason, and the way to attach an
 * entry to a resource. Tests run cdk-nag's AwsSolutions and Serverless packs over every synthesized stack and fail
 * on any finding not covered here, and on any entry attached to a resource where it acknowledged nothing.
 *
 * <p>Adding an entry is a security review: say what the finding is, why it is accepted, and what a user can do
 * instead. Prefer fixing the resource.
 */
public final class Acknowledgements {

    static final String USER_POOL = "AWS::Cognito::UserPool";
    static final String IDENTITY_POOL = "AWS::Cognito::IdentityPool";
    static final String FUNCTION = "AWS::Lambda::Function";
    static final String POLICY = "AWS::IAM::Policy";
    static final String ROLE = "AWS::IAM::Role";
    static final String BUCKET = "AWS::S3::Bucket";

    /** MFA is optional or off because the definition says so. */
    public static final Acknowledgement USER_POOL_MFA_NOT_REQUIRED = Acknowledgement.of(
            "user-pool-mfa-not-required", "AwsSolutions-COG2",
            "Multi-factor authentication is OPTIONAL or OFF because the auth definition chose it "
                    + "(AuthBuilder.multifactor); requiring MFA for every user is a product decision the definition "
                    + "makes with Multifactor.Mode.REQUIRED.",
            USER_POOL);

    /** Cognito threat protection (advanced security) is billed per user and not requested. */
    public static final Acknowledgement USER_POOL_NO_THREAT_PROTECTION = Acknowledgement.of(
            "user-pool-no-threat-protection", "AwsSolutions-COG3",
            "Threat protection (AdvancedSecurityMode ENFORCED, the Plus feature plan) is billed per monthly active "
                    + "user, so it is not switched on by default; enable it through AmplifyAuth.userPool() when the "
                    + "extra cost is justified.",
            USER_POOL);

    /** Cognito's SMS role publishes to phone numbers, which have no ARN. */
    public static final Acknowledgement USER_POOL_SMS_ROLE = new Acknowledgement(
            "user-pool-sms-role", "AwsSolutions-IAM5", java.util.Set.of(ROLE), List.of("Resource::*"),
            "The role lets Cognito send SMS (verification codes, MFA) with sns:Publish only; SMS goes to phone "
                    + "numbers, which have no ARN, so the resource is '*'. Only cognito-idp may assume the role, "
                    + "with an external id.");

    /** Guest identities exist because a rule grants guests access. */
    public static final Acknowledgement IDENTITY_POOL_GUESTS = Acknowledgement.of(
            "identity-pool-guests", "AwsSolutions-COG7",
            "Unauthenticated identities are enabled only because a data or storage rule of the definition grants "
                    + "guest access; the guest role holds exactly the grants those rules declare and its trust "
                    + "policy carries the aud and amr conditions.",
            IDENTITY_POOL);

    /** The function's runtime is the one its definition chose. */
    public static final Acknowledgement FUNCTION_RUNTIME_PINNED = Acknowledgement.of(
            "function-runtime-pinned", "AwsSolutions-L1",
            "The runtime is the one the function definition names (Java 17/21, Node.js 20/22, Python 3.12/3.13), "
                    + "all supported by Lambda; upgrading a runtime is a deliberate change of the definition, not "
                    + "something a CDK upgrade should do silently.",
            FUNCTION);

    /** Same as {@link #FUNCTION_RUNTIME_PINNED}, for the Serverless pack's rule. */
    public static final Acknowledgement FUNCTION_RUNTIME_PINNED_SERVERLESS = Acknowledgement.of(
            "function-runtime-pinned-serverless", "Serverless-LambdaLatestVersion",
            "The runtime is the one the function definition names, all supported by Lambda; upgrading a runtime is "
                    + "a deliberate change of the definition (same reason as function-runtime-pinned).",
            FUNCTION);

    /** Functions are invoked synchronously or retried by their event source. */
    public static final Acknowledgement FUNCTION_NO_DLQ = Acknowledgement.of(
            "function-no-dlq", "Serverless-LambdaDLQ",
            "Functions are invoked synchronously (AppSync, Cognito triggers, the Lambda authorizer) where the caller "
                    + "sees the error, or by EventBridge Scheduler and S3 whose failures land in the function's log "
                    + "group; a dead-letter queue would be an extra resource with its own encryption and access.",
            FUNCTION);

    /** X-Ray tracing is opt-in. */
    public static final Acknowledgement FUNCTION_TRACING_OPT_IN = Acknowledgement.of(
            "function-tracing-opt-in", "Serverless-LambdaTracing",
            "Active X-Ray tracing needs xray:PutTraceSegments on every resource (\"*\"), which our own template "
                    + "checks forbid by default; tracing is switched on through AmplifyFunction.function() when wanted.",
            FUNCTION);

    /** Storage grants name object prefixes, which are wildcards by nature. */
    public static final Acknowledgement STORAGE_PATH_PREFIXES = Acknowledgement.of(
            "storage-path-prefixes", "AwsSolutions-IAM5",
            "Each resource is a storage access path the definition declares (an object-key prefix ending in /*, "
                    + "with {entity_id} replaced by the caller's identity id); a prefix grant is what the path means, "
                    + "and nested paths the grantee may not use carry explicit Deny statements.",
            POLICY);

    /** IAM callers of the API are granted whole root types; the resolvers decide per model and field. */
    public static final Acknowledgement APPSYNC_ROOT_TYPE_GRANTS = new Acknowledgement(
            "appsync-root-type-grants", "AwsSolutions-IAM5", java.util.Set.of(POLICY),
            List.of("/^Resource::<[A-Za-z0-9]+\\.Arn>\\/types\\/(Query|Mutation|Subscription)\\/\\*$/"),
            "appsync:GraphQL on types/<Query|Mutation|Subscription>/* of this API only, for the identity-pool roles "
                    + "and functions that data rules (guest, identity-pool authenticated or group rules, "
                    + "allow.resource) admit; every resolver's auth function then checks the caller against the "
                    + "model's rules and the identity pool id, so the grant reaches no field a rule does not. "
                    + "Listing each field instead would exceed IAM's policy size on large schemas.");

    /** No server access logs for storage buckets. */
    public static final Acknowledgement BUCKET_NO_ACCESS_LOGS = Acknowledgement.of(
            "bucket-no-access-logs", "AwsSolutions-S1",
            "Server access logging needs a second bucket with its own lifecycle and cost; object-level auditing is "
                    + "better served by CloudTrail data events, which an account enables across buckets. Enable "
                    + "access logs through AmplifyStorage.bucket(name) when required.",
            BUCKET);

    /** CDK's bucket-notifications handler uses the basic execution managed policy. */
    public static final Acknowledgement NOTIFICATIONS_HANDLER_MANAGED_POLICY = new Acknowledgement(
            "notifications-handler-managed-policy", "AwsSolutions-IAM4", java.util.Set.of(ROLE),
            List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
            "The role belongs to aws-cdk-lib's BucketNotificationsHandler, the custom resource that wires S3 event "
                    + "notifications to trigger functions; CDK creates it with the basic execution policy and offers "
                    + "no way to replace it.");

    /**
     * A cross-region inference profile routes each request to one of its destination regions, so the grant names
     * the profile's foundation model in every region; the model itself is never a wildcard.
     */
    public static final Acknowledgement BEDROCK_INFERENCE_PROFILE_REGIONS = new Acknowledgement(
            "bedrock-inference-profile-regions", "AwsSolutions-IAM5", java.util.Set.of(ROLE, POLICY),
            List.of("/^Resource::arn:<AWS::Partition>:bedrock:\\*::foundation-model\\/[A-Za-z0-9._:-]+$/"),
            "bedrock:InvokeModel (and InvokeModelWithResponseStream for conversation handlers) on one named "
                    + "foundation model in any region, granted only beside the cross-region inference profile an AI "
                    + "route names: Bedrock routes a profile's requests to any of its destination regions, which AWS "
                    + "extends over time, and authorizes each against the model in that region. The model part of "
                    + "the ARN is always the exact model id; no other model is reachable.");

    /** Every entry of the list, for review and for the test that checks each is used somewhere. */
    public static final List<Acknowledgement> ALL = List.of(
            USER_POOL_MFA_NOT_REQUIRED,
            USER_POOL_NO_THREAT_PROTECTION,
            USER_POOL_SMS_ROLE,
            IDENTITY_POOL_GUESTS,
            FUNCTION_RUNTIME_PINNED,
            FUNCTION_RUNTIME_PINNED_SERVERLESS,
            FUNCTION_NO_DLQ,
            FUNCTION_TRACING_OPT_IN,
            STORAGE_PATH_PREFIXES,
            APPSYNC_ROOT_TYPE_GRANTS,
            BUCKET_NO_ACCESS_LOGS,
            NOTIFICATIONS_HANDLER_MANAGED_POLICY,
            BEDROCK_INFERENCE_PROFILE_REGIONS);

    private Acknowledgements() {}

    /**
     * Attaches entries to a resource as {@code cdk_nag} metadata, keeping what is already there.
     *
     * @throws IllegalArgumentException when an entry does not cover the resource's type
     */
    public static void apply(CfnResource resource, Acknowledgement... entries) {
        String type = resource.getCfnResourceType();
        List<Object> rules = new ArrayList<>(existingRules(resource));
        for (Acknowledgement entry : entries) {
            if (!ALL.stream().anyMatch(a -> a.id().equals(entry.id()))) {
                throw new IllegalArgumentException("Acknowledgement " + entry.id() + " is not in the reviewed list "
                        + "Acknowledgements.ALL; add it there with its reason");
            }
            if (!entry.resourceTypes().contains(type)) {
                throw new IllegalArgumentException("Acknowledgement " + entry.id() + " covers "
                        + entry.resourceTypes() + ", not " + type + " (" + resource.getNode().getPath() + ")");
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", entry.ruleId());
            rule.put("reason", entry.taggedReason());
            if (!entry.appliesTo().isEmpty()) {
                rule.put("applies_to", entry.appliesTo().stream().map(Acknowledgements::appliesToValue).toList());
            }
            if (!rules.contains(rule)) {
                rules.add(rule);
            }
        }
        resource.addMetadata("cdk_nag", Map.of("rules_to_suppress", rules));
    }

    /** Attaches an entry to every resource under {@code scope} whose type it covers. */
    public static void applyToAll(IConstruct scope, Acknowledgement entry) {
        for (IConstruct child : scope.getNode().findAll()) {
            if (child instanceof CfnResource resource
                    && entry.resourceTypes().contains(resource.getCfnResourceType())) {
                apply(resource, entry);
            }
        }
    }

    private static Object appliesToValue(String finding) {
        if (finding.length() > 1 && finding.startsWith("/") && finding.lastIndexOf('/') > 0) {
            return Map.of("regex", finding);
        }
        return finding;
    }

    private static List<?> existingRules(CfnResource resource) {
        Object metadata = resource.getMetadata("cdk_nag");
        if (metadata instanceof Map<?, ?> map && map.get("rules_to_suppress") instanceof List<?> list) {
            return list;
        }
        return List.of();
    }
}
