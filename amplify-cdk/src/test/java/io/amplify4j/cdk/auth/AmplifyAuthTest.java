package io.amplify4j.cdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.cdk.SecretStore;
import io.amplify4j.cdk.function.AmplifyFunction;
import io.amplify4j.cdk.function.AmplifyFunctionProps;
import io.amplify4j.cdk.testing.FixtureProject;
import io.amplify4j.cdk.testing.Json;
import io.amplify4j.cdk.testing.NagHarness;
import io.amplify4j.cdk.testing.TemplateChecks;
import io.amplify4j.dsl.AuthBuilder;
import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.FunctionRef;
import io.amplify4j.dsl.Secrets;
import io.amplify4j.model.Profile;
import io.amplify4j.model.auth.AuthAction;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.auth.AuthTrigger;
import io.amplify4j.model.auth.ExternalLogin;
import io.amplify4j.model.auth.StandardAttributeName;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.plan.BackendPlan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * Auth with every feature on one stack (email and phone login, required TOTP MFA, attributes, groups, a trigger, a
 * Cognito grant, Google/Apple/OIDC/SAML providers, guests), and auth without guests on another; one synth.
 */
class AmplifyAuthTest {

    @TempDir
    static Path project;

    static App app;
    static BackendPlan socialPlan;
    static BackendPlan plainPlan;
    static AmplifyAuth social;
    static AmplifyAuth plain;
    static Template socialTemplate;
    static Template plainTemplate;
    static NagHarness.Result nag;

    static BackendPlan socialBackend() {
        BackendBuilder backend = Backend.builder("social").profile(Profile.PRODUCTION);
        FunctionRef preSignUp = backend.function("preSignUp", fn -> fn
                .assetHandler(Path.of("functions/pre-sign-up"), "index.handler",
                        FunctionCode.AssetRuntime.NODEJS_22));
        FunctionRef admin = backend.function("admin", fn -> fn
                .assetHandler(Path.of("functions/admin"), "index.handler", FunctionCode.AssetRuntime.NODEJS_22));
        AuthBuilder auth = backend.auth().loginWithEmail().loginWithPhone()
                .multifactor(AuthDefinition.Multifactor.Mode.REQUIRED, AuthBuilder.MfaMethod.TOTP)
                .standardAttribute(StandardAttributeName.GIVEN_NAME, false, true)
                .standardAttribute(StandardAttributeName.BIRTHDATE, false, false)
                .customAttribute("tier", AuthDefinition.CustomAttribute.DataType.STRING, false, 1, 20)
                .customAttribute("score", AuthDefinition.CustomAttribute.DataType.NUMBER)
                .trigger(AuthTrigger.PRE_SIGN_UP, preSignUp)
                .access(admin, AuthAction.MANAGE_GROUP_MEMBERSHIP, AuthAction.GET_USER)
                .accountRecovery(AuthDefinition.AccountRecovery.EMAIL_ONLY)
                .passwordMinLength(12)
                .externalProviders(login -> login
                        .google(Secrets.secret("google-client-id"), Secrets.secret("google-client-secret"))
                        .facebook(Secrets.secret("facebook-app-id"), Secrets.secret("facebook-app-secret"))
                        .loginWithAmazon(Secrets.secret("amazon-client-id"), Secrets.secret("amazon-client-secret"))
                        .signInWithApple(Secrets.secret("apple-client-id"), Secrets.secret("apple-team"),
                                Secrets.secret("apple-key"), Secrets.secret("apple-private-key"), List.of(), Map.of())
                        .oidc("Partners", "https://login.partners.example.com", Secrets.secret("oidc-id"),
                                Secrets.secret("oidc-secret"), List.of(), Map.of("email", "mail"))
                        .saml("Corp", ExternalLogin.SamlMetadataType.URL, "https://idp.example.com/metadata", Map.of())
                        .scopes(ExternalLogin.OAuthScope.OPENID, ExternalLogin.OAuthScope.EMAIL)
                        .callbackUrls("https://app.example.com/callback")
                        .logoutUrls("https://app.example.com/"));
        AuthGroup admins = auth.group("ADMINS");
        auth.group("EDITORS");
        backend.storage("files", bucket -> bucket
                .access("public/*", allow -> List.of(allow.guest().to(StorageAction.READ),
                        allow.groups(admins).to(StorageAction.READ, StorageAction.WRITE))));
        return BackendPlan.of(backend.build());
    }

    static BackendPlan plainBackend() {
        BackendBuilder backend = Backend.builder("plain");
        backend.auth().loginWithEmail().disableSelfSignUp();
        return BackendPlan.of(backend.build());
    }

    @BeforeAll
    static void synth() {
        FixtureProject.nodeAsset(project.resolve("functions/pre-sign-up"), "index.js");
        FixtureProject.nodeAsset(project.resolve("functions/admin"), "index.js");
        app = App.Builder.create().outdir(project.resolve("cdk.out").toString()).build();
        NagHarness.attach(app);
        socialPlan = socialBackend();
        plainPlan = plainBackend();

        Stack socialStack = new Stack(app, "Social");
        Map<String, IFunction> functions = new LinkedHashMap<>();
        socialPlan.model().functions().forEach(def -> functions.put(def.name(), new AmplifyFunction(socialStack,
                "Fn" + def.name(), AmplifyFunctionProps.builder("social", def).projectDirectory(project)
                        .profile(Profile.PRODUCTION).build()).handle()));
        social = new AmplifyAuth(socialStack, "Auth", AmplifyAuthProps.builder(socialPlan)
                .functions(functions).build());

        Stack plainStack = new Stack(app, "Plain");
        plain = new AmplifyAuth(plainStack, "Auth", AmplifyAuthProps.builder(plainPlan).build());

        nag = NagHarness.check(app);
        socialTemplate = Template.fromStack(socialStack);
        plainTemplate = Template.fromStack(plainStack);
    }

    @Test
    void cdkNagFindsNothingUnacknowledged() {
        nag.assertClean();
        assertThat(nag.usedAcknowledgementIds()).contains("user-pool-sms-role", "identity-pool-guests",
                "user-pool-no-threat-protection");
    }

    @Test
    void templateChecksPass() {
        // storage (and its guest grants) is not built here: only the identity pool side of C10 is checked
        TemplateChecks.assertAll(Map.of("Social", socialTemplate.toJSON()), TemplateChecks.Expectations.of(socialPlan));
        TemplateChecks.assertAll(Map.of("Plain", plainTemplate.toJSON()), TemplateChecks.Expectations.of(plainPlan));
    }

    @Test
    void userPoolHasLoginMethodsMfaAttributesPasswordPolicyAndRecovery() {
        socialTemplate.hasResource("AWS::Cognito::UserPool", Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Json.obj(
                        "UserPoolName", "social-amplifyAuth",
                        "UsernameAttributes", List.of("email", "phone_number"),
                        "AutoVerifiedAttributes", List.of("email", "phone_number"),
                        "MfaConfiguration", "ON",
                        "EnabledMfas", List.of("SOFTWARE_TOKEN_MFA"),
                        "DeletionProtection", "ACTIVE",
                        "UsernameConfiguration", Map.of("CaseSensitive", false),
                        "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", false),
                        "AccountRecoverySetting", Map.of("RecoveryMechanisms",
                                List.of(Map.of("Name", "verified_email", "Priority", 1))),
                        "Policies", Map.of("PasswordPolicy", Map.of("MinimumLength", 12, "RequireLowercase", true,
                                "RequireUppercase", true, "RequireNumbers", true, "RequireSymbols", true,
                                "TemporaryPasswordValidityDays", 7)),
                        "Schema", Match.arrayWith(List.of(
                                Map.of("Name", "email", "Required", true, "Mutable", true),
                                Map.of("Name", "given_name", "Required", false, "Mutable", true),
                                Map.of("Name", "tier", "AttributeDataType", "String", "Mutable", false,
                                        "StringAttributeConstraints", Map.of("MinLength", "1", "MaxLength", "20")),
                                Map.of("Name", "score", "AttributeDataType", "Number", "Mutable", true))))));
        plainTemplate.hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "MfaConfiguration", "OFF",
                "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true)));
        plainTemplate.hasResource("AWS::Cognito::UserPool", Map.of("DeletionPolicy", "Delete"));
    }

    @Test
    void triggerIsWiredAndCognitoMayInvokeIt() {
        socialTemplate.hasResourceProperties("AWS::Cognito::UserPool", Map.of("LambdaConfig", Map.of(
                "PreSignUp", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FnpreSignUpFunction.*"), "Arn")))));
        socialTemplate.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "Principal", "cognito-idp.amazonaws.com",
                "SourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AuthUserPool.*"), "Arn"))));
    }

    @Test
    void clientUsesSrpPreventsUserExistenceErrorsAndLimitsWritableAttributes() {
        socialTemplate.hasResourceProperties("AWS::Cognito::UserPoolClient", Json.obj(
                "ExplicitAuthFlows", List.of("ALLOW_CUSTOM_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                "PreventUserExistenceErrors", "ENABLED",
                "GenerateSecret", false,
                "EnableTokenRevocation", true,
                "AccessTokenValidity", 60,
                "IdTokenValidity", 60,
                "RefreshTokenValidity", 43200,
                "WriteAttributes", List.of("custom:score", "email", "given_name", "phone_number"),
                "AllowedOAuthFlows", List.of("code"),
                "AllowedOAuthScopes", List.of("email", "openid"),
                "CallbackURLs", List.of("https://app.example.com/callback"),
                "LogoutURLs", List.of("https://app.example.com/"),
                "SupportedIdentityProviders", List.of("COGNITO", "Google", "Facebook", "LoginWithAmazon", "SignInWithApple",
                        "Partners", "Corp")));
        plainTemplate.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
                "AllowedOAuthFlowsUserPoolClient", false));
    }

    @Test
    void providersReadTheirSecretsByNameAtDeployTime() {
        socialTemplate.hasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", Map.of(
                "ProviderName", "Google", "ProviderType", "Google",
                "ProviderDetails", Map.of(
                        "client_id", "{{resolve:ssm:/amplify4j/social/google-client-id}}",
                        "client_secret", "{{resolve:ssm:/amplify4j/social/google-client-secret}}")));
        socialTemplate.hasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", Map.of(
                "ProviderName", "Facebook", "ProviderType", "Facebook",
                "ProviderDetails", Map.of("client_id", "{{resolve:ssm:/amplify4j/social/facebook-app-id}}",
                        "client_secret", "{{resolve:ssm:/amplify4j/social/facebook-app-secret}}")));
        socialTemplate.hasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", Map.of(
                "ProviderName", "LoginWithAmazon", "ProviderType", "LoginWithAmazon"));
        socialTemplate.hasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", Map.of(
                "ProviderName", "SignInWithApple",
                "ProviderDetails", Map.of("private_key", "{{resolve:ssm:/amplify4j/social/apple-private-key}}")));
        socialTemplate.hasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", Map.of(
                "ProviderName", "Partners", "ProviderType", "OIDC",
                "ProviderDetails", Map.of("oidc_issuer", "https://login.partners.example.com",
                        "attributes_request_method", "GET")));
        socialTemplate.hasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", Map.of(
                "ProviderName", "Corp", "ProviderType", "SAML",
                "ProviderDetails", Map.of("MetadataURL", "https://idp.example.com/metadata")));
        socialTemplate.hasResourceProperties("AWS::Cognito::UserPoolDomain", Map.of(
                "Domain", Match.stringLikeRegexp("^social-[0-9a-f]{10}$")));
        assertThat(socialTemplate.toJSON().toString()).doesNotContain("\"client_secret\":\"x");
    }

    @Test
    void identityPoolAdmitsGuestsOnlyWhenARuleNeedsThem() {
        socialTemplate.hasResourceProperties("AWS::Cognito::IdentityPool", Map.of(
                "AllowUnauthenticatedIdentities", true, "AllowClassicFlow", false));
        plainTemplate.hasResourceProperties("AWS::Cognito::IdentityPool", Map.of(
                "AllowUnauthenticatedIdentities", false, "AllowClassicFlow", false));
        assertThat(social.guestRole()).isPresent();
        assertThat(plain.guestRole()).isEmpty();
        plainTemplate.hasResourceProperties("AWS::Cognito::IdentityPoolRoleAttachment", Map.of(
                "Roles", Json.obj("authenticated", Match.anyValue(), "unauthenticated", Match.absent())));
    }

    @Test
    void everyIdentityPoolRoleTrustsOnlyThisPoolAndTheRightIdentityKind() {
        for (String amr : List.of("authenticated", "unauthenticated")) {
            socialTemplate.hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of(
                    "Statement", List.of(Map.of(
                            "Action", "sts:AssumeRoleWithWebIdentity",
                            "Effect", "Allow",
                            "Principal", Map.of("Federated", "cognito-identity.amazonaws.com"),
                            "Condition", Map.of(
                                    "StringEquals", Map.of("cognito-identity.amazonaws.com:aud",
                                            Map.of("Ref", Match.stringLikeRegexp("AuthIdentityPool.*"))),
                                    "ForAnyValue:StringLike", Map.of("cognito-identity.amazonaws.com:amr", amr)))))));
        }
        // authenticated, guest, ADMINS, EDITORS
        assertThat(socialTemplate.findResources("AWS::IAM::Role", Map.of("Properties", Map.of(
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of("Principal",
                        Map.of("Federated", "cognito-identity.amazonaws.com")))))))).hasSize(4);
    }

    @Test
    void groupsHaveRolesAndPrecedenceAndTokenRoleMapping() {
        socialTemplate.hasResourceProperties("AWS::Cognito::UserPoolGroup", Map.of(
                "GroupName", "ADMINS", "Precedence", 0,
                "RoleArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AuthGroupADMINSRole.*"), "Arn"))));
        socialTemplate.hasResourceProperties("AWS::Cognito::UserPoolGroup", Map.of(
                "GroupName", "EDITORS", "Precedence", 1));
        socialTemplate.hasResourceProperties("AWS::Cognito::IdentityPoolRoleAttachment", Map.of(
                "RoleMappings", Map.of("userPool", Map.of("Type", "Token",
                        "AmbiguousRoleResolution", "AuthenticatedRole"))));
        assertThat(social.groupRole("ADMINS")).isNotNull();
        assertThatThrownBy(() -> social.groupRole("NOPE")).hasMessageContaining("auth has no group 'NOPE'");
    }

    @Test
    void grantedFunctionGetsExactlyItsCognitoActionsOnThisPool() {
        socialTemplate.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Action", List.of("cognito-idp:AdminAddUserToGroup", "cognito-idp:AdminGetUser",
                                "cognito-idp:AdminRemoveUserFromGroup"),
                        "Effect", "Allow",
                        "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AuthUserPool.*"),
                                "Arn"))))),
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("FnadminRole.*")))));
    }

    @Test
    void malformedSecretNameFailsNamingThePlace() {
        assertThat(SecretStore.SSM_PARAMETER.resolve("p", "social", "google-client-id"))
                .isEqualTo("/amplify4j/social/google-client-id");
        assertThat(SecretStore.SSM_PARAMETER.resolve("p", "social", "/shared/google")).isEqualTo("/shared/google");
        assertThatThrownBy(() -> SecretStore.SSM_PARAMETER.resolve("auth.amplifyAuth.externalLogin.Google.clientId",
                "social", "/aws/google"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("auth.amplifyAuth.externalLogin.Google.clientId: SSM parameter '/aws/google' starts with "
                        + "'aws'; names beginning with aws or ssm are reserved. Choose another first path part.");
        assertThatThrownBy(() -> SecretStore.SECRETS_MANAGER.resolve("functions.restock.secrets.KEY", "shop",
                "supplier-key-abc123"))
                .hasMessageStartingWith("functions.restock.secrets.KEY: secret name 'supplier-key-abc123' ends with a "
                        + "hyphen and six characters");
    }
}
