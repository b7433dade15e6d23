package io.amplify4j.cdk.auth;

import io.amplify4j.cdk.nag.Acknowledgements;
import io.amplify4j.model.Profile;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.auth.AuthDefinition.CustomAttribute;
import io.amplify4j.model.auth.AuthDefinition.Multifactor;
import io.amplify4j.model.auth.AuthDefinition.StandardAttribute;
import io.amplify4j.model.auth.AuthTrigger;
import io.amplify4j.model.auth.ExternalLogin;
import io.amplify4j.model.auth.SecretRef;
import io.amplify4j.model.auth.StandardAttributeName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnDynamicReference;
import software.amazon.awscdk.CfnDynamicReferenceService;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AttributeMapping;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.BooleanAttribute;
import software.amazon.awscdk.services.cognito.CfnIdentityPool;
import software.amazon.awscdk.services.cognito.CfnIdentityPoolRoleAttachment;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.ClientAttributes;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.DateTimeAttribute;
import software.amazon.awscdk.services.cognito.ICustomAttribute;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.NumberAttribute;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.OidcAttributeRequestMethod;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.ProviderAttribute;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttributes;
import software.amazon.awscdk.services.cognito.StandardAttributesMask;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolIdentityProviderAmazon;
import software.amazon.awscdk.services.cognito.UserPoolIdentityProviderApple;
import software.amazon.awscdk.services.cognito.UserPoolIdentityProviderFacebook;
import software.amazon.awscdk.services.cognito.UserPoolIdentityProviderGoogle;
import software.amazon.awscdk.services.cognito.UserPoolIdentityProviderOidc;
import software.amazon.awscdk.services.cognito.UserPoolIdentityProviderSaml;
import software.amazon.awscdk.services.cognito.UserPoolIdentityProviderSamlMetadata;
import software.amazon.awscdk.services.cognito.UserPoolOperation;
import software.amazon.awscdk.services.iam.FederatedPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionAttributes;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;
import software.constructs.IDependable;

/**
 * Sign-in: a Cognito user pool (login methods, MFA, attributes, password policy, recovery, triggers), its app
 * client, groups with IAM roles and precedence, the hosted OAuth domain and external providers, and an identity
 * pool whose roles trust only this pool ({@code aud}) and only the right kind of identity ({@code amr}).
 *
 * <p>Guest identities and the guest role exist only when a rule grants guests access (the plan decides). Triggers
 * and Cognito grants only point at the functions (an imported handle per function in this scope), so the function
 * stack never depends on the auth stack.
 *
 * <p>Escape hatches: {@link #userPool()}, {@link #client()}, {@link #identityPool()}, {@link #authenticatedRole()},
 * {@link #guestRole()}, {@link #groupRole(String)}.
 */
public final class AmplifyAuth extends Construct {
    private static final String COGNITO_IDENTITY = "cognito-identity.amazonaws.com";

    private final AmplifyAuthProps props;
    private final IUserPool userPool;
    private final IUserPoolClient client;
    private final Optional<UserPoolDomain> domain;
    private final CfnIdentityPool identityPool;
    private final Role authenticatedRole;
    private final Optional<Role> guestRole;
    private final Map<String, Role> groupRoles = new LinkedHashMap<>();
    private final Map<String, CfnUserPoolGroup> groups = new LinkedHashMap<>();
    private final List<IDependable> providers = new ArrayList<>();

    public AmplifyAuth(Construct scope, String id, AmplifyAuthProps props) {
        super(scope, id);
        this.props = props;
        AuthDefinition auth = props.auth();
        if (props.existingUserPool().isPresent()) {
            if (!auth.triggers().isEmpty()) {
                throw new IllegalArgumentException("auth." + auth.name() + ".triggers: an existing user pool keeps "
                        + "its own triggers; remove the triggers from the definition or let AmplifyAuth create the "
                        + "user pool");
            }
            this.userPool = props.existingUserPool().get();
        } else {
            this.userPool = createUserPool(auth);
        }
        this.domain = auth.externalLogin().map(this::createDomainAndProviders);
        this.client = props.existingClient().orElseGet(() -> createClient(auth));
        this.identityPool = createIdentityPool();
        this.authenticatedRole = identityRole("AuthenticatedRole", "authenticated",
                "Signed-in users of " + props.namePrefix() + " in no group");
        this.guestRole = props.identityPool().allowUnauthenticatedIdentities()
                ? Optional.of(identityRole("GuestRole", "unauthenticated", "Guests of " + props.namePrefix()))
                : Optional.empty();
        for (AuthDefinition.UserGroup group : auth.groups()) {
            Role role = identityRole("Group" + group.name() + "Role", "authenticated",
                    "Members of group " + group.name() + " of " + props.namePrefix());
            groupRoles.put(group.name(), role);
            groups.put(group.name(), CfnUserPoolGroup.Builder.create(this, "Group" + group.name())
                    .userPoolId(userPool.getUserPoolId())
                    .groupName(group.name())
                    .precedence(group.precedence())
                    .roleArn(role.getRoleArn())
                    .build());
        }
        attachRoles();
        grantAccess(auth);
        if (props.identityPool().allowUnauthenticatedIdentities()) {
            Acknowledgements.apply(identityPool, Acknowledgements.IDENTITY_POOL_GUESTS);
        }
    }

    // ---- escape hatches -----------------------------------------------------------------------------------

    /** The user pool (created, or the existing one passed in). */
    public IUserPool userPool() {
        return userPool;
    }

    /** The app client. */
    public IUserPoolClient client() {
        return client;
    }

    /** The hosted UI domain, when the definition has external providers. */
    public Optional<UserPoolDomain> domain() {
        return domain;
    }

    /** The identity pool. */
    public CfnIdentityPool identityPool() {
        return identityPool;
    }

    /** The role of signed-in users in no group. */
    public IRole authenticatedRole() {
        return authenticatedRole;
    }

    /** The role of guests, present only when a rule grants guest access. */
    public Optional<IRole> guestRole() {
        return guestRole.map(r -> r);
    }

    /** The role of a group. */
    public IRole groupRole(String groupName) {
        Role role = groupRoles.get(groupName);
        if (role == null) {
            throw new IllegalArgumentException("auth has no group '" + groupName + "'; groups: " + groupRoles.keySet());
        }
        return role;
    }

    /** Group roles by group name, in definition order. */
    public Map<String, IRole> groupRoles() {
        return Map.copyOf(groupRoles);
    }

    /** The definition this construct was built from. */
    public AuthDefinition definition() {
        return props.auth();
    }

    /** Whether the identity pool hands out guest identities. */
    public boolean guestsEnabled() {
        return guestRole.isPresent();
    }

    // ---- user pool ----------------------------------------------------------------------------------------

    private IUserPool createUserPool(AuthDefinition auth) {
        boolean production = props.profile() == Profile.PRODUCTION;
        AuthDefinition.PasswordPolicy password = auth.passwordPolicy();
        UserPool pool = UserPool.Builder.create(this, "UserPool")
                .userPoolName(props.namePrefix() + "-" + auth.name())
                .selfSignUpEnabled(auth.selfSignUp())
                .signInCaseSensitive(false)
                .signInAliases(SignInAliases.builder()
                        .email(auth.loginWithEmail())
                        .phone(auth.loginWithPhone())
                        .build())
                .autoVerify(AutoVerifiedAttrs.builder()
                        .email(auth.loginWithEmail())
                        .phone(auth.loginWithPhone())
                        .build())
                .standardAttributes(standardAttributes(auth))
                .customAttributes(customAttributes(auth))
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(Math.max(password.minLength(), AuthDefinition.PasswordPolicy.MINIMUM_LENGTH))
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireDigits(true)
                        .requireSymbols(true)
                        .tempPasswordValidity(Duration.days(password.temporaryPasswordValidityDays()))
                        .build())
                .mfa(switch (auth.multifactor().mode()) {
                    case OFF -> Mfa.OFF;
                    case OPTIONAL -> Mfa.OPTIONAL;
                    case REQUIRED -> Mfa.REQUIRED;
                })
                .mfaSecondFactor(secondFactor(auth))
                .accountRecovery(AccountRecovery.valueOf(auth.accountRecovery().name()))
                .deletionProtection(production)
                .removalPolicy(production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        for (AuthDefinition.TriggerBinding binding : auth.triggers()) {
            IFunction handle = functionHandle("Trigger" + binding.trigger().name(), binding.function(),
                    "auth." + auth.name() + ".triggers." + binding.trigger());
            pool.addTrigger(operation(binding.trigger()), handle);
        }
        CfnResource cfn = (CfnResource) pool.getNode().getDefaultChild();
        if (auth.multifactor().mode() != Multifactor.Mode.REQUIRED) {
            Acknowledgements.apply(cfn, Acknowledgements.USER_POOL_MFA_NOT_REQUIRED);
        }
        Acknowledgements.apply(cfn, Acknowledgements.USER_POOL_NO_THREAT_PROTECTION);
        if (pool.getNode().tryFindChild("smsRole") instanceof Role smsRole) {
            Acknowledgements.apply((CfnResource) smsRole.getNode().getDefaultChild(),
                    Acknowledgements.USER_POOL_SMS_ROLE);
        }
        return pool;
    }

    private static MfaSecondFactor secondFactor(AuthDefinition auth) {
        Multifactor mfa = auth.multifactor();
        if (mfa.mode() == Multifactor.Mode.OFF) {
            return null;
        }
        if (mfa.email()) {
            throw new IllegalArgumentException("auth." + auth.name() + ".multifactor: email MFA needs the user pool "
                    + "to send email through Amazon SES, which the definition cannot configure yet; use TOTP or SMS, "
                    + "or configure SES on AmplifyAuth.userPool() and add email MFA there");
        }
        return MfaSecondFactor.builder().otp(mfa.totp()).sms(mfa.sms()).email(false).build();
    }

    private static StandardAttributes standardAttributes(AuthDefinition auth) {
        Map<StandardAttributeName, software.amazon.awscdk.services.cognito.StandardAttribute> all =
                new LinkedHashMap<>();
        if (auth.loginWithEmail()) {
            all.put(StandardAttributeName.EMAIL, standard(true, true));
        }
        if (auth.loginWithPhone()) {
            all.put(StandardAttributeName.PHONE_NUMBER, standard(true, true));
        }
        for (StandardAttribute attribute : auth.standardAttributes()) {
            all.put(attribute.attribute(), standard(attribute.required(), attribute.mutable()));
        }
        StandardAttributes.Builder builder = StandardAttributes.builder();
        all.forEach((name, value) -> {
            switch (name) {
                case ADDRESS -> builder.address(value);
                case BIRTHDATE -> builder.birthdate(value);
                case EMAIL -> builder.email(value);
                case FAMILY_NAME -> builder.familyName(value);
                case GENDER -> builder.gender(value);
                case GIVEN_NAME -> builder.givenName(value);
                case LOCALE -> builder.locale(value);
                case MIDDLE_NAME -> builder.middleName(value);
                case NAME -> builder.fullname(value);
                case NICKNAME -> builder.nickname(value);
                case PHONE_NUMBER -> builder.phoneNumber(value);
                case PICTURE -> builder.profilePicture(value);
                case PREFERRED_USERNAME -> builder.preferredUsername(value);
                case PROFILE -> builder.profilePage(value);
                case UPDATED_AT -> builder.lastUpdateTime(value);
                case WEBSITE -> builder.website(value);
                case ZONEINFO -> builder.timezone(value);
            }
        });
        return builder.build();
    }

    private static software.amazon.awscdk.services.cognito.StandardAttribute standard(boolean required,
            boolean mutable) {
        return software.amazon.awscdk.services.cognito.StandardAttribute.builder()
                .required(required).mutable(mutable).build();
    }

    private static Map<String, ICustomAttribute> customAttributes(AuthDefinition auth) {
        Map<String, ICustomAttribute> attributes = new LinkedHashMap<>();
        for (CustomAttribute attribute : auth.customAttributes()) {
            ICustomAttribute value = switch (attribute.dataType()) {
                case STRING -> StringAttribute.Builder.create().mutable(attribute.mutable())
                        .minLen(attribute.min().orElse(null)).maxLen(attribute.max().orElse(null)).build();
                case NUMBER -> NumberAttribute.Builder.create().mutable(attribute.mutable())
                        .min(attribute.min().orElse(null)).max(attribute.max().orElse(null)).build();
                case BOOLEAN -> BooleanAttribute.Builder.create().mutable(attribute.mutable()).build();
                case DATE_TIME -> DateTimeAttribute.Builder.create().mutable(attribute.mutable()).build();
            };
            attributes.put(attribute.name(), value);
        }
        return attributes;
    }

    private static UserPoolOperation operation(AuthTrigger trigger) {
        return switch (trigger) {
            case CREATE_AUTH_CHALLENGE -> UserPoolOperation.CREATE_AUTH_CHALLENGE;
            case CUSTOM_MESSAGE -> UserPoolOperation.CUSTOM_MESSAGE;
            case DEFINE_AUTH_CHALLENGE -> UserPoolOperation.DEFINE_AUTH_CHALLENGE;
            case POST_AUTHENTICATION -> UserPoolOperation.POST_AUTHENTICATION;
            case POST_CONFIRMATION -> UserPoolOperation.POST_CONFIRMATION;
            case PRE_AUTHENTICATION -> UserPoolOperation.PRE_AUTHENTICATION;
            case PRE_SIGN_UP -> UserPoolOperation.PRE_SIGN_UP;
            case PRE_TOKEN_GENERATION -> UserPoolOperation.PRE_TOKEN_GENERATION;
            case USER_MIGRATION -> UserPoolOperation.USER_MIGRATION;
            case VERIFY_AUTH_CHALLENGE_RESPONSE -> UserPoolOperation.VERIFY_AUTH_CHALLENGE_RESPONSE;
        };
    }

    /**
     * A handle on a backend function created in this scope, so that permissions Cognito needs to invoke it are
     * created here and the reference points from auth to the function, never back.
     */
    private IFunction functionHandle(String id, String functionName, String place) {
        IFunction function = props.functions().get(functionName);
        if (function == null) {
            throw new IllegalArgumentException(place + ": function '" + functionName + "' was not passed to "
                    + "AmplifyAuth; pass the backend's functions with AmplifyAuthProps.Builder.functions(...) (known: "
                    + props.functions().keySet() + ")");
        }
        return Function.fromFunctionAttributes(this, id, FunctionAttributes.builder()
                .functionArn(function.getFunctionArn())
                .sameEnvironment(true)
                .build());
    }

    // ---- app client, domain, providers --------------------------------------------------------------------

    private IUserPoolClient createClient(AuthDefinition auth) {
        UserPoolClientOptions.Builder options = UserPoolClientOptions.builder()
                .userPoolClientName(props.namePrefix() + "-" + auth.name() + "-client")
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userSrp(true).custom(true).build())
                .preventUserExistenceErrors(true)
                .enableTokenRevocation(true)
                .accessTokenValidity(Duration.minutes(60))
                .idTokenValidity(Duration.minutes(60))
                .refreshTokenValidity(Duration.days(30))
                .writeAttributes(writeAttributes(auth));
        Optional<ExternalLogin> external = auth.externalLogin();
        if (external.isPresent()) {
            ExternalLogin login = external.get();
            List<UserPoolClientIdentityProvider> supported = new ArrayList<>();
            supported.add(UserPoolClientIdentityProvider.COGNITO);
            login.providers().forEach(p -> supported.add(UserPoolClientIdentityProvider.custom(p.providerName())));
            options.oAuth(OAuthSettings.builder()
                            .flows(OAuthFlows.builder().authorizationCodeGrant(true).implicitCodeGrant(false).build())
                            .scopes(login.scopes().stream().map(AmplifyAuth::scope).toList())
                            .callbackUrls(login.callbackUrls())
                            .logoutUrls(login.logoutUrls())
                            .build())
                    .supportedIdentityProviders(supported);
        } else {
            options.disableOAuth(true);
        }
        UserPoolClient created = userPool.addClient("Client", options.build());
        providers.forEach(p -> created.getNode().addDependency(p));
        return created;
    }

    /** Clients may write mutable attributes only: the required login attributes and the mutable declared ones. */
    private static ClientAttributes writeAttributes(AuthDefinition auth) {
        StandardAttributesMask.Builder mask = StandardAttributesMask.builder();
        if (auth.loginWithEmail()) {
            mask.email(true);
        }
        if (auth.loginWithPhone()) {
            mask.phoneNumber(true);
        }
        for (StandardAttribute attribute : auth.standardAttributes()) {
            if (!attribute.mutable()) {
                continue;
            }
            switch (attribute.attribute()) {
                case ADDRESS -> mask.address(true);
                case BIRTHDATE -> mask.birthdate(true);
                case EMAIL -> mask.email(true);
                case FAMILY_NAME -> mask.familyName(true);
                case GENDER -> mask.gender(true);
                case GIVEN_NAME -> mask.givenName(true);
                case LOCALE -> mask.locale(true);
                case MIDDLE_NAME -> mask.middleName(true);
                case NAME -> mask.fullname(true);
                case NICKNAME -> mask.nickname(true);
                case PHONE_NUMBER -> mask.phoneNumber(true);
                case PICTURE -> mask.profilePicture(true);
                case PREFERRED_USERNAME -> mask.preferredUsername(true);
                case PROFILE -> mask.profilePage(true);
                case UPDATED_AT -> mask.lastUpdateTime(true);
                case WEBSITE -> mask.website(true);
                case ZONEINFO -> mask.timezone(true);
            }
        }
        List<String> custom = auth.customAttributes().stream().filter(CustomAttribute::mutable)
                .map(CustomAttribute::name).toList();
        ClientAttributes attributes = new ClientAttributes().withStandardAttributes(mask.build());
        return custom.isEmpty() ? attributes : attributes.withCustomAttributes(custom.toArray(String[]::new));
    }

    private static OAuthScope scope(ExternalLogin.OAuthScope scope) {
        return switch (scope) {
            case PHONE -> OAuthScope.PHONE;
            case EMAIL -> OAuthScope.EMAIL;
            case OPENID -> OAuthScope.OPENID;
            case PROFILE -> OAuthScope.PROFILE;
            case COGNITO_ADMIN -> OAuthScope.COGNITO_ADMIN;
        };
    }

    private UserPoolDomain createDomainAndProviders(ExternalLogin login) {
        if (props.existingUserPool().isPresent() && props.existingClient().isPresent()) {
            throw new IllegalArgumentException("auth." + props.auth().name() + ".externalLogin: with an existing "
                    + "user pool and client, configure the providers there and remove externalLogin from the "
                    + "definition");
        }
        UserPoolDomain created = userPool.addDomain("Domain", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder().domainPrefix(domainPrefix()).build())
                .build());
        for (ExternalLogin.Provider provider : login.providers()) {
            providers.add(createProvider(provider));
        }
        return created;
    }

    /** The hosted UI domain prefix: given, or derived from the name prefix plus a hash of this construct's path. */
    public String domainPrefix() {
        if (props.domainPrefix().isPresent()) {
            return props.domainPrefix().get();
        }
        String base = props.namePrefix().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                .replaceAll("(aws|amazon|cognito)", "x");
        String hash = sha256(props.backendName() + "/" + getNode().getPath()).substring(0, 10);
        String prefix = (base.length() > 50 ? base.substring(0, 50) : base) + "-" + hash;
        return prefix.replaceAll("^-+", "");
    }

    private IDependable createProvider(ExternalLogin.Provider provider) {
        String place = "auth." + props.auth().name() + ".externalLogin." + provider.providerName();
        AttributeMapping mapping = mapping(provider.attributeMapping());
        String id = "Provider" + provider.providerName();
        if (provider instanceof ExternalLogin.Social social) {
            return switch (social.socialKind()) {
                case GOOGLE -> UserPoolIdentityProviderGoogle.Builder.create(this, id).userPool(userPool)
                        .clientId(secretString(place + ".clientId", social.clientId()))
                        .clientSecretValue(secretValue(place + ".clientSecret", social.clientSecret()))
                        .scopes(social.scopes().isEmpty() ? List.of("openid", "email", "profile") : social.scopes())
                        .attributeMapping(mapping).build();
                case FACEBOOK -> UserPoolIdentityProviderFacebook.Builder.create(this, id).userPool(userPool)
                        .clientId(secretString(place + ".clientId", social.clientId()))
                        .clientSecret(secretString(place + ".clientSecret", social.clientSecret()))
                        .scopes(social.scopes().isEmpty() ? List.of("public_profile", "email") : social.scopes())
                        .attributeMapping(mapping).build();
                case AMAZON -> UserPoolIdentityProviderAmazon.Builder.create(this, id).userPool(userPool)
                        .clientId(secretString(place + ".clientId", social.clientId()))
                        .clientSecret(secretString(place + ".clientSecret", social.clientSecret()))
                        .scopes(social.scopes().isEmpty() ? List.of("profile") : social.scopes())
                        .attributeMapping(mapping).build();
            };
        }
        if (provider instanceof ExternalLogin.Apple apple) {
            return UserPoolIdentityProviderApple.Builder.create(this, id).userPool(userPool)
                    .clientId(secretString(place + ".clientId", apple.clientId()))
                    .teamId(secretString(place + ".teamId", apple.teamId()))
                    .keyId(secretString(place + ".keyId", apple.keyId()))
                    .privateKeyValue(secretValue(place + ".privateKey", apple.privateKey()))
                    .scopes(apple.scopes().isEmpty() ? List.of("name", "email") : apple.scopes())
                    .attributeMapping(mapping).build();
        }
        if (provider instanceof ExternalLogin.Oidc oidc) {
            return UserPoolIdentityProviderOidc.Builder.create(this, id).userPool(userPool)
                    .name(oidc.providerName())
                    .issuerUrl(oidc.issuerUrl())
                    .clientId(secretString(place + ".clientId", oidc.clientId()))
                    .clientSecret(secretString(place + ".clientSecret", oidc.clientSecret()))
                    .attributeRequestMethod(oidc.attributeRequestMethod() == ExternalLogin.AttributeRequestMethod.POST
                            ? OidcAttributeRequestMethod.POST : OidcAttributeRequestMethod.GET)
                    .scopes(oidc.scopes().isEmpty() ? List.of("openid", "email") : oidc.scopes())
                    .attributeMapping(mapping).build();
        }
        ExternalLogin.Saml saml = (ExternalLogin.Saml) provider;
        return UserPoolIdentityProviderSaml.Builder.create(this, id).userPool(userPool)
                    .name(saml.providerName())
                    .metadata(saml.metadataType() == ExternalLogin.SamlMetadataType.URL
                            ? UserPoolIdentityProviderSamlMetadata.url(saml.metadataContent())
                            : UserPoolIdentityProviderSamlMetadata.file(saml.metadataContent()))
                    .attributeMapping(mapping).build();
    }

    private static AttributeMapping mapping(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        Map<String, ProviderAttribute> custom = new LinkedHashMap<>();
        attributes.forEach((poolAttribute, providerAttribute) ->
                custom.put(poolAttribute, ProviderAttribute.other(providerAttribute)));
        return AttributeMapping.builder().custom(custom).build();
    }

    private String secretString(String place, SecretRef secret) {
        return secretValue(place, secret).unsafeUnwrap();
    }

    private SecretValue secretValue(String place, SecretRef secret) {
        String name = props.secretStore().resolve(place, props.backendName(), secret.name());
        return SecretValue.cfnDynamicReference(new CfnDynamicReference(
                props.secretStore() == io.amplify4j.cdk.SecretStore.SECRETS_MANAGER
                        ? CfnDynamicReferenceService.SECRETS_MANAGER : CfnDynamicReferenceService.SSM,
                props.secretStore() == io.amplify4j.cdk.SecretStore.SECRETS_MANAGER
                        ? name + ":SecretString:::" : name));
    }

    // ---- identity pool ------------------------------------------------------------------------------------

    private CfnIdentityPool createIdentityPool() {
        return CfnIdentityPool.Builder.create(this, "IdentityPool")
                .identityPoolName((props.namePrefix() + "_" + props.auth().name()).replaceAll("[^\\w]", "_"))
                .allowUnauthenticatedIdentities(props.identityPool().allowUnauthenticatedIdentities())
                .allowClassicFlow(false)
                .cognitoIdentityProviders(List.of(CfnIdentityPool.CognitoIdentityProviderProperty.builder()
                        .clientId(client.getUserPoolClientId())
                        .providerName(userPool.getUserPoolProviderName())
                        .serverSideTokenCheck(false)
                        .build()))
                .build();
    }

    /** A role identities of this pool assume; its trust names the pool ({@code aud}) and the identity kind. */
    private Role identityRole(String id, String amr, String description) {
        return Role.Builder.create(this, id)
                .description(description)
                .assumedBy(new FederatedPrincipal(COGNITO_IDENTITY, Map.of(
                        "StringEquals", Map.of(COGNITO_IDENTITY + ":aud", identityPool.getRef()),
                        "ForAnyValue:StringLike", Map.of(COGNITO_IDENTITY + ":amr", amr)),
                        "sts:AssumeRoleWithWebIdentity"))
                .build();
    }

    private void attachRoles() {
        Map<String, Object> roles = new LinkedHashMap<>();
        roles.put("authenticated", authenticatedRole.getRoleArn());
        guestRole.ifPresent(r -> roles.put("unauthenticated", r.getRoleArn()));
        CfnIdentityPoolRoleAttachment.Builder attachment = CfnIdentityPoolRoleAttachment.Builder
                .create(this, "RoleAttachment")
                .identityPoolId(identityPool.getRef())
                .roles(roles);
        if (!groupRoles.isEmpty()) {
            // Token mapping: Cognito puts the lowest-precedence group's role in cognito:preferred_role; a user in no
            // group, or in groups of equal precedence, gets the authenticated role (the plan's IdentityPoolPlan).
            attachment.roleMappings(Map.of("userPool", CfnIdentityPoolRoleAttachment.RoleMappingProperty.builder()
                    .type("Token")
                    .ambiguousRoleResolution("AuthenticatedRole")
                    .identityProvider(Fn.join(":", List.of(userPool.getUserPoolProviderName(),
                            client.getUserPoolClientId())))
                    .build()));
        }
        attachment.build();
    }

    // ---- access grants ------------------------------------------------------------------------------------

    private void grantAccess(AuthDefinition auth) {
        for (AuthDefinition.AccessGrant grant : auth.access()) {
            String place = "auth." + auth.name() + ".access." + grant.function();
            IFunction function = props.functions().get(grant.function());
            if (function == null || function.getRole() == null) {
                throw new IllegalArgumentException(place + ": function '" + grant.function() + "' (with its role) "
                        + "was not passed to AmplifyAuth; pass the backend's functions with "
                        + "AmplifyAuthProps.Builder.functions(...)");
            }
            Policy.Builder.create(this, "Access" + grant.function())
                    .roles(List.of(function.getRole()))
                    .statements(List.of(PolicyStatement.Builder.create()
                            .actions(CognitoActions.of(grant.actions()))
                            .resources(List.of(userPool.getUserPoolArn()))
                            .build()))
                    .build();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
