package io.amplify4j.outputs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amplify4j.manifest.Json;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.auth.ExternalLogin;
import io.amplify4j.model.auth.StandardAttributeName;
import io.amplify4j.model.data.AuthorizationModes;
import io.amplify4j.model.storage.StorageAccessor;
import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.model.storage.StorageDefinition;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The content of {@code amplify_outputs.json}, the client configuration Amplify's frontend libraries read
 * ({@code Amplify.configure(outputs)}): what the plan knows (authorization modes, sign-in settings, groups, OAuth,
 * storage path access, model introspection) joined with the values only a deployment knows (region, endpoint,
 * pool ids, bucket names), which the caller gives through the {@link Builder}. The CDK constructs and the sandbox
 * both write it from here, so a backend looks the same to a client in the cloud and on 127.0.0.1.
 *
 * <pre>{@code
 * String json = AmplifyOutputs.builder(plan)
 *         .region("eu-west-1")
 *         .graphqlUrl("https://xyz.appsync-api.eu-west-1.amazonaws.com/graphql")
 *         .apiKey("da2-...")
 *         .userPool("eu-west-1_abc", "4h2k...")
 *         .build()
 *         .json();
 * }</pre>
 *
 * <p>Deterministic: the same plan and values give byte-identical text (sections and keys in a fixed order, lists
 * in the definition's order or sorted where the definition has no order).
 *
 * <p>Schema version: {@link SchemaVersion#V1_4} by default, on purpose. Everything this class writes means the same
 * in 1.4 and 1.5 (1.5 only adds the Amazon Connect block of {@code notifications}, which a backend defined here
 * never has), and the lower version is read by every Amplify library release that reads 1.5, plus the ones before
 * it. {@link Builder#version(SchemaVersion)} writes 1.5 for a tool that insists on it.
 */
public final class AmplifyOutputs {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The {@code amplify_outputs.json} schema versions this class writes. */
    public enum SchemaVersion {
        /** Version 1.4: MFA methods, passwordless, keyed storage access rules; no Amazon Connect. */
        V1_4("1.4"),
        /** Version 1.5: 1.4 plus {@code notifications.amazon_connect}; what Amplify's own tools write today. */
        V1_5("1.5");

        private final String value;

        SchemaVersion(String value) {
            this.value = value;
        }

        /** The {@code version} field's value. */
        public String value() {
            return value;
        }
    }

    /** The version written unless the builder says otherwise. */
    public static final SchemaVersion DEFAULT_VERSION = SchemaVersion.V1_4;

    private final ObjectNode root;

    private AmplifyOutputs(ObjectNode root) {
        this.root = root;
    }

    /** Starts the outputs of a plan. */
    public static Builder builder(BackendPlan plan) {
        return new Builder(plan);
    }

    /** A copy of the outputs as a JSON tree. */
    public ObjectNode toJsonTree() {
        return root.deepCopy();
    }

    /** The file's text: two-space indented JSON ending in a newline. */
    public String json() {
        return Json.write(root);
    }

    /**
     * Writes the file atomically (a temporary file beside it, then a rename), so a client never reads half a file.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public void writeTo(Path file) {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".amplify_outputs", ".tmp");
            try {
                Files.writeString(temporary, json(), StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the outputs file " + absolute + ": " + e.getMessage()
                    + ". Choose a writable path.", e);
        }
    }

    @Override
    public String toString() {
        return json();
    }

    /**
     * Storage path access as {@code amplify_outputs.json} lists it: per path, per accessor key ({@code guest},
     * {@code authenticated}, {@code groups<Name>}, {@code entityidentity}), the actions, with {@code read} spelled
     * as {@code get} and {@code list}. Function grants are not for clients and are left out, and so is a path
     * only functions may use.
     *
     * <p>Computed here from the model until the plan's storage plan carries it; then this reads it from there.
     */
    static ObjectNode storagePaths(StorageDefinition bucket) {
        ObjectNode paths = JSON.objectNode();
        for (StorageDefinition.PathAccess path : bucket.access()) {
            Map<String, List<String>> byAccessor = new LinkedHashMap<>();
            for (StorageDefinition.AccessRule rule : path.rules()) {
                List<String> actions = outputActions(rule.actions());
                StorageAccessor accessor = rule.accessor();
                if (accessor instanceof StorageAccessor.Guest) {
                    byAccessor.put("guest", actions);
                } else if (accessor instanceof StorageAccessor.Authenticated) {
                    byAccessor.put("authenticated", actions);
                } else if (accessor instanceof StorageAccessor.Groups groups) {
                    groups.groups().forEach(group -> byAccessor.put("groups" + group, actions));
                } else if (accessor instanceof StorageAccessor.Entity) {
                    byAccessor.put("entityidentity", actions);
                }
            }
            if (!byAccessor.isEmpty()) {
                ObjectNode rules = paths.putObject(path.path());
                byAccessor.forEach((key, actions) -> actions.forEach(rules.withArray(key)::add));
            }
        }
        return paths;
    }

    private static List<String> outputActions(List<StorageAction> actions) {
        List<String> names = new ArrayList<>();
        for (StorageAction action : actions) {
            if (action == StorageAction.READ) {
                addOnce(names, StorageAction.GET.amplifyName());
                addOnce(names, StorageAction.LIST.amplifyName());
            } else {
                addOnce(names, action.amplifyName());
            }
        }
        return names;
    }

    private static void addOnce(List<String> names, String name) {
        if (!names.contains(name)) {
            names.add(name);
        }
    }

    /**
     * Builds {@link AmplifyOutputs}. The region is always required; each section's deployment values are required
     * when the backend has that section (the user pool and client ids with auth, the GraphQL URL with data, a
     * bucket name per bucket, the OAuth domain with external login), and {@link #build()} names what is missing.
     */
    public static final class Builder {
        private final BackendPlan plan;
        private SchemaVersion version = DEFAULT_VERSION;
        private Optional<String> region = Optional.empty();
        private Optional<String> graphqlUrl = Optional.empty();
        private Optional<String> apiKey = Optional.empty();
        private Optional<String> userPoolId = Optional.empty();
        private Optional<String> userPoolClientId = Optional.empty();
        private Optional<String> identityPoolId = Optional.empty();
        private Optional<String> oauthDomain = Optional.empty();
        private final Map<String, String> bucketNames = new TreeMap<>();
        private final Map<String, JsonNode> custom = new TreeMap<>();

        private Builder(BackendPlan plan) {
            this.plan = Objects.requireNonNull(plan, "plan");
        }

        /** The schema version to write; {@link AmplifyOutputs#DEFAULT_VERSION} unless set. */
        public Builder version(SchemaVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The AWS region of every resource, for example {@code eu-west-1}. */
        public Builder region(String region) {
            this.region = Optional.of(nonBlank(region, "region"));
            return this;
        }

        /** The GraphQL endpoint, {@code https://<id>.appsync-api.<region>.amazonaws.com/graphql}. */
        public Builder graphqlUrl(String url) {
            this.graphqlUrl = Optional.of(nonBlank(url, "graphqlUrl"));
            return this;
        }

        /** The API key clients use for {@code publicApiKey} rules. */
        public Builder apiKey(String apiKey) {
            this.apiKey = Optional.of(nonBlank(apiKey, "apiKey"));
            return this;
        }

        /** The user pool's id and its app client's id. */
        public Builder userPool(String userPoolId, String clientId) {
            this.userPoolId = Optional.of(nonBlank(userPoolId, "userPoolId"));
            this.userPoolClientId = Optional.of(nonBlank(clientId, "clientId"));
            return this;
        }

        /** The identity pool's id, {@code <region>:<uuid>}. */
        public Builder identityPoolId(String identityPoolId) {
            this.identityPoolId = Optional.of(nonBlank(identityPoolId, "identityPoolId"));
            return this;
        }

        /** The user pool's OAuth (hosted UI) domain, required when the definition has external login. */
        public Builder oauthDomain(String domain) {
            this.oauthDomain = Optional.of(nonBlank(domain, "oauthDomain"));
            return this;
        }

        /** The deployed name of the bucket the definition calls {@code storageName}. */
        public Builder bucketName(String storageName, String bucketName) {
            bucketNames.put(nonBlank(storageName, "storageName"), nonBlank(bucketName, "bucketName"));
            return this;
        }

        /**
         * A value under {@code custom} (Amplify's {@code backend.addOutput({ custom })}); any value Jackson writes:
         * strings, numbers, booleans, lists, maps, records.
         */
        public Builder custom(String key, Object value) {
            custom.put(nonBlank(key, "custom key"), Json.mapper().valueToTree(value));
            return this;
        }

        /** Configures this builder through a consumer, for fluent call sites. */
        public Builder with(Consumer<Builder> configure) {
            configure.accept(this);
            return this;
        }

        /**
         * The outputs.
         *
         * @throws IllegalStateException listing every missing deployment value and the call that gives it
         */
        public AmplifyOutputs build() {
            List<String> missing = new ArrayList<>();
            if (region.isEmpty()) {
                missing.add("the region: call region(\"<aws region>\")");
            }
            plan.model().auth().ifPresent(auth -> {
                if (userPoolId.isEmpty()) {
                    missing.add("auth.user_pool_id and auth.user_pool_client_id: call userPool(poolId, clientId)");
                }
                if (auth.externalLogin().isPresent() && oauthDomain.isEmpty()) {
                    missing.add("auth.oauth.domain (the definition has external login): call oauthDomain(domain)");
                }
            });
            if (plan.data().isPresent() && graphqlUrl.isEmpty()) {
                missing.add("data.url: call graphqlUrl(url)");
            }
            for (StorageDefinition bucket : plan.model().storage()) {
                if (!bucketNames.containsKey(bucket.name())) {
                    missing.add("the bucket name of storage `" + bucket.name() + "`: call bucketName(\""
                            + bucket.name() + "\", name)");
                }
            }
            for (String name : bucketNames.keySet()) {
                if (plan.model().storage().stream().noneMatch(b -> b.name().equals(name))) {
                    missing.add("nothing for bucketName(\"" + name + "\", ...): the definition has no storage `"
                            + name + "`; remove the call");
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("amplify_outputs.json of backend `" + plan.model().name()
                        + "` lacks " + String.join("; ", missing) + ".");
            }
            ObjectNode root = JSON.objectNode();
            root.put("version", version.value());
            plan.model().auth().ifPresent(auth -> root.set("auth", auth(auth)));
            plan.data().ifPresent(data -> root.set("data", data(data)));
            if (!plan.model().storage().isEmpty()) {
                root.set("storage", storage());
            }
            if (!custom.isEmpty()) {
                ObjectNode section = root.putObject("custom");
                custom.forEach(section::set);
            }
            return new AmplifyOutputs(root);
        }

        private ObjectNode auth(AuthDefinition auth) {
            ObjectNode node = JSON.objectNode();
            node.put("aws_region", region.orElseThrow());
            node.put("user_pool_id", userPoolId.orElseThrow());
            node.put("user_pool_client_id", userPoolClientId.orElseThrow());
            identityPoolId.ifPresent(id -> node.put("identity_pool_id", id));
            ObjectNode password = node.putObject("password_policy");
            password.put("min_length", auth.passwordPolicy().minLength());
            // The model always requires the four character classes (never weaker than Amplify's default).
            password.put("require_numbers", true);
            password.put("require_lowercase", true);
            password.put("require_uppercase", true);
            password.put("require_symbols", true);
            auth.externalLogin().ifPresent(login -> node.set("oauth", oauth(login)));
            TreeSet<String> required = new TreeSet<>();
            if (auth.loginWithEmail()) {
                required.add(StandardAttributeName.EMAIL.claimName());
            }
            if (auth.loginWithPhone()) {
                required.add(StandardAttributeName.PHONE_NUMBER.claimName());
            }
            auth.standardAttributes().stream()
                    .filter(AuthDefinition.StandardAttribute::required)
                    .forEach(a -> required.add(a.attribute().claimName()));
            required.forEach(node.putArray("standard_required_attributes")::add);
            ArrayNode usernames = node.putArray("username_attributes");
            ArrayNode verification = node.putArray("user_verification_types");
            if (auth.loginWithEmail()) {
                usernames.add("email");
                verification.add("email");
            }
            if (auth.loginWithPhone()) {
                usernames.add("phone_number");
                verification.add("phone_number");
            }
            if (usernames.isEmpty()) {
                usernames.add("username");
            }
            node.put("unauthenticated_identities_enabled", plan.unauthenticatedIdentitiesEnabled());
            AuthDefinition.Multifactor mfa = auth.multifactor();
            node.put("mfa_configuration", switch (mfa.mode()) {
                case OFF -> "NONE";
                case OPTIONAL -> "OPTIONAL";
                case REQUIRED -> "REQUIRED";
            });
            if (mfa.mode() != AuthDefinition.Multifactor.Mode.OFF) {
                ArrayNode methods = node.putArray("mfa_methods");
                if (mfa.sms()) {
                    methods.add("SMS");
                }
                if (mfa.totp()) {
                    methods.add("TOTP");
                }
                if (mfa.email()) {
                    methods.add("EMAIL");
                }
            }
            if (!auth.groups().isEmpty()) {
                ArrayNode groups = node.putArray("groups");
                auth.groups().stream()
                        .sorted(java.util.Comparator.comparingInt(AuthDefinition.UserGroup::precedence)
                                .thenComparing(AuthDefinition.UserGroup::name))
                        .forEach(group -> groups.addObject().putObject(group.name())
                                .put("precedence", group.precedence()));
            }
            return node;
        }

        private ObjectNode oauth(ExternalLogin login) {
            ObjectNode node = JSON.objectNode();
            // The schema's list names only the social providers; OIDC and SAML providers are signed in with by
            // name (Amplify's signInWithRedirect custom provider) and are not listed, as Amplify does.
            ArrayNode providers = node.putArray("identity_providers");
            for (ExternalLogin.Provider provider : login.providers()) {
                if (provider instanceof ExternalLogin.Social social) {
                    providers.add(switch (social.socialKind()) {
                        case GOOGLE -> "GOOGLE";
                        case FACEBOOK -> "FACEBOOK";
                        case AMAZON -> "LOGIN_WITH_AMAZON";
                    });
                } else if (provider instanceof ExternalLogin.Apple) {
                    providers.add("SIGN_IN_WITH_APPLE");
                }
            }
            node.put("domain", oauthDomain.orElseThrow());
            ArrayNode scopes = node.putArray("scopes");
            for (ExternalLogin.OAuthScope scope : login.scopes()) {
                scopes.add(switch (scope) {
                    case PHONE -> "phone";
                    case EMAIL -> "email";
                    case OPENID -> "openid";
                    case PROFILE -> "profile";
                    case COGNITO_ADMIN -> "aws.cognito.signin.user.admin";
                });
            }
            login.callbackUrls().forEach(node.putArray("redirect_sign_in_uri")::add);
            login.logoutUrls().forEach(node.putArray("redirect_sign_out_uri")::add);
            node.put("response_type", "code");
            return node;
        }

        private ObjectNode data(DataPlan data) {
            ObjectNode node = JSON.objectNode();
            node.put("aws_region", region.orElseThrow());
            node.put("url", graphqlUrl.orElseThrow());
            apiKey.ifPresent(key -> node.put("api_key", key));
            node.put("default_authorization_type", plan.defaultAuthorizationMode().orElseThrow().appSyncName());
            ArrayNode types = node.putArray("authorization_types");
            plan.additionalAuthorizationModes().stream().map(AuthorizationModes.Mode::appSyncName).forEach(types::add);
            node.set("model_introspection", parse(data.modelIntrospection()));
            return node;
        }

        private ObjectNode storage() {
            ObjectNode node = JSON.objectNode();
            node.put("aws_region", region.orElseThrow());
            List<StorageDefinition> buckets = plan.model().storage();
            StorageDefinition defaultBucket = buckets.stream()
                    .filter(StorageDefinition::isDefault)
                    .findFirst()
                    .orElse(buckets.get(0));
            node.put("bucket_name", bucketNames.get(defaultBucket.name()));
            ArrayNode list = node.putArray("buckets");
            for (StorageDefinition bucket : buckets) {
                ObjectNode entry = list.addObject();
                entry.put("name", bucket.name());
                entry.put("bucket_name", bucketNames.get(bucket.name()));
                entry.put("aws_region", region.orElseThrow());
                entry.set("paths", storagePaths(bucket));
            }
            return node;
        }

        private static ObjectNode parse(String json) {
            try {
                return (ObjectNode) Json.mapper().readTree(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The plan's model introspection is not JSON", e);
            }
        }

        private static String nonBlank(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }
    }
}
