package io.amplify4j.validate;

import static io.amplify4j.validate.ModelFixtures.*;

import io.amplify4j.model.auth.AuthAction;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.auth.AuthDefinition.CustomAttribute;
import io.amplify4j.model.auth.AuthDefinition.Multifactor;
import io.amplify4j.model.auth.AuthTrigger;
import io.amplify4j.model.auth.ExternalLogin;
import io.amplify4j.model.auth.SecretRef;
import io.amplify4j.model.auth.StandardAttributeName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The auth category: sign-in, password policy, groups, MFA, attributes, triggers, access and external login. */
class AuthCategoryValidationTest {

    @Test
    void needsEmailOrPhoneLogin() {
        assertProblems(backend().auth(a -> a.set(x -> x.email = false)), "auth.loginWith: Auth must let users sign in "
                + "with email or phone. Enable loginWithEmail or loginWithPhone.");
    }

    @Test
    void passwordLengthAndTemporaryValidity() {
        assertProblems(backend().auth(a -> a.set(x -> x.password = new AuthDefinition.PasswordPolicy(6, 0))),
                "auth.passwordPolicy.minLength: Password minimum length must be 8 to 99 characters; got 6. Set a "
                        + "length in that range.",
                "auth.passwordPolicy.temporaryPasswordValidityDays: Temporary passwords must stay valid 1 to 365 days; "
                        + "got 0.");
        assertProblems(backend().auth(a -> a.set(x -> x.password = new AuthDefinition.PasswordPolicy(100, 7))),
                "auth.passwordPolicy.minLength: Password minimum length must be 8 to 99 characters; got 100. Set a "
                        + "length in that range.");
    }

    @Test
    void groupsAreUniqueWithNonNegativePrecedence() {
        assertProblems(backend().auth(a -> a.set(x -> {
            x.groups.add(new AuthDefinition.UserGroup("ADMINS", 1));
            x.groups.add(new AuthDefinition.UserGroup("EDITORS", -1));
        })),
                "auth.groups.ADMINS: Group `ADMINS` is declared more than once. Remove the duplicate.",
                "auth.groups.EDITORS: Group `EDITORS` has precedence -1; precedence must be 0 or more (0 wins).");
    }

    @Test
    void mfaModeAndMethodsAgree() {
        assertProblems(backend().auth(a -> a.set(x -> x.mfa = new Multifactor(Multifactor.Mode.OFF, true, false,
                        false))),
                "auth.multifactor: MFA is OFF but methods are enabled. Set the mode to OPTIONAL or REQUIRED, or "
                        + "disable the methods.");
        assertProblems(backend().auth(a -> a.set(x -> x.mfa = new Multifactor(Multifactor.Mode.REQUIRED, false, false,
                        false))),
                "auth.multifactor: MFA mode `REQUIRED` needs at least one method. Enable totp, sms or email.");
    }

    @Test
    void smsMfaNeedsAPhoneNumber() {
        assertProblems(backend().auth(a -> a.set(x -> x.mfa = new Multifactor(Multifactor.Mode.OPTIONAL, true, true,
                        false))),
                "auth.multifactor: SMS MFA needs a phone number for every user. Enable loginWithPhone or make the "
                        + "`phone_number` attribute required.");
        assertProblems(backend().auth(a -> a.set(x -> {
            x.mfa = new Multifactor(Multifactor.Mode.OPTIONAL, false, true, false);
            x.standard.add(new AuthDefinition.StandardAttribute(StandardAttributeName.PHONE_NUMBER, true, true));
        })));
    }

    @Test
    void standardAttributesConfiguredOnce() {
        assertProblems(backend().auth(a -> a.set(x -> {
            x.standard.add(new AuthDefinition.StandardAttribute(StandardAttributeName.GIVEN_NAME, true, true));
            x.standard.add(new AuthDefinition.StandardAttribute(StandardAttributeName.GIVEN_NAME, false, true));
        })), "auth.standardAttributes.given_name: Standard attribute `given_name` is configured more than once. Keep "
                + "one setting.");
    }

    @Test
    void customAttributes() {
        assertProblems(backend().auth(a -> a.set(x -> {
            x.custom.add(new CustomAttribute("custom:tier", CustomAttribute.DataType.STRING, true, Optional.empty(),
                    Optional.empty()));
            x.custom.add(new CustomAttribute("flag", CustomAttribute.DataType.BOOLEAN, true, Optional.of(0),
                    Optional.empty()));
            x.custom.add(new CustomAttribute("score", CustomAttribute.DataType.NUMBER, true, Optional.of(10),
                    Optional.of(5)));
            x.custom.add(new CustomAttribute("code", CustomAttribute.DataType.STRING, true, Optional.of(-1),
                    Optional.of(5)));
            x.custom.add(new CustomAttribute("code", CustomAttribute.DataType.STRING, true, Optional.empty(),
                    Optional.empty()));
        })),
                "auth.customAttributes.custom:tier: Custom attribute name `custom:tier` is invalid. Use 1 to 20 "
                        + "letters, digits or underscores, without the `custom:` prefix.",
                "auth.customAttributes.flag: Custom attribute `flag` is a BOOLEAN and cannot have min or max; only "
                        + "String (length) and Number (value) attributes can. Remove the bounds.",
                "auth.customAttributes.score: Custom attribute `score` has min 10 above max 5. Swap or fix the bounds.",
                "auth.customAttributes.code: Custom attribute `code` has a negative length bound. Use 0 or more.",
                "auth.customAttributes.code: Custom attribute `code` is declared more than once. Remove the duplicate.");
    }

    @Test
    void triggerFunctionsExistAndBindOnce() {
        assertProblems(backend().functions("signup").auth(a -> a.set(x -> {
            x.triggers.add(new AuthDefinition.TriggerBinding(AuthTrigger.PRE_SIGN_UP, "signup"));
            x.triggers.add(new AuthDefinition.TriggerBinding(AuthTrigger.PRE_SIGN_UP, "ghost"));
        })),
                "auth.triggers.PRE_SIGN_UP: Trigger `PRE_SIGN_UP` is bound more than once. A user pool event runs one "
                        + "function; keep one.",
                "auth.triggers.PRE_SIGN_UP: Trigger function `ghost` is not defined. Define the function or fix the "
                        + "name.");
    }

    @Test
    void accessGrants() {
        assertProblems(backend().auth(a -> a.set(x -> {
            x.access.add(new AuthDefinition.AccessGrant("ghost", List.of(AuthAction.LIST_USERS)));
            x.access.add(new AuthDefinition.AccessGrant("ghost", List.of()));
        })),
                "auth.access.ghost: Function `ghost` granted auth access is not defined. Define the function or fix "
                        + "the name.",
                "auth.access.ghost: Auth access for function `ghost` grants no actions. Name at least one action.",
                "auth.access.ghost: Function `ghost` is granted auth access more than once. Merge the grants.");
    }

    private static ExternalLogin.Social google(String secretName) {
        return new ExternalLogin.Social(ExternalLogin.SocialKind.GOOGLE, new SecretRef(secretName),
                new SecretRef("GOOGLE_CLIENT_SECRET"), List.of(), new java.util.TreeMap<>());
    }

    @Test
    void externalLoginNeedsProvidersAndUrls() {
        assertProblems(backend().auth(a -> a.set(x -> x.external = Optional.of(new ExternalLogin(List.of(), List.of(),
                        List.of(), List.of())))),
                "auth.externalLogin: External login has no identity providers. Add a provider or remove external "
                        + "login.",
                "auth.externalLogin.callbackUrls: External login needs at least one callback URL. Add the URL the "
                        + "hosted UI returns to after sign-in.",
                "auth.externalLogin.logoutUrls: External login needs at least one logout URL. Add the URL the hosted "
                        + "UI returns to after sign-out.");
    }

    @Test
    void externalLoginRedirectsProvidersAndSecrets() {
        ExternalLogin.Oidc oidc = new ExternalLogin.Oidc("MyIdP", "http://idp.example.com", new SecretRef("ID"),
                new SecretRef("SECRET"), ExternalLogin.AttributeRequestMethod.GET, List.of(), new java.util.TreeMap<>());
        ExternalLogin.Saml saml = new ExternalLogin.Saml("Corp", ExternalLogin.SamlMetadataType.URL,
                "http://corp.example.com/metadata", new java.util.TreeMap<>());
        ExternalLogin login = new ExternalLogin(List.of(google("GOOGLE ID"), google("GOOGLE_ID"), oidc, saml),
                List.of(), List.of("https://app.example.com/cb", "myapp://cb", "http://example.com/cb"),
                List.of("http://localhost:3000/"));
        assertProblems(backend().auth(a -> a.set(x -> x.external = Optional.of(login))),
                "auth.externalLogin.callbackUrls[2]: Redirect URL `http://example.com/cb` is not allowed. Use an "
                        + "absolute https URL, an app scheme such as `myapp://callback`, or http only for localhost.",
                "auth.externalLogin.providers.Google: Secret name `GOOGLE ID` is invalid. Use 1 to 128 letters, "
                        + "digits, `_`, `.`, `-` or `/`.",
                "auth.externalLogin.providers.Google: Identity provider `Google` is configured more than once. Keep "
                        + "one.",
                "auth.externalLogin.providers.MyIdP: OIDC provider issuer `http://idp.example.com` is not an https "
                        + "URL. Use the issuer's https URL.",
                "auth.externalLogin.providers.Corp: SAML metadata URL `http://corp.example.com/metadata` is not an "
                        + "https URL. Use the provider's https metadata URL.");
    }
}
