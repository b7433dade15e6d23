package io.amplify4j.validate;

import io.amplify4j.model.BackendModel;
import io.amplify4j.model.Profile;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.AuthorizationModes;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.CustomTypeDefinition;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.EnumDefinition;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.FieldValidator;
import io.amplify4j.model.data.FunctionDataAccess;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.model.data.RelationshipDefinition;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.SecondaryIndexDefinition;
import io.amplify4j.model.data.TypeRef;
import io.amplify4j.model.data.ValidatorKind;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.FunctionDefinition;
import io.amplify4j.model.function.Schedule;
import io.amplify4j.model.storage.StorageAccessor;
import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.model.storage.StorageDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Concise factories for model records, independent of the DSL. {@link #backend()} starts from a valid backend
 * (auth with group ADMINS, an API with an API key, nothing else) that each test changes in one place.
 */
final class ModelFixtures {
    private ModelFixtures() {}

    // ---- whole backend ----

    /** A mutable recipe for a backend; every list starts empty. */
    static final class Backend {
        String name = "app";
        Profile profile = Profile.SANDBOX;
        AuthDefinition auth = ModelFixtures.auth();
        boolean withData = true;
        String dataName = DataDefinition.DEFAULT_NAME;
        AuthorizationModes modes = ModelFixtures.modes(Optional.empty(), Optional.of(apiKey(7)), Optional.empty(),
                Optional.empty());
        final List<AuthRule> schemaRules = new ArrayList<>();
        final List<FunctionDataAccess> functionAccess = new ArrayList<>();
        final List<ModelDefinition> models = new ArrayList<>();
        final List<EnumDefinition> enums = new ArrayList<>();
        final List<CustomTypeDefinition> types = new ArrayList<>();
        final List<CustomOperation> operations = new ArrayList<>();
        final List<StorageDefinition> storage = new ArrayList<>();
        final List<FunctionDefinition> functions = new ArrayList<>();

        Backend noAuth() {
            auth = null;
            return this;
        }

        Backend auth(UnaryOperator<AuthBuilder> change) {
            auth = change.apply(new AuthBuilder()).build();
            return this;
        }

        Backend modes(AuthorizationModes newModes) {
            modes = newModes;
            return this;
        }

        Backend schemaRules(AuthRule... rules) {
            schemaRules.addAll(List.of(rules));
            return this;
        }

        Backend model(ModelDefinition model) {
            models.add(model);
            return this;
        }

        Backend enumType(String enumName, String... values) {
            enums.add(new EnumDefinition(enumName, List.of(values), Optional.empty()));
            return this;
        }

        Backend type(String typeName, FieldDefinition... fields) {
            types.add(new CustomTypeDefinition(typeName, List.of(fields), Optional.empty()));
            return this;
        }

        Backend operation(CustomOperation op) {
            operations.add(op);
            return this;
        }

        Backend storage(StorageDefinition bucket) {
            storage.add(bucket);
            return this;
        }

        Backend function(FunctionDefinition fn) {
            functions.add(fn);
            return this;
        }

        Backend functions(String... names) {
            for (String n : names) {
                functions.add(fn(n).build());
            }
            return this;
        }

        BackendModel build() {
            Optional<DataDefinition> data = withData
                    ? Optional.of(new DataDefinition(dataName, modes, schemaRules, functionAccess, models, enums, types,
                            operations))
                    : Optional.empty();
            return new BackendModel(name, profile, Optional.ofNullable(auth), data, storage, functions);
        }

        /** Every problem as {@code place: message}. */
        List<String> problems() {
            return BackendValidator.problems(build()).stream().map(Problem::toString).toList();
        }
    }

    static Backend backend() {
        return new Backend();
    }

    /** Asserts the exact problems, each as {@code place: message}, in the order found. */
    static void assertProblems(Backend backend, String... expected) {
        org.assertj.core.api.Assertions.assertThat(backend.problems()).containsExactly(expected);
    }

    // ---- auth ----

    static AuthDefinition auth() {
        return new AuthBuilder().build();
    }

    /** Builds an {@link AuthDefinition}: email login, group ADMINS, defaults otherwise. */
    static final class AuthBuilder {
        String name = AuthDefinition.DEFAULT_NAME;
        boolean email = true;
        boolean phone = false;
        Optional<io.amplify4j.model.auth.ExternalLogin> external = Optional.empty();
        AuthDefinition.Multifactor mfa = AuthDefinition.Multifactor.off();
        List<AuthDefinition.StandardAttribute> standard = new ArrayList<>();
        List<AuthDefinition.CustomAttribute> custom = new ArrayList<>();
        List<AuthDefinition.UserGroup> groups = new ArrayList<>(List.of(new AuthDefinition.UserGroup("ADMINS", 0)));
        List<AuthDefinition.TriggerBinding> triggers = new ArrayList<>();
        List<AuthDefinition.AccessGrant> access = new ArrayList<>();
        AuthDefinition.PasswordPolicy password = AuthDefinition.PasswordPolicy.defaults();

        AuthBuilder set(java.util.function.Consumer<AuthBuilder> change) {
            change.accept(this);
            return this;
        }

        AuthDefinition build() {
            return new AuthDefinition(name, email, phone, external, mfa, standard, custom, groups, triggers, access,
                    AuthDefinition.AccountRecovery.EMAIL_ONLY, password, true);
        }
    }

    // ---- data: types and fields ----

    static FieldType t(ScalarType s) {
        return FieldType.of(TypeRef.scalar(s));
    }

    static FieldType req(ScalarType s) {
        return FieldType.required(TypeRef.scalar(s));
    }

    static FieldType listOf(ScalarType s) {
        return new FieldType(TypeRef.scalar(s), true, false, false);
    }

    static FieldType enumRef(String name) {
        return FieldType.of(new TypeRef.EnumType(name));
    }

    static FieldType typeRef(String name) {
        return FieldType.of(new TypeRef.CustomType(name));
    }

    static FieldType modelRef(String name) {
        return FieldType.of(new TypeRef.Model(name));
    }

    static FieldDefinition field(String name, FieldType type) {
        return FieldDefinition.of(name, type);
    }

    static FieldDefinition field(String name, ScalarType type) {
        return FieldDefinition.of(name, t(type));
    }

    static FieldDefinition withDefault(String name, FieldType type, String value) {
        return new FieldDefinition(name, type, Optional.of(value), List.of(), List.of(), Optional.empty());
    }

    static FieldDefinition validated(String name, FieldType type, FieldValidator... validators) {
        return new FieldDefinition(name, type, Optional.empty(), List.of(validators), List.of(), Optional.empty());
    }

    static FieldValidator v(ValidatorKind kind, String operand) {
        return new FieldValidator(kind, operand, Optional.empty());
    }

    static FieldDefinition ruled(String name, FieldType type, AuthRule... rules) {
        return new FieldDefinition(name, type, Optional.empty(), List.of(), List.of(rules), Optional.empty());
    }

    // ---- data: models ----

    static ModelBuilder model(String name) {
        return new ModelBuilder(name);
    }

    /** Builds a {@link ModelDefinition}; without rules it gets none (so schema-level rules apply). */
    static final class ModelBuilder {
        final String name;
        final List<FieldDefinition> fields = new ArrayList<>();
        final List<RelationshipDefinition> relationships = new ArrayList<>();
        final List<String> identifier = new ArrayList<>();
        final List<SecondaryIndexDefinition> indexes = new ArrayList<>();
        final List<io.amplify4j.model.data.DisabledOperation> disabled = new ArrayList<>();
        final List<AuthRule> rules = new ArrayList<>();
        Optional<String> tableName = Optional.empty();
        Optional<String> versionField = Optional.empty();

        ModelBuilder(String name) {
            this.name = name;
        }

        ModelBuilder fields(FieldDefinition... f) {
            fields.addAll(List.of(f));
            return this;
        }

        ModelBuilder field(String fieldName, ScalarType type) {
            fields.add(FieldDefinition.of(fieldName, t(type)));
            return this;
        }

        ModelBuilder field(String fieldName, FieldType type) {
            fields.add(FieldDefinition.of(fieldName, type));
            return this;
        }

        ModelBuilder identifier(String... names) {
            identifier.addAll(List.of(names));
            return this;
        }

        ModelBuilder index(SecondaryIndexDefinition index) {
            indexes.add(index);
            return this;
        }

        ModelBuilder hasMany(String relName, String related, String... references) {
            return rel(relName, RelationshipDefinition.Kind.HAS_MANY, related, references);
        }

        ModelBuilder hasOne(String relName, String related, String... references) {
            return rel(relName, RelationshipDefinition.Kind.HAS_ONE, related, references);
        }

        ModelBuilder belongsTo(String relName, String related, String... references) {
            return rel(relName, RelationshipDefinition.Kind.BELONGS_TO, related, references);
        }

        ModelBuilder rel(String relName, RelationshipDefinition.Kind kind, String related, String... references) {
            relationships.add(new RelationshipDefinition(relName, kind, related, List.of(references), false, false,
                    List.of(), Optional.empty()));
            return this;
        }

        ModelBuilder relationship(RelationshipDefinition r) {
            relationships.add(r);
            return this;
        }

        ModelBuilder disable(io.amplify4j.model.data.DisabledOperation... ops) {
            disabled.addAll(List.of(ops));
            return this;
        }

        ModelBuilder rules(AuthRule... r) {
            rules.addAll(List.of(r));
            return this;
        }

        ModelBuilder tableName(String table) {
            tableName = Optional.of(table);
            return this;
        }

        ModelBuilder versionField(String field) {
            versionField = Optional.of(field);
            return this;
        }

        ModelDefinition build() {
            return new ModelDefinition(name, fields, relationships, identifier, indexes, disabled, rules, tableName,
                    versionField, Optional.empty());
        }
    }

    /** A model readable and writable by API key, so that tests about other things have no rule problems. */
    static ModelBuilder openModel(String name) {
        return model(name).rules(apiKeyRule());
    }

    static SecondaryIndexDefinition index(String partitionKey, String... sortKeys) {
        return new SecondaryIndexDefinition(partitionKey, List.of(sortKeys), Optional.empty(), Optional.empty(), true,
                SecondaryIndexDefinition.Projection.all());
    }

    static SecondaryIndexDefinition namedIndex(String name, String partitionKey, String... sortKeys) {
        return new SecondaryIndexDefinition(partitionKey, List.of(sortKeys), Optional.of(name), Optional.empty(), true,
                SecondaryIndexDefinition.Projection.all());
    }

    // ---- auth rules ----

    static AuthRule apiKeyRule(ModelOperation... ops) {
        return new AuthRule.PublicApiKey(List.of(ops));
    }

    static AuthRule guest(ModelOperation... ops) {
        return new AuthRule.Guest(List.of(ops));
    }

    static AuthRule authenticated(ModelOperation... ops) {
        return new AuthRule.Authenticated(AuthProvider.USER_POOLS, List.of(ops));
    }

    static AuthRule authenticated(AuthProvider provider, ModelOperation... ops) {
        return new AuthRule.Authenticated(provider, List.of(ops));
    }

    static AuthRule.Owner owner(ModelOperation... ops) {
        return ownerIn(AuthRule.Owner.DEFAULT_FIELD, ops);
    }

    static AuthRule.Owner ownerIn(String field, ModelOperation... ops) {
        return new AuthRule.Owner(field, false, AuthRule.Owner.DEFAULT_IDENTITY_CLAIM, AuthProvider.USER_POOLS, false,
                List.of(ops));
    }

    static AuthRule.Owner ownersIn(String field) {
        return new AuthRule.Owner(field, true, AuthRule.Owner.DEFAULT_IDENTITY_CLAIM, AuthProvider.USER_POOLS, false,
                List.of());
    }

    static AuthRule.Owner owner(AuthProvider provider) {
        return new AuthRule.Owner("owner", false, AuthRule.Owner.DEFAULT_IDENTITY_CLAIM, provider, false, List.of());
    }

    static AuthRule groups(String... names) {
        return new AuthRule.Groups(List.of(names), AuthRule.Groups.DEFAULT_GROUP_CLAIM, AuthProvider.USER_POOLS,
                List.of());
    }

    static AuthRule groupIn(String field) {
        return new AuthRule.GroupsDefinedIn(field, false, AuthRule.Groups.DEFAULT_GROUP_CLAIM, AuthProvider.USER_POOLS,
                List.of());
    }

    static AuthRule groupsIn(String field) {
        return new AuthRule.GroupsDefinedIn(field, true, AuthRule.Groups.DEFAULT_GROUP_CLAIM, AuthProvider.USER_POOLS,
                List.of());
    }

    static AuthRule custom(ModelOperation... ops) {
        return new AuthRule.Custom(List.of(ops));
    }

    // ---- authorization modes ----

    static AuthorizationModes.ApiKey apiKey(int days) {
        return new AuthorizationModes.ApiKey(days, Optional.empty());
    }

    static AuthorizationModes modes(Optional<AuthorizationModes.Mode> defaultMode,
            Optional<AuthorizationModes.ApiKey> apiKey, Optional<AuthorizationModes.LambdaAuthorizer> lambda,
            Optional<AuthorizationModes.Oidc> oidc) {
        return new AuthorizationModes(defaultMode, apiKey, lambda, oidc);
    }

    static AuthorizationModes.Oidc oidc(String issuer) {
        return new AuthorizationModes.Oidc("Auth0", issuer, Optional.empty(), 0, 0);
    }

    // ---- custom operations ----

    static OperationBuilder query(String name) {
        return new OperationBuilder(name, CustomOperation.Type.QUERY);
    }

    static OperationBuilder mutation(String name) {
        return new OperationBuilder(name, CustomOperation.Type.MUTATION);
    }

    static OperationBuilder subscription(String name) {
        return new OperationBuilder(name, CustomOperation.Type.SUBSCRIPTION);
    }

    /** Builds a {@link CustomOperation}; nothing is set until asked for. */
    static final class OperationBuilder {
        final String name;
        final CustomOperation.Type type;
        final List<CustomOperation.Argument> arguments = new ArrayList<>();
        Optional<FieldType> returns = Optional.empty();
        final List<CustomOperation.Handler> handlers = new ArrayList<>();
        final List<AuthRule> rules = new ArrayList<>();
        final List<CustomOperation.SubscriptionSource> sources = new ArrayList<>();

        OperationBuilder(String name, CustomOperation.Type type) {
            this.name = name;
            this.type = type;
        }

        OperationBuilder argument(String argName, FieldType argType) {
            arguments.add(new CustomOperation.Argument(argName, argType, Optional.empty()));
            return this;
        }

        OperationBuilder returns(FieldType returnType) {
            returns = Optional.of(returnType);
            return this;
        }

        OperationBuilder function(String function) {
            handlers.add(new CustomOperation.Handler.Function(function, false));
            return this;
        }

        OperationBuilder asyncFunction(String function) {
            handlers.add(new CustomOperation.Handler.Function(function, true));
            return this;
        }

        OperationBuilder js(String entry) {
            handlers.add(new CustomOperation.Handler.CustomJs(entry, Optional.empty()));
            return this;
        }

        OperationBuilder js(String entry, String model) {
            handlers.add(new CustomOperation.Handler.CustomJs(entry, Optional.of(model)));
            return this;
        }

        OperationBuilder rules(AuthRule... r) {
            rules.addAll(List.of(r));
            return this;
        }

        OperationBuilder forModel(String model, CustomOperation.MutationKind... kinds) {
            sources.add(new CustomOperation.SubscriptionSource.ModelMutations(model, List.of(kinds)));
            return this;
        }

        OperationBuilder forMutation(String mutation) {
            sources.add(new CustomOperation.SubscriptionSource.Mutation(mutation));
            return this;
        }

        CustomOperation build() {
            return new CustomOperation(name, type, arguments, returns, handlers, rules, sources, Optional.empty());
        }
    }

    // ---- storage ----

    static StorageDefinition bucket(String name, StorageDefinition.PathAccess... paths) {
        return new StorageDefinition(name, false, false, List.of(), List.of(paths), Optional.empty(), Optional.empty());
    }

    static StorageDefinition defaultBucket(String name, StorageDefinition.PathAccess... paths) {
        return new StorageDefinition(name, true, false, List.of(), List.of(paths), Optional.empty(), Optional.empty());
    }

    static StorageDefinition.PathAccess path(String path, StorageDefinition.AccessRule... rules) {
        return new StorageDefinition.PathAccess(path, List.of(rules));
    }

    static StorageDefinition.AccessRule allow(StorageAccessor accessor, StorageAction... actions) {
        return new StorageDefinition.AccessRule(accessor, List.of(actions));
    }

    static StorageAccessor guests() {
        return new StorageAccessor.Guest();
    }

    static StorageAccessor signedIn() {
        return new StorageAccessor.Authenticated();
    }

    static StorageAccessor entity() {
        return new StorageAccessor.Entity();
    }

    static StorageAccessor inGroups(String... names) {
        return new StorageAccessor.Groups(Arrays.asList(names));
    }

    static StorageAccessor resource(String function) {
        return new StorageAccessor.Resource(function);
    }

    /** A bucket whose paths all grant authenticated read, to test path rules alone. */
    static StorageDefinition bucketWithPaths(String... paths) {
        List<StorageDefinition.PathAccess> access = new ArrayList<>();
        for (String p : paths) {
            access.add(path(p, allow(signedIn(), StorageAction.READ)));
        }
        return new StorageDefinition("media", false, false, List.of(), access, Optional.empty(), Optional.empty());
    }

    // ---- functions ----

    static FunctionBuilder fn(String name) {
        return new FunctionBuilder(name);
    }

    /** Builds a Java {@link FunctionDefinition} with Amplify's defaults. */
    static final class FunctionBuilder {
        String name;
        FunctionCode code = new FunctionCode.Java("com.example.Handler", "target/fn.jar",
                FunctionCode.JavaRuntime.JAVA_21);
        int memory = FunctionDefinition.DEFAULT_MEMORY_MB;
        int timeout = FunctionDefinition.DEFAULT_TIMEOUT_SECONDS;
        int ephemeral = FunctionDefinition.DEFAULT_EPHEMERAL_STORAGE_MB;
        final java.util.SortedMap<String, String> env = new TreeMap<>();
        final java.util.SortedMap<String, String> secrets = new TreeMap<>();
        final List<Schedule> schedules = new ArrayList<>();
        final List<String> layers = new ArrayList<>();
        int logRetention = FunctionDefinition.DEFAULT_LOG_RETENTION_DAYS;

        FunctionBuilder(String name) {
            this.name = name;
        }

        FunctionBuilder set(java.util.function.Consumer<FunctionBuilder> change) {
            change.accept(this);
            return this;
        }

        FunctionBuilder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        FunctionBuilder secret(String key, String secretName) {
            secrets.put(key, secretName);
            return this;
        }

        FunctionBuilder schedule(Schedule.Expression expression, String zone) {
            schedules.add(new Schedule(expression, zone));
            return this;
        }

        FunctionBuilder cron(String expression) {
            return schedule(new Schedule.Cron(expression), "UTC");
        }

        FunctionBuilder layer(String arn) {
            layers.add(arn);
            return this;
        }

        FunctionDefinition build() {
            return new FunctionDefinition(name, code, memory, timeout, ephemeral, FunctionDefinition.Architecture.ARM_64,
                    env, secrets, schedules, layers, true, logRetention);
        }
    }
}
