package io.amplify4j.cdk.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.Profile;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.storage.StorageAccessor;
import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.model.storage.StorageDefinition;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.BucketPlan;
import io.amplify4j.plan.StoragePolicy;
import io.amplify4j.plan.StorageStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * Our own checks of synthesized templates, C2 to C15 of security-and-reliability.md §5c (C1 is {@link NagHarness}),
 * and C16 for AI routes' Bedrock grants.
 * They look at the CloudFormation JSON, so they hold for any construct that produced it.
 *
 * <pre>{@code
 * TemplateChecks.assertAll(app, Expectations.of(model));          // every stack, nested ones included
 * TemplateChecks.assertNoStatefulReplacement(before, after, Set.of());  // C14
 * TemplateChecks.assertDeterministic(() -> synthesizeAll(...));         // C15
 * }</pre>
 */
public final class TemplateChecks {

    /** C13: resources per template. */
    public static final int MAX_RESOURCES = 450;
    /** C13: template size in bytes. */
    public static final int MAX_TEMPLATE_BYTES = 900 * 1024;
    /** C12: runtimes Lambda supports for creating and updating functions today. */
    public static final Set<String> SUPPORTED_RUNTIMES = Set.of(
            "java17", "java21", "java25", "nodejs20.x", "nodejs22.x", "nodejs24.x", "python3.11", "python3.12",
            "python3.13", "python3.14");
    /**
     * C3: actions AWS defines only on {@code "*"}. Also accepted: {@code sns:Publish} alone in a role only Cognito
     * may assume (the user pool's SMS role: phone numbers have no ARN).
     */
    public static final Set<String> STAR_RESOURCE_ACTIONS = Set.of(
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "s3:PutBucketNotification");
    /** The tag our function construct puts on every user function (C12 applies to those). */
    public static final String FUNCTION_TAG = "amplify4j:function";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final String COGNITO_IDENTITY = "cognito-identity.amazonaws.com";
    private static final Set<String> TABLE_TYPES = Set.of("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable");

    private TemplateChecks() {}

    /**
     * What the definition says the templates must show.
     *
     * @param profile the protection profile (C6, C8, C9, C11)
     * @param guestAccess whether any rule grants guests access (C10)
     * @param guestWrite whether a storage rule grants guests write (C4)
     * @param guestDelete whether a storage rule grants guests delete (C4)
     * @param mfa the user pool's MFA configuration as CloudFormation spells it, when the backend has auth (C9)
     * @param wildcardSuffixes resource suffixes that may end in a wildcard: the declared storage paths (with
     *     {@code {entity_id}} substituted) and AppSync root types (C3)
     * @param storageDenies expected Deny statements, as {@code action resource-suffix} (C5)
     * @param streamedTables the plan's names of the tables something reads the changes of, which alone may have a
     *     stream (C8)
     */
    public record Expectations(
            Profile profile,
            boolean guestAccess,
            boolean guestWrite,
            boolean guestDelete,
            String mfa,
            Set<String> wildcardSuffixes,
            Set<String> storageDenies,
            Set<String> streamedTables) {

        /** What a plan implies, including the Deny statements its storage plan computes (C5). */
        public static Expectations of(BackendPlan plan) {
            List<String> denies = new ArrayList<>();
            for (BucketPlan bucket : plan.storage().buckets()) {
                for (StoragePolicy policy : bucket.policies()) {
                    for (StorageStatement statement : policy.statements()) {
                        if (statement.effect() != StorageStatement.Effect.DENY) {
                            continue;
                        }
                        if (statement.operation().onObjects()) {
                            statement.paths().forEach(p -> denies.add(statement.operation().iamAction() + " /" + p));
                        } else {
                            statement.listPrefixConditions().forEach(p -> denies.add(
                                    statement.operation().iamAction() + " prefix=" + p));
                        }
                    }
                }
            }
            Expectations fromModel = of(plan.model());
            return new Expectations(fromModel.profile(), plan.unauthenticatedIdentitiesEnabled(),
                    fromModel.guestWrite(), fromModel.guestDelete(), fromModel.mfa(), fromModel.wildcardSuffixes(),
                    Set.copyOf(denies), streamedTables(plan));
        }

        /** What a definition implies, without expected storage denies (see {@link #withStorageDenies}). */
        public static Expectations of(BackendModel model) {
            boolean guests = dataGuestRules(model).findAny().isPresent();
            boolean guestWrite = false;
            boolean guestDelete = false;
            Set<String> suffixes = new LinkedHashSet<>(List.of("types/Query/*", "types/Mutation/*",
                    "types/Subscription/*"));
            for (StorageDefinition bucket : model.storage()) {
                for (StorageDefinition.PathAccess access : bucket.access()) {
                    String path = access.path();
                    suffixes.add(path.replace(StorageDefinition.PathAccess.ENTITY_ID,
                            "${" + COGNITO_IDENTITY + ":sub}"));
                    String anyEntity = path.replace(StorageDefinition.PathAccess.ENTITY_ID, "*");
                    suffixes.add(anyEntity.endsWith("/*/*") ? anyEntity.substring(0, anyEntity.length() - 2)
                            : anyEntity);
                    for (StorageDefinition.AccessRule rule : access.rules()) {
                        if (rule.accessor() instanceof StorageAccessor.Guest) {
                            guests = true;
                            guestWrite |= rule.actions().contains(StorageAction.WRITE);
                            guestDelete |= rule.actions().contains(StorageAction.DELETE);
                        }
                    }
                }
            }
            String mfa = model.auth().map(a -> switch (a.multifactor().mode()) {
                case OFF -> "OFF";
                case OPTIONAL -> "OPTIONAL";
                case REQUIRED -> "ON";
            }).orElse(null);
            return new Expectations(model.profile(), guests, guestWrite, guestDelete, mfa, Set.copyOf(suffixes),
                    Set.of(), streamedTables(BackendPlan.of(model)));
        }

        /** The same expectations plus Deny statements that must exist, as {@code action resource-suffix}. */
        public Expectations withStorageDenies(Collection<String> denies) {
            return new Expectations(profile, guestAccess, guestWrite, guestDelete, mfa, wildcardSuffixes,
                    Set.copyOf(denies), streamedTables);
        }

        /** The tables the plan gives a stream: those something reads the changes of. */
        private static Set<String> streamedTables(BackendPlan plan) {
            return plan.data().map(d -> d.tables().stream()
                            .filter(t -> t.streamViewType().isPresent())
                            .map(io.amplify4j.plan.TablePlan::tableName)
                            .collect(java.util.stream.Collectors.toUnmodifiableSet()))
                    .orElse(Set.of());
        }

        private static Stream<AuthRule> dataGuestRules(BackendModel model) {
            return model.data().stream().flatMap(data -> Stream.of(
                            data.rules().stream(),
                            data.models().stream().flatMap(TemplateChecks.Expectations::rulesOf),
                            data.operations().stream().flatMap(o -> o.rules().stream()))
                    .flatMap(s -> s))
                    .filter(r -> r instanceof AuthRule.Guest);
        }

        private static Stream<AuthRule> rulesOf(ModelDefinition model) {
            return Stream.of(model.rules().stream(),
                    model.fields().stream().map(FieldDefinition::rules).flatMap(List::stream),
                    model.relationships().stream().flatMap(r -> r.rules().stream())).flatMap(s -> s);
        }
    }

    // ---- entry points ------------------------------------------------------------------------------------

    /** Every stack under {@code scope}, nested ones included, in tree order. */
    public static List<Stack> stacks(IConstruct scope) {
        List<Stack> stacks = new ArrayList<>();
        for (IConstruct child : scope.getNode().findAll()) {
            if (child instanceof Stack stack) {
                stacks.add(stack);
            }
        }
        return stacks;
    }

    /** Templates of every stack under {@code scope} by construct path. */
    public static Map<String, Map<String, Object>> templates(IConstruct scope) {
        Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
        for (Stack stack : stacks(scope)) {
            templates.put(stack.getNode().getPath(), Template.fromStack(stack).toJSON());
        }
        return templates;
    }

    /** C2 to C13 on every stack under {@code scope}; fails listing every problem. */
    public static void assertAll(IConstruct scope, Expectations expectations) {
        assertAll(templates(scope), expectations);
    }

    /** C2 to C13 on these templates (name → template); fails listing every problem. */
    public static void assertAll(Map<String, Map<String, Object>> templates, Expectations expectations) {
        List<String> problems = new ArrayList<>();
        templates.forEach((name, template) -> problems.addAll(check(name, template, expectations)));
        problems.addAll(missingDenies(templates, expectations));
        if (!problems.isEmpty()) {
            throw new AssertionError("template checks:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * C5 across templates (storage policies may sit in another nested stack than their bucket): every expected
     * Deny statement ({@code action resource-suffix}, or {@code s3:ListBucket prefix=<path>}) exists.
     */
    public static List<String> missingDenies(Map<String, Map<String, Object>> templates, Expectations expectations) {
        Set<String> denies = new LinkedHashSet<>();
        templates.values().forEach(t -> denies.addAll(denyStatements(t)));
        List<String> problems = new ArrayList<>();
        for (String expected : new java.util.TreeSet<>(expectations.storageDenies())) {
            int space = expected.indexOf(' ');
            String action = expected.substring(0, space);
            String suffix = expected.substring(space + 1);
            if (denies.stream().noneMatch(d -> d.startsWith(action + " ") && d.endsWith(suffix))) {
                problems.add("C5 missing Deny statement " + expected);
            }
        }
        return problems;
    }

    /** C2 to C13 (C5: only what one template can show) on one template; returns the problems. */
    public static List<String> check(String name, Map<String, Object> template, Expectations expectations) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> resources = resources(template);
        checkPolicies(name, resources, expectations, problems);
        checkBuckets(name, resources, expectations, problems);
        checkTrust(name, resources, problems);
        checkTables(name, resources, expectations, problems);
        checkUserPools(name, resources, expectations, problems);
        checkIdentityPools(name, resources, expectations, problems);
        checkAppSync(name, resources, expectations, problems);
        checkFunctions(name, resources, problems);
        checkBudget(name, template, resources, problems);
        checkBedrock(name, resources, problems);
        return problems;
    }

    // ---- C2, C3, C4 ---------------------------------------------------------------------------------------

    private static void checkPolicies(String name, Map<String, Map<String, Object>> resources,
            Expectations expectations, List<String> problems) {
        Set<String> guestRoles = rolesWithAmr(resources, "unauthenticated");
        resources.forEach((id, resource) -> {
            for (Map<String, Object> document : policyDocuments(resource)) {
                for (Map<String, Object> statement : statements(document)) {
                    String where = name + " " + id;
                    boolean allow = "Allow".equals(statement.get("Effect"));
                    if (!allow) {
                        continue;
                    }
                    if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
                        problems.add("C2 " + where + ": Allow with NotAction/NotResource");
                    }
                    List<String> actions = strings(statement.get("Action"));
                    for (String action : actions) {
                        if (action.equals("*") || action.endsWith(":*")) {
                            problems.add("C2 " + where + ": wildcard action " + action);
                        }
                    }
                    if (isPrincipalDocument(resource, document)) {
                        continue; // trust policies: C7
                    }
                    for (Object resourceValue : list(statement.get("Resource"))) {
                        String arn = render(resourceValue);
                        if (arn.equals("*")) {
                            boolean cognitoSms = actions.equals(List.of("sns:Publish"))
                                    && render(props(resource).get("AssumeRolePolicyDocument"))
                                            .contains("cognito-idp.amazonaws.com");
                            if (!STAR_RESOURCE_ACTIONS.containsAll(actions) && !cognitoSms) {
                                problems.add("C3 " + where + ": Resource \"*\" for " + actions);
                            }
                        } else if (arn.endsWith("*") && !allowedWildcard(arn, expectations)) {
                            problems.add("C3 " + where + ": wildcard resource " + arn + " is no declared path");
                        }
                    }
                    if (attachedTo(resource, guestRoles)) {
                        if (actions.contains("s3:PutObject") && !expectations.guestWrite()) {
                            problems.add("C4 " + where + ": guest role may s3:PutObject but no guest rule grants write");
                        }
                        if (actions.contains("s3:DeleteObject") && !expectations.guestDelete()) {
                            problems.add("C4 " + where + ": guest role may s3:DeleteObject but no guest rule grants "
                                    + "delete");
                        }
                    }
                }
            }
        });
    }

    private static boolean allowedWildcard(String arn, Expectations expectations) {
        if (arn.matches(".*:log-group:.*:\\*") || arn.matches("\\$\\{[^}]+\\}:\\*")) {
            return true; // the log streams of one log group
        }
        return expectations.wildcardSuffixes().stream().anyMatch(suffix -> arn.endsWith("/" + suffix));
    }

    private static Set<String> rolesWithAmr(Map<String, Map<String, Object>> resources, String amr) {
        Set<String> roles = new LinkedHashSet<>();
        resources.forEach((id, resource) -> {
            if ("AWS::IAM::Role".equals(resource.get("Type"))
                    && render(props(resource).get("AssumeRolePolicyDocument")).contains("\"" + amr + "\"")) {
                roles.add(id);
            }
        });
        return roles;
    }

    private static boolean attachedTo(Map<String, Object> resource, Set<String> roles) {
        if ("AWS::IAM::Policy".equals(resource.get("Type"))) {
            return list(props(resource).get("Roles")).stream()
                    .anyMatch(r -> r instanceof Map<?, ?> m && roles.contains(String.valueOf(m.get("Ref"))));
        }
        return false;
    }

    private static Set<String> denyStatements(Map<String, Object> template) {
        Set<String> denies = new LinkedHashSet<>();
        resources(template).forEach((id, resource) -> {
            if (!"AWS::IAM::Policy".equals(resource.get("Type"))) {
                return;
            }
            for (Map<String, Object> document : policyDocuments(resource)) {
                for (Map<String, Object> statement : statements(document)) {
                    if ("Deny".equals(statement.get("Effect"))) {
                        for (String action : strings(statement.get("Action"))) {
                            for (Object r : list(statement.get("Resource"))) {
                                denies.add(action + " " + render(r));
                            }
                            Object prefixes = map(map(statement.get("Condition")).get("StringLike")).get("s3:prefix");
                            for (String prefix : strings(prefixes)) {
                                denies.add(action + " prefix=" + prefix);
                            }
                        }
                    }
                }
            }
        });
        return denies;
    }

    // ---- C6 -----------------------------------------------------------------------------------------------

    private static void checkBuckets(String name, Map<String, Map<String, Object>> resources,
            Expectations expectations, List<String> problems) {
        resources.forEach((id, resource) -> {
            if (!"AWS::S3::Bucket".equals(resource.get("Type"))) {
                return;
            }
            String where = "C6 " + name + " " + id;
            Map<String, Object> props = props(resource);
            Map<String, Object> block = map(props.get("PublicAccessBlockConfiguration"));
            for (String flag : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
                    "RestrictPublicBuckets")) {
                if (!Boolean.TRUE.equals(block.get(flag))) {
                    problems.add(where + ": PublicAccessBlockConfiguration." + flag + " is not true");
                }
            }
            if (!props.containsKey("BucketEncryption")) {
                problems.add(where + ": no BucketEncryption");
            }
            boolean tlsDenied = resources.values().stream()
                    .filter(r -> "AWS::S3::BucketPolicy".equals(r.get("Type")))
                    .filter(r -> render(props(r).get("Bucket")).contains(id))
                    .flatMap(r -> statements(map(props(r).get("PolicyDocument"))).stream())
                    .anyMatch(s -> "Deny".equals(s.get("Effect"))
                            && render(s.get("Condition")).contains("\"aws:SecureTransport\":\"false\""));
            if (!tlsDenied) {
                problems.add(where + ": no bucket policy denying aws:SecureTransport=false");
            }
            if (expectations.profile() == Profile.PRODUCTION) {
                if (!"Enabled".equals(map(props.get("VersioningConfiguration")).get("Status"))) {
                    problems.add(where + ": production bucket without versioning");
                }
                boolean anyOrigin = list(map(props.get("CorsConfiguration")).get("CorsRules")).stream()
                        .anyMatch(rule -> strings(map(rule).get("AllowedOrigins")).contains("*"));
                if (anyOrigin) {
                    problems.add(where + ": production bucket allows CORS from *");
                }
                if (!"Retain".equals(resource.get("DeletionPolicy"))) {
                    problems.add(where + ": production bucket without DeletionPolicy Retain");
                }
            }
        });
    }

    // ---- C7 -----------------------------------------------------------------------------------------------

    private static void checkTrust(String name, Map<String, Map<String, Object>> resources, List<String> problems) {
        resources.forEach((id, resource) -> {
            if (!"AWS::IAM::Role".equals(resource.get("Type"))) {
                return;
            }
            for (Map<String, Object> statement : statements(map(props(resource).get("AssumeRolePolicyDocument")))) {
                if (!render(statement.get("Principal")).contains(COGNITO_IDENTITY)) {
                    continue;
                }
                Map<String, Object> condition = map(statement.get("Condition"));
                boolean aud = map(condition.get("StringEquals")).containsKey(COGNITO_IDENTITY + ":aud");
                boolean amr = map(condition.get("ForAnyValue:StringLike")).containsKey(COGNITO_IDENTITY + ":amr");
                if (!aud || !amr) {
                    problems.add("C7 " + name + " " + id + ": identity-pool trust without "
                            + (aud ? "" : "StringEquals aud ") + (amr ? "" : "ForAnyValue:StringLike amr"));
                }
            }
        });
    }

    // ---- C8 -----------------------------------------------------------------------------------------------

    private static void checkTables(String name, Map<String, Map<String, Object>> resources,
            Expectations expectations, List<String> problems) {
        resources.forEach((id, resource) -> {
            String type = String.valueOf(resource.get("Type"));
            if (!TABLE_TYPES.contains(type) && !(type.startsWith("Custom::") && type.contains("Table"))) {
                return;
            }
            String where = "C8 " + name + " " + id;
            Map<String, Object> props = props(resource);
            String rendered = render(props);
            if (!rendered.contains("\"PointInTimeRecoveryEnabled\":true")) {
                problems.add(where + ": point-in-time recovery is not enabled");
            }
            if (!props.containsKey("SSESpecification")) {
                problems.add(where + ": no SSESpecification");
            }
            String tableName = String.valueOf(props.get("TableName"));
            if (props.containsKey("StreamSpecification")
                    && expectations.streamedTables().stream().noneMatch(tableName::endsWith)) {
                problems.add(where + ": a stream nothing reads (only tables whose changes something consumes have one)");
            }
            if (expectations.profile() == Profile.PRODUCTION) {
                if (!"Retain".equals(resource.get("DeletionPolicy"))
                        || !"Retain".equals(resource.get("UpdateReplacePolicy"))) {
                    problems.add(where + ": production table without DeletionPolicy/UpdateReplacePolicy Retain");
                }
                if (!rendered.contains("\"DeletionProtectionEnabled\":true")) {
                    problems.add(where + ": production table without deletion protection");
                }
            }
        });
    }

    // ---- C9 -----------------------------------------------------------------------------------------------

    private static void checkUserPools(String name, Map<String, Map<String, Object>> resources,
            Expectations expectations, List<String> problems) {
        resources.forEach((id, resource) -> {
            String type = String.valueOf(resource.get("Type"));
            String where = "C9 " + name + " " + id;
            Map<String, Object> props = props(resource);
            if (type.equals("AWS::Cognito::UserPool")) {
                Map<String, Object> password = map(map(props.get("Policies")).get("PasswordPolicy"));
                Object min = password.get("MinimumLength");
                if (!(min instanceof Number n) || n.intValue() < AuthDefinition.PasswordPolicy.MINIMUM_LENGTH) {
                    problems.add(where + ": password MinimumLength below 8");
                }
                for (String flag : List.of("RequireLowercase", "RequireUppercase", "RequireNumbers",
                        "RequireSymbols")) {
                    if (!Boolean.TRUE.equals(password.get(flag))) {
                        problems.add(where + ": password policy " + flag + " is not true");
                    }
                }
                if (expectations.mfa() != null && !expectations.mfa().equals(props.get("MfaConfiguration"))) {
                    problems.add(where + ": MfaConfiguration " + props.get("MfaConfiguration") + ", expected "
                            + expectations.mfa());
                }
                if (!map(props.get("AdminCreateUserConfig")).containsKey("AllowAdminCreateUserOnly")) {
                    problems.add(where + ": self sign-up is not explicit (AdminCreateUserConfig"
                            + ".AllowAdminCreateUserOnly)");
                }
                if (expectations.profile() == Profile.PRODUCTION && !"ACTIVE".equals(props.get("DeletionProtection"))) {
                    problems.add(where + ": production user pool without DeletionProtection ACTIVE");
                }
            } else if (type.equals("AWS::Cognito::UserPoolClient")) {
                if (!"ENABLED".equals(props.get("PreventUserExistenceErrors"))) {
                    problems.add(where + ": PreventUserExistenceErrors is not ENABLED");
                }
                checkValidity(where, props, "AccessTokenValidity", "AccessToken", 5, 24 * 60, problems);
                checkValidity(where, props, "IdTokenValidity", "IdToken", 5, 24 * 60, problems);
                checkValidity(where, props, "RefreshTokenValidity", "RefreshToken", 60, 3650 * 24 * 60, problems);
            }
        });
    }

    private static void checkValidity(String where, Map<String, Object> props, String key, String unitKey,
            long minMinutes, long maxMinutes, List<String> problems) {
        if (!(props.get(key) instanceof Number value)) {
            return;
        }
        String unit = String.valueOf(map(props.get("TokenValidityUnits")).getOrDefault(unitKey,
                unitKey.equals("RefreshToken") ? "days" : "hours"));
        long minutes = switch (unit) {
            case "seconds" -> value.longValue() / 60;
            case "minutes" -> value.longValue();
            case "hours" -> value.longValue() * 60;
            default -> value.longValue() * 24 * 60;
        };
        if (minutes < minMinutes || minutes > maxMinutes) {
            problems.add(where + ": " + key + " " + value + " " + unit + " is out of bounds");
        }
    }

    // ---- C10 ----------------------------------------------------------------------------------------------

    private static void checkIdentityPools(String name, Map<String, Map<String, Object>> resources,
            Expectations expectations, List<String> problems) {
        resources.forEach((id, resource) -> {
            if (!"AWS::Cognito::IdentityPool".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> props = props(resource);
            boolean guests = Boolean.TRUE.equals(props.get("AllowUnauthenticatedIdentities"));
            if (guests != expectations.guestAccess()) {
                problems.add("C10 " + name + " " + id + ": AllowUnauthenticatedIdentities " + guests
                        + " but guest rules " + (expectations.guestAccess() ? "exist" : "do not exist"));
            }
            if (Boolean.TRUE.equals(props.get("AllowClassicFlow"))) {
                problems.add("C10 " + name + " " + id + ": AllowClassicFlow is true");
            }
        });
    }

    // ---- C11 ----------------------------------------------------------------------------------------------

    private static void checkAppSync(String name, Map<String, Map<String, Object>> resources,
            Expectations expectations, List<String> problems) {
        long now = Instant.now().getEpochSecond();
        resources.forEach((id, resource) -> {
            String type = String.valueOf(resource.get("Type"));
            String where = "C11 " + name + " " + id;
            Map<String, Object> props = props(resource);
            if (type.equals("AWS::AppSync::GraphQLApi")) {
                if (!props.containsKey("LogConfig")) {
                    problems.add(where + ": no LogConfig");
                }
                if (!Boolean.TRUE.equals(props.get("XrayEnabled"))) {
                    problems.add(where + ": XrayEnabled is not true");
                }
                if (expectations.profile() == Profile.PRODUCTION) {
                    if (!"DISABLED".equals(props.get("IntrospectionConfig"))) {
                        problems.add(where + ": production API with introspection enabled");
                    }
                    if (!(props.get("QueryDepthLimit") instanceof Number)) {
                        problems.add(where + ": production API without QueryDepthLimit");
                    }
                    if (!(props.get("ResolverCountLimit") instanceof Number)) {
                        problems.add(where + ": production API without ResolverCountLimit");
                    }
                }
            } else if (type.equals("AWS::AppSync::ApiKey")) {
                if (!(props.get("Expires") instanceof Number expires)) {
                    problems.add(where + ": API key without Expires");
                } else {
                    long days = (expires.longValue() - now) / 86400;
                    if (days < 0 || days > 365) {
                        problems.add(where + ": API key expires in " + days + " days (1 to 365 allowed)");
                    }
                }
            }
        });
    }

    // ---- C12 ----------------------------------------------------------------------------------------------

    private static void checkFunctions(String name, Map<String, Map<String, Object>> resources,
            List<String> problems) {
        resources.forEach((id, resource) -> {
            String type = String.valueOf(resource.get("Type"));
            Map<String, Object> props = props(resource);
            String where = "C12 " + name + " " + id;
            if (type.equals("AWS::Lambda::Url") && "NONE".equals(props.get("AuthType"))) {
                problems.add(where + ": function URL without authentication");
            }
            if (!type.equals("AWS::Lambda::Function")) {
                return;
            }
            Object runtime = props.get("Runtime");
            if (runtime != null && !SUPPORTED_RUNTIMES.contains(String.valueOf(runtime))) {
                problems.add(where + ": runtime " + runtime + " is not a supported one " + SUPPORTED_RUNTIMES);
            }
            if (!render(props.get("Tags")).contains("\"" + FUNCTION_TAG + "\"")) {
                return; // CDK's own helper functions: only the runtime check applies
            }
            if (!(props.get("MemorySize") instanceof Number) || !(props.get("Timeout") instanceof Number)) {
                problems.add(where + ": MemorySize and Timeout must be explicit");
            }
            String logGroup = render(map(props.get("LoggingConfig")).get("LogGroup"));
            boolean retained = resources.entrySet().stream()
                    .filter(e -> "AWS::Logs::LogGroup".equals(e.getValue().get("Type")))
                    .filter(e -> logGroup.contains(e.getKey()))
                    .anyMatch(e -> props(e.getValue()).get("RetentionInDays") instanceof Number);
            if (!retained) {
                problems.add(where + ": no log group with retention in LoggingConfig");
            }
            String role = render(props.get("Role"));
            resources.forEach((roleId, roleResource) -> {
                if ("AWS::IAM::Role".equals(roleResource.get("Type")) && role.contains("${" + roleId + ".")
                        && props(roleResource).containsKey("ManagedPolicyArns")) {
                    problems.add(where + ": role " + roleId + " has managed policies "
                            + render(props(roleResource).get("ManagedPolicyArns")));
                }
            });
        });
    }

    // ---- C13 ----------------------------------------------------------------------------------------------

    private static void checkBudget(String name, Map<String, Object> template,
            Map<String, Map<String, Object>> resources, List<String> problems) {
        if (resources.size() > MAX_RESOURCES) {
            problems.add("C13 " + name + ": " + resources.size() + " resources (at most " + MAX_RESOURCES + ")");
        }
        int bytes = json(template).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEMPLATE_BYTES) {
            problems.add("C13 " + name + ": " + bytes + " bytes (at most " + MAX_TEMPLATE_BYTES + ")");
        }
    }

    // ---- C16 ----------------------------------------------------------------------------------------------

    /** C16: the only Bedrock actions an Allow statement may name (Converse and ConverseStream). */
    public static final Set<String> BEDROCK_ACTIONS = Set.of("bedrock:InvokeModel",
            "bedrock:InvokeModelWithResponseStream");

    /**
     * C16: a Bedrock resource names one model: a foundation model (any region only as {@code *}, beside a profile)
     * or an inference profile of this account and region; never a wildcard in the model part.
     */
    private static final java.util.regex.Pattern BEDROCK_RESOURCE = java.util.regex.Pattern.compile(
            "arn:(aws[a-z-]*|\\$\\{AWS::Partition\\}):bedrock:"
                    + "((\\*|[a-z0-9-]+|\\$\\{AWS::Region\\})::foundation-model"
                    + "|([a-z0-9-]+|\\$\\{AWS::Region\\}):(\\d{12}|\\$\\{AWS::AccountId\\}):inference-profile)"
                    + "/[A-Za-z0-9._:-]+");

    /**
     * C16: Allow statements naming a Bedrock action name only {@link #BEDROCK_ACTIONS} (no {@code bedrock:Invoke*},
     * no other action) and only single-model resources ({@link #BEDROCK_RESOURCE}); a Bedrock resource never
     * appears with another action.
     */
    private static void checkBedrock(String name, Map<String, Map<String, Object>> resources, List<String> problems) {
        resources.forEach((id, resource) -> {
            for (Map<String, Object> document : policyDocuments(resource)) {
                for (Map<String, Object> statement : statements(document)) {
                    if (!"Allow".equals(statement.get("Effect"))) {
                        continue;
                    }
                    String where = "C16 " + name + " " + id;
                    List<String> actions = strings(statement.get("Action"));
                    boolean bedrock = false;
                    for (String action : actions) {
                        if (action.toLowerCase(java.util.Locale.ROOT).startsWith("bedrock:")) {
                            bedrock = true;
                            if (!BEDROCK_ACTIONS.contains(action)) {
                                problems.add(where + ": Bedrock action " + action + " (only " + new java.util.TreeSet<>(
                                        BEDROCK_ACTIONS) + ")");
                            }
                        }
                    }
                    for (Object value : list(statement.get("Resource"))) {
                        String arn = render(value);
                        boolean bedrockArn = arn.contains(":bedrock:");
                        if (bedrock && !BEDROCK_RESOURCE.matcher(arn).matches()) {
                            problems.add(where + ": Bedrock resource " + arn + " names no single model");
                        } else if (!bedrock && bedrockArn) {
                            problems.add(where + ": Bedrock resource " + arn + " with actions " + actions);
                        }
                    }
                }
            }
        });
    }

    // ---- C14, C15 -----------------------------------------------------------------------------------------

    /** Properties whose change makes CloudFormation replace a stateful resource, by type. */
    public static final Map<String, List<String>> REPLACING_PROPERTIES = Map.of(
            "AWS::DynamoDB::Table", List.of("TableName", "KeySchema"),
            "AWS::DynamoDB::GlobalTable", List.of("TableName", "KeySchema"),
            "AWS::S3::Bucket", List.of("BucketName"),
            "AWS::Cognito::UserPool", List.of("UsernameAttributes", "AliasAttributes"),
            "AWS::Cognito::IdentityPool", List.of());

    /**
     * C14: no stateful resource of {@code before} disappears, changes type, or changes a property that forces
     * replacement in {@code after}, except the logical ids in {@code allowed}. Templates by stack name.
     */
    public static void assertNoStatefulReplacement(Map<String, Map<String, Object>> before,
            Map<String, Map<String, Object>> after, Set<String> allowed) {
        List<String> problems = new ArrayList<>();
        before.forEach((stack, template) -> {
            Map<String, Map<String, Object>> old = resources(template);
            Map<String, Map<String, Object>> now = resources(after.getOrDefault(stack, Map.of()));
            old.forEach((id, resource) -> {
                String type = String.valueOf(resource.get("Type"));
                if (!REPLACING_PROPERTIES.containsKey(type) || allowed.contains(id)) {
                    return;
                }
                Map<String, Object> next = now.get(id);
                if (next == null || !type.equals(next.get("Type"))) {
                    problems.add("C14 " + stack + " " + id + " (" + type + ") would be deleted or replaced");
                    return;
                }
                for (String property : REPLACING_PROPERTIES.get(type)) {
                    if (!Objects.equals(render(props(resource).get(property)), render(props(next).get(property)))) {
                        problems.add("C14 " + stack + " " + id + "." + property + " changes, which replaces the "
                                + type);
                    }
                }
            });
        });
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    /** C15: two runs of {@code synth} give byte-identical templates (stack name → template JSON). */
    public static void assertDeterministic(Supplier<Map<String, String>> synth) {
        Map<String, String> first = new TreeMap<>(synth.get());
        Map<String, String> second = new TreeMap<>(synth.get());
        if (!first.equals(second)) {
            List<String> differing = first.keySet().stream()
                    .filter(k -> !Objects.equals(first.get(k), second.get(k))).toList();
            throw new AssertionError("C15 templates differ between two synths: " + differing
                    + (first.keySet().equals(second.keySet()) ? "" : " (stacks " + first.keySet() + " vs "
                            + second.keySet() + ")"));
        }
    }

    // ---- JSON helpers -------------------------------------------------------------------------------------

    /** Canonical JSON text (keys sorted). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A value with intrinsics rendered as text: {@code Fn::Join} joined, {@code Ref X} as {@code ${X}},
     * {@code Fn::GetAtt [X, Arn]} as {@code ${X.Arn}}, {@code Fn::Sub} as its string; other values as JSON.
     */
    public static String render(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            String key = String.valueOf(entry.getKey());
            if (key.equals("Ref")) {
                return "${" + entry.getValue() + "}";
            }
            if (key.equals("Fn::GetAtt") && entry.getValue() instanceof List<?> parts) {
                return "${" + parts.get(0) + "." + parts.get(1) + "}";
            }
            if (key.equals("Fn::Join") && entry.getValue() instanceof List<?> parts
                    && parts.get(1) instanceof List<?> items) {
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        out.append(parts.get(0));
                    }
                    out.append(render(items.get(i)));
                }
                return out.toString();
            }
            if (key.equals("Fn::Sub")) {
                return entry.getValue() instanceof List<?> parts ? String.valueOf(parts.get(0))
                        : String.valueOf(entry.getValue());
            }
        }
        return value == null ? "" : json(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(Map<String, Object> template) {
        Object resources = template.get("Resources");
        return resources instanceof Map<?, ?> map ? (Map<String, Map<String, Object>>) map : Map.of();
    }

    static Map<String, Object> props(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of(value);
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(TemplateChecks::render).toList();
    }

    static List<Map<String, Object>> statements(Map<String, Object> document) {
        return list(document.get("Statement")).stream().map(TemplateChecks::map).toList();
    }

    private static boolean isPrincipalDocument(Map<String, Object> resource, Map<String, Object> document) {
        return "AWS::IAM::Role".equals(resource.get("Type"))
                && document == map(props(resource).get("AssumeRolePolicyDocument"));
    }

    /** Permission documents of a resource: policies, inline role policies, managed policies. */
    static List<Map<String, Object>> policyDocuments(Map<String, Object> resource) {
        String type = String.valueOf(resource.get("Type"));
        Map<String, Object> props = props(resource);
        return switch (type) {
            case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> List.of(map(props.get("PolicyDocument")));
            case "AWS::IAM::Role" -> list(props.get("Policies")).stream()
                    .map(p -> map(map(p).get("PolicyDocument"))).toList();
            default -> List.of();
        };
    }
}
